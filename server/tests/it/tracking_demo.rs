//! The seeded demo orders in every tracking state, and the example carrier import (in
//! process and through the real binary).

use crate::common;

use aftercare_server::repo::orders;
use aftercare_server::{import, seed};
use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn s0(o: &Value) -> Value {
    o["shipments"][0].clone()
}

#[tokio::test]
async fn seeded_orders_show_every_tracking_state() {
    let t = setup().await;
    let o = order(&t, "1008").await;
    let pp = &s0(&o)["pickup_point"];
    assert_eq!(pp["name"], "FedEx Office Print & Ship Center");
    assert_eq!(pp["address"]["city"], "Cambridge");
    assert_eq!(pp["opening_hours"].as_array().unwrap().len(), 3);
    assert!(pp["pickup_deadline"].is_string());
    assert_eq!(s0(&o)["next_step"], "collect_from_pickup_point");
    assert_eq!(s0(&o)["delayed"], false);

    let s = s0(&order(&t, "1011").await);
    assert_eq!(
        (s["reason"].clone(), s["delayed"].clone()),
        (json!("delayed"), json!(true))
    );
    assert_eq!(s0(&order(&t, "1009").await)["reason"], "customs_hold");

    let s = s0(&order(&t, "1021").await);
    assert_eq!(s["status"], "in_transit");
    assert_eq!(s["events"][0]["raw_status"], "CTR");
    let day = |v: &Value| {
        aftercare_shared::Timestamp::parse(v.as_str().unwrap())
            .unwrap()
            .utc_ms
    };
    let now = aftercare_server::now_ms();
    let in_days = |v: &Value| ((day(v) - now) as f64 / (24.0 * HOUR as f64)).round() as i64;
    assert_eq!(
        (in_days(&s["eta"]["earliest"]), in_days(&s["eta"]["latest"])),
        (3, 4)
    );
    assert_eq!(
        (
            in_days(&s["eta_original"]["earliest"]),
            in_days(&s["eta_original"]["latest"])
        ),
        (1, 1)
    );
    assert_eq!(s["delayed"], false);

    let s = s0(&order(&t, "1022").await);
    assert_eq!(
        s["events"][0]["description"],
        "Incorrect address: street number missing"
    );
    assert_eq!(s["next_step"], "update_address");
    let s = s0(&order(&t, "1026").await);
    assert_eq!(
        (s["stalled"].clone(), s["delayed"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(s0(&order(&t, "1027").await)["status"], "expired");
    let o = order(&t, "1028").await;
    let s = s0(&o);
    assert_eq!(o["status"], "delivered");
    assert_eq!(s["events"].as_array().unwrap().len(), 40);
    assert_eq!(s["events"][39]["location"]["city"], "Shenzhen");
    assert_eq!(s["events"][39]["raw_status"], "pre-transit");
    assert!(s["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["reason"] == "customs_hold"));
    assert_eq!(
        o["items"][0]["image_url"],
        "http://127.0.0.1:8080/img/polarised-sunglasses.svg"
    );

    // Re-seeding keeps exactly one seed's ETA revisions and FAQ.
    let count = |sql: &'static str| {
        let pool = t.state.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let revisions = count("SELECT COUNT(*) FROM shipment_eta_revisions").await;
    let faq = count("SELECT COUNT(*) FROM store_faq").await;
    seed::seed_demo_with(&t.state.db, "http://localhost:9999/")
        .await
        .unwrap();
    assert_eq!(
        count("SELECT COUNT(*) FROM shipment_eta_revisions").await,
        revisions
    );
    assert_eq!(count("SELECT COUNT(*) FROM store_faq").await, faq);
    let s = s0(&order(&t, "1021").await);
    assert!(
        s["eta_original"].is_object(),
        "still revised after a re-seed"
    );
    assert_eq!(
        order(&t, "1001").await["items"][0]["image_url"],
        "http://localhost:9999/img/rain-jacket.svg"
    );
}

#[tokio::test]
async fn example_carriers_file_imports_with_raw_codes() {
    let t = setup().await;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/carriers.json");
    let file = import::read_file(&path).unwrap();
    let report = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!(
        (report.created, report.failed.len()),
        (5, 0),
        "{}",
        report.render()
    );
    let carriers: BTreeSet<String> = file
        .orders
        .iter()
        .flat_map(|o| &o.shipments)
        .map(|s| s.carrier_code.clone())
        .collect();
    assert!(carriers.len() >= 4, "{carriers:?}");

    let o = order(&t, "C-3001").await;
    let s = s0(&o);
    assert_eq!(o["status"], "delivered");
    let events = s["events"].as_array().unwrap();
    assert!(events.len() >= 20);
    assert!(
        events.iter().all(|e| e["raw_status"].is_string()),
        "raw codes kept"
    );
    let last = events.last().unwrap();
    assert_eq!(last["location"]["city"], "Shenzhen");
    assert_eq!(
        last["occurred_at"], "2026-09-28T10:05:00+08:00",
        "offset kept"
    );
    assert!(events.iter().any(|e| e["reason"] == "customs_hold"));
    assert!(events.iter().any(|e| e["status"] == "attempted_delivery"));

    // The file has absolute dates: judge the lost parcel the week after the carrier said so
    // (today it may already count as expired).
    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let at = aftercare_shared::Timestamp::parse("2026-10-20T12:00:00Z")
        .unwrap()
        .utc_ms;
    let lost = orders::load_order_at(&mut conn, order_db_id(&t, "C-3002").await, at)
        .await
        .unwrap();
    drop(conn);
    let s = &lost.shipments[0];
    assert_eq!(
        (s.status, s.reason),
        (
            aftercare_shared::TrackingStatus::Exception,
            Some(aftercare_shared::ExceptionReason::Lost)
        )
    );
    assert_eq!(s.next_step, aftercare_shared::NextStep::ContactStore);
    assert!(s.delayed, "promised for mid-September");

    let s = s0(&order(&t, "C-3003").await);
    assert_eq!(s["status"], "delivered");
    assert_eq!(s["pickup_point"]["name"], "GLS ParcelShop Papelería Turia");
    assert!(s["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["status"] == "available_for_pickup"));

    assert_eq!(s0(&order(&t, "C-3004").await)["status"], "delivered");
    assert_eq!(
        s0(&order(&t, "C-3005").await)["status"],
        "returned_to_sender"
    );

    // Re-importing changes nothing.
    let before = orders::counts(&t.state.db, 1).await.unwrap();
    let again = import::import(&t.state.db, PK, &file).await.unwrap();
    assert_eq!((again.created, again.replaced), (0, 5));
    assert_eq!(orders::counts(&t.state.db, 1).await.unwrap(), before);
}

/// The real binary: `seed-demo --public-url` then `import server/examples/carriers.json`.
#[tokio::test]
async fn cli_seeds_and_imports_the_carriers_example() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/cli.db?mode=rwc", dir.path().display());
    let bin = env!("CARGO_BIN_EXE_aftercare-server");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &url)
            .env_remove("AFTERCARE_PUBLIC_URL")
            .output()
            .unwrap()
    };
    let out = run(&["seed-demo", "--public-url", "http://127.0.0.1:4321"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("74 orders"), "{text}");
    assert!(text.contains("5 customers"), "{text}");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/carriers.json");
    let out = run(&["import", example.to_str().unwrap(), "--store", PK]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("5 created, 0 replaced, 0 refused"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
