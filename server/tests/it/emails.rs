//! Emails (issue #16), the first message: the EU withdrawal confirmation on a durable medium.
//! Written to the outbox in the withdrawal's own transaction, sent once as a two-part email
//! with a fixed Message-ID, retried with backoff when the server cannot be reached, and shown
//! on the demo's outbox page.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::outbox;
use aftercare_server::Config;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::returns::*;
use common::*;
use serde_json::json;

const FROM: &str = "care@aurora.example";
const DAY_MS: i64 = 86_400_000;

fn out(transport: &Transport) -> Outgoing {
    Outgoing {
        transport: transport.clone(),
        from: FROM.into(),
        origin: "http://care.test".into(),
    }
}

/// Empty the outbox of what the fixture's own orders wrote, so a test sees only its messages.
async fn clear_outbox(t: &TestApp) {
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
}

fn now_ms() -> i64 {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    i64::try_from(d.as_millis()).unwrap()
}

/// Quoted-printable decoding of a raw message (soft line breaks and `=XX` bytes).
fn decoded(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn eml_files(dir: &std::path::Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .map(|e| std::fs::read_to_string(e.path()).unwrap())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

async fn withdraw(t: &TestApp, locale: &str) -> String {
    let r = post(
        t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true, "locale": locale}),
        None,
    )
    .await;
    assert!(r.status.is_success(), "{:?}", r.json());
    r.json()["reference"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_withdrawal_is_confirmed_by_one_email_with_both_parts_and_a_fixed_message_id() {
    let t = setup().await;
    let dir = t.dir.path().join("outbox");
    let transport = Transport::new(None, dir.clone()).unwrap();
    clear_outbox(&t).await;
    let reference = withdraw(&t, "es").await;
    // Declared again: the same declaration, no second email.
    assert_eq!(withdraw(&t, "es").await, reference);
    let rows = outbox::recent(&t.state.db, 1, 10).await.unwrap();
    assert_eq!(rows.len(), 1, "one message for one withdrawal");
    assert_eq!((rows[0].status.as_str(), rows[0].attempts), ("queued", 0));

    let now = now_ms();
    assert_eq!(
        send_due(&t.state.db, &out(&transport), now).await.unwrap(),
        1
    );
    assert_eq!(
        send_due(&t.state.db, &out(&transport), now + DAY_MS)
            .await
            .unwrap(),
        0,
        "sent once"
    );
    let files = eml_files(&dir);
    assert_eq!(files.len(), 1);
    let raw = &files[0];
    let text = decoded(raw);
    assert!(
        raw.contains("From: \"Aurora Outfitters\" <care@aurora.example>")
            || raw.contains("From: Aurora Outfitters <care@aurora.example>"),
        "{raw}"
    );
    assert!(raw.contains("To: ana@example.com"), "{raw}");
    assert!(
        raw.contains("Message-ID: <") && raw.contains("@aftercare>"),
        "{raw}"
    );
    assert!(raw.contains("Reply-To: help@aurora.example"), "{raw}");
    assert!(raw.contains("Content-Type: multipart/alternative"));
    assert!(raw.contains("Content-Type: text/plain; charset=utf-8"));
    assert!(raw.contains("Content-Type: text/html; charset=utf-8"));
    assert!(
        text.contains("Desistimiento confirmado: pedido 1029") || raw.contains("Subject: =?utf-8?"),
        "{raw}"
    );
    assert!(text.contains(&reference), "{text}");
    assert!(text.contains("soporte duradero"), "{text}");
    assert!(
        text.contains("desisto"),
        "the declaration word for word: {text}"
    );
    assert!(text.contains("<html lang=\"es\">"), "{text}");
    let row = &outbox::recent(&t.state.db, 1, 10).await.unwrap()[0];
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 1));
}

#[tokio::test]
async fn an_unreachable_mail_server_is_retried_later_and_nothing_is_lost() {
    let t = setup().await;
    clear_outbox(&t).await;
    withdraw(&t, "en").await;
    // Nothing listens on port 9: the attempt fails and is put off, not dropped.
    let down = Transport::new(Some("smtp://127.0.0.1:9"), t.dir.path().join("unused")).unwrap();
    let now = now_ms();
    assert_eq!(send_due(&t.state.db, &out(&down), now).await.unwrap(), 0);
    let row = &outbox::recent(&t.state.db, 1, 10).await.unwrap()[0];
    assert_eq!((row.status.as_str(), row.attempts), ("queued", 1));
    // Not due again at once.
    let dir = t.dir.path().join("outbox");
    let up = Transport::new(None, dir.clone()).unwrap();
    assert_eq!(
        send_due(&t.state.db, &out(&up), now + 1_000).await.unwrap(),
        0
    );
    // Due after the backoff: delivered once.
    assert_eq!(
        send_due(&t.state.db, &out(&up), now + 10 * 60_000)
            .await
            .unwrap(),
        1
    );
    assert_eq!(eml_files(&dir).len(), 1);
    let row = &outbox::recent(&t.state.db, 1, 10).await.unwrap()[0];
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 2));
}

#[tokio::test]
async fn a_bad_smtp_url_is_refused_at_start() {
    let err = Transport::new(Some("carrier-pigeon://nowhere"), std::env::temp_dir()).err();
    assert!(err.is_some_and(|e| e.to_string().contains("AFTERCARE_SMTP_URL")));
}

#[tokio::test]
async fn the_demo_outbox_shows_each_message_rendered() {
    let t = setup_with(Config {
        demo: true,
        ..Config::default()
    })
    .await;
    let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
    clear_outbox(&t).await;
    let r = t.send(get("/demo/outbox")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&r.body).contains("No emails yet"));
    withdraw(&t, "en").await;
    let r = t.send(get("/demo/outbox")).await;
    let html = String::from_utf8_lossy(&r.body).into_owned();
    assert!(
        html.contains("Withdrawal confirmed: order 1029 with Aurora Outfitters"),
        "{html}"
    );
    assert!(html.contains("ana@example.com") && html.contains("queued"));
    // A message held back says why.
    sqlx::query("UPDATE email_outbox SET status = 'skipped', last_error = 'surveys turned off'")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let html = String::from_utf8_lossy(&t.send(get("/demo/outbox")).await.body).into_owned();
    assert!(
        html.contains("skipped<br><small>surveys turned off</small>"),
        "{html}"
    );
    let id = outbox::recent(&t.state.db, 1, 1).await.unwrap()[0].id;
    let r = t.send(get(&format!("/demo/outbox/{id}"))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    assert!(String::from_utf8_lossy(&r.body).contains("durable medium"));
    assert_eq!(
        t.send(get("/demo/outbox/999999")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.send(get("/demo/outbox/x")).await.status,
        StatusCode::NOT_FOUND
    );

    // Without --demo there is no outbox page.
    let plain = setup().await;
    assert_eq!(
        plain.send(get("/demo/outbox")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn nothing_is_kept_for_or_sent_to_an_erased_customer() {
    let t = setup().await;
    clear_outbox(&t).await;
    withdraw(&t, "en").await;
    assert_eq!(outbox::recent(&t.state.db, 1, 10).await.unwrap().len(), 1);
    let r = post(
        &t,
        "/v1/me/erasure",
        &ana(),
        &json!({"confirm": "DELETE"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert!(outbox::recent(&t.state.db, 1, 10).await.unwrap().is_empty());
    let dir = t.dir.path().join("outbox");
    let transport = Transport::new(None, dir.clone()).unwrap();
    assert_eq!(
        send_due(&t.state.db, &out(&transport), now_ms())
            .await
            .unwrap(),
        0
    );
}
