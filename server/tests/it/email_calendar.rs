//! The communication calendar (issue #16): a store's cap on optional emails and its quiet
//! hours, read in each customer's own time zone, hold optional messages back until they may
//! go; transactional ones never wait; parcel news that would be stale by then is not sent;
//! the plan on the admin API shows what goes to whom and when, and why it waits.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_shared::Timestamp;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;
/// Central European Summer Time, east of UTC.
const BERLIN: i16 = 120;
/// US Eastern Standard Time, west of UTC.
const NEW_YORK: i16 = -300;

fn now_ms() -> i64 {
    now_s() * 1000
}

/// The next moment after `after_ms` when a clock `offset` minutes east of UTC reads `hour`:00.
fn next_local(after_ms: i64, offset: i16, hour: i64) -> i64 {
    let shift = i64::from(offset) * 60_000;
    let local = after_ms + shift;
    let mut at = local - local.rem_euclid(DAY_MS) + hour * HOUR_MS;
    if at <= local {
        at += DAY_MS;
    }
    at - shift
}

async fn calendar(t: &TestApp, body: &Value) -> Reply {
    admin_send(t, "PUT", "/v1/admin/emails/calendar", body).await
}

/// An order placed a minute ago on a clock `offset` minutes east of UTC.
async fn order(t: &TestApp, number: &str, email: &str, offset: i16) {
    let placed = Timestamp::from_utc_ms(now_ms() - 60_000, offset).to_string();
    let r = admin_send(
        t,
        "PUT",
        &format!("/v1/admin/orders/{number}"),
        &json!({
            "order_number": number, "email": email, "currency": "EUR", "placed_at": placed,
            "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

/// A new parcel for `number` (news worth an optional email: it is on its way); answers its id.
async fn parcel(t: &TestApp, number: &str, tracking: &str) -> i64 {
    let r = admin_send(
        t,
        "POST",
        &format!("/v1/admin/orders/{number}/shipments"),
        &json!({"carrier_code": "ups", "carrier_name": "UPS", "tracking_number": tracking,
                "items": [{"sku": "A", "quantity": 1}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    r.json()["id"].as_i64().unwrap()
}

/// A fresh scan of `status` on parcel `shipment`.
async fn scan(t: &TestApp, shipment: i64, status: &str, ago_ms: i64) {
    let at = Timestamp::from_utc_ms(now_ms() - ago_ms, 0).to_string();
    let r = admin_send(
        t,
        "POST",
        &format!("/v1/admin/shipments/{shipment}/events"),
        &json!({"events": [{"status": status, "description": status, "occurred_at": at}]}),
    )
    .await;
    assert!(r.status.is_success(), "{:?}", r.json());
}

/// Send what is due at `at_ms`; answers `recipient kind` of each message written.
async fn send_at(t: &TestApp, at_ms: i64) -> Vec<String> {
    let dir = t.dir.path().join(format!("mail-{}", fastrand::u64(..)));
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    let before: Vec<i64> = sent_ids(t).await;
    send_due(&t.state.db, &out, at_ms).await.unwrap();
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, recipient, kind FROM email_outbox WHERE status = 'sent' ORDER BY id",
    )
    .fetch_all(&t.state.db.pool)
    .await
    .unwrap();
    let mut out: Vec<String> = rows
        .into_iter()
        .filter(|(id, _, _)| !before.contains(id))
        .map(|(_, r, k)| format!("{r} {k}"))
        .collect();
    out.sort();
    out
}

async fn sent_ids(t: &TestApp) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM email_outbox WHERE status = 'sent'")
        .fetch_all(&t.state.db.pool)
        .await
        .unwrap()
}

async fn clear(t: &TestApp) {
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

async fn plan(t: &TestApp) -> Value {
    let r = admin_send(t, "GET", "/v1/admin/emails/plan", &json!(null)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    r.json()
}

#[tokio::test]
async fn a_calendar_is_off_until_saved_and_refused_whole_when_any_rule_is_wrong() {
    let t = setup().await;
    let r = admin_send(&t, "GET", "/v1/admin/emails/calendar", &json!(null)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        json!({"cap": null, "quiet_hours": null, "we_miss_you": null, "open_pixel": false})
    );

    let r = calendar(
        &t,
        &json!({"cap": {"messages": 0, "days": 91},
                "quiet_hours": {"from_hour": 24, "until_hour": 24}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields: Vec<String> = r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "cap.days",
            "cap.messages",
            "quiet_hours.from_hour",
            "quiet_hours.until_hour",
            "quiet_hours.until_hour"
        ]
    );
    let r = calendar(
        &t,
        &json!({"quiet_hours": {"from_hour": 22, "until_hour": 22}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("another hour"));
    // A misspelt rule is refused, not silently dropped.
    let r = calendar(&t, &json!({"quiet": {"from_hour": 21, "until_hour": 8}})).await;
    assert!(r.status.is_client_error(), "{:?}", r.status);
    // Nothing of the refused ones was kept.
    let r = admin_send(&t, "GET", "/v1/admin/emails/calendar", &json!(null)).await;
    assert_eq!(
        r.json(),
        json!({"cap": null, "quiet_hours": null, "we_miss_you": null, "open_pixel": false})
    );

    let good = json!({"cap": {"messages": 2, "days": 7},
                      "quiet_hours": {"from_hour": 21, "until_hour": 8},
                      "we_miss_you": {"after_days": 90}, "open_pixel": true});
    let r = calendar(&t, &good).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json(), good);
    let r = admin_send(&t, "GET", "/v1/admin/emails/calendar", &json!(null)).await;
    assert_eq!(r.json(), good);
    // The shopper's key cannot read or change it.
    let r = t
        .send(
            axum::http::Request::builder()
                .method("GET")
                .uri("/v1/admin/emails/calendar")
                .header("authorization", format!("Bearer {PK}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = admin_send(&t, "GET", "/v1/admin/emails/plan?limit=0", &json!(null)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn quiet_hours_hold_optional_news_until_morning_on_the_customers_own_clock() {
    quiet_hours_flow(&setup().await).await;
}

/// The quiet-hours story on `t`'s database (SQLite here, PostgreSQL in `postgres.rs`).
pub(crate) async fn quiet_hours_flow(t: &TestApp) {
    clear(t).await;
    let r = calendar(
        t,
        &json!({"quiet_hours": {"from_hour": 21, "until_hour": 8}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    // Two customers, one in Berlin, one in New York, each with news of their parcel.
    order(t, "Q-1", "berlin@example.com", BERLIN).await;
    order(t, "Q-2", "newyork@example.com", NEW_YORK).await;
    parcel(t, "Q-1", "1ZQUIET001").await;
    parcel(t, "Q-2", "1ZQUIET002").await;

    // 23:00 in Berlin is 17:00 in New York: the Berliner's parcel news waits for 08:00, their
    // order confirmation (transactional) does not.
    let late = next_local(now_ms() + 5_000, BERLIN, 23);
    assert_eq!(
        send_at(t, late).await,
        [
            "berlin@example.com order_confirmed",
            "newyork@example.com order_confirmed",
            "newyork@example.com parcel"
        ]
    );
    let morning = late + 9 * HOUR_MS;
    let p = plan(t).await;
    assert_eq!(p["total"], 1);
    let waiting = &p["messages"][0];
    assert_eq!(waiting["recipient"], "berlin@example.com");
    assert_eq!(waiting["kind"], "parcel");
    assert_eq!(waiting["topic"], "shipping_updates");
    assert_eq!(waiting["held"], "quiet_hours");
    assert_eq!(waiting["attempts"], 0, "waiting is not a failed attempt");
    assert_eq!(
        waiting["send_at"],
        Timestamp::from_utc_ms(morning, BERLIN).to_string()
    );
    assert!(waiting["send_at"].as_str().unwrap().contains("T08:00:00"));

    assert_eq!(send_at(t, morning - 1_000).await, Vec::<String>::new());
    assert_eq!(send_at(t, morning).await, ["berlin@example.com parcel"]);
    assert_eq!(plan(t).await["total"], 0);
}

#[tokio::test]
async fn the_cap_counts_a_rolling_window_and_drops_parcel_news_that_would_arrive_stale() {
    let t = setup().await;
    clear(&t).await;
    let r = calendar(&t, &json!({"cap": {"messages": 1, "days": 1}})).await;
    assert_eq!(r.status, StatusCode::OK);
    order(&t, "C-1", "capped@example.com", 0).await;
    let id = parcel(&t, "C-1", "1ZCAP00001").await;
    let first = now_ms() + 5_000;
    assert_eq!(
        send_at(&t, first).await,
        [
            "capped@example.com order_confirmed",
            "capped@example.com parcel"
        ]
    );

    // The parcel arrives: the cap has no room for a day, and the news is still fresh then.
    scan(&t, id, "delivered", 60_000).await;
    // A second order's confirmation is transactional: never held by the cap.
    order(&t, "C-2", "capped@example.com", 0).await;
    assert_eq!(
        send_at(&t, first + 60_000).await,
        ["capped@example.com order_confirmed"]
    );
    let p = plan(&t).await;
    let waiting = &p["messages"][0];
    assert_eq!(
        (waiting["kind"].as_str(), waiting["held"].as_str()),
        (Some("parcel"), Some("cap"))
    );
    let free = Timestamp::parse(waiting["send_at"].as_str().unwrap()).unwrap();
    // Free again one day after the first optional message went.
    let went: i64 = sqlx::query_scalar(
        "SELECT sent_at_ms FROM email_outbox WHERE kind = 'parcel' AND status = 'sent'",
    )
    .fetch_one(&t.state.db.pool)
    .await
    .unwrap();
    assert_eq!(free.utc_ms, went + DAY_MS);
    assert_eq!(send_at(&t, free.utc_ms - 1_000).await, Vec::<String>::new());
    assert_eq!(
        send_at(&t, free.utc_ms).await,
        ["capped@example.com parcel"]
    );

    // With a week-long cap, a parcel's handover told a week late is no news: it is dropped,
    // saying why.
    let r = calendar(&t, &json!({"cap": {"messages": 1, "days": 7}})).await;
    assert_eq!(r.status, StatusCode::OK);
    order(&t, "C-3", "capped@example.com", 0).await;
    parcel(&t, "C-3", "1ZCAP00003").await;
    assert_eq!(
        send_at(&t, free.utc_ms + 60_000).await,
        ["capped@example.com order_confirmed"]
    );
    let (status, why): (String, Option<String>) = sqlx::query_as(
        "SELECT status, last_error FROM email_outbox WHERE kind = 'parcel' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&t.state.db.pool)
    .await
    .unwrap();
    assert_eq!(status, "skipped");
    assert_eq!(
        why.as_deref(),
        Some("held by the cap on optional emails past the time its news was current")
    );
}

#[tokio::test]
async fn the_plan_forecasts_each_customers_messages_in_turn_under_the_cap() {
    let t = setup().await;
    clear(&t).await;
    let r = calendar(&t, &json!({"cap": {"messages": 1, "days": 1}})).await;
    assert_eq!(r.status, StatusCode::OK);
    order(&t, "F-1", "forecast@example.com", 0).await;
    parcel(&t, "F-1", "1ZPLAN0001").await;
    parcel(&t, "F-1", "1ZPLAN0002").await;
    // Nothing sent yet: the confirmation goes now, the first parcel now, the second a day on.
    let p = plan(&t).await;
    assert_eq!(p["total"], 3);
    assert_eq!(p["calendar"]["cap"], json!({"messages": 1, "days": 1}));
    let rows: Vec<(String, Option<String>)> = p["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap().to_owned(),
                m["held"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("order_confirmed".to_owned(), None),
            ("parcel".to_owned(), None),
            ("parcel".to_owned(), Some("cap".to_owned()))
        ]
    );
    let at = |i: usize| Timestamp::parse(p["messages"][i]["send_at"].as_str().unwrap()).unwrap();
    assert!(at(2).utc_ms - at(1).utc_ms >= DAY_MS - 1_000);
    assert_eq!(p["messages"][0]["topic"], Value::Null);
}
