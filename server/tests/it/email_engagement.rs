//! Email engagement (issue #16): the links of a message's HTML part go through signed
//! redirects that count a click and lead where the link pointed (never elsewhere); the open
//! pixel is added only when the store turns it on; the report counts both per template; and
//! nothing is counted for an address that turned counting off, from the moment it does.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::shopper;
use common::*;
use serde_json::json;

fn now_ms() -> i64 {
    now_s() * 1000
}

/// A new order for `who` (`who@engage.example`), placed a minute ago: its confirmation is due.
async fn order(t: &TestApp, number: &str, who: &str) {
    let placed = aftercare_shared::Timestamp::from_utc_ms(now_ms() - 60_000, 0).to_string();
    let email = format!("{who}@engage.example");
    let r = admin_send(
        t,
        "PUT",
        &format!("/v1/admin/orders/{number}"),
        &json!({
            "order_number": number, "email": email, "currency": "EUR", "placed_at": placed,
            "customer": {"external_id": who, "email": email},
            "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

/// Send what is due and answer the HTML part (quoted-printable undone) of `who`'s newest
/// message.
async fn sent_html(t: &TestApp, who: &str) -> String {
    let dir = t.dir.path().join(format!("mail-{who}"));
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    // Only this test's mail (the fixture's own orders wrote theirs too).
    sqlx::query("DELETE FROM email_outbox WHERE status = 'queued' AND recipient NOT LIKE $1")
        .bind(format!("{who}@%"))
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap();
    let raw = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .next()
        .expect("a message was sent");
    let flat = raw.replace("=\r\n", "").replace("=3D", "=");
    let start = flat
        .find("<!DOCTYPE")
        .or_else(|| flat.find("<html"))
        .unwrap();
    flat[start..].replace("&amp;", "&")
}

/// Every `href`/`src` address in `html` that starts with `prefix`.
fn addresses(html: &str, prefix: &str) -> Vec<String> {
    html.match_indices(prefix)
        .map(|(i, _)| {
            html[i..]
                .chars()
                .take_while(|c| *c != '"')
                .collect::<String>()
        })
        .collect()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

async fn report(t: &TestApp) -> serde_json::Value {
    let r = admin_get(t, "/v1/admin/emails/engagement?days=7").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    r.json()
}

fn row<'a>(report: &'a serde_json::Value, template: &str) -> &'a serde_json::Value {
    report["templates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["template"] == template)
        .unwrap_or_else(|| panic!("no {template} in {report}"))
}

#[tokio::test]
async fn a_followed_link_is_counted_and_leads_where_it_pointed_and_nowhere_else() {
    let t = setup().await;
    order(&t, "EN-1", "eli").await;
    let html = sent_html(&t, "eli").await;
    let counted = addresses(&html, "http://care.test/e/");
    assert!(!counted.is_empty(), "{html}");
    assert!(
        !html.contains("o.gif"),
        "no pixel while the store does not ask"
    );
    // The order page's link goes through a counted redirect.
    let product = counted
        .iter()
        .find(|u| u.contains("u=http%3A%2F%2Fcare.test%2Forders%2F"))
        .expect("the order link is counted");
    let path = product.trim_start_matches("http://care.test");
    let before = row(&report(&t).await, "order_welcome").clone();
    assert_eq!(before["clicked"], 0);
    let r = t.send(get(path)).await;
    assert_eq!(r.status, StatusCode::FOUND);
    let to = r.header("location").unwrap();
    assert!(
        to.starts_with(&format!("http://care.test/orders/{PK}/EN-1?t=v1.")),
        "{to}"
    );
    t.send(get(path)).await;
    let after = report(&t).await;
    let welcome = row(&after, "order_welcome");
    assert_eq!(welcome["sent"], before["sent"]);
    assert_eq!(welcome["clicked"], 1, "one message with a click");
    assert_eq!(welcome["clicks"], 2, "two clicks");
    assert_eq!(welcome["opened"], 0);
    assert_eq!(after["opens_counted"], false);
    // Another address, another message, a stripped or foreign signature: no redirect at all.
    let evil = path.replace("u=http%3A%2F%2Fcare.test", "u=https%3A%2F%2Fevil.example");
    assert_ne!(evil, path);
    let id: String = path.split('/').nth(3).unwrap().to_owned();
    for bad in [
        evil,
        path.replace(&format!("/{id}/"), "/1/"),
        path.split("&s=").next().unwrap().to_owned(),
        path.replace(PK, "pk_nobody"),
    ] {
        let r = t.send(get(&bad)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert_eq!(r.header("location"), None);
    }
    assert_eq!(row(&report(&t).await, "order_welcome")["clicks"], 2);
    // The report's period is checked.
    for days in ["0", "91", "x"] {
        let r = admin_get(&t, &format!("/v1/admin/emails/engagement?days={days}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{days}");
    }
}

#[tokio::test]
async fn opens_are_counted_only_when_the_store_asks_and_never_for_an_address_that_said_no() {
    let t = setup().await;
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/emails/calendar",
        &json!({"cap": null, "quiet_hours": null, "open_pixel": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["open_pixel"], true);
    order(&t, "EN-2", "opal").await;
    let html = sent_html(&t, "opal").await;
    let pixel = addresses(&html, "http://care.test/e/")
        .into_iter()
        .find(|u| u.contains("/o.gif?s="))
        .expect("the pixel");
    assert!(html.contains(r#"width="1" height="1" alt="""#));
    let path = pixel.trim_start_matches("http://care.test");
    let r = t.send(get(path)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("image/gif"));
    // A spoiled pixel is still a pixel, and counts nothing.
    let r = t.send(get(&path.replace("?s=", "?s=x"))).await;
    assert_eq!(r.header("content-type"), Some("image/gif"));
    // An id that is no number is no message of the store's.
    let r = t
        .send(get(&format!("/e/{PK}/9223372036854775808/o.gif?s=")))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let rep = report(&t).await;
    assert_eq!(rep["opens_counted"], true);
    assert_eq!(row(&rep, "order_welcome")["opened"], 1);

    // A customer turns counting off in the account page: their next message has neither the
    // pixel nor counted links, and a link of an earlier one leads on without counting.
    order(&t, "EN-3", "quinn").await;
    let earlier = sent_html(&t, "quinn").await;
    let link = addresses(&earlier, "http://care.test/e/")
        .into_iter()
        .find(|u| u.contains("/c?u="))
        .unwrap();
    let r = t
        .send(
            shopper(
                "PUT",
                "/v1/me/preferences/email_tracking",
                &customer_token("quinn"),
            )
            .body(json_body(&json!({"enabled": false})))
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let clicks_before = row(&report(&t).await, "order_welcome")["clicks"].clone();
    let r = t
        .send(get(link.trim_start_matches("http://care.test")))
        .await;
    assert_eq!(r.status, StatusCode::FOUND, "the link still works");
    assert_eq!(
        row(&report(&t).await, "order_welcome")["clicks"],
        clicks_before
    );
    order(&t, "EN-4", "quinn").await;
    sqlx::query("DELETE FROM email_outbox WHERE status = 'sent'")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let dir = t.dir.path().join("mail-quinn");
    std::fs::remove_dir_all(&dir).unwrap();
    let later = sent_html(&t, "quinn").await;
    assert!(!later.contains("http://care.test/e/"), "{later}");
    assert!(
        later.contains(&format!("href=\"http://care.test/orders/{PK}/EN-4?t=")),
        "direct links"
    );
}
