//! Signed review links: the store makes one for an order; it opens that order's reviews for
//! the order's customer and nothing else, expires, and cannot be tampered with.

use crate::common;

use aftercare_shared::token::{self, Claims, TokenKind};
use axum::body::Body;
use axum::http::StatusCode;
use common::requests::DAY;
use common::reviews::*;
use common::*;
use serde_json::{json, Value};

/// A call to any route with `token` as the bearer.
async fn with_token(
    t: &TestApp,
    token: &str,
    method: &str,
    uri: &str,
    body: Option<&Value>,
) -> Reply {
    let req = public(method, uri)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json");
    t.send(req.body(body.map_or_else(Body::empty, json_body)).unwrap())
        .await
}

/// `POST /v1/admin/reviews/links`.
async fn make_link(t: &TestApp, body: &Value) -> Reply {
    admin_send(t, "POST", "/v1/admin/reviews/links", body).await
}

async fn link_for(t: &TestApp, order: &str) -> String {
    let r = make_link(t, &json!({ "order_number": order })).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()["token"].as_str().unwrap().to_owned()
}

fn skus(r: &Reply) -> Vec<String> {
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sku"].as_str().unwrap().to_owned())
        .collect()
}

/// Customer `cus_link` with two delivered orders: LINK-1 (SKU LNK-A) and LINK-2 (LNK-B).
async fn two_orders(t: &TestApp) {
    order_of(
        t,
        "cus_link",
        "LINK-1",
        "LNK-A",
        Some(12 * DAY),
        Some(10 * DAY),
        false,
    )
    .await;
    order_of(
        t,
        "cus_link",
        "LINK-2",
        "LNK-B",
        Some(12 * DAY),
        Some(10 * DAY),
        false,
    )
    .await;
}

