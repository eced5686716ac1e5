//! Settings → Returns in the console: the owner edits the store's return settings document
//! (the same one as `/v1/admin/returns/settings`, with the same rules), a refusal names every
//! problem and keeps the typing, a save is audited, and only owners get in.

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::{setup, TestApp};

const PAGE: &str = "/console/settings/returns";

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    assert_eq!(
        b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    b
}

/// A whole form: the demo policy changed a little, two reasons and a new one being added.
fn form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("window", "45"),
        ("buffer", "7"),
        ("restocking", "2.5"),
        ("shipping_fee", "0"),
        ("bonus", "10"),
        ("return_method", "drop_off"),
        ("withdrawal", "on"),
        ("resolution", "refund"),
        ("resolution", "exchange"),
        ("final_sale_tags", "final-sale\noutlet"),
        ("address", "Aurora Returns, Calle 1, Madrid"),
        ("retention", "90"),
        ("reason.0.code", "too_small"),
        ("reason.0.label.en", "Too small"),
        ("reason.0.label.es", "Demasiado pequeño"),
        ("reason.0.label.pt-BR", ""),
        ("reason.0.comment", "disabled"),
        ("reason.0.photos", "disabled"),
        ("reason.1.code", "damaged"),
        ("reason.1.label.en", "Arrived damaged"),
        ("reason.1.label.es", ""),
        ("reason.1.label.pt-BR", ""),
        ("reason.1.comment", "optional"),
        ("reason.1.photos", "required"),
        ("reason.2.code", "wrong_item"),
        ("reason.2.label.en", "Wrong item"),
        ("reason.2.remove", "on"),
        ("reason.3.code", "arrived_late"),
        ("reason.3.label.en", "Arrived too late"),
        ("reason.3.label.es", "Llegó tarde"),
        ("reason.3.label.pt-BR", "Chegou tarde"),
        ("reason.3.comment", "required"),
        ("reason.3.photos", "disabled"),
    ]
}

fn set(v: &mut Vec<(&'static str, &'static str)>, name: &str, value: &'static str) {
    v.iter_mut().find(|(n, _)| *n == name).expect(name).1 = value;
}

