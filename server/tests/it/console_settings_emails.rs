//! Settings — Emails in the console (issue #16): the communication calendar edited with the
//! API's rules (a refused save kept as typed with every problem named, 422; a good one visible
//! through the admin API and in the audit log), and the plan under it showing what waits for
//! whom, when on the customer's clock, and why; agents and posts without the token refused.

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use aftercare_shared::Timestamp;
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::{admin_get, admin_send, now_s, setup, TestApp};
use serde_json::json;

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    assert_eq!(
        b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    b
}

#[tokio::test]
async fn the_calendar_is_edited_with_the_apis_rules_and_the_plan_shows_what_waits() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let r = owner.get(&t, "/console/settings/emails").await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains(r#"<a href="/console/settings/emails" aria-current="page">Emails</a>"#));
    assert!(page.contains("<title>Settings — Emails"), "{page}");
    // Off until saved, with a suggestion in each rule's fields.
    assert!(page.contains(r#"name="cap_on" value="on">"#), "{page}");
    assert!(page.contains(r#"name="cap.messages" type="number" value="2""#));
    assert!(page.contains(r#"name="quiet_hours.from_hour" type="number" value="21""#));

    // Not a number, out of range, and quiet hours ending when they start: all named at once,
    // nothing saved, the typing kept.
    let bad = [
        ("cap_on", "on"),
        ("cap.messages", "lots"),
        ("cap.days", "7"),
        ("quiet_on", "on"),
        ("quiet_hours.from_hour", "21"),
        ("quiet_hours.until_hour", "8"),
    ];
    let r = owner.post(&t, "/console/settings/emails", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 1 field needs attention."),
        "{page}"
    );
    assert!(
        page.contains(
            r##"href="#f-cap-messages">Emails at most: This is not in the expected form."##
        ),
        "{page}"
    );
    assert!(page.contains(r#"value="lots""#));
    let bad = [
        ("cap_on", "on"),
        ("cap.messages", "21"),
        ("cap.days", "0"),
        ("quiet_on", "on"),
        ("quiet_hours.from_hour", "8"),
        ("quiet_hours.until_hour", "8"),
    ];
    let r = owner.post(&t, "/console/settings/emails", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 3 fields need attention."),
        "{page}"
    );
    assert!(page.contains(r##"href="#f-quiet_hours-until_hour""##));
    assert_eq!(
        admin_get(&t, "/v1/admin/emails/calendar").await.json(),
        json!({"cap": null, "quiet_hours": null, "we_miss_you": null, "open_pixel": false})
    );

    // Quiet hours on, the cap left off: saved as the API stores it, and audited.
    let good = [
        ("cap.messages", "3"),
        ("cap.days", "7"),
        ("quiet_on", "on"),
        ("quiet_hours.from_hour", "22"),
        ("quiet_hours.until_hour", "7"),
        ("pixel_on", "on"),
    ];
    let r = owner.post(&t, "/console/settings/emails", &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", text(&r));
    assert_eq!(
        admin_get(&t, "/v1/admin/emails/calendar").await.json(),
        json!({"cap": null, "quiet_hours": {"from_hour": 22, "until_hour": 7}, "we_miss_you": null,
               "open_pixel": true})
    );
    let page = text(
        &owner
            .get(&t, "/console/settings/emails?done=settings-saved")
            .await,
    );
    assert!(
        page.contains(r#"name="quiet_on" value="on" checked"#),
        "{page}"
    );
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.emails.calendar"), "{audit}");

    // The plan: a parcel's news for a customer in Berlin, and the order's confirmation.
    sqlx::query("DELETE FROM email_outbox")
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let placed = Timestamp::from_utc_ms(now_s() * 1000 - 60_000, 120).to_string();
    let r = admin_send(
        &t,
        "PUT",
        "/v1/admin/orders/PLAN-1",
        &json!({
            "order_number": "PLAN-1", "email": "berlin@example.com", "currency": "EUR",
            "placed_at": placed,
            "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 1000}],
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = admin_send(
        &t,
        "POST",
        "/v1/admin/orders/PLAN-1/shipments",
        &json!({"carrier_code": "ups", "tracking_number": "1ZPLANC001",
                "items": [{"sku": "A", "quantity": 1}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let page = text(&owner.get(&t, "/console/settings/emails").await);
    assert!(
        page.contains("<h2 id=\"h-plan\">What will be sent</h2>"),
        "{page}"
    );
    assert!(page.contains("Order confirmation (always sent)"), "{page}");
    assert!(page.contains("Parcel news"));
    assert!(page.contains("berlin@example.com"));
    assert!(
        page.contains("on the customer&#39;s clock") || page.contains("on the customer's clock")
    );
    assert!(page.contains("(UTC+02:00)"));

    // Agents may not see or change it; a post without the form's token changes nothing.
    let r = owner
        .post_raw(&t, "/console/settings/emails", &[("cap_on", "on")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    assert_eq!(
        agent.get(&t, "/console/settings/emails").await.status,
        StatusCode::FORBIDDEN
    );
    agent.get(&t, "/console").await;
    let r = agent.post(&t, "/console/settings/emails", &good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        admin_get(&t, "/v1/admin/emails/calendar").await.json()["cap"],
        json!(null)
    );
}
