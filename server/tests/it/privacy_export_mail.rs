//! "Your data is ready" (issue #16): the account page's download also emails the customer a
//! link that downloads their data afresh for 7 days — once an hour at most, transactional, a
//! link the API itself refuses, and a spoiled one answered with a page.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::{count, shopper};
use common::*;

fn now_ms() -> i64 {
    now_s() * 1000
}

async fn export(t: &TestApp, token: &str) -> Reply {
    t.send(
        shopper("POST", "/v1/me/data/exports", token)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn the_download_emails_a_link_that_downloads_the_data_again_and_nothing_more() {
    let t = setup().await;
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let ana = customer_token("cus_ana");
    let r = export(&t, &ana).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert!(r
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment; filename=\"my-data-")));
    let data = r.json();
    assert_eq!(data["profile"]["email"], "ana@example.com");
    // Pressed again within the hour: the file again, no second email.
    assert_eq!(export(&t, &ana).await.status, StatusCode::CREATED);
    let written = count(
        &t,
        "SELECT COUNT(*) FROM email_outbox WHERE kind = 'data_export_ready' \
         AND recipient = 'ana@example.com' AND topic IS NULL",
    )
    .await;
    assert_eq!(written, 1, "one transactional email");
    // A guest's order session has no account to export.
    let r = export(&t, &order_session("1029")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let dir = t.dir.path().join("mail-export");
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap();
    let raw = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .find(|m| m.contains("To: ana@example.com"))
        .expect("the email was sent");
    assert!(raw.contains("Subject: Your data from Aurora Outfitters is ready"));
    assert!(!raw.contains("List-Unsubscribe"), "transactional");
    let flat = raw.replace("=\r\n", "").replace("=3D", "=");
    let start = flat.find("http://care.test/exports/").expect("the link");
    let link: String = flat[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    let path = link
        .trim_start_matches("http://care.test")
        .replace("&amp;", "&");
    assert!(path.starts_with(&format!("/exports/{PK}?t=v1.")), "{path}");
    let r = t.send(get(&path)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment")));
    let again = r.json();
    assert_eq!(again["profile"], data["profile"]);
    assert_eq!(again["orders"], data["orders"]);
    // The link is no key to the API.
    let token = path.split("?t=").nth(1).unwrap().split('&').next().unwrap();
    let r = t
        .send(
            shopper("GET", "/v1/me/data", token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Spoiled, another kind of link, or another store: a page, never data.
    let review = aftercare_shared::token::mint(
        &aftercare_shared::token::Claims {
            kind: aftercare_shared::token::TokenKind::OrderLink,
            store: PK.into(),
            sub: "cus_ana".into(),
            exp: now_s() + 3_600,
        },
        SK,
    );
    for bad in [
        path.replace("?t=v1.", "?t=v1.x"),
        format!("/exports/{PK}?t={review}"),
        format!("/exports/{PK}"),
        path.replace(PK, "pk_nobody"),
    ] {
        let r = t.send(get(&bad)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        let page = String::from_utf8_lossy(&r.body).into_owned();
        assert!(page.contains("has expired or is not valid"), "{page}");
        assert!(!page.contains("ana@example.com"));
    }
}
