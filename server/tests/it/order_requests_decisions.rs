//! The merchant's side of cancellation and address-change requests: the queue, accepting and
//! rejecting (and what each does to the order), address changes overtaken by parcels, what
//! the shopper's account overview shows of them, and the typed client end to end.

use crate::common;

use aftercare_shared::changes::{NotChangeable, RequestKind, RequestStatus};
use aftercare_shared::order::OrderStatus;
use axum::http::StatusCode;
use common::requests::*;
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn the_merchant_works_through_the_queue() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    for n in ["Q-1", "Q-2", "Q-3"] {
        fresh_order(&t, n, Some("cus_ana"), HOUR).await;
    }
    let c1 = cancel(&t, "Q-1").await.json();
    let a1 = ask(
        &t,
        "Q-1",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    let a1 = a1.json();
    let c2 = cancel(&t, "Q-2").await.json();
    let a3 = ask(
        &t,
        "Q-3",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    let a3 = a3.json();

    // Pending by default, oldest first: the demo's waiting address change (1034), then ours.
    let page = queue(&t, "").await;
    let ids: Vec<Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(page["total"], 5);
    assert_eq!(page["items"][0]["order_number"], "1034");
    assert_eq!(
        ids[1..],
        [
            c1["id"].clone(),
            a1["id"].clone(),
            c2["id"].clone(),
            a3["id"].clone()
        ]
    );
    let mut seen = Vec::new();
    let mut q = "?limit=2".to_owned();
    loop {
        let page = queue(&t, &q).await;
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].clone()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => q = format!("?limit=2&status=pending&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ids, "the pages add up to the list");
    for (query, field) in [
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?status=open", "status"),
        ("?cursor=zz", "cursor"),
    ] {
        let r = admin_get(&t, &format!("/v1/admin/requests{query}")).await;
        assert_eq!(field_names(&r), [field], "{query}");
    }
    let rejected = queue(&t, "?status=rejected").await;
    assert_eq!(rejected["items"][0]["order_number"], "1033");
    assert!(queue(&t, "?status=accepted").await["items"]
        .as_array()
        .unwrap()
        .is_empty());

    // Accepting a cancellation cancels the order and closes its pending address change.
    let r = decide(&t, &c1["id"], &json!({"decision": "accept"})).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let done = r.json();
    assert_eq!(done["status"], "accepted");
    assert!(done["decided_at"].is_string() && done.get("note").is_none());
    let o = read(&t, "cus_ana", "Q-1").await;
    assert_eq!(o.status, OrderStatus::Cancelled);
    assert_eq!(
        o.changes.unwrap().cancel_blocked,
        Some(NotChangeable::Cancelled)
    );
    let closed = o
        .requests
        .iter()
        .find(|r| r.kind == RequestKind::AddressChange)
        .unwrap();
    assert_eq!(
        (closed.status, closed.note.as_deref()),
        (RequestStatus::Rejected, None)
    );
    assert_eq!(order(&t, "Q-1").await["status"], "cancelled");
    let r = decide(
        &t,
        &c1["id"],
        &json!({"decision": "reject", "note": "Too late"}),
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "conflict"),
        "decided twice"
    );
    let r = decide(&t, &a1["id"], &json!({"decision": "accept"})).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "closed with the cancellation"
    );

    // A rejection says why.
    let r = decide(&t, &c2["id"], &json!({"decision": "reject"})).await;
    assert_eq!(field_names(&r), ["note"]);
    let r = decide(
        &t,
        &c2["id"],
        &json!({"decision": "reject", "note": " Already packed. "}),
    )
    .await;
    assert_eq!(r.json()["note"], "Already packed.");
    let o = read(&t, "cus_ana", "Q-2").await;
    assert_eq!(o.status, OrderStatus::Processing);
    assert_eq!(o.requests[0].note.as_deref(), Some("Already packed."));

    // Accepting an address change sends the order there; the old address is kept.
    let r = decide(
        &t,
        &a3["id"],
        &json!({"decision": "accept", "note": "Done!"}),
    )
    .await;
    assert_eq!(r.json()["status"], "accepted");
    let o = read(&t, "cus_ana", "Q-3").await;
    assert_eq!(
        o.shipping_address.unwrap().line1,
        "Paseo de la Castellana 89"
    );
    let previous: Option<String> =
        sqlx::query_scalar("SELECT previous_address FROM order_requests WHERE id = $1")
            .bind(a3["id"].as_i64().unwrap())
            .fetch_one(&t.state.db.pool)
            .await
            .unwrap();
    assert!(previous.unwrap().contains("Calle de Alcalá 123"));
    assert_eq!(queue(&t, "?status=accepted").await["total"], 2);

    // Unknown ids, and ids of another store, are not found.
    for id in [json!(999_999), json!("abc")] {
        let r = decide(&t, &id, &json!({"decision": "accept"})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let other = aftercare_server::repo::stores::upsert(
        &t.state.db,
        &aftercare_server::repo::stores::StoreInput {
            name: "Other".into(),
            publishable_key: "pk_other".into(),
            secret_key: "sk_other_secret".into(),
            default_locale: Default::default(),
            support: Default::default(),
            origins: vec![],
        },
    )
    .await
    .unwrap();
    assert_ne!(other.id, 1);
    let r = t
        .send(
            axum::http::Request::post(format!("/v1/admin/requests/{}/decision", a1["id"]))
                .header("authorization", "Bearer sk_other_secret")
                .header("content-type", "application/json")
                .body(json_body(&json!({"decision": "accept"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .send(
            axum::http::Request::get("/v1/admin/requests")
                .header("authorization", "Bearer sk_other_secret")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.json()["total"], 0, "each store sees its own");
}

#[tokio::test]
async fn an_address_change_cannot_be_accepted_once_everything_has_shipped() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "S-1", Some("cus_ana"), 3 * DAY).await;
    // Partly shipped: an address change may still be asked for (for the rest).
    assert_eq!(
        ship(&t, "S-1", "GLS-S1-A", &[("A", 2)]).await.status,
        StatusCode::CREATED
    );
    let o = read(&t, "cus_ana", "S-1").await;
    let changes = o.changes.unwrap();
    assert!(changes.address_change);
    assert_eq!(changes.cancel_blocked, Some(NotChangeable::Shipped));
    let r = cancel(&t, "S-1").await;
    assert!(r.json()["message"].as_str().unwrap().contains("carrier"));
    let r = ask(
        &t,
        "S-1",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].clone();
    assert_eq!(
        r.json()["shipped_meanwhile"],
        false,
        "that parcel left before she asked"
    );
    // The rest leaves while the request waits: stored, and the request says so.
    assert_eq!(
        ship(&t, "S-1", "GLS-S1-B", &[("B", 1)]).await.status,
        StatusCode::CREATED
    );
    let o = read(&t, "cus_ana", "S-1").await;
    assert!(o.requests[0].shipped_meanwhile);
    assert_eq!(
        o.changes.unwrap().address_blocked,
        Some(NotChangeable::AlreadyRequested)
    );
    let r = decide(&t, &id, &json!({"decision": "accept"})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["message"].as_str().unwrap().contains("reject"));
    let r = decide(
        &t,
        &id,
        &json!({"decision": "reject", "note": "It had already left."}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let o = read(&t, "cus_ana", "S-1").await;
    assert_eq!(o.shipping_address.unwrap().line1, "Calle de Alcalá 123");
    assert_eq!(
        o.changes.unwrap().address_blocked,
        Some(NotChangeable::Shipped)
    );
}
/// The request items of Ana's account overview.
async fn overview_requests(t: &TestApp, customer: &str) -> Vec<Value> {
    let r = get_as(t, "/v1/me/overview", &bearer(customer)).await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "request")
        .cloned()
        .collect()
}
#[tokio::test]
async fn the_overview_shows_waiting_and_recently_answered_requests() {
    let t = setup().await;
    // The demo: the waiting address change (asked T-3h), then the cancellation the store
    // rejected (asked T-2d, answered the day after).
    let got = overview_requests(&t, "cus_ana").await;
    let id_1034 = read(&t, "cus_ana", "1034").await.requests[0].id;
    let id_1033 = read(&t, "cus_ana", "1033").await.requests[0].id;
    assert_eq!(
        got,
        [
            json!({"kind": "request", "order_number": "1034", "request_id": id_1034,
                "request": "address_change", "status": "pending",
                "created_at": got[0]["created_at"]}),
            json!({"kind": "request", "order_number": "1033", "request_id": id_1033,
                "request": "cancellation", "status": "rejected",
                "created_at": got[1]["created_at"]}),
        ]
    );
    // A new request shows first; once answered more than 7 days ago it is history.
    fresh_order(&t, "V-1", Some("cus_ana"), HOUR).await;
    let c = cancel(&t, "V-1").await.json();
    assert_eq!(
        overview_requests(&t, "cus_ana").await[0]["request_id"],
        c["id"]
    );
    decide(&t, &c["id"], &json!({"decision": "accept"})).await;
    assert_eq!(
        overview_requests(&t, "cus_ana").await[0]["status"],
        "accepted"
    );
    sqlx::query("UPDATE order_requests SET decided_at_ms = decided_at_ms - $1 WHERE id = $2")
        .bind(7 * DAY + 1)
        .bind(c["id"].as_i64().unwrap())
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let got = overview_requests(&t, "cus_ana").await;
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|i| i["request_id"] != c["id"]));
    assert!(
        overview_requests(&t, "cus_ben").await.is_empty(),
        "only the customer's own"
    );
}

#[tokio::test]
async fn the_typed_client_asks_and_decides() {
    use aftercare_shared::api::{CancellationInput, Decision, DecisionInput};
    use aftercare_shared::changes::CancelReason;
    use aftercare_shared::client::{Client, RetryPolicy};
    use aftercare_shared::{ErrorCode, OrderNumber};
    let t = setup().await;
    fresh_order(&t, "C-1", Some("cus_ana"), HOUR).await;
    let base = t.spawn().await;
    let ana = Client::new(&base, PK)
        .with_retry(RetryPolicy::NONE)
        .with_token(&customer_token("cus_ana"));
    let number = OrderNumber::parse("C-1").unwrap();
    let input = CancellationInput {
        reason: CancelReason::DeliveryTooSlow,
        comment: None,
    };
    let asked = ana
        .request_cancellation(&number, &input, "client-1")
        .await
        .unwrap();
    assert_eq!(asked.status, RequestStatus::Pending);
    let again = ana
        .request_cancellation(&number, &input, "client-1")
        .await
        .unwrap();
    assert_eq!(again, asked, "replayed");
    let err = ana
        .request_cancellation(&number, &input, "client-2")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Conflict));
    let merchant = Client::admin(&base, SK).with_retry(RetryPolicy::NONE);
    let pending = merchant
        .admin_requests(RequestStatus::Pending)
        .await
        .unwrap();
    assert!(pending.items.contains(&asked));
    let decision = DecisionInput {
        decision: Decision::Accept,
        note: None,
    };
    let done = merchant.decide_request(asked.id, &decision).await.unwrap();
    assert_eq!(done.status, RequestStatus::Accepted);
    let accepted = merchant
        .admin_requests(RequestStatus::Accepted)
        .await
        .unwrap();
    assert_eq!(accepted.items, [done]);
}

/// A customer who erases their data while an address change waits takes the new address
/// with them: accepting is then a 409 that says to reject (found by the API fuzzer, which
/// used to get a 500 here), and rejecting still works.
#[tokio::test]
async fn an_address_change_of_an_erased_customer_can_only_be_rejected() {
    let t = setup().await;
    let ana = bearer("cus_ana");
    fresh_order(&t, "E-1", Some("cus_ana"), DAY).await;
    let r = ask(
        &t,
        "E-1",
        "address-change",
        &ana,
        &json!({"address": new_address()}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].clone();
    let r = t
        .send(
            public("POST", "/v1/me/erasure")
                .header("authorization", &ana)
                .header("content-type", "application/json")
                .body(json_body(&json!({"confirm": "DELETE"})))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = decide(&t, &id, &json!({"decision": "accept"})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["message"].as_str().unwrap().contains("erased"));
    let r = decide(
        &t,
        &id,
        &json!({"decision": "reject", "note": "Your data was erased."}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
}
