//! `backup`: a consistent copy of the live SQLite database, taken while the server's pool is
//! open, that opens as a database with the same data and passes SQLite's integrity check;
//! it never overwrites a file.

use crate::common;

use aftercare_server::ops::backup::{self, BackupError};
use aftercare_server::Db;
use axum::http::StatusCode;
use common::*;
use serde_json::json;

async fn scalar(db: &Db, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&db.pool).await.unwrap();
    n
}

#[tokio::test]
async fn a_live_backup_opens_with_the_same_data() {
    let t = setup().await;
    // Something written after the seed, still in the WAL of the open pool.
    let mut settings = admin_get(&t, "/v1/admin/returns/settings").await.json();
    settings["photo_retention_days"] = json!(42);
    let r = admin_send(&t, "PUT", "/v1/admin/returns/settings", &settings).await;
    assert_eq!(r.status, StatusCode::OK);
    let orders = scalar(&t.state.db, "SELECT COUNT(*) FROM orders").await;
    let events = scalar(&t.state.db, "SELECT COUNT(*) FROM tracking_events").await;

    let file = t.dir.path().join("backup.db");
    let report = backup::backup(&t.state.db, &file).await.unwrap();
    assert!(report.bytes > 0);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), report.bytes);
    backup::integrity_check(&file).await.unwrap();

    // Never overwrites, not even with an identical copy.
    match backup::backup(&t.state.db, &file).await {
        Err(BackupError::Exists(p)) => assert_eq!(p, file),
        other => panic!("expected Exists, got {other:?}"),
    }

    // The server keeps writing; the copy is the snapshot taken.
    sqlx::query("DELETE FROM tracking_events")
        .execute(&t.state.db.pool)
        .await
        .unwrap();

    let copy = Db::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    assert!(copy.pending_migrations().await.unwrap().is_empty());
    assert_eq!(scalar(&copy, "SELECT COUNT(*) FROM orders").await, orders);
    assert_eq!(
        scalar(&copy, "SELECT COUNT(*) FROM tracking_events").await,
        events
    );
    let mut conn = copy.pool.acquire().await.unwrap();
    let stored = aftercare_server::repo::returns::settings(&mut conn, 1)
        .await
        .unwrap();
    assert_eq!(stored.photo_retention_days, 42);
}

#[test]
fn the_command_backs_up_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let url = format!("sqlite://{}?mode=rwc", db.display());
    let bin = env!("CARGO_BIN_EXE_aftercare-server");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &url)
            .env("AFTERCARE_LOG_FORMAT", "text")
            .output()
            .unwrap()
    };
    assert!(run(&["migrate"]).status.success());
    let file = dir.path().join("copy.db");
    let file = file.to_str().unwrap();
    let out = run(&["backup", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("integrity ok"));
    let again = run(&["backup", file]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already exists"), "{err}");
}
