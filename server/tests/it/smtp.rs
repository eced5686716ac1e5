//! Emails over real SMTP (issue #16): `cargo xtask test` starts aiosmtpd
//! (`tests/smtp/server.py`, AUTH required) and names it in `AFTERCARE_TEST_SMTP_URL`; the
//! messages it accepts land in the Maildir `AFTERCARE_TEST_SMTP_DIR`. Checked as received:
//! the headers, both parts, and the signed link, which opens the order's page. A wrong
//! password is refused by the server and the message waits for the next attempt.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::json;
use std::path::PathBuf;

/// The server and its Maildir, or `None` when the tests run outside `cargo xtask test`.
fn server() -> Option<(String, PathBuf)> {
    let Ok(url) = std::env::var("AFTERCARE_TEST_SMTP_URL") else {
        eprintln!(
            "AFTERCARE_TEST_SMTP_URL not set: the SMTP run is skipped (cargo xtask test sets it)"
        );
        return None;
    };
    assert_ne!(
        url, "unavailable",
        "cargo xtask test could not start the SMTP test server: see its output above"
    );
    let dir = std::env::var("AFTERCARE_TEST_SMTP_DIR").expect("AFTERCARE_TEST_SMTP_DIR");
    Some((url, PathBuf::from(dir)))
}

/// The messages in the Maildir addressed to `to`, raw.
fn received(dir: &std::path::Path, to: &str) -> Vec<String> {
    let new = dir.join("new");
    std::fs::read_dir(new)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .filter(|m| m.contains(&format!("To: {to}")))
                .collect()
        })
        .unwrap_or_default()
}

