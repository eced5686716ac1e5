//! The store FAQ (by locale, with fallbacks) and the store settings document.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

async fn store_cfg(t: &TestApp, q: &str) -> Value {
    let r = t
        .send(
            public("GET", &format!("/v1/store{q}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()
}

#[tokio::test]
async fn store_faq_follows_the_locale_with_fallbacks() {
    let t = setup().await;
    let store = |q: &'static str| store_cfg(&t, q);
    let en = store("").await;
    assert_eq!(en["faq"].as_array().unwrap().len(), 5);
    assert_eq!(en["faq"][0]["question"], "When will my order ship?");
    assert_eq!(en["name"], "Aurora Outfitters");
    assert_eq!(en["support"]["email"], "help@aurora.example");
    let es = store("?locale=es").await;
    assert_eq!(es["faq"][0]["question"], "¿Cuándo se enviará mi pedido?");
    assert_eq!(store("?locale=es-MX").await["faq"], es["faq"]);
    assert_eq!(
        store("?locale=fr").await["faq"],
        en["faq"],
        "unknown → default"
    );
    assert_eq!(store("?locale=").await["faq"], en["faq"]);

    // Only a Spanish FAQ: English shoppers get it rather than nothing.
    let mut settings = admin_get(&t, "/v1/admin/store/settings").await.json();
    let only_es: Vec<Value> = settings["faq"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["locale"] == "es")
        .cloned()
        .collect();
    settings["faq"] = json!(only_es);
    assert_eq!(
        admin_send(&t, "PUT", "/v1/admin/store/settings", &settings)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(store("?locale=en").await["faq"], es["faq"]);
    settings["faq"] = json!([]);
    admin_send(&t, "PUT", "/v1/admin/store/settings", &settings).await;
    assert!(
        store("?locale=es").await.get("faq").is_none(),
        "no FAQ, no field"
    );
}

#[tokio::test]
async fn store_settings_round_trip_and_validate() {
    let t = setup().await;
    let r = admin_get(&t, "/v1/admin/store/settings").await;
    assert_eq!(r.status, StatusCode::OK);
    let stored = r.json();
    assert_eq!(
        stored["tracking_policy"],
        json!({"stall_after_hours": 72, "expire_after_days": 30})
    );
    // Five questions in each of English, Spanish and Brazilian Portuguese.
    assert_eq!(stored["faq"].as_array().unwrap().len(), 15);
    assert_eq!(stored["support"]["phone"], "+34 910 000 000");
    // The demo store takes the default changes: 24 h to cancel, every reason, new addresses.
    assert_eq!(
        stored["changes"],
        json!({
            "cancel_window_hours": 24,
            "cancel_reasons": ["changed_mind", "ordered_by_mistake", "found_better_price", "delivery_too_slow", "need_to_change_order", "other"],
            "address_changes": true
        })
    );

    let new = json!({
        "tracking_policy": {"stall_after_hours": 48, "expire_after_days": 21},
        "faq": [
            {"locale": "en", "question": "Where is my parcel?", "answer": "See the timeline above."},
            {"locale": "es", "question": "¿Dónde está mi paquete?", "answer": "Mira el historial."}
        ],
        "support": {"email": "care@aurora.example", "chat_url": "https://aurora.example/chat"},
        "changes": {
            "cancel_window_hours": 48,
            "cancel_reasons": ["other", "changed_mind"],
            "address_changes": false
        }
    });
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &new).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.json(), new);
    assert_eq!(admin_get(&t, "/v1/admin/store/settings").await.json(), new);
    let public_cfg = t
        .send(
            public("GET", "/v1/store?locale=es")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(public_cfg["support"]["email"], "care@aurora.example");
    assert!(public_cfg["support"].get("phone").is_none());
    assert_eq!(public_cfg["faq"][0]["answer"], "Mira el historial.");

    let entry = json!({"locale": "en", "question": "Q", "answer": "A"});
    let mut too_many = vec![entry.clone(); 51];
    too_many[3] = json!({"locale": "en", "question": " ", "answer": "x".repeat(2001)});
    let bad = json!({
        "tracking_policy": {"stall_after_hours": 0, "expire_after_days": 366},
        "faq": too_many,
        "support": {"email": "not-an-email", "chat_url": "javascript:alert(1)"}
    });
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_names(&r),
        [
            "tracking_policy.stall_after_hours",
            "tracking_policy.expire_after_days",
            "faq",
            "faq[3].question",
            "faq[3].answer",
            "support.email",
            "support.chat_url"
        ]
    );
    let mut changes = new.clone();
    changes["changes"] = json!({"cancel_window_hours": 721, "cancel_reasons": ["other", "other"], "address_changes": true});
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &changes).await;
    assert_eq!(
        field_names(&r),
        ["changes.cancel_window_hours", "changes.cancel_reasons[1]"]
    );
    changes["changes"] =
        json!({"cancel_window_hours": 12, "cancel_reasons": [], "address_changes": true});
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &changes).await;
    assert_eq!(field_names(&r), ["changes.cancel_reasons"]);
    let bounds = json!({"tracking_policy": {"stall_after_hours": 721, "expire_after_days": 0}});
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &bounds).await;
    assert_eq!(
        field_names(&r),
        [
            "tracking_policy.stall_after_hours",
            "tracking_policy.expire_after_days"
        ]
    );
    let r = admin_send(&t, "PUT", "/v1/admin/store/settings", &json!({"faq": []})).await;
    assert_eq!(r.code(), "validation_failed", "missing tracking_policy");
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/store/settings",
        &json!({"tracking_policy": {"stall_after_hours": 1, "expire_after_days": 1}, "faq": [{"locale": "fr", "question": "Q", "answer": "A"}]}),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unsupported locale"
    );
    // Nothing of a refused update was written.
    assert_eq!(admin_get(&t, "/v1/admin/store/settings").await.json(), new);
}
