//! `aftercare-server backup FILE`: a consistent copy of a live SQLite database.
//!
//! `VACUUM INTO` writes a snapshot of one read transaction into a new file while the server
//! keeps serving (readers and the writer are not blocked in WAL mode), compacted and without
//! the WAL, so the copy is one self-contained file. The copy is synced and then opened
//! read-only for `PRAGMA integrity_check` before it is reported good. Restoring is copying it
//! back (server stopped) or pointing `DATABASE_URL` at it; see `docs/OPERATIONS.md`.
//!
//! PostgreSQL has its own tools (`pg_dump`/`pg_restore`), which this command points to.

use crate::db::{Backend, Db};
use crate::error::Error;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};

/// Why a backup was not made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The destination exists: a backup never overwrites anything.
    #[error("{0} already exists; choose a new file name (backups never overwrite)")]
    Exists(PathBuf),
    /// The destination path cannot be handed to SQLite (not UTF-8).
    #[error("the backup path {0:?} is not valid UTF-8")]
    BadPath(PathBuf),
    /// The database is PostgreSQL, which this command does not copy.
    #[error(
        "backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. \
         `pg_dump --format=custom --file=aftercare.dump \"$DATABASE_URL\"` (see docs/OPERATIONS.md)"
    )]
    Postgres,
    /// SQLite refused (disk full, directory missing, permissions…).
    #[error("backup failed: {0}")]
    Database(#[from] sqlx::Error),
    /// The file could not be synced to disk.
    #[error("backup written but not synced: {0}")]
    Io(#[from] std::io::Error),
    /// The copy does not pass `PRAGMA integrity_check` (it is left in place for inspection).
    #[error("the backup failed its integrity check: {0}")]
    Integrity(String),
}

impl From<BackupError> for Error {
    /// Operator mistakes read as such (`bad_request`); failures stay internal.
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Exists(_) | BackupError::BadPath(_) | BackupError::Postgres => {
                Error::bad_request(e.to_string())
            }
            other => Error::internal(other.to_string()),
        }
    }
}

/// What a finished backup is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    /// Size of the copy in bytes.
    pub bytes: u64,
}

/// Write a consistent, verified copy of `db` (SQLite) to `dest`, which must not exist.
pub async fn backup(db: &Db, dest: &Path) -> Result<BackupReport, BackupError> {
    if db.backend == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    // symlink_metadata: a dangling symlink also counts as "exists".
    if dest.symlink_metadata().is_ok() {
        return Err(BackupError::Exists(dest.to_owned()));
    }
    let target = dest
        .to_str()
        .ok_or_else(|| BackupError::BadPath(dest.to_owned()))?;
    let mut conn = db.pool.acquire().await?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut *conn)
        .await?;
    drop(conn);
    std::fs::File::open(dest)?.sync_all()?;
    integrity_check(dest).await?;
    Ok(BackupReport {
        bytes: std::fs::metadata(dest)?.len(),
    })
}

/// Open `file` read-only and run `PRAGMA integrity_check`; `Ok` only for SQLite's `ok`.
pub async fn integrity_check(file: &Path) -> Result<(), BackupError> {
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await?;
    let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    conn.close().await?;
    match rows.as_slice() {
        [(ok,)] if ok == "ok" => Ok(()),
        problems => Err(BackupError::Integrity(
            problems
                .iter()
                .map(|(p,)| p.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )),
    }
}
