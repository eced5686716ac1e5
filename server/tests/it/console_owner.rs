//! The owners' pages: adding and removing console users, new setup links, and replacing the
//! store's keys (the old key stops working at once; a new secret is shown once).

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::console::{text, Browser};
use common::{setup, TestApp};

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    assert_eq!(
        b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    b
}

/// The setup link a Users page shows.
fn link_of(html: &str) -> String {
    let at = html
        .find(r#"id="setup-link" type="text" readonly value=""#)
        .expect("a link")
        + 44;
    let url = &html[at..html[at..].find('"').unwrap() + at];
    url.split_once("/console/")
        .map(|(_, p)| format!("/console/{p}"))
        .unwrap()
}

fn user_id(html: &str, email: &str) -> String {
    let row = &html[html.find(&format!(">{email}")).unwrap()..];
    let at = row.find("/console/users/").unwrap() + 15;
    row[at..].chars().take_while(char::is_ascii_digit).collect()
}

#[tokio::test]
async fn an_owner_adds_a_user_who_sets_a_password_and_signs_in() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, "/console/users").await;
    let r = owner
        .post(
            &t,
            "/console/users",
            &[
                ("email", " Lucia@Aurora.example "),
                ("role", "agent"),
                ("locale", "pt-BR"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains("Send this link to lucia@aurora.example"));
    let link = link_of(&page);
    assert!(page.contains("Waiting for setup"));
    // The same person again, and an address that is not one, are refused with the typing kept.
    let r = owner
        .post(
            &t,
            "/console/users",
            &[
                ("email", "lucia@aurora.example"),
                ("role", "owner"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(text(&r).contains("lucia@aurora.example already has a console account."));
    let r = owner
        .post(
            &t,
            "/console/users",
            &[
                ("email", "lucia at aurora"),
                ("role", "owner"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains(r#"value="lucia at aurora""#));
    assert!(text(&r).contains(r#"id="role-owner" name="role" value="owner" checked"#));

    let mut lucia = Browser::default();
    let setup_page = lucia.get(&t, &link).await;
    assert!(
        text(&setup_page).contains("lang=\"pt-BR\""),
        "in the language chosen for her"
    );
    let pw = "lucia's own passphrase";
    let r = lucia
        .post(&t, &link, &[("password", pw), ("again", pw)])
        .await;
    assert_eq!(r.header("location"), Some("/console"));
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("user.added") && audit.contains("lucia@aurora.example"));
}

#[tokio::test]
async fn a_pending_user_gets_a_new_link_and_the_old_one_dies() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    owner.get(&t, "/console/users").await;
    let r = owner
        .post(
            &t,
            "/console/users",
            &[
                ("email", "late@aurora.example"),
                ("role", "agent"),
                ("locale", "en"),
            ],
        )
        .await;
    let first = link_of(&text(&r));
    let id = user_id(&text(&r), "late@aurora.example");
    let r = owner
        .post(&t, &format!("/console/users/{id}/setup-link"), &[])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let second = link_of(&text(&r));
    assert_ne!(first, second);
    assert_eq!(
        Browser::default().get(&t, &first).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        Browser::default().get(&t, &second).await.status,
        StatusCode::OK
    );
    // Someone already set up gets no new link.
    let page = text(&owner.get(&t, "/console/users").await);
    let agent = user_id(&page, DEMO_AGENT_EMAIL);
    let r = owner
        .post(&t, &format!("/console/users/{agent}/setup-link"), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn removing_a_user_signs_them_out_but_never_yourself_or_the_last_owner() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    assert_eq!(agent.get(&t, "/console").await.status, StatusCode::OK);
    let page = text(&owner.get(&t, "/console/users").await);
    let me = aftercare_server::repo::console::users::by_email(&t.state.db, DEMO_OWNER_EMAIL)
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = owner
        .post(&t, &format!("/console/users/{me}/remove"), &[])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(text(&r).contains("You cannot remove yourself"));
    let agent_id = user_id(&page, DEMO_AGENT_EMAIL);
    let r = owner
        .post(&t, &format!("/console/users/{agent_id}/remove"), &[])
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console/users?done=user-removed")
    );
    assert_eq!(
        agent.get(&t, "/console").await.status,
        StatusCode::SEE_OTHER,
        "signed out at once"
    );
    assert_eq!(
        Browser::default()
            .sign_in(&t, DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let page = text(&owner.get(&t, "/console/users?done=user-removed").await);
    assert!(page.contains("User removed.") && !page.contains(&format!(">{DEMO_AGENT_EMAIL}<")));
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("user.removed"));
    // The last owner stays, even when another owner asks (here: a second owner removing them).
    owner.get(&t, "/console/users").await;
    let r = owner
        .post(
            &t,
            "/console/users",
            &[
                ("email", "second@aurora.example"),
                ("role", "owner"),
                ("locale", "en"),
            ],
        )
        .await;
    let link = link_of(&text(&r));
    let mut second = Browser::default();
    second.get(&t, &link).await;
    second
        .post(
            &t,
            &link,
            &[
                ("password", "second owner pass"),
                ("again", "second owner pass"),
            ],
        )
        .await;
    let second_id = user_id(
        &text(&owner.get(&t, "/console/users").await),
        "second@aurora.example",
    );
    second.get(&t, "/console/users").await;
    let r = second
        .post(&t, &format!("/console/users/{me}/remove"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "two owners: one may go");
    let r = second
        .post(&t, &format!("/console/users/{second_id}/remove"), &[])
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "yourself, and the last owner"
    );
}

#[tokio::test]
async fn agents_are_refused_users_and_keys_even_with_a_valid_token() {
    let t = setup().await;
    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    for path in ["/console/users", "/console/keys"] {
        assert_eq!(
            agent.get(&t, path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    agent.get(&t, "/console").await;
    let r = agent
        .post(
            &t,
            "/console/keys/rotate",
            &[("key", "secret"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = agent
        .post(
            &t,
            "/console/users",
            &[
                ("email", "x@aurora.example"),
                ("role", "owner"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let store = t
        .send(
            common::public("GET", "/v1/store")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(store.status, StatusCode::OK, "the keys did not change");
}

#[tokio::test]
async fn replacing_keys_asks_first_and_the_old_key_stops_at_once() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let page = text(&owner.get(&t, "/console/keys").await);
    assert!(page.contains(r#"value="pk_demo_aurora""#));
    assert!(
        page.contains("Ends in …cret") && !page.contains(common::SK),
        "only the end of the secret"
    );
    let r = owner
        .post(&t, "/console/keys/rotate", &[("key", "secret")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        common::admin_get(&t, "/v1/admin/returns").await.status,
        StatusCode::OK,
        "nothing changed"
    );

    let r = owner
        .post(
            &t,
            "/console/keys/rotate",
            &[("key", "secret"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    let at = page
        .find(r#"id="new-secret" type="text" readonly value=""#)
        .unwrap()
        + 44;
    let secret = page[at..].split('"').next().unwrap().to_owned();
    assert!(secret.starts_with("sk_live_") && secret.len() > 40);
    assert_eq!(
        common::admin_get(&t, "/v1/admin/returns").await.status,
        StatusCode::UNAUTHORIZED
    );
    let with_new = Request::get("/v1/admin/returns")
        .header("authorization", format!("Bearer {secret}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.send(with_new).await.status, StatusCode::OK);
    assert!(
        !text(&owner.get(&t, "/console/keys").await).contains(&secret),
        "shown once"
    );

    owner.get(&t, "/console/keys").await;
    let r = owner
        .post(
            &t,
            "/console/keys/rotate",
            &[("key", "publishable"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.header("location"), Some("/console/keys?done=key-rotated"));
    let old = t
        .send(
            common::public("GET", "/v1/store")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let page = text(&owner.get(&t, "/console/keys?done=key-rotated").await);
    assert!(page.contains("Key replaced."));
    let at = page
        .find(r#"id="publishable-key" type="text" readonly value=""#)
        .unwrap()
        + 49;
    let pk = page[at..].split('"').next().unwrap().to_owned();
    assert!(pk.starts_with("pk_live_"));
    let new = Request::get("/v1/store")
        .header("aftercare-key", &pk)
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.send(new).await.status, StatusCode::OK);
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("key.secret_replaced") && audit.contains("key.publishable_replaced"));
    assert!(
        !audit.contains(&secret) && !audit.contains(common::SK),
        "the log never holds a secret"
    );
}

#[tokio::test]
async fn settings_are_saved_with_the_apis_rules_and_a_refusal_keeps_every_field() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let page = text(&owner.get(&t, "/console/settings").await);
    assert!(
        page.contains(r#"value="+34 910 000 000""#) && page.contains("When will my order ship?")
    );
    let base = [
        ("stall", "48"),
        ("expire", "20"),
        ("email", "care@aurora.example"),
        ("phone", "+34 600 111 222"),
        ("chat", ""),
        ("cancel_window", "12"),
        ("reason", "changed_mind"),
        ("reason", "other"),
        ("faq.0.locale", "en"),
        ("faq.0.question", "Do you ship to the Canaries?"),
        ("faq.0.answer", "Yes, in 4–6 working days."),
        ("faq.1.locale", "es"),
        ("faq.1.question", "¿Enviáis a Canarias?"),
        ("faq.1.answer", "Sí, en 4–6 días laborables."),
        ("faq.2.locale", "es"),
        ("faq.2.question", "¿Otra?"),
        ("faq.2.answer", "Quitada."),
        ("faq.2.remove", "on"),
    ];
    // Out of range, a bad email and a blank answer: all named at once, nothing saved.
    let mut bad = base.to_vec();
    bad[0] = ("stall", "9999");
    bad[2] = ("email", "care at aurora");
    bad[10] = ("faq.0.answer", "   ");
    let r = owner.post(&t, "/console/settings", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(
        page.contains("Nothing was saved: 3 fields need attention."),
        "{page}"
    );
    for named in [
        r##"href="#f-tracking_policy-stall_after_hours">A parcel without news is stalled after (hours): This is outside the allowed range."##,
        r##"href="#f-support-email">Support email: This is not in the expected form."##,
        r##"href="#f-faq-0--answer">Question 1 — Answer: This is needed."##,
    ] {
        assert!(page.contains(named), "{named}");
    }
    assert!(
        page.contains(r#"value="9999""#) && page.contains(r#"value="care at aurora""#),
        "typed values kept"
    );
    assert!(page.contains("¿Enviáis a Canarias?"));
    let store = common::admin_get(&t, "/v1/admin/store/settings")
        .await
        .json();
    assert_eq!(
        store["tracking_policy"]["stall_after_hours"], 72,
        "nothing saved"
    );
    // Not a number at all.
    let mut nan = base.to_vec();
    nan[5] = ("cancel_window", "a day");
    let r = owner.post(&t, "/console/settings", &nan).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains(r#"value="a day""#));

    let r = owner.post(&t, "/console/settings", &base).await;
    assert_eq!(
        r.header("location"),
        Some("/console/settings?done=settings-saved")
    );
    let store = common::admin_get(&t, "/v1/admin/store/settings")
        .await
        .json();
    assert_eq!(store["tracking_policy"]["stall_after_hours"], 48);
    assert_eq!(store["support"]["phone"], "+34 600 111 222");
    assert!(store["support"].get("chat_url").is_none(), "emptied");
    assert_eq!(store["changes"]["cancel_window_hours"], 12);
    assert_eq!(
        store["changes"]["cancel_reasons"],
        serde_json::json!(["changed_mind", "other"])
    );
    assert_eq!(store["changes"]["address_changes"], false);
    let faq: Vec<&str> = store["faq"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["question"].as_str().unwrap())
        .collect();
    assert_eq!(
        faq,
        ["Do you ship to the Canaries?", "¿Enviáis a Canarias?"]
    );
    // The shopper-facing store config follows at once.
    let cfg = t
        .send(
            common::public("GET", "/v1/store?locale=en")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(cfg["support"]["phone"], "+34 600 111 222");
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("settings.store") && audit.contains("+34 600 111 222"));

    let mut agent = signed_in(&t, DEMO_AGENT_EMAIL).await;
    assert_eq!(
        agent.get(&t, "/console/settings").await.status,
        StatusCode::FORBIDDEN
    );
    agent.get(&t, "/console").await;
    let r = agent.post(&t, "/console/settings", &base).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn allowed_origins_are_checked_line_by_line_and_cors_follows_at_once() {
    let t = setup().await;
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let page = text(&owner.get(&t, "/console/settings").await);
    assert!(
        page.contains("http://127.0.0.1:*\nhttp://localhost:*"),
        "the demo's origins, one per line"
    );
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/v1/store")
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = |r: &common::Reply| r.header("access-control-allow-origin").is_some();
    assert!(!allowed(&t.send(preflight("https://shop.example")).await));

    let typed =
        "https://shop.example/\nshop.example\n\nhttp://127.0.0.1:*\nhttps://shop.example:99999";
    let r = owner
        .post(&t, "/console/settings/origins", &[("origins", typed)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&r);
    assert!(page.contains("Line 2: This is not in the expected form.") && page.contains("Line 5:"));
    assert!(
        page.contains("https://shop.example/\nshop.example"),
        "the typing is kept"
    );
    assert!(
        !allowed(&t.send(preflight("https://shop.example")).await),
        "nothing saved"
    );

    let r = owner
        .post(
            &t,
            "/console/settings/origins",
            &[(
                "origins",
                "https://shop.example/\nHTTPS://SHOP.example\nhttp://127.0.0.1:*",
            )],
        )
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console/settings?done=settings-saved")
    );
    assert!(
        allowed(&t.send(preflight("https://shop.example")).await),
        "CORS allows it at once"
    );
    assert!(
        !allowed(&t.send(preflight("http://localhost:3000")).await),
        "removed"
    );
    let page = text(&owner.get(&t, "/console/settings").await);
    assert!(
        page.contains("http://127.0.0.1:*\nhttps://shop.example<"),
        "stored once, sorted"
    );
    assert!(text(&owner.get(&t, "/console/audit").await).contains("settings.origins"));
}
