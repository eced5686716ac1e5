//! Reviews as data: Judge.me / Okendo CSV imports (verified only on a delivered line, all or
//! nothing, no duplicates on re-import), the CSV export, the schema.org JSON-LD and the
//! Google Product Ratings feed, on a kettle sold in two colours.

use crate::common;

use axum::http::StatusCode;
use common::requests::DAY;
use common::reviews;
use common::*;
use serde_json::{json, Value};

const JUDGEME: &str = include_str!("../fixtures/reviews/judgeme.csv");
const OKENDO: &str = include_str!("../fixtures/reviews/okendo.csv");
const PAGE: &str = "https://shop.example/products/imp-kettle";

fn at(ms_ago: i64) -> String {
    aftercare_shared::Timestamp::from_utc_ms(aftercare_server::now_ms() - ms_ago, 0).to_string()
}

/// The kettle in the catalog, and two orders of it: Priya's (`cus_imp_ok`) delivered, Marta's
/// (`cus_imp_late`) shipped and not yet scanned delivered.
async fn kettle(t: &TestApp) {
    let r = admin_send(
        t,
        "PUT",
        "/v1/admin/products/imp-kettle",
        &json!({"title": "Gooseneck Kettle", "tags": [], "variants": [
            {"sku": "IMP-KETTLE-RD", "label": "Red", "available": true},
            {"sku": "IMP-KETTLE-BK", "label": "Black", "available": true}]}),
    )
    .await;
    assert!(
        r.status.is_success(),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    for (customer, number, sku, delivered) in [
        ("cus_imp_ok", "IMP-1", "IMP-KETTLE-RD", true),
        ("cus_imp_late", "IMP-2", "IMP-KETTLE-BK", false),
    ] {
        let events = if delivered {
            json!([{"status": "delivered", "description": "Delivered", "occurred_at": at(18 * DAY)}])
        } else {
            json!([])
        };
        let body = json!({
            "order_number": number,
            "email": format!("{customer}@example.com"),
            "customer": {"external_id": customer, "email": format!("{customer}@example.com")},
            "currency": "EUR", "placed_at": at(21 * DAY),
            "items": [{"sku": sku, "title": "Gooseneck Kettle", "quantity": 1,
                "unit_price_minor": 4900, "product_url": PAGE}],
            "shipping_minor": 0, "tax_minor": 0, "discount_minor": 0,
            "shipments": [{"carrier_code": "correos", "tracking_number": format!("TRK{number}"),
                "shipped_at": at(20 * DAY), "items": [{"sku": sku, "quantity": 1}], "events": events}],
        });
        let r = admin_send(t, "PUT", &format!("/v1/admin/orders/{number}"), &body).await;
        assert!(
            r.status.is_success(),
            "{}",
            String::from_utf8_lossy(&r.body)
        );
    }
}

async fn import(t: &TestApp, format: &str, csv: &str) -> Reply {
    t.send(
        admin("POST", &format!("/v1/admin/reviews/import?format={format}"))
            .header("content-type", "text/csv")
            .body(csv.to_owned().into())
            .unwrap(),
    )
    .await
}

async fn get(t: &TestApp, uri: &str) -> Reply {
    t.send(public("GET", uri).body(axum::body::Body::empty()).unwrap())
        .await
}

async fn export(t: &TestApp) -> Vec<Vec<String>> {
    let r = admin_get(t, "/v1/admin/reviews/export.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let mut rd = csv::Reader::from_reader(&r.body[..]);
    rd.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn judgeme_and_okendo_exports_import_once_and_verify_only_delivered_buyers() {
    let t = setup().await;
    kettle(&t).await;
    let r = import(&t, "judgeme", JUDGEME).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(
        r.json(),
        json!({"format": "judgeme", "rows": 3, "imported": 3, "verified": 1, "duplicates": 0})
    );
    let r = import(&t, "okendo", OKENDO).await;
    // Marta bought the kettle but it was never scanned delivered: not verified.
    assert_eq!(
        r.json(),
        json!({"format": "okendo", "rows": 2, "imported": 2, "verified": 0, "duplicates": 0})
    );
    for (format, csv, n) in [("judgeme", JUDGEME, 3), ("okendo", OKENDO, 2)] {
        let r = import(&t, format, csv).await;
        assert_eq!(r.json()["imported"], 0);
        assert_eq!(r.json()["duplicates"], n);
    }
    // Both colours share the product's reviews: 3 published (Judge.me `ok`, Okendo
    // `approved`), the rest pending.
    let list = reviews::public_list(&t, "IMP-KETTLE-BK", "").await;
    assert_eq!(list["summary"]["count"], 3);
    let items = list["reviews"]["items"].as_array().unwrap();
    let verified: Vec<&Value> = items.iter().filter(|i| i["verified"] == true).collect();
    assert_eq!(verified.len(), 1);
    assert_eq!(verified[0]["title"], "Boils fast");
    assert_eq!(
        verified[0]["reply"]["body"],
        "Thanks Priya, glad it suits you!"
    );
    let rows = export(&t).await;
    let imported: Vec<_> = rows.iter().filter(|r| r[1].starts_with("IMP-")).collect();
    assert_eq!(imported.len(), 5);
    let pending: Vec<_> = imported.iter().filter(|r| r[7] == "pending").collect();
    assert_eq!(pending.len(), 2);
    // The Judge.me row without a title got its body's first words (at most 60 characters).
    assert!(imported
        .iter()
        .any(|r| r[3] == "Lid hinge feels <flimsy> & the \"auto-off\" clicks late, but…"));
}

#[tokio::test]
async fn a_bad_row_refuses_the_whole_file_naming_every_bad_line() {
    let t = setup().await;
    kettle(&t).await;
    let csv = "title,body,rating,review_date,curated,reviewer_name,reviewer_email,product_handle\n\
               Fine,Works as it should every day.,5,2024-01-02,ok,Al,al@example.com,imp-kettle\n\
               Stars,Works as it should every day.,6,2024-01-02,ok,Al,al@example.com,imp-kettle\n\
               Ghost,Works as it should every day.,4,2024-01-02,ok,Al,al@example.com,no-such-thing\n";
    let r = import(&t, "judgeme", csv).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["lines[3].rating"]);
    let csv = csv.replace(",6,", ",4,");
    let r = import(&t, "judgeme", &csv).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["lines[4].sku"]);
    assert!(
        export(&t).await.iter().all(|r| !r[1].starts_with("IMP-")),
        "nothing written"
    );
    let r = import(&t, "shopify", &csv).await;
    assert_eq!(field_names(&r), ["format"]);
    let huge = "x".repeat(5 * 1024 * 1024 + 1);
    assert_eq!(
        import(&t, "judgeme", &huge).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn the_export_round_trips_awkward_text_and_defuses_formulas() {
    let t = setup().await;
    kettle(&t).await;
    let body = "Commas, \"quotes\",\nand a second line.";
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Review ID",
        "SKU",
        "Rating",
        "Title",
        "Body",
        "Reviewer Name",
        "Date Created",
        "Status",
    ])
    .unwrap();
    w.write_record([
        "x-1",
        "IMP-KETTLE-RD",
        "4",
        "=HYPERLINK(\"http://evil\")",
        body,
        "-Ann",
        "2024-02-02",
        "approved",
    ])
    .unwrap();
    let file = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let r = import(&t, "okendo", &file).await;
    assert_eq!(
        r.json()["imported"],
        1,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let rows = export(&t).await;
    let row = rows.iter().find(|r| r[1].starts_with("IMP-")).unwrap();
    assert_eq!(row[14], "okendo");
    assert_eq!(row[1], "IMP-KETTLE-RD");
    assert_eq!(row[3], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(row[4], body);
    assert_eq!(row[5], "'-Ann");
    assert_eq!(row[6], "false");
}

#[tokio::test]
async fn jsonld_has_one_aggregate_of_published_reviews_and_none_without() {
    let t = setup().await;
    kettle(&t).await;
    let r = get(&t, "/v1/products/IMP-KETTLE-RD/reviews/jsonld").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("application/ld+json"));
    assert!(r.header("cache-control").unwrap().contains("max-age"));
    let doc = r.json();
    assert_eq!(doc["@type"], "Product");
    assert_eq!(doc["name"], "Gooseneck Kettle");
    assert!(doc.get("aggregateRating").is_none() && doc.get("review").is_none());

    import(&t, "judgeme", JUDGEME).await;
    import(&t, "okendo", OKENDO).await;
    // The black variant answers the product's reviews.
    let doc = get(&t, "/v1/products/IMP-KETTLE-BK/reviews/jsonld")
        .await
        .json();
    assert_eq!(doc["sku"], "IMP-KETTLE-BK");
    let agg = &doc["aggregateRating"];
    assert_eq!(agg["reviewCount"], 3);
    assert_eq!(agg["ratingValue"], 4.0); // (5 + 3 + 4) / 3
    assert_eq!(
        (agg["bestRating"].clone(), agg["worstRating"].clone()),
        (json!(5), json!(1))
    );
    let reviews = doc["review"].as_array().unwrap();
    assert_eq!(reviews.len(), 3);
    let text = doc.to_string();
    assert!(
        !text.contains("Too loud") && !text.contains("Leaked"),
        "pending never shown"
    );
    assert_eq!(reviews[0]["name"], "Nice matte black");
    assert_eq!(reviews[0]["author"]["name"], "Marta G.");
    assert_eq!(reviews[0]["datePublished"], "2024-06-01");
    assert_eq!(reviews[0]["reviewRating"]["ratingValue"], 4);

    // A rejected review leaves the aggregate.
    let id = reviews::public_list(&t, "IMP-KETTLE-RD", "").await["reviews"]["items"][0]["id"]
        .as_i64()
        .unwrap();
    let r = reviews::moderate(&t, id, &json!({"action": "reject", "reason": "spam"})).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = get(&t, "/v1/products/IMP-KETTLE-RD/reviews/jsonld")
        .await
        .json();
    assert_eq!(doc["aggregateRating"]["reviewCount"], 2);
    assert_eq!(
        get(&t, "/v1/products/IMP-KETTLE-RD/reviews/jsonld")
            .await
            .json()["review"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn the_google_feed_lists_published_reviews_escaped() {
    let t = setup().await;
    kettle(&t).await;
    import(&t, "judgeme", JUDGEME).await;
    import(&t, "okendo", OKENDO).await;
    let r = t
        .send(
            axum::http::Request::get(format!("/v1/feeds/{PK}/product-reviews.xml"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/xml"));
    let text = String::from_utf8(r.body.to_vec()).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(child(root, "version").text(), Some("2.4"));
    assert!(child(child(root, "publisher"), "name").text().is_some());
    let reviews: Vec<_> = child(root, "reviews")
        .children()
        .filter(|c| c.has_tag_name("review"))
        .collect();
    let kettle: Vec<_> = reviews
        .iter()
        .filter(|r| text_of(**r, "sku").starts_with("IMP-KETTLE"))
        .collect();
    assert_eq!(kettle.len(), 3, "published only");
    let all = text.as_str();
    assert!(!all.contains("Too loud") && !all.contains("Leaked"));
    let lid = kettle
        .iter()
        .find(|r| text_of(***r, "content").starts_with("Lid hinge"))
        .unwrap();
    assert_eq!(
        text_of(**lid, "content"),
        "Lid hinge feels <flimsy> & the \"auto-off\" clicks late, but it works."
    );
    let name = lid.descendants().find(|n| n.has_tag_name("name")).unwrap();
    assert_eq!(
        (name.text(), name.attribute("is_anonymous")),
        (Some("Anonymous"), Some("true"))
    );
    for r in &kettle {
        assert_eq!(text_of(**r, "product_url"), PAGE);
        assert_eq!(text_of(**r, "is_spam"), "false");
        let overall = r.descendants().find(|n| n.has_tag_name("overall")).unwrap();
        assert_eq!(
            (overall.attribute("min"), overall.attribute("max")),
            (Some("1"), Some("5"))
        );
        let url = r
            .descendants()
            .find(|n| n.has_tag_name("review_url"))
            .unwrap();
        assert_eq!(url.attribute("type"), Some("group"));
        assert!(text_of(**r, "review_timestamp").ends_with('Z'));
    }
    let r = get(&t, "/v1/feeds/pk_nope/product-reviews.xml").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    n.children()
        .find(|c| c.has_tag_name(name))
        .unwrap_or_else(|| panic!("no {name}"))
}

fn text_of(n: roxmltree::Node<'_, '_>, tag: &str) -> String {
    n.descendants()
        .find(|c| c.has_tag_name(tag))
        .and_then(|c| c.text())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn product_insights_cross_reference_reviews_returns_and_comments() {
    let t = setup().await;
    kettle(&t).await;
    import(&t, "judgeme", JUDGEME).await;
    let pool = &t.state.db.pool;
    let store: i64 = sqlx::query_scalar("SELECT id FROM stores WHERE publishable_key = $1")
        .bind(PK)
        .fetch_one(pool)
        .await
        .unwrap();
    let item: i64 = sqlx::query_scalar(
        "SELECT oi.id FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_number = 'IMP-1'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let order: i64 = sqlx::query_scalar("SELECT id FROM orders WHERE order_number = 'IMP-1'")
        .fetch_one(pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO returns (id, store_id, order_id, rma, status, method, locale, estimate, created_at_ms, updated_at_ms) \
         VALUES (9001, $1, $2, 'RMA-IMP-1', 'received', 'drop_off', 'en', '{}', 1, 1)",
    )
    .bind(store)
    .bind(order)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO return_items (return_id, order_item_id, quantity, reason, resolution, paid_minor) \
         VALUES (9001, $1, 1, 'defective', 'refund', 4900)",
    )
    .bind(item)
    .execute(pool)
    .await
    .unwrap();
    for (id, score, comment, by_id) in [
        ("imp-s1", 3, "Kettle leaked, support was slow.", true),
        ("imp-s2", 9, "Fast delivery.", false),
    ] {
        sqlx::query(
            "INSERT INTO survey_responses (store_id, id, subject_key, order_id, order_number, kind, score, \
             category, comment, visit_id, created_at_ms, updated_at_ms) \
             VALUES ($1, $2, 'customer:cus_imp_ok', $3, 'IMP-1', 'nps', $4, 'detractor', $5, 'v', $6, $6)",
        )
        .bind(store)
        .bind(id)
        .bind(by_id.then_some(order))
        .bind(score)
        .bind(comment)
        .bind(if by_id { 2_000 } else { 1_000 })
        .execute(pool)
        .await
        .unwrap();
    }
    let r = admin_get(&t, "/v1/admin/insights/products").await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let list = r.json();
    let k = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["product"] == "imp-kettle")
        .unwrap();
    assert_eq!(k["title"], "Gooseneck Kettle");
    assert_eq!(
        (k["units_ordered"].clone(), k["units_returned"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(k["return_rate"], 0.5);
    assert_eq!(k["reviews"], 2); // Judge.me: two `ok`, one `not-yet`
    assert_eq!(k["average_rating"], 4.0);
    assert_eq!(
        k["top_return_reasons"],
        json!([{"reason": "defective", "units": 1}])
    );
    let comments: Vec<&str> = k["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["comment"].as_str().unwrap())
        .collect();
    assert_eq!(
        comments,
        ["Kettle leaked, support was slow.", "Fast delivery."]
    );
    // Most in need of attention first: return rates never rise down the list.
    let rates: Vec<f64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["return_rate"].as_f64().unwrap())
        .collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    assert_eq!(
        admin_get(&t, "/v1/admin/insights/products").await.status,
        StatusCode::OK
    );
    let unauth = t
        .send(
            axum::http::Request::get("/v1/admin/insights/products")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(unauth.status, StatusCode::UNAUTHORIZED);
}
