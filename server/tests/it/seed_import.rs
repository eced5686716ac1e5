//! `seed-demo` is idempotent; `import` loads the example file and refuses invalid orders whole.

use crate::common;

use aftercare_server::repo::orders;
use aftercare_server::{import, seed};
use aftercare_shared::api::ImportFile;
use common::*;
use std::path::Path;

#[tokio::test]
async fn seeding_twice_changes_no_counts() {
    let t = setup().await; // seeded once
    let first = seed::seed_demo(&t.state.db).await.unwrap();
    let before = orders::counts(&t.state.db, first.store_id).await.unwrap();
    let again = seed::seed_demo(&t.state.db).await.unwrap();
    let after = orders::counts(&t.state.db, again.store_id).await.unwrap();
    assert_eq!(first.store_id, again.store_id);
    assert_eq!(before, after);
    assert_eq!(before[0], 74, "orders 1001-1034 and Olivia's 2001-2040");
    assert_eq!(before[4], 5, "five customers");
    let stores: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stores")
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap();
    let origins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM store_origins")
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap();
    assert_eq!((stores, origins), (1, 2));
    let returns: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM returns")
        .fetch_one(&t.state.db.pool)
        .await
        .unwrap();
    assert_eq!(returns, 9, "past returns are seeded once");
    let reviews = || async {
        sqlx::query_as::<_, (i64, String, String, i64, i64)>(
            "SELECT id, sku, status, updated_at_ms, \
             (SELECT COUNT(*) FROM review_moderation_log l WHERE l.review_id = r.id) \
             FROM reviews r ORDER BY id",
        )
        .fetch_all(&t.state.db.pool)
        .await
        .unwrap()
    };
    let seeded = reviews().await;
    let statuses: Vec<&str> = seeded.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "published",
            "published",
            "published",
            "published",
            "rejected",
            "pending",
            // The one imported from a Judge.me export (seed/feedback.rs).
            "published"
        ],
        "the demo reviews, in every state"
    );
    let books = || async {
        sqlx::query_as::<_, (i64, String, i64, i64)>(
            "SELECT id, customer_external_id, is_default, updated_at_ms \
             FROM customer_addresses ORDER BY id",
        )
        .fetch_all(&t.state.db.pool)
        .await
        .unwrap()
    };
    let saved = books().await;
    assert_eq!(saved.len(), 3, "Ana's two addresses and Olivia's one");
    seed::seed_demo(&t.state.db).await.unwrap();
    assert_eq!(
        books().await,
        saved,
        "saved addresses are not duplicated or touched"
    );
    assert_eq!(
        reviews().await,
        seeded,
        "reviews are not duplicated or touched"
    );
}

#[tokio::test]
async fn demo_orders_cover_the_contract() {
    let t = setup().await;
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let load = |n: &str| aftercare_shared::OrderNumber::parse(n).unwrap();
    let mut get = async |n: &str| {
        let id = orders::order_id_by_number(&mut conn, 1, &load(n))
            .await
            .unwrap()
            .unwrap();
        orders::load_order(&mut conn, id).await.unwrap()
    };
    let o = get("1002").await;
    assert_eq!(o.shipments[0].tracking_number, "PQ4F6P0700123450128001W");
    assert_eq!(
        o.shipments[0].events[0].description,
        "In transit to the destination hub"
    );
    assert_eq!(o.items[0].unit_price.amount_minor, 8900);
    assert_eq!(
        get("1003").await.status,
        aftercare_shared::order::OrderStatus::Processing
    );
    let o = get("1006").await;
    assert_eq!(
        o.status,
        aftercare_shared::order::OrderStatus::PartiallyShipped
    );
    assert_eq!(o.shipments.len(), 2);
    assert_eq!(o.unshipped.len(), 1);
    assert_eq!(
        get("1009").await.status,
        aftercare_shared::order::OrderStatus::Exception
    );
    assert_eq!(
        get("1014").await.status,
        aftercare_shared::order::OrderStatus::Shipped
    );
    assert_eq!(
        get("1016").await.status,
        aftercare_shared::order::OrderStatus::Cancelled
    );
}

#[tokio::test]
async fn example_import_file_imports_and_reimports() {
    let t = setup().await;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import.json");
    let file = import::read_file(&path).unwrap();
    let report = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!(
        (report.created, report.replaced, report.failed.len()),
        (2, 0, 0),
        "{}",
        report.render()
    );
    let report = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!((report.created, report.replaced), (0, 2));
    let counts = orders::counts(&t.state.db, 1).await.unwrap();
    assert_eq!(counts[0], 76);

    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let id = orders::order_id_by_number(
        &mut conn,
        1,
        &aftercare_shared::OrderNumber::parse("A-2001").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let o = orders::load_order(&mut conn, id).await.unwrap();
    assert_eq!(o.totals.total.amount_minor, 8900 + 3 * 1250 + 495 - 1000);
    assert_eq!(o.totals.refunded.map(|m| m.amount_minor), Some(1250));
    assert_eq!(
        o.items[0].product_url.as_deref(),
        Some("https://aurora.example/products/merino-crew-sweater?variant=forest-green-m")
    );
    assert_eq!(o.items[1].product_url, None);
    assert_eq!(o.status, aftercare_shared::order::OrderStatus::Delivered);
    assert_eq!(o.shipments[0].events.len(), 3);
}

#[tokio::test]
async fn invalid_orders_are_reported_and_not_written() {
    let t = setup().await;
    let mut file: ImportFile =
        serde_json::from_str(include_str!("../../examples/import.json")).unwrap();
    file.orders[0].order_number = "B-1".into();
    file.orders[0].items[1].quantity = 0;
    file.orders[0].shipments[0].items[0].sku = "NOPE".into();
    file.orders[1].order_number = "B-2".into();
    let report = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!((report.created, report.failed.len()), (1, 1));
    let text = report.render();
    assert!(text.contains("orders[0].items[1].quantity"), "{text}");
    assert!(
        text.contains("orders[0].shipments[0].items[0].sku"),
        "{text}"
    );
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let b1 = orders::order_id_by_number(
        &mut conn,
        1,
        &aftercare_shared::OrderNumber::parse("B-1").unwrap(),
    )
    .await
    .unwrap();
    assert!(b1.is_none(), "nothing of an invalid order is written");

    assert!(import::import(&t.state.db, "pk_missing", &file)
        .await
        .is_err());
    let bad = t.dir.path().join("bad.json");
    std::fs::write(&bad, "{\"orders\": [ {\"order_number\": 1} ]}").unwrap();
    let err = import::read_file(&bad).unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
}