#[tokio::test]
async fn the_tab_shows_the_stored_document() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let r = owner.get(&t, PAGE).await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains("<title>Settings — Returns"), "the title");
    assert!(
        page.contains(r#"<a href="/console/settings/returns" aria-current="page">Returns</a>"#),
        "the tab"
    );
    for stored in [
        r#"name="window" type="number" value="30""#,
        r#"name="buffer" type="number" value="7""#,
        r#"name="restocking" type="text" value="5""#,
        r#"name="shipping_fee" type="number" value="495""#,
        r#"name="bonus" type="text" value="10""#,
        r#"name="return_method" value="pickup" checked"#,
        r#"name="withdrawal" value="on" checked"#,
        r#"name="resolution" value="exchange" checked"#,
        ">final-sale</textarea>",
        "Aurora Outfitters Returns, Calle de Alcalá 100, 28009 Madrid, Spain</textarea>",
        r#"name="retention" type="number" value="180""#,
        r#"name="reason.0.code" type="text" value="too_small""#,
        r#"name="reason.4.code" type="text" value="damaged""#,
        r#"name="reason.4.label.es" type="text" value="Llegó dañado""#,
        "Refund to original payment",
        "Courier pickup",
    ] {
        assert!(page.contains(stored), "{stored}");
    }
    // Damaged items need a photo; the new row is blank and cannot be removed.
    let damaged = &page[page.find(r#"name="reason.4.photos""#).unwrap()..];
    let chosen = &damaged[..damaged.find("</select>").unwrap()];
    assert!(chosen.contains(r#"<option value="required" selected>Required</option>"#));
    assert!(page.contains(r#"name="reason.6.code" type="text" value="""#));
    assert!(!page.contains("reason.6.remove"));
}

#[tokio::test]
async fn a_refused_save_names_every_problem_keeps_the_typing_and_saves_nothing() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, PAGE).await;
    let before = common::admin_get(&t, "/v1/admin/returns/settings")
        .await
        .json();
    let mut bad = form();
    set(&mut bad, "window", "0");
    set(&mut bad, "reason.0.code", "Too Small");
    set(&mut bad, "reason.3.code", "damaged");
    bad.retain(|(n, _)| *n != "resolution");
    bad.extend([
        ("reason.4.code", "no_label"),
        ("reason.4.label.en", " "),
        ("reason.4.comment", "optional"),
    ]);
    let r = owner.post(&t, PAGE, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 5 fields need attention."),
        "{page}"
    );
    for named in [
        r##"href="#f-policy-window_days">Shoppers may start a return within (days after delivery): This is outside the allowed range."##,
        r##"href="#f-resolutions">What shoppers may get for returned items (at least one): This is needed."##,
        r##"href="#f-reasons-0--code">Reason 1 — Code: This is not in the expected form."##,
        r##"href="#f-reasons-2--code">Reason 3 — Code: This appears more than once."##,
        r##"href="#f-reasons-3--labels-en">Reason 4 — Label in English: This is needed."##,
    ] {
        assert!(page.contains(named), "{named}");
    }
    for kept in [
        r#"value="0""#,
        r#"value="Too Small""#,
        r#"value="no_label""#,
        r#"value="Llegó tarde""#,
        r#"value="2.5""#,
        "Aurora Returns, Calle 1, Madrid</textarea>",
        "final-sale\noutlet</textarea>",
    ] {
        assert!(page.contains(kept), "typing kept: {kept}");
    }
    assert!(
        !page.contains(r#"value="wrong_item""#),
        "the removed row stays removed"
    );
    assert!(
        page.contains(r#"id="f-reasons-0--code" name="reason.0.code" type="text" value="Too Small" aria-describedby="f-reasons-0--code-error" aria-invalid="true""#),
        "the problem is beside its field"
    );
    // Not a number at all: named too, typing kept.
    let mut nan = form();
    set(&mut nan, "bonus", "ten");
    let r = owner.post(&t, PAGE, &nan).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(page.contains(r##"href="#f-policy-store_credit_bonus_bps">Bonus on store credit (%): This is not in the expected form."##));
    assert!(page.contains(r#"value="ten""#));
    let after = common::admin_get(&t, "/v1/admin/returns/settings")
        .await
        .json();
    assert_eq!(after, before, "nothing saved");
}

#[tokio::test]
async fn a_good_save_changes_the_document_and_is_audited() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, PAGE).await;
    let r = owner.post(&t, PAGE, &form()).await;
    assert_eq!(
        r.header("location"),
        Some("/console/settings/returns?done=settings-saved")
    );
    let s = common::admin_get(&t, "/v1/admin/returns/settings")
        .await
        .json();
    assert_eq!(s["policy"]["window_days"], 45);
    assert_eq!(s["policy"]["restocking_fee_bps"], 250);
    assert_eq!(s["policy"]["return_shipping_fee_minor"], 0);
    assert_eq!(s["policy"]["methods"], serde_json::json!(["drop_off"]));
    assert_eq!(s["policy"]["withdrawal_enabled"], true);
    assert_eq!(
        s["resolutions"],
        serde_json::json!([{"resolution": "refund"}, {"resolution": "exchange"}])
    );
    assert_eq!(
        s["final_sale_tags"],
        serde_json::json!(["final-sale", "outlet"])
    );
    assert_eq!(s["return_address"], "Aurora Returns, Calle 1, Madrid");
    assert_eq!(s["photo_retention_days"], 90);
    let codes: Vec<&str> = s["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["too_small", "damaged", "arrived_late"], "in order");
    assert_eq!(
        s["reasons"][2],
        serde_json::json!({
            "code": "arrived_late",
            "labels": [
                {"locale": "en", "label": "Arrived too late"},
                {"locale": "es", "label": "Llegó tarde"},
                {"locale": "pt-BR", "label": "Chegou tarde"},
            ],
            "comment": "required",
            "photos": "disabled",
        })
    );
    assert_eq!(
        s["reasons"][0]["labels"].as_array().unwrap().len(),
        2,
        "no empty label"
    );
    let page = text(
        &owner
            .get(&t, "/console/settings/returns?done=settings-saved")
            .await,
    );
    assert!(page.contains("Settings saved. Shoppers see them now."));
    assert!(page.contains(r#"name="reason.2.label.pt-BR" type="text" value="Chegou tarde""#));
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.returns"), "audited");
    assert!(
        audit.contains("arrived_late") && audit.contains("wrong_item"),
        "before and after"
    );
}

#[tokio::test]
async fn only_owners_with_the_forms_token_get_in() {
    let t = setup().await;
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    assert_eq!(agent.get(&t, PAGE).await.status, StatusCode::FORBIDDEN);
    agent.get(&t, "/console").await;
    assert_eq!(
        agent.post(&t, PAGE, &form()).await.status,
        StatusCode::FORBIDDEN
    );
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, PAGE).await;
    let r = owner.post_raw(&t, PAGE, &form()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token");
    let r = owner
        .post_raw(&t, PAGE, &[("csrf", "forged"), ("window", "45")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a wrong CSRF token");
    let s = common::admin_get(&t, "/v1/admin/returns/settings")
        .await
        .json();
    assert_eq!(s["policy"]["window_days"], 30, "nothing saved");
}
