//! `GET /v1/orders` rows: the line preview, the return count, the status derived as the order
//! page derives it, how the parameters are documented, and Olivia behind the demo token.

use crate::common;

use aftercare_server::http::plumbing::{DEFAULT_PAGE, MAX_PAGE};
use aftercare_server::repo::orders;
use aftercare_server::Config;
use aftercare_shared::api::{OrderListQuery, MAX_ORDER_SEARCH};
use aftercare_shared::order::{OrderFilter, SUMMARY_PREVIEW};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::returns::{ana, item_ids, line, post};
use common::*;
use serde_json::{json, Value};
use std::time::Instant;

/// Every order of `customer` in one page (they have fewer than 100), by number.
async fn rows(t: &TestApp, customer: &str) -> Vec<Value> {
    let r = t
        .send(
            public("GET", "/v1/orders?limit=100")
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token(customer)),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let page = r.json();
    assert!(page.get("next_cursor").is_none());
    page["items"].as_array().unwrap().clone()
}

/// The row of order `number`.
fn row<'a>(rows: &'a [Value], number: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["order_number"] == number)
        .unwrap_or_else(|| panic!("no row {number}"))
}

#[tokio::test]
async fn preview_holds_the_first_four_lines_in_order() {
    let t = setup().await;
    let olivia = rows(&t, "cus_olivia").await;
    let six = row(&olivia, "2040");
    let titles: Vec<&str> = six["preview"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Flannel Overshirt",
            "Leather Belt",
            "Canvas Tote",
            "Polarised Sunglasses"
        ]
    );
    assert_eq!(SUMMARY_PREVIEW, 4);
    assert_eq!(
        six["preview"][0]["image_url"],
        "http://127.0.0.1:8080/img/flannel-overshirt.svg"
    );
    assert_eq!(six["item_count"], 6);
    let five = row(&olivia, "2037");
    assert_eq!(five["preview"].as_array().unwrap().len(), 4);
    assert_eq!(
        five["item_count"], 8,
        "every unit counts, not only the previewed"
    );
    let one = row(&olivia, "2001");
    assert_eq!(
        one["preview"],
        json!([{"title": "Merino Crew Sweater", "image_url": "http://127.0.0.1:8080/img/merino-sweater.svg"}])
    );
    for r in &olivia {
        let n = r["preview"].as_array().unwrap().len();
        assert!((1..=SUMMARY_PREVIEW).contains(&n), "{r}");
    }
    // The preview is the order's own lines, first ones first.
    let full = shopper_get(&t, "cus_olivia", "2037", None).await.json();
    let mine = row(&olivia, "2037");
    for (i, p) in mine["preview"].as_array().unwrap().iter().enumerate() {
        assert_eq!(p["title"], full["items"][i]["title"]);
        assert_eq!(p["image_url"], full["items"][i]["image_url"]);
    }
}

