//! Review invitations by email (issue #16): a customer whose delivered items the store's
//! review timing says to ask about gets one invitation, its asks recorded with it (so the
//! prompt and the email share the reminders and the 30-day cap), a reminder a week later at
//! the earliest and never beyond the store's reminders; guests and anyone who opted out get
//! none. The message's buttons open the hosted review page on that order.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::outbox::{self, Letter};
use aftercare_server::repo::reviews::{invitations, MAX_ITEMS};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::shopper;
use common::*;
use serde_json::{json, Value};

const DAY_MS: i64 = 86_400_000;

fn iso(ms: i64) -> String {
    aftercare_shared::Timestamp::from_utc_ms(ms, 0).to_string()
}

fn now_ms() -> i64 {
    now_s() * 1000
}

/// An order of `skus` (unknown to the catalog: the default 7-day use period) delivered 30
/// days ago, for `customer` (a guest when `None`).
async fn delivered(t: &TestApp, number: &str, email: &str, customer: Option<&str>, skus: &[&str]) {
    let now = now_ms();
    let mut o = json!({
        "order_number": number, "email": email, "currency": "EUR",
        "placed_at": iso(now - 35 * DAY_MS),
        "items": skus.iter().map(|s| json!({"sku": s, "title": format!("Item {s}"), "quantity": 1, "unit_price_minor": 2500})).collect::<Vec<_>>(),
        "shipments": [{
            "carrier_code": "ups", "carrier_name": "UPS", "tracking_number": format!("1Z{number}"),
            "shipped_at": iso(now - 33 * DAY_MS),
            "items": skus.iter().map(|s| json!({"sku": s, "quantity": 1})).collect::<Vec<_>>(),
            "events": [{"status": "delivered", "description": "Delivered", "occurred_at": iso(now - 30 * DAY_MS)}]
        }]
    });
    if let Some(id) = customer {
        o["customer"] = json!({"external_id": id, "email": email});
    }
    let r = admin_send(t, "PUT", &format!("/v1/admin/orders/{number}"), &o).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

/// The review invitations in the outbox for `email`: (SKUs, reminder), oldest first.
async fn invites(t: &TestApp, email: &str) -> Vec<(Vec<String>, bool)> {
    let mut rows = outbox::recent(&t.state.db, 1, 500).await.unwrap();
    rows.reverse();
    rows.into_iter()
        .filter(|r| r.recipient == email)
        .filter_map(|r| match r.letter {
            Letter::ReviewRequest { items, reminder } => {
                Some((items.into_iter().map(|i| i.sku).collect(), reminder))
            }
            _ => None,
        })
        .collect()
}

async fn clear(t: &TestApp) {
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

async fn asks(t: &TestApp, customer: &str, skus: &[&str]) -> Value {
    t.send(
        shopper("POST", "/v1/me/reviews/asks", &customer_token(customer))
            .body(json_body(&json!({ "skus": skus })))
            .unwrap(),
    )
    .await
    .json()
}

#[tokio::test]
async fn a_customer_is_invited_once_reminded_a_week_later_and_never_beyond_the_store_s_reminders() {
    let t = setup().await;
    clear(&t).await;
    delivered(
        &t,
        "RV-1",
        "rita@example.com",
        Some("cus_rita"),
        &["RV-BOOT", "RV-SOCK"],
    )
    .await;
    delivered(&t, "RV-G", "guest@example.com", None, &["RV-MUG"]).await;
    let now = now_ms();
    assert!(invitations(&t.state.db, now).await.unwrap() >= 1);
    assert_eq!(
        invites(&t, "rita@example.com").await,
        vec![(vec!["RV-BOOT".to_owned(), "RV-SOCK".to_owned()], false)]
    );
    assert!(
        invites(&t, "guest@example.com").await.is_empty(),
        "guests are never asked"
    );
    // The email was an ask: the prompt in the same day records none, and the next run of the
    // sweep (another instance, the next hour) writes nothing.
    assert_eq!(asks(&t, "cus_rita", &["RV-BOOT"]).await["recorded"], 0);
    invitations(&t.state.db, now + 3_600_000).await.unwrap();
    invitations(&t.state.db, now + 3 * DAY_MS).await.unwrap();
    assert_eq!(invites(&t, "rita@example.com").await.len(), 1);
    // A week on: one reminder (the store allows one), then nothing more.
    invitations(&t.state.db, now + 7 * DAY_MS).await.unwrap();
    invitations(&t.state.db, now + 15 * DAY_MS).await.unwrap();
    invitations(&t.state.db, now + 23 * DAY_MS).await.unwrap();
    let all = invites(&t, "rita@example.com").await;
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[1].1, "the second is a reminder");
}

#[tokio::test]
async fn the_invitation_lists_a_few_items_and_nobody_who_opted_out_gets_one() {
    let t = setup().await;
    clear(&t).await;
    let many = ["RV-A1", "RV-A2", "RV-A3", "RV-A4", "RV-A5"];
    delivered(&t, "RV-2", "many@example.com", Some("cus_many"), &many).await;
    delivered(
        &t,
        "RV-3",
        "quiet@example.com",
        Some("cus_quiet"),
        &["RV-Q"],
    )
    .await;
    delivered(&t, "RV-4", "link@example.com", Some("cus_link"), &["RV-L"]).await;
    // One turned review requests off in the account page.
    let r = t
        .send(
            shopper(
                "PUT",
                "/v1/me/preferences/review_requests",
                &customer_token("cus_quiet"),
            )
            .body(json_body(&json!({"enabled": false})))
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // Another by an email's one-click link.
    let email = aftercare_shared::Email::parse("link@example.com").unwrap();
    let hash = aftercare_server::repo::orders::email_hash(&email);
    aftercare_server::repo::consent::choose(
        &t.state.db,
        1,
        &hash,
        aftercare_shared::api::Topic::ReviewRequests,
        false,
        now_ms(),
    )
    .await
    .unwrap();
    invitations(&t.state.db, now_ms()).await.unwrap();
    let got = invites(&t, "many@example.com").await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0.len(), MAX_ITEMS, "a short list; the rest wait");
    assert!(invites(&t, "quiet@example.com").await.is_empty());
    assert!(invites(&t, "link@example.com").await.is_empty());
}

#[tokio::test]
async fn the_invitation_opens_the_order_s_review_page_and_can_be_unsubscribed() {
    let t = setup().await;
    clear(&t).await;
    delivered(&t, "RV-5", "page@example.com", Some("cus_page"), &["RV-P"]).await;
    invitations(&t.state.db, now_ms()).await.unwrap();
    let dir = t.dir.path().join("mail-reviews");
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap();
    let raw: String = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .find(|m| m.contains("To: page@example.com"))
        .expect("the invitation was sent");
    assert!(
        raw.contains("Subject: Tell Aurora Outfitters what you think"),
        "{raw}"
    );
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let flat = raw.replace("=\r\n", "").replace("=3D", "=");
    let start = flat
        .find("http://care.test/reviews/")
        .expect("the review link");
    let link: String = flat[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    let path = link
        .trim_start_matches("http://care.test")
        .replace("&amp;", "&");
    assert!(
        path.starts_with(&format!("/reviews/{PK}/RV-5?t=v1.")),
        "{path}"
    );
    let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    let r = t.send(get(&path)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    let html = String::from_utf8_lossy(&r.body).into_owned();
    assert!(html.contains("<aftercare-review token=\"v1."), "{html}");
    assert!(html.contains("order=\"RV-5\""));
    // The link is the review link the API takes: it lists this order's item.
    let token = path.split("?t=").nth(1).unwrap().split('&').next().unwrap();
    let r = t
        .send(
            shopper("GET", "/v1/me/reviews/pending", token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()[0]["sku"], "RV-P");
    // Altered, or for another order: the page says the link has expired.
    for bad in [
        path.replace("?t=v1.", "?t=v1.x"),
        path.replace("/RV-5?", "/1029?"),
    ] {
        let html = String::from_utf8_lossy(&t.send(get(&bad)).await.body).into_owned();
        assert!(
            !html.contains("<aftercare-review") && html.contains("has expired"),
            "{html}"
        );
    }
    assert_eq!(
        t.send(get("/reviews/pk_nobody/RV-5")).await.status,
        StatusCode::NOT_FOUND
    );
}
