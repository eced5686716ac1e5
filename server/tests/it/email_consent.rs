//! Optional emails and the shopper's say (issue #16): every shipping update carries a signed
//! one-click unsubscribe link (RFC 8058 headers and a link in both parts); the link works
//! without signing in, asks before a GET changes anything, and, once used, holds back the
//! next optional message while transactional ones still go; the account page and the link
//! speak for the same person.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::shopper;
use common::*;
use serde_json::{json, Value};

fn iso(ms: i64) -> String {
    aftercare_shared::Timestamp::from_utc_ms(ms, 0).to_string()
}

fn now_ms() -> i64 {
    now_s() * 1000
}

fn order_json(number: &str, email: &str, customer: Option<&str>) -> Value {
    let mut o = json!({
        "order_number": number,
        "email": email,
        "currency": "EUR",
        "placed_at": iso(now_ms() - 60_000),
        "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
    });
    if let Some(id) = customer {
        o["customer"] = json!({"external_id": id, "email": email});
    }
    o
}

/// A parcel for `number`; answers its id.
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

/// A fresh scan of `status` on parcel `id` (news worth an email).
async fn scan(t: &TestApp, id: i64, status: &str, ago_ms: i64) {
    let r = admin_send(
        t,
        "POST",
        &format!("/v1/admin/shipments/{id}/events"),
        &json!({"events": [{"status": status, "description": status, "occurred_at": iso(now_ms() - ago_ms)}]}),
    )
    .await;
    assert!(r.status.is_success(), "{:?}", r.json());
}

/// Sends what is due into a fresh folder; answers the messages written (raw `.eml`).
async fn send(t: &TestApp) -> Vec<String> {
    let dir = t.dir.path().join(format!("mail-{}", fastrand::u64(..)));
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap();
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect()
}

/// A header of a raw message, unfolded.
fn header(raw: &str, name: &str) -> Option<String> {
    let head = raw
        .split("\r\n\r\n")
        .next()?
        .replace("\r\n ", " ")
        .replace("\r\n\t", " ");
    head.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
}

/// The subject lines of `messages`.
fn subjects(messages: &[String]) -> Vec<String> {
    let mut s: Vec<String> = messages
        .iter()
        .map(|m| header(m, "Subject").unwrap_or_default())
        .collect();
    s.sort();
    s
}

/// The path of the unsubscribe link in a message's `List-Unsubscribe` header.
fn unsubscribe_path(raw: &str) -> String {
    let value = header(raw, "List-Unsubscribe").expect("a List-Unsubscribe header");
    let url = value.trim_start_matches('<').trim_end_matches('>');
    url.strip_prefix("http://care.test").expect(url).to_owned()
}

async fn page(t: &TestApp, method: &str, path: &str, form: &str) -> (StatusCode, String) {
    let r = t
        .send(
            Request::builder()
                .method(method)
                .uri(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(form.to_owned()))
                .unwrap(),
        )
        .await;
    (r.status, String::from_utf8_lossy(&r.body).into_owned())
}

