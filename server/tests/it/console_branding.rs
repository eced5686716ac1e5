//! Settings → Branding and the Embed page: the store's look saved through the shared rules
//! (contrast included), served to storefronts as the theme stylesheet, previewed with the real
//! widgets; and the snippet written for this store, for every role.

use crate::common;

use aftercare_server::http::console::{CSP, WIDGET_CSP};
use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::console::{other_store_user, text, Browser};
use common::{admin_get, admin_send, setup, TestApp};
use serde_json::json;

const PK: &str = "pk_demo_aurora";

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    let r = b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    b
}

fn form<'a>(primary: &'a str, radius: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("primary", primary),
        ("on_primary", "#ffffff"),
        ("text", "#1f2328"),
        ("background", "#ffffff"),
        ("muted", "#57606a"),
        ("border", "#d0d7de"),
        ("surface", "#f6f8fa"),
        ("radius", radius),
        ("font", "serif"),
        ("font_size", "17"),
    ]
}

async fn theme(t: &TestApp, path: &str, etag: Option<&str>) -> common::Reply {
    let mut req = Request::get(path);
    if let Some(tag) = etag {
        req = req.header("if-none-match", tag);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_saved_look_reaches_the_theme_stylesheet_and_a_refused_one_changes_nothing() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;

    let r = owner.get(&t, "/console/settings/branding").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-security-policy"), Some(WIDGET_CSP));
    let page = text(&r);
    assert!(
        page.contains(r#"aria-current="page">Branding</a>"#),
        "the tab"
    );
    assert!(page.contains(r##"id="f-colors-primary" name="primary" type="color" value="#1d4ed8""##));
    assert!(page.contains(&format!(r#"href="/theme/{PK}.css""#)));
    assert!(
        page.contains("<aftercare-tracking data-widget order=\""),
        "a real order previewed"
    );
    assert!(page.contains(" token=\"v1."), "opened with a pass");
    assert!(page.contains("<aftercare-returns data-widget"));

    // The stylesheet before: the built-in look, cacheable, revalidated by its ETag.
    let css = theme(&t, &format!("/theme/{PK}.css"), None).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.header("cache-control"), Some("public, max-age=300"));
    let body = text(&css);
    assert!(
        body.contains("--aftercare-color-primary:#1d4ed8;"),
        "{body}"
    );
    assert!(body.contains("aftercare-tracking:not(:defined)"));
    let etag = css.header("etag").unwrap().to_owned();
    let again = theme(&t, &format!("/theme/{PK}.css"), Some(&etag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    // Yellow buttons on white fail 4.5:1 (on the buttons' text too): refused, typing kept.
    let r = owner
        .post(&t, "/console/settings/branding", &form("#FFEB3B", "30"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 3 fields need attention."),
        "{page}"
    );
    assert!(page.contains(r##"href="#f-colors-primary">Buttons and links"##));
    assert!(page.contains(r##"href="#f-radius_px">Corner radius (px)"##));
    assert!(page.contains("Too little contrast: at least 4.50:1."));
    assert!(page.contains(r#"value="30""#));
    assert!(page.contains(r##"value="#FFEB3B""##), "the colour as typed");
    assert!(page.contains("too low"), "the measured pairs");
    let stored = admin_get(&t, "/v1/admin/store/branding").await.json();
    assert_eq!(stored["colors"]["primary"], "#1d4ed8", "nothing saved");

    // Not a number, not a font: named before the shared rules run.
    let mut bad = form("#1d4ed8", "round");
    bad[8] = ("font", "comic");
    let page = text(&owner.post(&t, "/console/settings/branding", &bad).await);
    assert!(
        page.contains("Nothing was saved: 2 fields need attention."),
        "{page}"
    );

    let r = owner
        .post(&t, "/console/settings/branding", &form("#7A1F5C", "2"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", text(&r));
    assert_eq!(
        r.header("location"),
        Some("/console/settings/branding?done=branding-saved")
    );
    let stored = admin_get(&t, "/v1/admin/store/branding").await.json();
    assert_eq!(
        (
            &stored["colors"]["primary"],
            &stored["radius_px"],
            &stored["font"],
            &stored["font_size_px"]
        ),
        (&json!("#7a1f5c"), &json!(2), &json!("serif"), &json!(17))
    );
    let css = theme(&t, &format!("/theme/{PK}.css"), Some(&etag)).await;
    assert_eq!(css.status, StatusCode::OK, "a new version");
    let body = text(&css);
    assert!(body.contains("--aftercare-color-primary:#7a1f5c;"));
    assert!(body.contains("--aftercare-radius:2px;") && body.contains("Georgia"));
    let page = text(
        &owner
            .get(&t, "/console/settings/branding?done=branding-saved")
            .await,
    );
    assert!(page.contains("Branding saved."));
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.branding") && audit.contains("#7a1f5c"));

    assert_eq!(
        theme(&t, "/theme/pk_nobody.css", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        theme(&t, &format!("/theme/{PK}.js"), None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_admin_api_keeps_the_same_rules() {
    let t = setup().await;
    let mut doc = admin_get(&t, "/v1/admin/store/branding").await.json();
    assert_eq!(doc["font"], "system");
    doc["colors"]["text"] = json!("#cccccc");
    doc["colors"]["surface"] = json!("grey");
    let r = admin_send(&t, "PUT", "/v1/admin/store/branding", &doc).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(String, String)> = r.json()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["issue"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("colors.surface".to_owned(), "invalid_format".to_owned()),
            ("colors.text".to_owned(), "out_of_range".to_owned())
        ]
    );
    doc["colors"]["text"] = json!("#111111");
    doc["colors"]["surface"] = json!("#EEEEEE");
    let r = admin_send(&t, "PUT", "/v1/admin/store/branding", &doc).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["colors"]["surface"], "#EEEEEE", "stored as sent");
    let css = text(&theme(&t, &format!("/theme/{PK}.css"), None).await);
    assert!(css.contains("--aftercare-color-surface:#eeeeee;"));
}

#[tokio::test]
async fn agents_and_forged_forms_cannot_change_the_look_but_every_role_embeds() {
    let t = setup().await;
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    assert_eq!(
        agent.get(&t, "/console/settings/branding").await.status,
        StatusCode::FORBIDDEN
    );
    let r = agent
        .post(&t, "/console/settings/branding", &form("#7a1f5c", "2"))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, "/console/settings/branding").await;
    let r = owner
        .post_raw(&t, "/console/settings/branding", &form("#7a1f5c", "2"))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token");
    assert_eq!(
        admin_get(&t, "/v1/admin/store/branding").await.json()["colors"]["primary"],
        "#1d4ed8"
    );

    // The Embed page: for agents too, with this store's key and the theme stylesheet.
    let r = agent.get(&t, "/console/embed").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-security-policy"), Some(WIDGET_CSP));
    let page = text(&r);
    assert!(
        page.contains(&format!(
        "&lt;link rel=&quot;stylesheet&quot; href=&quot;http://localhost/theme/{PK}.css&quot;&gt;"
    )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "data-key=&quot;{PK}&quot; async&gt;&lt;/script&gt;"
    )));
    assert!(page.contains("&lt;aftercare-tracking&gt;&lt;/aftercare-tracking&gt;"));
    assert!(
        page.contains("<aftercare-tracking></aftercare-tracking>"),
        "the guest form previewed"
    );
    assert!(
        !page.contains(r#"href="/console/settings#origins""#),
        "agents get no settings link"
    );
    assert!(page.contains("script-src http://localhost 'wasm-unsafe-eval'"));

    // A signed-in tracking snippet asks for the token; its preview opens the newest order.
    let page = text(
        &agent
            .get(&t, "/console/embed?widget=tracking&signed_in=on&locale=es")
            .await,
    );
    assert!(
        page.contains(
            "&lt;aftercare-tracking token=&quot;CUSTOMER_TOKEN&quot; locale=&quot;es&quot;&gt;"
        ),
        "{page}"
    );
    assert!(page.contains("Replace CUSTOMER_TOKEN"));
    assert!(page.contains("<aftercare-tracking order=\""));

    // Product reviews pick a product of the store; survey cards are not previewed.
    let page = text(&agent.get(&t, "/console/embed?widget=reviews").await);
    assert!(
        page.contains("&lt;aftercare-reviews product=&quot;"),
        "{page}"
    );
    assert!(page.contains("<aftercare-reviews product=\""));
    let page = text(
        &agent
            .get(&t, "/console/embed?widget=nps&survey=csat&floating=on")
            .await,
    );
    assert!(page.contains("kind=&quot;csat&quot; layout=&quot;floating&quot;"));
    assert!(page.contains("so it is not shown here"));
    assert!(!page.contains("<aftercare-nps"));
    // Nonsense falls back to the default choice.
    let r = agent
        .get(&t, "/console/embed?widget=%3Cscript%3E&locale=xx")
        .await;
    assert_eq!(r.status, StatusCode::OK);

    let page = text(&owner.get(&t, "/console/embed").await);
    assert!(page.contains(r#"href="/console/settings#origins""#));
    // Other console pages keep the strict policy.
    assert_eq!(
        owner
            .get(&t, "/console/settings")
            .await
            .header("content-security-policy"),
        Some(CSP)
    );
}

#[tokio::test]
async fn another_stores_console_gets_its_own_look_and_key() {
    let t = setup().await;
    let mut other = other_store_user(&t, aftercare_console::Role::Owner).await;
    let page = text(&other.get(&t, "/console/settings/branding").await);
    assert!(!page.contains(PK), "nothing of the demo store");
    let r = other
        .post(&t, "/console/settings/branding", &form("#7a1f5c", "2"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        admin_get(&t, "/v1/admin/store/branding").await.json()["colors"]["primary"],
        "#1d4ed8",
        "the demo store's look is untouched"
    );
    let page = text(&other.get(&t, "/console/embed").await);
    assert!(!page.contains(PK));
}