#[tokio::test]
async fn a_link_reviews_only_its_orders_items() {
    let t = setup().await;
    two_orders(&t).await;
    let link = link_for(&t, "LINK-1").await;
    let mut all = pending(&t, "cus_link").await;
    all.sort();
    assert_eq!(all, ["LNK-A", "LNK-B"]);
    let r = with_token(&t, &link, "GET", "/v1/me/reviews/pending", None).await;
    assert_eq!(skus(&r), ["LNK-A"]);

    // Another order's SKU: 403 on every review route.
    let r = with_token(&t, &link, "POST", "/v1/reviews", Some(&review("LNK-B", 5))).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let r = with_token(&t, &link, "POST", "/v1/me/reviews/LNK-B/postpone", None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Its own SKU: submit (with an Idempotency-Key, replayed), edit, and it is verified.
    let req = public("POST", "/v1/reviews")
        .header("authorization", format!("Bearer {link}"))
        .header("content-type", "application/json")
        .header("idempotency-key", "link-review-1");
    let first = t
        .send(req.body(json_body(&review("LNK-A", 2))).unwrap())
        .await;
    assert_eq!(
        first.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&first.body)
    );
    let created = first.json();
    assert_eq!(created["verified"], true);
    let req = public("POST", "/v1/reviews")
        .header(
            "authorization",
            format!("Bearer {}", link_for(&t, "LINK-1").await),
        )
        .header("content-type", "application/json")
        .header("idempotency-key", "link-review-1");
    let again = t
        .send(req.body(json_body(&review("LNK-A", 2))).unwrap())
        .await;
    assert_eq!(
        (again.status, again.header("idempotent-replayed")),
        (StatusCode::CREATED, Some("true"))
    );
    let id = created["id"].as_i64().unwrap();
    let r = with_token(
        &t,
        &link,
        "PUT",
        &format!("/v1/reviews/{id}"),
        Some(&review("LNK-A", 3)),
    )
    .await;
    assert_eq!(
        (r.status, r.json()["rating"].clone()),
        (StatusCode::OK, json!(3))
    );
    // The customer sees it as theirs.
    let mine = call(&t, "cus_link", "GET", "/v1/me/reviews", None)
        .await
        .json();
    assert_eq!(mine[0]["id"], id);
    assert!(with_token(&t, &link, "GET", "/v1/me/reviews/pending", None)
        .await
        .json()
        .as_array()
        .unwrap()
        .is_empty());

    // A review of another order's SKU cannot be edited through the link.
    let b = submit(&t, "cus_link", &review("LNK-B", 4)).await.json();
    let r = with_token(
        &t,
        &link,
        "PUT",
        &format!("/v1/reviews/{}", b["id"]),
        Some(&review("LNK-B", 1)),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_link_opens_nothing_else() {
    let t = setup().await;
    two_orders(&t).await;
    let link = link_for(&t, "LINK-1").await;
    for (method, uri) in [
        ("GET", "/v1/orders"),
        ("GET", "/v1/orders/LINK-1"),
        ("GET", "/v1/orders/LINK-2"),
        ("GET", "/v1/me/reviews"),
        ("GET", "/v1/me/overview"),
        ("GET", "/v1/me/profile"),
        ("GET", "/v1/me/preferences"),
        ("GET", "/v1/me/data"),
        ("GET", "/v1/orders/LINK-1/returns/options"),
        ("POST", "/v1/surveys/nps/prompt"),
    ] {
        let r = with_token(&t, &link, method, uri, None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{method} {uri}");
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{method} {uri}: {}",
            String::from_utf8_lossy(&r.body)
        );
    }
    let r = with_token(
        &t,
        &link,
        "POST",
        "/v1/me/erasure",
        Some(&json!({"confirm": "DELETE"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An order session still cannot review, and the link needs the publishable key's store.
    let r = with_token(
        &t,
        &order_session("LINK-1"),
        "GET",
        "/v1/me/reviews/pending",
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn links_expire_and_cannot_be_tampered_with() {
    let t = setup().await;
    two_orders(&t).await;
    let mint = |sub: &str, exp: i64| {
        token::mint(
            &Claims {
                kind: TokenKind::ReviewLink,
                store: PK.into(),
                sub: sub.into(),
                exp,
            },
            SK,
        )
    };
    let pending_with = |tok: String| {
        let t = &t;
        async move { with_token(t, &tok, "GET", "/v1/me/reviews/pending", None).await }
    };
    assert_eq!(
        skus(&pending_with(mint("LINK-1", now_s() + 60)).await),
        ["LNK-A"]
    );
    let r = pending_with(mint("LINK-1", now_s() - 1)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "token_expired")
    );
    // Longer than 90 days is refused.
    let r = pending_with(mint("LINK-1", now_s() + 91 * 86_400)).await;
    assert_eq!(r.code(), "invalid_token");
    // Tampered: another signature, or another order under the old signature.
    let good = link_for(&t, "LINK-1").await;
    let (body, sig) = good.rsplit_once('.').unwrap();
    let flipped = if sig.starts_with('A') { "B" } else { "A" };
    let r = pending_with(format!("{body}.{flipped}{}", &sig[1..])).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_token")
    );
    let other = mint("LINK-2", now_s() + 60);
    let other_body = other.rsplit_once('.').unwrap().0;
    let r = pending_with(format!("{other_body}.{sig}")).await;
    assert_eq!(r.code(), "invalid_token");
    // A link for an order the store does not have opens nothing.
    let r = pending_with(mint("NO-SUCH", now_s() + 60)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_store_makes_links_for_orders_with_a_customer() {
    let t = setup().await;
    two_orders(&t).await;
    let r = make_link(&t, &json!({"order_number": "LINK-1"})).await;
    let expires = r.json()["expires_at"].as_str().unwrap().to_owned();
    let at = aftercare_shared::Timestamp::parse(&expires)
        .unwrap()
        .unix_seconds();
    assert!((at - now_s() - 30 * 86_400).abs() < 60, "{expires}");
    let r = make_link(&t, &json!({"order_number": "#LINK-1", "valid_days": 90})).await;
    assert_eq!(r.status, StatusCode::OK);
    for (days, ok) in [(0, false), (1, true), (91, false)] {
        let r = make_link(&t, &json!({"order_number": "LINK-1", "valid_days": days})).await;
        assert_eq!(r.status.is_success(), ok, "{days}");
        if !ok {
            assert_eq!(r.json()["fields"][0]["field"], "valid_days");
        }
    }
    let r = make_link(&t, &json!({"order_number": "NO-SUCH"})).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = make_link(&t, &json!({"order_number": ""})).await;
    assert_eq!(r.json()["fields"][0]["field"], "order_number");
    // A guest order (no customer) cannot have one: reviews belong to a customer. The body is
    // well formed; the order's state is what refuses it.
    let guest = json!({
        "order_number": "GUEST-1", "email": "guest@example.com", "currency": "EUR",
        "placed_at": "2026-01-10T10:00:00Z",
        "items": [{"sku": "G-1", "title": "Thing", "quantity": 1, "unit_price_minor": 1000}],
        "shipping_minor": 0, "tax_minor": 0, "discount_minor": 0,
    });
    let r = admin_send(&t, "PUT", "/v1/admin/orders/GUEST-1", &guest).await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let r = make_link(&t, &json!({"order_number": "GUEST-1"})).await;
    assert_eq!(
        (r.status, r.json()["code"].clone()),
        (StatusCode::CONFLICT, json!("conflict"))
    );
    // Only with the secret key.
    let r = t
        .send(
            public("POST", "/v1/admin/reviews/links")
                .header("content-type", "application/json")
                .body(json_body(&json!({"order_number": "LINK-1"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}