async fn outbox_statuses(t: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT status, last_error FROM email_outbox ORDER BY id")
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

#[tokio::test]
async fn a_shipping_update_unsubscribes_in_one_click_and_the_next_one_is_held_back() {
    let t = setup().await;
    clear(&t).await;
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/orders/U-1",
        &order_json("U-1", "Una@Example.com", None),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = parcel(&t, "U-1", "1ZUNSUB0001").await;
    let sent = send(&t).await;
    assert_eq!(sent.len(), 2);
    let shipped = sent
        .iter()
        .find(|m| header(m, "Subject").unwrap().contains("on its way"))
        .unwrap();
    let confirmation = sent
        .iter()
        .find(|m| header(m, "Subject").unwrap().contains("confirmed"))
        .unwrap();

    // The shipping update carries RFC 8058's two headers and the same link in both parts; the
    // confirmation (transactional) carries none.
    assert_eq!(
        header(shipped, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let path = unsubscribe_path(shipped);
    assert!(
        path.starts_with(&format!("/unsubscribe/{PK}?t=v1.")),
        "{path}"
    );
    assert!(path.ends_with("&locale=en"), "{path}");
    let flat = shipped.replace("=\r\n", "").replace("=3D", "=");
    assert!(
        flat.contains("Unsubscribe from “Shipping updates”")
            || flat.contains("Unsubscribe from =E2=80=9CShipping updates=E2=80=9D")
    );
    assert!(
        flat.matches(&format!("http://care.test{path}").replace("&", "&amp;"))
            .count()
            >= 1,
        "in the HTML part"
    );
    assert!(
        flat.contains(&format!("http://care.test{path}")),
        "in the text part"
    );
    assert_eq!(header(confirmation, "List-Unsubscribe"), None);
    assert!(
        !path.contains("una%40") && !path.to_lowercase().contains("una@"),
        "the address is not in the link"
    );

    // Opening the link (as a mail filter's scanner would) only asks.
    let (status, html) = page(&t, "GET", &path, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("about “Shipping updates”?"), "{html}");
    assert!(html.contains("name=\"List-Unsubscribe\" value=\"One-Click\""));
    scan(&t, id, "out_for_delivery", 60_000).await;
    assert_eq!(send(&t).await.len(), 1, "a GET changed nothing");

    // The one-click POST, as a mail client sends it, twice (idempotent).
    for _ in 0..2 {
        let (status, html) = page(&t, "POST", &path, "List-Unsubscribe=One-Click").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("You are unsubscribed"), "{html}");
        assert!(
            html.contains("name=\"resubscribe\" value=\"yes\""),
            "the way back"
        );
    }
    // The next shipping update is held back and says why; a transactional message still goes.
    scan(&t, id, "delivered", 30_000).await;
    assert!(send(&t).await.is_empty());
    let last = outbox_statuses(&t).await.pop().unwrap();
    assert_eq!(
        last,
        (
            "skipped".into(),
            Some("shipping_updates turned off for this address".into())
        )
    );
    admin_send(
        &t,
        "PUT",
        "/v1/admin/orders/U-2",
        &order_json("U-2", "una@example.com", None),
    )
    .await;
    assert_eq!(
        subjects(&send(&t).await),
        vec!["Order U-2 confirmed: thank you"]
    );

    // Undone from the confirmation page: shipping updates flow again.
    let (status, html) = page(&t, "POST", &path, "resubscribe=yes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("You are subscribed again"), "{html}");
    parcel(&t, "U-2", "1ZUNSUB0002").await;
    assert_eq!(subjects(&send(&t).await), vec!["Order U-2 is on its way"]);
}

#[tokio::test]
async fn a_spoiled_link_or_body_changes_nothing_and_says_so() {
    let t = setup().await;
    clear(&t).await;
    admin_send(
        &t,
        "PUT",
        "/v1/admin/orders/U-3",
        &order_json("U-3", "u3@example.com", None),
    )
    .await;
    parcel(&t, "U-3", "1ZUNSUB0003").await;
    let sent = send(&t).await;
    let shipped = sent
        .iter()
        .find(|m| header(m, "List-Unsubscribe").is_some())
        .unwrap();
    let path = unsubscribe_path(shipped);

    // Altered, or another store's key: the page says the link is not valid (404), in the
    // link's language.
    let altered = path.replace("?t=v1.", "?t=v1.x");
    let (status, html) = page(&t, "POST", &altered, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("not valid or has expired"), "{html}");
    let spanish = altered.replace("locale=en", "locale=es");
    let (_, html) = page(&t, "GET", &spanish, "").await;
    assert!(
        html.contains("no es válido o ha caducado") && html.contains("lang=\"es\""),
        "{html}"
    );
    let (status, html) = page(&t, "GET", &path.replace(PK, "pk_nobody"), "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        html.contains("not valid or has expired") && !html.contains("/theme/"),
        "{html}"
    );
    // A body asking for nothing: 400, with the button to do it properly.
    for body in [
        "",
        "List-Unsubscribe=Yes",
        "List-Unsubscribe=One-Click&resubscribe=yes",
    ] {
        let (status, html) = page(&t, "POST", &path, body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(html.contains("value=\"One-Click\""));
    }
    // The token opens nothing on the API.
    let token = path.split("?t=").nth(1).unwrap().split('&').next().unwrap();
    let r = t
        .send(
            public("GET", "/v1/orders/U-3")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nothing was held back: the next update goes.
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM shipments WHERE tracking_number = '1ZUNSUB0003'")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    scan(&t, id, "out_for_delivery", 60_000).await;
    assert_eq!(send(&t).await.len(), 1);
}

#[tokio::test]
async fn the_account_page_and_the_link_speak_for_the_same_customer() {
    let t = setup().await;
    clear(&t).await;
    admin_send(
        &t,
        "PUT",
        "/v1/admin/orders/U-4",
        &order_json("U-4", "vera@example.com", Some("cus_vera")),
    )
    .await;
    let token = customer_token("cus_vera");
    let set = |on: bool| {
        shopper("PUT", "/v1/me/preferences/shipping_updates", &token)
            .body(json_body(&json!({ "enabled": on })))
            .unwrap()
    };
    let shipping = |prefs: Value| prefs["topics"][0]["enabled"].as_bool().unwrap();

    // Turned off in the account page: the parcel's news is held back.
    assert_eq!(t.send(set(false)).await.status, StatusCode::OK);
    let id = parcel(&t, "U-4", "1ZUNSUB0004").await;
    assert_eq!(
        subjects(&send(&t).await),
        vec!["Welcome to Aurora Outfitters: order U-4 is confirmed"]
    );
    // On again: the next news goes, with its link.
    assert_eq!(t.send(set(true)).await.status, StatusCode::OK);
    scan(&t, id, "out_for_delivery", 60_000).await;
    let sent = send(&t).await;
    assert_eq!(sent.len(), 1);
    let path = unsubscribe_path(&sent[0]);

    // The link turns it off in the account page too.
    page(&t, "POST", &path, "List-Unsubscribe=One-Click").await;
    let prefs = t
        .send(
            shopper("GET", "/v1/me/preferences", &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert!(!shipping(prefs.clone()), "{prefs}");
    assert!(prefs["topics"][0]["changed_at"].is_string());
    scan(&t, id, "delivered", 30_000).await;
    assert!(send(&t).await.is_empty());
    // And the account page turning it on again overrides the link's opt-out.
    assert!(shipping(t.send(set(true)).await.json()));
    let again = parcel(&t, "U-4", "1ZUNSUB0005").await;
    assert!(again > id);
    assert_eq!(subjects(&send(&t).await), vec!["Order U-4 is on its way"]);
}
