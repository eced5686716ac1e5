//! Settings — Surveys and Reviews in the console: the stored values shown, a refused save kept
//! as typed with every problem named (422), a good save visible through the admin API and in
//! the audit log; agents and posts without the form's token refused.

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::{admin_get, setup, TestApp};
use serde_json::json;

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    assert_eq!(
        b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    b
}

/// The NPS form as an owner would send it: rules, then English, Spanish and Portuguese rows.
fn nps_form<'a>(rules: [&'a str; 4], en: [&'a str; 3]) -> Vec<(&'static str, &'a str)> {
    vec![
        ("delivery", rules[0]),
        ("response", rules[1]),
        ("dismissal", rules[2]),
        ("sample", rules[3]),
        ("text.en.question", en[0]),
        ("text.en.low", en[1]),
        ("text.en.high", en[2]),
        ("text.es.question", ""),
        ("text.es.low", ""),
        ("text.es.high", ""),
        ("text.pt-BR.question", "Recomendaria a {store}?"),
        ("text.pt-BR.low", ""),
        ("text.pt-BR.high", ""),
    ]
}

#[tokio::test]
async fn survey_settings_are_edited_per_kind_with_the_apis_rules() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let r = owner.get(&t, "/console/settings/surveys").await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains(r#"<a href="/console/settings/surveys" aria-current="page">Surveys</a>"#));
    assert!(page.contains("<title>Settings — Surveys"), "{page}");
    // The demo stores the built-in wording in every language, and the default rules.
    assert!(page.contains(r#"value="How likely are you to recommend {store} to a friend?""#));
    assert!(page.contains(r#"value="How satisfied are you with your delivery?""#));
    assert!(
        page.contains(r#"name="response" type="number" value="90""#),
        "{page}"
    );
    // The demo invites to its NPS by email, not to its CSAT.
    assert!(
        page.contains(r#"id="nps-email" name="email" value="on" checked"#),
        "{page}"
    );
    assert!(page.contains(r#"id="csat-email" name="email" value="on" aria"#));
    let csat_before = admin_get(&t, "/v1/admin/surveys/csat/settings")
        .await
        .json();
    let nps_before = admin_get(&t, "/v1/admin/surveys/nps/settings").await.json();

    // Out of range, not a number, a question left blank under typed labels, and a Portuguese
    // question without its labels: all named at once, nothing saved, the typing kept.
    let bad = nps_form(["400", "60", "a week", "50"], ["  ", "Never", "Surely"]);
    let r = owner.post(&t, "/console/settings/surveys/nps", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 1 field needs attention."),
        "{page}"
    );
    assert!(page.contains(
        r##"href="#f-nps-rules-days_after_dismissal">NPS — Days before asking again after “Not now”: This is not in the expected form."##
    ));
    assert!(page.contains(r#"value="a week""#) && page.contains(r#"value="Surely""#));
    let bad = nps_form(["400", "60", "7", "50"], ["  ", "Never", "Surely"]);
    let r = owner.post(&t, "/console/settings/surveys/nps", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 4 fields need attention."),
        "{page}"
    );
    for named in [
        r##"href="#f-nps-rules-days_after_first_delivery">NPS — Days after the first delivery before asking: This is outside the allowed range."##,
        r##"href="#f-nps-text-en-question">NPS — English — Question: This is needed."##,
        r##"href="#f-nps-text-pt-BR-low">NPS — Português (Brasil) — Label under the lowest score: This is needed."##,
        r##"href="#f-nps-text-pt-BR-high">"##,
    ] {
        assert!(page.contains(named), "{named}");
    }
    assert!(page.contains(r#"aria-invalid="true""#));
    assert!(page.contains(r#"value="400""#) && page.contains(r#"value="Recomendaria a {store}?""#));
    // The other kind's form still shows what is stored.
    assert!(page.contains(r#"value="How satisfied are you with your delivery?""#));
    assert_eq!(
        admin_get(&t, "/v1/admin/surveys/nps/settings").await.json(),
        nps_before,
        "nothing saved"
    );

    // English rewritten, Spanish and Portuguese emptied: no entry, the built-in wording.
    let good = vec![
        ("delivery", "5"),
        ("response", "60"),
        ("dismissal", "14"),
        ("sample", "80"),
        ("email", "on"),
        ("text.en.question", " Would you recommend {store}? "),
        ("text.en.low", "Never"),
        ("text.en.high", "Surely"),
        ("text.es.question", ""),
        ("text.pt-BR.question", ""),
    ];
    let r = owner.post(&t, "/console/settings/surveys/nps", &good).await;
    assert_eq!(
        r.header("location"),
        Some("/console/settings/surveys?done=settings-saved")
    );
    let nps = admin_get(&t, "/v1/admin/surveys/nps/settings").await.json();
    assert_eq!(
        nps,
        json!({
            "rules": {"days_after_first_delivery": 5, "days_after_response": 60,
                      "days_after_dismissal": 14, "sample_percent": 80},
            "texts": [{"locale": "en", "question": "Would you recommend {store}?",
                       "low_label": "Never", "high_label": "Surely"}],
            "email_invitations": true,
        })
    );
    assert_eq!(
        admin_get(&t, "/v1/admin/surveys/csat/settings")
            .await
            .json(),
        csat_before
    );
    // The emptied languages show the built-in wording (with the store's name) as placeholder.
    let page = text(
        &owner
            .get(&t, "/console/settings/surveys?done=settings-saved")
            .await,
    );
    assert!(page.contains("Settings saved."));
    assert!(page.contains(r#"name="text.es.question" value="" lang="es" placeholder="¿Qué probabilidad hay de que recomiendes Aurora"#), "{page}");
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.surveys.nps") && audit.contains("Would you recommend"));

    // No token: refused, nothing saved.
    let r = owner
        .post_raw(&t, "/console/settings/surveys/csat", &good)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        admin_get(&t, "/v1/admin/surveys/csat/settings")
            .await
            .json(),
        csat_before
    );
    owner.get(&t, "/console/settings/surveys").await;
    let r = owner.post(&t, "/console/settings/surveys/ces", &good).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    let r = agent.get(&t, "/console/settings/surveys").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    agent.get(&t, "/console").await;
    let r = agent.post(&t, "/console/settings/surveys/nps", &good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        admin_get(&t, "/v1/admin/surveys/nps/settings").await.json(),
        nps
    );
}

#[tokio::test]
async fn review_settings_are_edited_with_the_apis_rules() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let r = owner.get(&t, "/console/settings/reviews").await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains(r#"<a href="/console/settings/reviews" aria-current="page">Reviews</a>"#));
    // The demo's rules: fit for three tags, "would you recommend it?" for all, and a reward;
    // the questions named as the shopper reads them.
    for stored in [
        r#"value="knitwear, outerwear, footwear""#,
        r#"<option value="fit" selected>How does it fit?</option>"#,
        r#"<option value="would_recommend" selected>Would you recommend it?</option>"#,
        r#"value="10% off your next order""#,
        r#"value="THANKS""#,
        "whatever the rating and whether the review is published (US FTC 16 CFR §465.4)",
    ] {
        assert!(page.contains(stored), "{stored}");
    }
    let before = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    let long_tag = "x".repeat(501);
    let form = |reminders: &str, tags: &str, offer: &str, prefix: &str| -> Vec<(&str, String)> {
        vec![
            ("auto_publish", "on".into()),
            ("use_days", "10".into()),
            ("transit", "4".into()),
            ("reminders", reminders.into()),
            ("asks", "2".into()),
            ("period.0.target", "tag".into()),
            ("period.0.value", "furniture".into()),
            ("period.0.days", "30".into()),
            ("period.1.target", "sku".into()),
            ("attr.0.attribute", "fit".into()),
            ("attr.0.tags", tags.into()),
            ("attr.1.attribute", "would_recommend".into()),
            ("attr.1.remove", "on".into()),
            ("attr.2.attribute", "would_recommend".into()),
            ("attr.2.tags", "gifts".into()),
            ("offer", offer.into()),
            ("code_prefix", prefix.into()),
        ]
    };
    let bad = form("9", &format!("knitwear, {long_tag}"), " ", "no-dash");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = owner.post(&t, "/console/settings/reviews", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 4 fields need attention."),
        "{page}"
    );
    for named in [
        r##"href="#f-timing-max_reminders">Reminders after the first ask, at most: This is outside the allowed range."##,
        r##"href="#f-attributes-0--tags">Extra question 1 — Product tags, separated by commas: This is too long."##,
        r##"href="#f-incentive-offer">What the shopper gets: This is needed."##,
        r##"href="#f-incentive-code_prefix">Code prefix: This is not in the expected form."##,
    ] {
        assert!(page.contains(named), "{named}");
    }
    assert!(page.contains(r#"value="no-dash""#) && page.contains(r#"value="furniture""#));
    assert!(page.contains(r#"value="gifts""#) && page.contains(r#"value="9""#));
    assert!(
        !page.contains(r#"name="attr.2.remove""#),
        "the removed row is gone"
    );
    let nan = [("use_days", "soon"), ("asks", "2")];
    let r = owner.post(&t, "/console/settings/reviews", &nan).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains(r#"value="soon""#));
    assert_eq!(
        admin_get(&t, "/v1/admin/reviews/settings").await.json(),
        before
    );

    // Good: timing, a use period, the recommend question only for gifts, and no reward.
    let good = form("0", " knitwear , outerwear", "", "");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = owner.post(&t, "/console/settings/reviews", &good).await;
    assert_eq!(
        r.header("location"),
        Some("/console/settings/reviews?done=settings-saved")
    );
    let after = admin_get(&t, "/v1/admin/reviews/settings").await.json();
    assert_eq!(
        after,
        json!({
            "auto_publish": true,
            "timing": {"default_use_days": 10, "transit_buffer_days": 4, "max_reminders": 0,
                       "max_asks_per_30_days": 2,
                       "use_periods": [{"target": {"kind": "tag", "value": "furniture"}, "days": 30}]},
            "attributes": [{"attribute": "fit", "tags": ["knitwear", "outerwear"]},
                           {"attribute": "would_recommend", "tags": ["gifts"]}],
        })
    );
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.reviews") && audit.contains("furniture"));

    let r = owner
        .post_raw(&t, "/console/settings/reviews", &[("asks", "30")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    let r = agent.get(&t, "/console/settings/reviews").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    agent.get(&t, "/console").await;
    let r = agent.post(&t, "/console/settings/reviews", &good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        admin_get(&t, "/v1/admin/reviews/settings").await.json(),
        after
    );
}
