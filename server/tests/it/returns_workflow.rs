//! After a return is created: the merchant workflow as the shopper's status page shows it,
//! cancelling and label capabilities, the EU withdrawal, the settings and the report.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::returns::*;
use common::*;
use serde_json::json;

#[tokio::test]
async fn the_merchant_workflow_shows_on_the_shoppers_status_page() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 3, "reason": "changed_mind", "comment": "Bought too many.", "resolution": "refund"},
    ]});
    let rma = post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("wf"))
        .await
        .json()["rma"]
        .as_str()
        .unwrap()
        .to_owned();
    let status_uri = format!("/v1/admin/returns/{rma}/status");
    // Rejecting needs a note; impossible moves are conflicts.
    let r = admin_post(&t, &status_uri, &json!({"status": "rejected"})).await;
    assert_eq!(fields(&r), vec![("note".into(), "required".into())]);
    let r = admin_post(&t, &status_uri, &json!({"status": "refunded"})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = admin_post(&t, &status_uri, &json!({"status": "approved"})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["email"], "ana@example.com");
    let shopper_view = t
        .send(
            public("GET", &format!("/v1/returns/{rma}?locale=en"))
                .header("authorization", ana())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(shopper_view["status"], "approved");
    assert_eq!(shopper_view["history"][1]["status"], "approved");
    assert_eq!(shopper_view["history"][1]["by"], "merchant");
    // In transit: the shopper can no longer cancel.
    admin_post(&t, &status_uri, &json!({"status": "in_transit"})).await;
    let r = post(
        &t,
        &format!("/v1/returns/{rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    admin_post(&t, &status_uri, &json!({"status": "received"})).await;
    let r = admin_post(
        &t,
        &status_uri,
        &json!({"status": "rejected", "note": "Two pairs were worn."}),
    )
    .await;
    assert_eq!(r.json()["status"], "rejected");
    let view = t
        .send(
            public("GET", &format!("/v1/returns/{rma}"))
                .header("authorization", ana())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let last = view["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["note"], "Two pairs were worn.");
    assert!(
        view.get("label_url").is_none(),
        "no label for a rejected return"
    );
    // Rejected units can be returned again.
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        3
    );
    // Another customer cannot see it.
    let r = t
        .send(
            public("GET", &format!("/v1/returns/{rma}"))
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_dev")),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The queue filters by status.
    let list = t
        .send(
            admin("GET", "/v1/admin/returns?status=rejected&limit=50")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let rmas: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rma"].as_str().unwrap())
        .collect();
    assert!(rmas.contains(&rma.as_str()));
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "rejected"));
}

#[tokio::test]
async fn shoppers_cancel_before_shipping_and_label_links_need_their_capability() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "too_small", "resolution": "store_credit"},
    ]});
    let d = post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("c1"))
        .await
        .json();
    let rma = d["rma"].as_str().unwrap().to_owned();
    let label = d["label_url"].as_str().unwrap();
    let label_path = &label[label.find("/v1/").unwrap()..];
    let page = t
        .send(
            axum::http::Request::get(label_path)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8_lossy(&page.body).to_string();
    assert!(html.contains(&rma) && html.contains("Calle de Alcalá 100"));
    assert!(html.contains("<svg"), "the QR code is inline");
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    let qr = d["qr_url"].as_str().unwrap();
    let qr = t
        .send(
            axum::http::Request::get(&qr[qr.find("/v1/").unwrap()..])
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert!(qr
        .header("content-type")
        .unwrap()
        .starts_with("image/svg+xml"));
    let forged = format!("/v1/returns/{rma}/label?t=AAAAAAAAAAAAAAAAAAAAAA");
    let r = t
        .send(
            axum::http::Request::get(&forged)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let r = post(
        &t,
        &format!("/v1/returns/{rma}/cancel"),
        &ana(),
        &json!({}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "cancelled");
    assert_eq!(r.json()["can_cancel"], false);
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "MER-CREW-FG-M")["returnability"]["returnable_quantity"],
        1
    );
}

#[tokio::test]
async fn eu_withdrawal_is_confirmed_stored_and_shown_again() {
    let t = setup().await;
    let r = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": false}),
        None,
    )
    .await;
    assert_eq!(fields(&r), vec![("confirm".into(), "required".into())]);
    let r = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true, "locale": "es"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let w = r.json();
    let reference = w["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("WD-"));
    assert!(w["statement"].as_str().unwrap().contains("desisto"));
    let again = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true}),
        None,
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["reference"], reference.as_str());
    let o = item_ids(&t, "1029", &ana()).await;
    assert!(o.get("withdrawal").is_none());
    assert_eq!(o["withdrawals"][0]["reference"], reference.as_str());
    // Delivered 45 days ago: the 14 days are over.
    let carla = format!("Bearer {}", customer_token("cus_carla"));
    let r = post(
        &t,
        "/v1/orders/1031/withdrawals",
        &carla,
        &json!({"confirm": true}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn settings_round_trip_and_report_counts_the_seeded_returns() {
    let t = setup().await;
    let s = t
        .send(
            admin("GET", "/v1/admin/returns/settings")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(s["policy"]["restocking_fee_bps"], 500);
    let mut bad = s.clone();
    bad["policy"]["window_days"] = json!(0);
    bad["reasons"][1]["code"] = bad["reasons"][0]["code"].clone();
    let r = t
        .send(
            admin("PUT", "/v1/admin/returns/settings")
                .header("content-type", "application/json")
                .body(json_body(&bad))
                .unwrap(),
        )
        .await;
    let f = fields(&r);
    assert!(f.contains(&("policy.window_days".into(), "out_of_range".into())));
    assert!(f.contains(&("reasons[1].code".into(), "duplicate".into())));
    let mut good = s.clone();
    good["policy"]["window_days"] = json!(60);
    let r = t
        .send(
            admin("PUT", "/v1/admin/returns/settings")
                .header("content-type", "application/json")
                .body(json_body(&good))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["policy"]["window_days"], 60);
    // 1031 was delivered 45 days ago: with a 60-day window it is returnable now.
    let carla = format!("Bearer {}", customer_token("cus_carla"));
    let o = item_ids(&t, "1031", &carla).await;
    assert_eq!(o["lines"][0]["returnability"]["returnable_quantity"], 1);

    let report = t
        .send(
            admin("GET", "/v1/admin/returns/report")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    let count = |s: &str| {
        report["by_status"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == s)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(report["by_status"].as_array().unwrap().len(), 8);
    // The six past returns of Ana, Carla and Dev, and Olivia's approved 2035 and refunded 2020
    // and 2031.
    for (status, n) in [
        ("requested", 1),
        ("approved", 2),
        ("exchanged", 1),
        ("rejected", 1),
        ("refunded", 3),
        ("cancelled", 1),
    ] {
        assert_eq!(count(status), n, "{status}");
    }
    // Cancelled returns do not count as returned units.
    let titles: Vec<&str> = report["reasons_by_product"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "Organic Cotton Chinos", "{titles:?}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "Packable Rain Jacket")
            .count(),
        1
    );
}