#[tokio::test]
async fn return_count_counts_returns_in_any_status() {
    let t = setup().await;
    let olivia = rows(&t, "cus_olivia").await;
    for (number, n) in [
        ("2035", 1),
        ("2031", 1),
        ("2020", 1),
        ("2034", 0),
        ("2001", 0),
    ] {
        assert_eq!(row(&olivia, number)["return_count"], n, "{number}");
    }
    assert_eq!(olivia.iter().filter(|r| r["return_count"] != 0).count(), 3);
    // Dev's return on 1014 was cancelled by him: it still counts.
    assert_eq!(row(&rows(&t, "cus_dev").await, "1014")["return_count"], 1);
    // Two returns on one order count two.
    assert_eq!(row(&rows(&t, "cus_ana").await, "1029")["return_count"], 0);
    let o = item_ids(&t, "1029", &ana()).await;
    for sku in ["SOCK-WOOL-HIKE", "MER-CREW-FG-M"] {
        let body = json!({"method": "drop_off", "lines": [
            {"item_id": line(&o, sku)["item_id"], "quantity": 1, "reason": "changed_mind", "resolution": "refund"},
        ]});
        let r = post(&t, "/v1/orders/1029/returns", &ana(), &body, None).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    }
    let ana_rows = rows(&t, "cus_ana").await;
    assert_eq!(row(&ana_rows, "1029")["return_count"], 2);
    let returns = t
        .send(
            public("GET", "/v1/orders?status=returns")
                .header("authorization", ana())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(returns["total"], 3, "1029, 1001 and 1017");
}

/// The list derives each status from parcels with the shared rules, reading only what status
/// depends on; it must agree with the order page (`load_order`) on every seeded order. Also
/// a rough timing of the two ways for Olivia's 40 orders.
#[tokio::test]
async fn list_rows_agree_with_the_order_page() {
    let t = setup().await;
    for customer in ["cus_ana", "cus_ben", "cus_carla", "cus_dev", "cus_olivia"] {
        for r in rows(&t, customer).await {
            let number = r["order_number"].as_str().unwrap();
            let full = shopper_get(&t, customer, number, None).await.json();
            assert_eq!(r["status"], full["status"], "{customer} {number}");
            assert_eq!(r["total"], full["totals"]["total"], "{number}");
            assert_eq!(r["placed_at"], full["placed_at"], "{number}");
            let units: u64 = full["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["quantity"].as_u64().unwrap())
                .sum();
            assert_eq!(r["item_count"], units, "{number}");
        }
    }

    let mut conn = t.state.db.pool.acquire().await.unwrap();
    let query = OrderListQuery {
        status: OrderFilter::Delivered,
        ..OrderListQuery::default()
    };
    let started = Instant::now();
    let page = orders::customer_orders(&mut conn, 1, "cus_olivia", &query, None, 20)
        .await
        .unwrap();
    let listed = started.elapsed();
    assert_eq!(page.total, 33);
    let started = Instant::now();
    for n in 2001..=2040 {
        let id = order_db_id(&t, &n.to_string()).await;
        orders::load_order(&mut conn, id).await.unwrap();
    }
    let loaded = started.elapsed();
    eprintln!(
        "Olivia's 40 orders: the list's set queries (filter, count, page) {listed:?}; \
         load_order for each {loaded:?}"
    );
}

#[tokio::test]
async fn the_document_states_every_parameter_with_its_bounds() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let params = doc["paths"]["/v1/orders"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let param = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {params:?}"))
    };
    let names: Vec<&str> = params.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["status", "q", "cursor", "limit"]);
    for p in params {
        assert_eq!(p["in"], "query");
        assert_ne!(p["required"], true);
        assert!(!p["description"].as_str().unwrap().is_empty(), "{p}");
    }
    let status = &param("status")["schema"];
    let wire: Vec<&str> = OrderFilter::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(status["enum"], json!(wire), "{status}");
    assert_eq!(status["type"], "string");
    assert!(param("status")["description"]
        .as_str()
        .unwrap()
        .contains("`all` (the default)"));
    let q = &param("q")["schema"];
    assert_eq!(q["maxLength"], MAX_ORDER_SEARCH, "{q}");
    let limit = &param("limit")["schema"];
    assert_eq!((MAX_PAGE, DEFAULT_PAGE), (100, 20));
    assert_eq!(
        (&limit["minimum"], &limit["maximum"]),
        (&json!(1), &json!(100)),
        "{limit}"
    );
    assert_eq!(limit["default"], 20);
    let description = doc["paths"]["/v1/orders"]["get"]["description"]
        .as_str()
        .unwrap();
    assert!(description.contains("1,000 newest"), "{description}");
    assert_eq!(orders::LIST_WINDOW, 1000);
}

#[tokio::test]
async fn the_demo_token_opens_olivias_forty_orders() {
    let t = setup_with(Config {
        demo: true,
        ..Config::default()
    })
    .await;
    let r = t
        .send(
            Request::get("/demo/customer-token?customer=cus_olivia")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let token = r.json()["token"].as_str().unwrap().to_owned();
    let page = t
        .send(
            public("GET", "/v1/orders")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(page["total"], 40);
    assert_eq!(page["items"].as_array().unwrap().len(), 20);
    assert_eq!(page["items"][0]["order_number"], "2040");
    assert!(page["next_cursor"].is_string());
}