/// Quoted-printable undone (soft breaks, `=XX`), enough to read the parts.
fn decoded(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let mut out = Vec::new();
    let b = joined.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            if let Ok(x) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(x);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn new_order(t: &TestApp, number: &str, email: &str) {
    let r = t
        .send(
            admin("PUT", &format!("/v1/admin/orders/{number}"))
                .header("content-type", "application/json")
                .body(json_body(&json!({
                    "order_number": number,
                    "email": email,
                    "currency": "EUR",
                    "placed_at": aftercare_shared::Timestamp::from_utc_ms(now_s() * 1000, 60).to_string(),
                    "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 2500}],
                })))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

/// The outbox emptied of what the fixture's own orders wrote.
async fn clear(t: &TestApp) {
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

fn outgoing(url: &str) -> Outgoing {
    Outgoing {
        transport: Transport::new(Some(url), std::env::temp_dir()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    }
}

#[tokio::test]
async fn the_confirmation_arrives_over_smtp_with_both_parts_and_a_working_signed_link() {
    let Some((url, dir)) = server() else { return };
    let t = setup().await;
    clear(&t).await;
    let to = format!("smtp-{:x}@example.com", fastrand::u64(..));
    new_order(&t, "SMTP-1", &to).await;
    let later = now_s() * 1000 + 5_000;
    assert_eq!(
        send_due(&t.state.db, &outgoing(&url), later).await.unwrap(),
        1
    );
    let got = received(&dir, &to);
    assert_eq!(got.len(), 1, "exactly one message for {to}");
    let raw = &got[0];
    let text = decoded(raw);
    for header in [
        "Subject: Welcome to Aurora Outfitters: order SMTP-1 is confirmed",
        "Reply-To: help@aurora.example",
        "Content-Type: multipart/alternative",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Type: text/html; charset=utf-8",
    ] {
        assert!(raw.contains(header), "{header} missing:\n{raw}");
    }
    assert!(
        raw.contains("From: \"Aurora Outfitters\" <care@aurora.example>")
            || raw.contains("From: Aurora Outfitters <care@aurora.example>")
    );
    assert!(raw.contains("Message-ID: <") && raw.contains("@aftercare>"));
    assert!(text.contains("EUR 25.00"), "{text}");
    // The link, as the text part has it, opens this order's page with a session.
    let start = text.find("View your order:").expect("the link line") + 16;
    let link: String = text[start..]
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let path = link
        .strip_prefix("http://care.test")
        .expect("this server's link");
    let r = t
        .send(Request::get(path).body(Body::empty()).unwrap())
        .await;
    let page = String::from_utf8_lossy(&r.body).into_owned();
    assert!(page.contains("order=\"SMTP-1\" token=\"v1."), "{page}");
}

#[tokio::test]
async fn a_refused_login_keeps_the_message_for_the_next_attempt() {
    let Some((url, dir)) = server() else { return };
    let t = setup().await;
    clear(&t).await;
    let to = format!("smtp-{:x}@example.com", fastrand::u64(..));
    new_order(&t, "SMTP-2", &to).await;
    let wrong = url.replace("test-secret", "wrong");
    let now = now_s() * 1000 + 5_000;
    assert_eq!(
        send_due(&t.state.db, &outgoing(&wrong), now).await.unwrap(),
        0
    );
    let (status, error): (String, Option<String>) =
        sqlx::query_as("SELECT status, last_error FROM email_outbox")
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert_eq!(status, "queued");
    assert!(error.is_some_and(|e| !e.is_empty()));
    assert!(received(&dir, &to).is_empty());
    // After the backoff, with the right password: delivered.
    assert_eq!(
        send_due(&t.state.db, &outgoing(&url), now + 3_600_000)
            .await
            .unwrap(),
        1
    );
    assert_eq!(received(&dir, &to).len(), 1);
}

/// A header of a received message, unfolded.
fn header(raw: &str, name: &str) -> Option<String> {
    let head = raw
        .split("\r\n\r\n")
        .next()?
        .replace("\r\n ", " ")
        .replace("\r\n\t", " ")
        .replace("\n ", " ");
    head.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
}

#[tokio::test]
async fn a_shipping_update_unsubscribes_in_one_click_as_a_mail_client_would() {
    let Some((url, dir)) = server() else { return };
    let t = setup().await;
    clear(&t).await;
    let to = format!("smtp-{:x}@example.com", fastrand::u64(..));
    new_order(&t, "SMTP-3", &to).await;
    let r = admin_send(
        &t,
        "POST",
        "/v1/admin/orders/SMTP-3/shipments",
        &json!({"carrier_code": "ups", "carrier_name": "UPS", "tracking_number": "1ZSMTPUNSUB1",
                "items": [{"sku": "A", "quantity": 1}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let parcel = r.json()["id"].as_i64().unwrap();
    let now = now_s() * 1000 + 5_000;
    assert_eq!(
        send_due(&t.state.db, &outgoing(&url), now).await.unwrap(),
        2
    );
    let got = received(&dir, &to);
    let shipped = got
        .iter()
        .find(|m| header(m, "Subject").is_some_and(|s| s.contains("on its way")))
        .expect("the shipping update");
    assert_eq!(
        header(shipped, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let link = header(shipped, "List-Unsubscribe").expect("List-Unsubscribe");
    let path = link
        .trim_start_matches("<http://care.test")
        .trim_end_matches('>')
        .to_owned();
    assert!(
        path.starts_with(&format!("/unsubscribe/{PK}?t=v1.")),
        "{link}"
    );
    assert!(
        decoded(shipped).contains(&format!("http://care.test{path}")),
        "the text part's link"
    );

    // The mail client's button: a POST with RFC 8058's body, nothing else (no cookie, no key).
    let r = t
        .send(
            Request::post(path.as_str())
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from("List-Unsubscribe=One-Click"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // The parcel's next news is held back; a new order's confirmation still arrives.
    let r = admin_send(
        &t,
        "POST",
        &format!("/v1/admin/shipments/{parcel}/events"),
        &json!({"events": [{"status": "out_for_delivery", "description": "Out",
            "occurred_at": aftercare_shared::Timestamp::from_utc_ms(now_s() * 1000 - 60_000, 0).to_string()}]}),
    )
    .await;
    assert!(r.status.is_success());
    new_order(&t, "SMTP-4", &to).await;
    assert_eq!(
        send_due(&t.state.db, &outgoing(&url), now + 10_000)
            .await
            .unwrap(),
        1
    );
    let got = received(&dir, &to);
    assert_eq!(got.len(), 3, "two before, and only the confirmation after");
    assert!(got
        .iter()
        .any(|m| header(m, "Subject").is_some_and(|s| s.contains("SMTP-4"))));
}
