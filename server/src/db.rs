//! The connection pool, per-connection pragmas, migrations and the write gate.
//!
//! One code path serves SQLite (default, one file in WAL mode) and PostgreSQL through sqlx's
//! `Any` driver; SQL is written portably (`$1` placeholders, integer unix-ms timestamps,
//! `ON CONFLICT`, `RETURNING`). SQLite allows one writer at a time and a deferred
//! transaction that later upgrades to a write lock can fail with `SQLITE_BUSY` instead of
//! waiting, so on SQLite every write transaction first takes a process-wide async mutex.

use crate::error::{Error, Result};
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database engine a URL points at (chooses migrations and the write gate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite:` URLs: embedded, single writer.
    Sqlite,
    /// `postgres:` / `postgresql:` URLs: the scale-out option.
    Postgres,
}

impl Backend {
    /// The engine for a database URL, by scheme.
    pub fn from_url(url: &str) -> Result<Self> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Self::Sqlite),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            other => Err(Error::internal(format!(
                "unsupported database URL scheme {other:?} (use sqlite: or postgres:)"
            ))),
        }
    }
}

/// The shared database handle: pool + engine + (on SQLite) the write gate. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    /// The connection pool.
    pub pool: AnyPool,
    /// The engine behind the pool.
    pub backend: Backend,
    write_gate: Arc<Mutex<()>>,
}

/// A write transaction; on SQLite it also holds the process-wide write gate until dropped.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// The connection to run statements on.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Make the writes durable (then release the gate).
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

impl Db {
    /// Open a pool for `url`, applying SQLite pragmas on every new connection.
    pub async fn connect(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let options = match backend {
            Backend::Sqlite => AnyPoolOptions::new().max_connections(8).after_connect(
                |conn: &mut AnyConnection, _meta| {
                    Box::pin(async move {
                        // WAL: readers never block the writer; FULL: an acknowledged write
                        // survives power loss; busy_timeout: other processes (import,
                        // seed-demo) wait instead of failing.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        // Deleted and overwritten content is zeroed, not left in free pages:
                        // an erased customer's email must be nowhere in the file.
                        conn.execute("PRAGMA secure_delete = ON").await?;
                        Ok(())
                    })
                },
            ),
            Backend::Postgres => AnyPoolOptions::new().max_connections(16),
        };
        let pool = options
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(Self {
            pool,
            backend,
            write_gate: Arc::new(Mutex::new(())),
        })
    }

    /// The migrations embedded in this binary for the pool's engine.
    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// Apply pending migrations from `migrations/<backend>/`.
    pub async fn migrate(&self) -> Result<()> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    /// Versions of the embedded migrations the database has not (successfully) applied; empty
    /// when the schema is the one this binary expects (for `/readyz`). An error when the
    /// database does not answer; a database never migrated has every version pending.
    pub async fn pending_migrations(&self) -> Result<Vec<i64>> {
        let mut conn = self.pool.acquire().await?;
        let applied: Vec<(i64,)> =
            match sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_all(&mut *conn)
                .await
            {
                Ok(rows) => rows,
                // No bookkeeping table yet: nothing applied (but the database answered).
                Err(sqlx::Error::Database(_)) => {
                    conn.ping().await?;
                    Vec::new()
                }
                Err(e) => return Err(e.into()),
            };
        let applied: std::collections::HashSet<i64> = applied.into_iter().map(|(v,)| v).collect();
        Ok(self
            .migrator()
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .map(|m| m.version)
            .filter(|v| !applied.contains(v))
            .collect())
    }

    /// Begin a transaction that will write (serialised on SQLite, see the module docs).
    pub async fn begin_write(&self) -> Result<WriteTx> {
        let gate = match self.backend {
            Backend::Sqlite => Some(self.write_gate.clone().lock_owned().await),
            Backend::Postgres => None,
        };
        // SQLite: take the write lock at BEGIN (waiting up to busy_timeout for another
        // process or an ungated statement), never mid-transaction: a deferred transaction
        // that reads first and writes later fails at once with "database is locked" when
        // another connection wrote in between (found by the API fuzzer as a 500).
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx { tx, _gate: gate })
    }

    /// A cheap round trip proving the database answers.
    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        conn.ping().await?;
        Ok(())
    }

    /// Delete idempotency records older than 24 h, and in-flight ones abandoned by a crash
    /// (the `idempotency` retention job, run now).
    pub async fn purge_idempotency(&self) -> Result<u64> {
        crate::ops::retention::purge_idempotency(self, crate::util::now_ms()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_by_scheme() {
        assert_eq!(
            Backend::from_url("sqlite://a.db?mode=rwc").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::from_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::from_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::from_url("mysql://x").is_err());
    }
}
