//! Survey responses through the HTTP API: create-or-update by the owner and the exactly-once
//! guarantee under concurrent writes.

use crate::common;

use axum::http::StatusCode;
use common::surveys::*;
use common::*;
use serde_json::json;

#[tokio::test]
async fn responses_are_created_once_and_updated_by_their_owner() {
    let t = setup().await;
    let c = "cus_resp";
    delivered_order(&t, c, "S-1", aftercare_server::now_ms() - 10 * DAY).await;
    let body = json!({"kind": "nps", "score": 3, "visit_id": "visit-1111", "order_number": "S-1"});
    let r = put_response(&t, c, "resp_abc123", &body).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let first = r.json();
    assert_eq!(first["category"], "detractor");
    assert_eq!(first["order_number"], "S-1");
    assert!(first.get("comment").is_none());
    // Replayed PUT: same row, 200.
    let r = put_response(&t, c, "resp_abc123", &body).await;
    assert_eq!(r.status, StatusCode::OK);
    // The comment later updates the same response.
    let r = put_response(
        &t,
        c,
        "resp_abc123",
        &json!({"kind": "nps", "score": 3, "visit_id": "visit-1111",
        "comment": "  Parcel arrived damaged  ", "wants_contact": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["comment"], "Parcel arrived damaged");
    assert_eq!(v["wants_contact"], true);
    assert_eq!(v["created_at"], first["created_at"]);
    assert_eq!(v["order_number"], "S-1", "kept from the first save");
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_responses WHERE id = 'resp_abc123'"
        )
        .await,
        1
    );
    // Another shopper's id: 404, nothing changed.
    let r = put_response(
        &t,
        "cus_other",
        "resp_abc123",
        &json!({"kind": "nps", "score": 10, "visit_id": "visit-2222"}),
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // The kind of a saved response cannot change: the body is well formed, the saved
    // response is what refuses it.
    let r = put_response(
        &t,
        c,
        "resp_abc123",
        &json!({"kind": "csat", "score": 3, "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "conflict")
    );
    // Validation names every field.
    let r = put_response(&t, c, "bad!id", &json!({"kind": "nps", "score": 11, "visit_id": "v", "comment": "x".repeat(2001), "order_number": "#?"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&r),
        ["id", "score", "comment", "visit_id", "order_number"]
    );
    let r = put_response(
        &t,
        c,
        "resp_csat01",
        &json!({"kind": "csat", "score": 0, "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(fields(&r), ["score"]);
    let r = put_response(
        &t,
        c,
        "resp_xyz789",
        &json!({"kind": "nps", "visit_id": "visit-1111"}),
    )
    .await;
    assert_eq!(fields(&r), ["score"]);
    // Someone else's order.
    let r = put_response(
        &t,
        c,
        "resp_xyz789",
        &json!({"kind": "nps", "score": 5, "visit_id": "visit-1111", "order_number": "1001"}),
    )
    .await;
    assert_eq!(fields(&r), ["order_number"]);

    // Guest order sessions answer as "order:<number>".
    let r = t
        .send(
            public("POST", "/v1/orders/lookup")
                .header("content-type", "application/json")
                .body(json_body(
                    &json!({"order_number": "1013", "email": "carla@example.com"}),
                ))
                .unwrap(),
        )
        .await;
    let session = r.json()["token"].as_str().unwrap().to_owned();
    assert_eq!(
        reason(&prompt_as(&t, &session, "nps", "visit-guest1").await),
        "eligible"
    );
    let r = put_response_as(
        &t,
        &session,
        "resp_guest01",
        &json!({"kind": "nps", "score": 10, "visit_id": "visit-guest1"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["order_number"], "1013");
    assert_eq!(
        reason(&prompt_as(&t, &session, "nps", "visit-guest1").await),
        "recently_answered"
    );
    assert_eq!(count(&t, "SELECT COUNT(*) FROM survey_responses WHERE subject_key = 'order:1013' AND email = 'carla@example.com'").await, 1);
}

#[tokio::test]
async fn concurrent_puts_of_one_id_create_one_row() {
    let t = setup().await;
    let base = t.spawn().await;
    let token = customer_token("cus_race");
    let client = reqwest::Client::new();
    let tasks = (0..10).map(|i| {
        let client = client.clone();
        let url = format!("{base}/v1/survey-responses/resp_race_0001");
        let token = token.clone();
        async move {
            client
                .put(url)
                .header("aftercare-key", PK)
                .header("authorization", format!("Bearer {token}"))
                .json(&json!({"kind": "nps", "score": i % 11, "visit_id": "visit-race"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let mut statuses = futures::future::join_all(tasks).await;
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        9,
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM survey_responses WHERE id = 'resp_race_0001'"
        )
        .await,
        1
    );
}
