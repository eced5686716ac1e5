//! The retention jobs delete exactly what has aged out, and nothing else.

use crate::common;

use aftercare_server::ops::retention::{self, DAY_MS};
use aftercare_server::Db;
use axum::body::Body;
use axum::http::StatusCode;
use common::returns::*;
use common::*;
use serde_json::json;

async fn count(db: &Db, sql: &str, bind: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .bind(bind)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    n
}

async fn exec(db: &Db, sql: &str, a: i64, b: &str) {
    sqlx::query(sql)
        .bind(a)
        .bind(b)
        .execute(&db.pool)
        .await
        .unwrap();
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 9) as u8, (y * 3) as u8, 60])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Upload a photo at `path` as Ana; its id.
async fn upload(t: &TestApp, path: &str) -> String {
    let r = t
        .send(
            public("POST", path)
                .header("authorization", ana())
                .body(Body::from(png(32, 24)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    r.json()["id"].as_str().unwrap().to_owned()
}

async fn photo_status(t: &TestApp, path: &str, id: &str) -> StatusCode {
    t.send(
        axum::http::Request::get(format!("{path}/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .status
}

#[tokio::test]
async fn idempotency_records_expire_after_their_window() {
    let t = setup().await;
    let db = &t.state.db;
    let now = aftercare_server::now_ms();
    let insert =
        "INSERT INTO idempotency_keys (store_id, credential_hash, idem_key, request_hash, \
                  state, created_at_ms) VALUES (1, 'h', $2, 'r', 'done', $1)";
    exec(db, insert, now - 25 * 3_600_000, "old").await;
    exec(db, insert, now - 3_600_000, "fresh").await;
    exec(
        db,
        "INSERT INTO idempotency_keys (store_id, credential_hash, idem_key, request_hash, state, \
         created_at_ms) VALUES (1, 'h', $2, 'r', 'in_flight', $1)",
        now - 11 * 60_000,
        "crashed",
    )
    .await;
    let before = count(
        db,
        "SELECT COUNT(*) FROM idempotency_keys WHERE created_at_ms > $1",
        0,
    )
    .await;
    assert_eq!(retention::purge_idempotency(db, now).await.unwrap(), 2);
    let keys: Vec<(String,)> =
        sqlx::query_as("SELECT idem_key FROM idempotency_keys WHERE credential_hash = 'h'")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(keys, vec![("fresh".to_owned(),)]);
    let after = count(
        db,
        "SELECT COUNT(*) FROM idempotency_keys WHERE created_at_ms > $1",
        0,
    )
    .await;
    assert_eq!(before - after, 2);
}

#[tokio::test]
async fn tracking_views_expire_after_ninety_days() {
    let t = setup().await;
    let db = &t.state.db;
    let now = aftercare_server::now_ms();
    let order = order_db_id(&t, "1001").await;
    for age_days in [91, 89] {
        sqlx::query(
            "INSERT INTO tracking_views (store_id, order_id, viewed_at_ms, viewer) \
             VALUES (1, $1, $2, 'guest')",
        )
        .bind(order)
        .bind(now - age_days * DAY_MS)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    let cutoff = now - 90 * DAY_MS;
    let old = "SELECT COUNT(*) FROM tracking_views WHERE viewed_at_ms < $1";
    let expired = count(db, old, cutoff).await;
    let total = count(db, "SELECT COUNT(*) FROM tracking_views WHERE id > $1", 0).await;
    assert!(expired >= 1);
    assert_eq!(
        retention::purge_tracking_views(db, now).await.unwrap(),
        expired as u64
    );
    assert_eq!(count(db, old, cutoff).await, 0);
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM tracking_views WHERE id > $1", 0).await,
        total - expired,
        "recent views stay"
    );
}

#[tokio::test]
async fn emails_done_with_expire_after_ninety_days_and_queued_ones_stay() {
    let t = setup().await;
    let db = &t.state.db;
    let now = aftercare_server::now_ms();
    sqlx::query("DELETE FROM email_outbox")
        .execute(&db.pool)
        .await
        .unwrap();
    for (n, status, age_days) in [
        (1, "sent", 91),
        (2, "skipped", 120),
        (3, "failed", 95),
        (4, "queued", 200),
        (5, "sent", 89),
    ] {
        sqlx::query(
            "INSERT INTO email_outbox (store_id, kind, recipient, locale, payload, message_id, \
             status, next_attempt_ms, created_at_ms) VALUES (1, 'parcel', 'a@example.com', 'en', \
             '{}', $1, $2, $3, $3)",
        )
        .bind(format!("<m{n}@aftercare>"))
        .bind(status)
        .bind(now - age_days * DAY_MS)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    assert_eq!(retention::purge_sent_emails(db, now).await.unwrap(), 3);
    let left: Vec<String> = sqlx::query_scalar("SELECT message_id FROM email_outbox ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(left, vec!["<m4@aftercare>", "<m5@aftercare>"]);
    assert_eq!(retention::run_all(db, now).await.sent_emails, Some(0));
}

#[tokio::test]
async fn photos_never_attached_expire_after_a_day() {
    let t = setup().await;
    let db = &t.state.db;
    let returns_old = upload(&t, "/v1/return-photos").await;
    let reviews_old = upload(&t, "/v1/review-photos").await;
    let returns_new = upload(&t, "/v1/return-photos").await;
    let now = aftercare_server::now_ms();
    for (table, id) in [
        ("return_photos", &returns_old),
        ("review_photos", &reviews_old),
    ] {
        exec(
            db,
            &format!("UPDATE {table} SET created_at_ms = $1 WHERE id = $2"),
            now - 25 * 3_600_000,
            id,
        )
        .await;
    }
    // Attached photos (the seed's reviews have some) are never "unattached", however old.
    let attached = count(
        db,
        "SELECT COUNT(*) FROM review_photos WHERE review_id > $1",
        0,
    )
    .await;
    assert_eq!(
        retention::purge_unattached_photos(db, now).await.unwrap(),
        2
    );
    assert_eq!(
        photo_status(&t, "/v1/return-photos", &returns_old).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        photo_status(&t, "/v1/review-photos", &reviews_old).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        photo_status(&t, "/v1/return-photos", &returns_new).await,
        StatusCode::OK
    );
    assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM review_photos WHERE review_id > $1",
            0
        )
        .await,
        attached
    );
}

#[tokio::test]
async fn closed_returns_lose_their_photos_after_the_stores_retention() {
    let t = setup().await;
    let db = &t.state.db;
    let photo = upload(&t, "/v1/return-photos").await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &json!({"method": "drop_off", "lines": [
            {"item_id": socks, "quantity": 1, "reason": "damaged", "resolution": "refund", "photo_ids": [photo]},
        ]}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let rma = r.json()["rma"].as_str().unwrap().to_owned();
    let now = aftercare_server::now_ms();
    let age = |days: i64| {
        exec(
            db,
            "UPDATE returns SET updated_at_ms = $1 WHERE rma = $2",
            now - days * DAY_MS,
            &rma,
        )
    };

    // The retention is a validated store setting (default 180 days).
    let settings = admin_get(&t, "/v1/admin/returns/settings").await.json();
    assert_eq!(settings["photo_retention_days"], 180);
    let mut changed = settings.clone();
    changed["photo_retention_days"] = json!(0);
    let r = admin_send(&t, "PUT", "/v1/admin/returns/settings", &changed).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), vec!["photo_retention_days"]);
    changed["photo_retention_days"] = json!(30);
    let r = admin_send(&t, "PUT", "/v1/admin/returns/settings", &changed).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());

    // An open return keeps its photos however old it is.
    age(400).await;
    assert_eq!(
        retention::purge_closed_return_photos(db, now)
            .await
            .unwrap(),
        0
    );

    // Closed, but more recently than the retention: kept.
    let r = post(
        &t,
        &format!("/v1/returns/{rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    age(29).await;
    assert_eq!(
        retention::purge_closed_return_photos(db, now)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        photo_status(&t, "/v1/return-photos", &photo).await,
        StatusCode::OK
    );

    // Closed 31 days ago with a 30-day retention: gone; the return itself stays.
    age(31).await;
    assert_eq!(
        retention::purge_closed_return_photos(db, now)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        photo_status(&t, "/v1/return-photos", &photo).await,
        StatusCode::NOT_FOUND
    );
    let r = admin_get(&t, &format!("/v1/admin/returns/{rma}")).await;
    assert_eq!(r.status, StatusCode::OK);

    // The scheduled run does every job and reports each count.
    let report = retention::run_all(db, now).await;
    assert_eq!(report.closed_return_photos, Some(0));
    assert!(report.idempotency.is_some() && report.tracking_views.is_some());
    assert_eq!(report.unattached_photos, Some(0));
}
