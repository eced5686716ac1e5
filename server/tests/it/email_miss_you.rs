//! "We miss you" (issue #16): off until the store's calendar turns it on; then written once to
//! each customer whose last order (cancelled ones aside) has just reached the calendar's age,
//! only if they turned offers on, never to one who ordered since or lapsed long ago; sent as a
//! real message with the one-click unsubscribe of offers.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::miss_you;
use aftercare_shared::Timestamp;
use axum::http::StatusCode;
use common::surveys::shopper;
use common::*;
use serde_json::json;

const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    now_s() * 1000
}

/// An order by customer `who` (`who@miss.example`) placed `days_ago` days ago.
async fn order(t: &TestApp, number: &str, who: &str, days_ago: i64, cancelled: bool) {
    let placed = Timestamp::from_utc_ms(now_ms() - days_ago * DAY_MS, 0).to_string();
    let email = format!("{who}@miss.example");
    let r = admin_send(
        t,
        "PUT",
        &format!("/v1/admin/orders/{number}"),
        &json!({
            "order_number": number, "email": email, "currency": "EUR", "placed_at": placed,
            "customer": {"external_id": who, "email": email}, "cancelled": cancelled,
            "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000,
                       "product_url": "https://shop.example/p/alpha"}],
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

/// Customer `who` says yes to offers, as the account page does.
async fn offers_on(t: &TestApp, who: &str) {
    let r = t
        .send(
            shopper("PUT", "/v1/me/preferences/offers", &customer_token(who))
                .body(json_body(&json!({"enabled": true})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
}

/// Who was written "we miss you" among this test's customers, sorted.
async fn written(t: &TestApp) -> Vec<String> {
    let mut to: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM email_outbox WHERE kind = 'we_miss_you' \
         AND recipient LIKE '%@miss.example'",
    )
    .fetch_all(&t.state.db.pool)
    .await
    .unwrap();
    to.sort();
    to
}

#[tokio::test]
async fn lapsed_customers_who_want_offers_are_missed_once() {
    let t = setup().await;
    // Ordered 61 days ago, offers on: missed.
    order(&t, "MISS-1", "lapsed", 61, false).await;
    offers_on(&t, "lapsed").await;
    // The same, but offers never turned on: offers need a yes.
    order(&t, "MISS-2", "quiet", 61, false).await;
    // Ordered again ten days ago: not lapsed.
    order(&t, "MISS-3", "loyal", 61, false).await;
    order(&t, "MISS-4", "loyal", 10, false).await;
    offers_on(&t, "loyal").await;
    // Lapsed long ago, before the store turned it on: not written to out of the blue.
    order(&t, "MISS-5", "gone", 200, false).await;
    offers_on(&t, "gone").await;
    // A cancelled order is no order: the one 62 days ago is the last.
    order(&t, "MISS-6", "cancelled", 62, false).await;
    order(&t, "MISS-7", "cancelled", 5, true).await;
    offers_on(&t, "cancelled").await;

    // Off by default: nothing.
    let now = now_ms();
    miss_you::sweep(&t.state.db, now).await.unwrap();
    assert!(written(&t).await.is_empty());

    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/emails/calendar",
        &json!({"we_miss_you": {"after_days": 60}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/emails/calendar",
        &json!({"we_miss_you": {"after_days": 7}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["fields"][0]["field"], "we_miss_you.after_days");

    miss_you::sweep(&t.state.db, now).await.unwrap();
    assert_eq!(
        written(&t).await,
        ["cancelled@miss.example", "lapsed@miss.example"]
    );
    // The next sweeps (this instance or another) write nothing more for the same lapse.
    miss_you::sweep(&t.state.db, now + 3_600_000).await.unwrap();
    miss_you::sweep(&t.state.db, now + 5 * DAY_MS)
        .await
        .unwrap();
    assert_eq!(written(&t).await.len(), 2);

    // Sent as a real message: the last order recalled, a link back, one-click unsubscribe.
    sqlx::query("DELETE FROM email_outbox WHERE kind <> 'we_miss_you'")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let dir = t.dir.path().join("mail-miss");
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    send_due(&t.state.db, &out, now + 2_000).await.unwrap();
    let raws: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .filter(|m| m.contains("lapsed@miss.example"))
        .collect();
    assert_eq!(raws.len(), 1);
    let raw = &raws[0];
    assert!(raw.contains("We miss you"), "{raw}");
    assert!(raw.contains("MISS-1"));
    assert!(raw.contains("https://shop.example/p/alpha"));
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(raw.contains("http://care.test/unsubscribe"), "{raw}");
}
