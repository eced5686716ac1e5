//! The console's Orders and Insights areas: finding orders by number or email, one order with
//! the store's facts above the shopper's own tracking widget (opened with a pass for that
//! order only, under a CSP widened on that page only), the per-product insights with their
//! charts, and another store's console seeing none of it.

use crate::common;

use aftercare_server::http::console::{CSP, WIDGET_CSP};
use aftercare_server::repo::insights;
use aftercare_server::repo::stores;
use aftercare_server::seed::{DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::body::Body;
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::{admin_get, order_db_id, public, setup, TestApp};

async fn owner(t: &TestApp) -> Browser {
    let mut b = Browser::default();
    let r = b.sign_in(t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    b
}

/// The value of attribute `name` of the first `<aftercare-tracking>` in `html`.
fn widget_attr(html: &str, name: &str) -> Option<String> {
    let el = &html[html.find("<aftercare-tracking")?..];
    let el = &el[..el.find('>')?];
    let at = el.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(el[at..].split('"').next()?.to_owned())
}

async fn with_token(t: &TestApp, token: &str, path: &str) -> common::Reply {
    let req = public("GET", path)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    t.send(req).await
}

#[tokio::test]
async fn orders_are_found_by_number_or_any_part_of_the_email() {
    let t = setup().await;
    let mut b = owner(&t).await;
    let page = text(&b.get(&t, "/console").await);
    assert!(
        page.contains(r#"href="/console/orders""#),
        "in the navigation"
    );
    assert!(
        page.contains(r#"href="/console/insights""#),
        "in the navigation"
    );

    let r = b.get(&t, "/console/orders?q=1002").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = text(&r);
    assert!(
        html.contains(r#"<a href="/console/orders/1002">1002</a>"#),
        "{html}"
    );
    assert!(html.contains("ana@example.com") && html.contains("Your order is on its way"));
    assert_eq!(html.matches("<tr>").count(), 2, "header and one order");

    let html = text(&b.get(&t, "/console/orders?q=%23+1002").await);
    assert!(html.contains("No orders match"), "a number is exact");
    let html = text(&b.get(&t, "/console/orders?q=%231002").await);
    assert!(
        html.contains(r#"href="/console/orders/1002""#),
        "a leading # is ignored"
    );

    let html = text(&b.get(&t, "/console/orders?q=ANA%40").await);
    assert!(
        html.contains(r#"href="/console/orders/1002""#),
        "part of the email"
    );
    assert!(!html.contains("ben@example.com"));

    for none in ["nobody%40nowhere.example", "%25", "_na%40"] {
        let html = text(&b.get(&t, &format!("/console/orders?q={none}")).await);
        assert!(html.contains("No orders match"), "{none}");
    }
}

#[tokio::test]
async fn pages_of_results_follow_one_another_without_repeats() {
    let t = setup().await;
    let mut b = owner(&t).await;
    let mut seen = Vec::new();
    let mut url = "/console/orders?q=olivia%40example.com".to_owned();
    loop {
        let html = text(&b.get(&t, &url).await);
        for part in html
            .split(r#"<th scope="row"><a href="/console/orders/"#)
            .skip(1)
        {
            seen.push(part.split('"').next().unwrap().to_owned());
        }
        match html
            .split(r#"rel="next""#)
            .next()
            .and_then(|h| h.rsplit("href=\"").next())
        {
            Some(next) if html.contains(r#"rel="next""#) => {
                url = next.split('"').next().unwrap().replace("&amp;", "&");
            }
            _ => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), 40, "Olivia's 40 orders: {seen:?}");
    assert_eq!(unique.len(), 40);
}

#[tokio::test]
async fn an_order_shows_the_store_facts_and_the_shoppers_widget_with_a_pass_for_it_alone() {
    let t = setup().await;
    let mut b = owner(&t).await;
    let r = b.get(&t, "/console/orders/1001").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let html = text(&r);
    assert!(html.contains("ana@example.com") && html.contains("cus_ana"));
    let list = admin_get(&t, "/v1/admin/returns?limit=100").await.json();
    let rma = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["order_number"] == "1001")
        .expect("1001 has a return")["rma"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        html.contains(&format!(r#"href="/console/returns/{rma}""#)),
        "its return"
    );
    assert!(html.contains("Tracking views in the last 24 hours"));
    assert!(html.contains(r#"<script src="/sdk/aftercare.js" data-key="pk_"#));
    assert_eq!(widget_attr(&html, "order").as_deref(), Some("1001"));
    let token = widget_attr(&html, "token").expect("a token");

    let id = order_db_id(&t, "1001").await;
    let views = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tracking_views WHERE order_id = $1")
            .bind(id)
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap()
    };
    let before = views().await;
    let own = with_token(&t, &token, "/v1/orders/1001").await;
    assert_eq!(own.status, StatusCode::OK, "the pass opens its order");
    assert_eq!(own.json()["order_number"], "1001");
    for other in ["/v1/orders/1002", "/v1/orders", "/v1/me/preferences"] {
        let r = with_token(&t, &token, other).await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{other}: {}",
            r.status
        );
    }
    assert_eq!(views().await, before + 1, "a shopper's open counts");
    let req = public("GET", "/v1/orders/1001")
        .header("authorization", format!("Bearer {token}"))
        .header("referer", "http://127.0.0.1/console/orders/1001")
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.send(req).await.status, StatusCode::OK);
    assert_eq!(views().await, before + 1, "the console's own open does not");

    let guest = text(&b.get(&t, "/console/orders/1030").await);
    assert!(guest.contains("returns@example.com") && guest.contains("guest checkout"));
    let pass = widget_attr(&guest, "token").unwrap();
    assert_eq!(
        with_token(&t, &pass, "/v1/orders/1030").await.status,
        StatusCode::OK
    );

    let requests = text(&b.get(&t, "/console/orders/1034").await);
    assert!(
        requests.contains(r#"href="/console/requests#request-"#),
        "its request"
    );
    assert_eq!(
        b.get(&t, "/console/orders/9999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn only_the_order_page_widens_the_csp_and_only_signed_in_users_see_a_pass() {
    let t = setup().await;
    let mut anonymous = Browser::default();
    let r = anonymous.get(&t, "/console/orders/1001").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r
        .header("location")
        .unwrap()
        .starts_with("/console/sign-in"));
    assert!(!text(&r).contains("aftercare-tracking"));

    let mut b = owner(&t).await;
    let r = b.get(&t, "/console/orders/1002").await;
    assert_eq!(r.header("content-security-policy"), Some(WIDGET_CSP));
    assert!(WIDGET_CSP.contains("'wasm-unsafe-eval'") && WIDGET_CSP.contains("connect-src 'self'"));
    assert!(!WIDGET_CSP.contains("unsafe-inline") && WIDGET_CSP.contains("frame-ancestors 'none'"));
    // Product images may live on the store's CDN; scripts and connections stay on this origin.
    assert!(WIDGET_CSP.contains("img-src 'self' data: https:;"));
    assert!(
        WIDGET_CSP.contains("connect-src 'self';")
            && WIDGET_CSP.contains("script-src 'self' 'wasm-unsafe-eval';")
    );
    let html = text(&r);
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "nothing inline"
    );
    for path in [
        "/console",
        "/console/orders",
        "/console/orders?q=ana",
        "/console/orders/9999",
        "/console/insights",
        "/console/insights/products.svg",
        "/console/returns",
        "/console/surveys/nps",
        "/console/account",
        "/console/sign-in",
    ] {
        let r = b.get(&t, path).await;
        assert_eq!(r.header("content-security-policy"), Some(CSP), "{path}");
    }
}

#[tokio::test]
async fn insights_list_products_with_their_charts_and_anxious_orders() {
    let t = setup().await;
    let mut b = owner(&t).await;
    let r = b.get(&t, "/console/insights").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = text(&r);
    let products = admin_get(&t, "/v1/admin/insights/products").await.json();
    let products = products.as_array().unwrap();
    assert!(!products.is_empty());
    for p in products {
        let title = p["title"].as_str().unwrap().replace('&', "&amp;");
        assert!(html.contains(&format!("<h3>{title}</h3>")), "{title}");
    }
    assert!(html.contains("Return rate ") && html.contains(" of 5 ("));
    assert!(html.contains("Tracking anxiety"));
    for (chart, alt) in [
        ("products.svg", "average rating"),
        ("reasons.svg", "split by return reason"),
    ] {
        assert!(html.contains(&format!(r#"src="/console/insights/{chart}""#)));
        assert!(html.contains(alt), "{alt}");
        let svg = b.get(&t, &format!("/console/insights/{chart}")).await;
        assert_eq!(svg.status, StatusCode::OK);
        assert!(svg
            .header("content-type")
            .unwrap()
            .starts_with("image/svg+xml"));
        assert!(text(&svg).contains("<desc"));
    }
    assert_eq!(
        b.get(&t, "/console/insights/nope.svg").await.status,
        StatusCode::NOT_FOUND
    );

    let store = stores::by_publishable_key(&t.state.db, common::PK)
        .await
        .unwrap()
        .unwrap();
    let id = order_db_id(&t, "1002").await;
    for _ in 0..insights::ANXIOUS_MIN_VIEWS {
        let now = aftercare_server::now_ms();
        insights::record_view(&t.state.db, store.id, id, insights::Viewer::Customer, now)
            .await
            .unwrap();
    }
    let html = text(&b.get(&t, "/console/insights").await);
    let anxious = html.split("Tracking anxiety").nth(1).unwrap();
    assert!(
        anxious.contains(r#"<a href="/console/orders/1002">Order 1002</a>"#),
        "{anxious}"
    );
    let today = text(&b.get(&t, "/console").await);
    assert!(
        today.contains(r#"<a href="/console/orders/1002">Order 1002</a>"#),
        "Today links it"
    );
    assert!(
        today.contains(r#"<a href="/console/orders/1022">Order 1022</a>"#),
        "and the parcels in trouble"
    );
}

#[tokio::test]
async fn another_stores_console_finds_none_of_these_orders() {
    let t = setup().await;
    let mut b = common::console::other_store_user(&t, aftercare_console::Role::Agent).await;
    let r = b.get(&t, "/console/orders/1002").await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "agents may open orders, not this one"
    );
    assert!(!text(&r).contains("aftercare-tracking"));
    let html = text(&b.get(&t, "/console/orders?q=ana%40example.com").await);
    assert!(html.contains("No orders match"));
    let html = text(&b.get(&t, "/console/insights").await);
    assert!(html.contains("No product has reviews") && !html.contains("Merino"));
}
