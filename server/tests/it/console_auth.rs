//! The console's sign-in and its guards: redirects without a session, session rotation,
//! throttling, CSRF, roles, the setup link, the second factor, expiry, and headers.

use crate::common;

use aftercare_console::Role;
use aftercare_server::http::console::secrets;
use aftercare_server::rate_limit::CONSOLE_PER_USER;
use aftercare_server::repo::console::{sessions, users};
use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use aftercare_shared::{Email, Locale};
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::setup;

fn location(r: &common::Reply) -> String {
    r.header("location").unwrap_or_default().to_owned()
}

#[tokio::test]
async fn without_a_session_every_page_redirects_to_sign_in_and_back() {
    let t = setup().await;
    let mut b = Browser::default();
    for path in [
        "/console",
        "/console/returns?status=requested",
        "/console/surveys/nps",
        "/console/audit",
    ] {
        let r = b.get(&t, path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        let to = location(&r);
        assert!(
            to.starts_with("/console/sign-in?next=%2Fconsole"),
            "{path} → {to}"
        );
    }
    // A made-up session cookie is no session.
    b.cookies
        .insert("aftercare_console".into(), "forged".into());
    let r = b.get(&t, "/console").await;
    assert_eq!(location(&r), "/console/sign-in?next=%2Fconsole&ended=1");
    // After signing in, `next` brings the user back.
    b.get(&t, "/console/sign-in?next=%2Fconsole%2Faudit").await;
    let r = b
        .post(
            &t,
            "/console/sign-in",
            &[
                ("email", DEMO_OWNER_EMAIL),
                ("password", DEMO_CONSOLE_PASSWORD),
                ("next", "/console/audit"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/console/audit");
    // …but never to another site.
    let mut b = Browser::default();
    b.get(&t, "/console/sign-in").await;
    let r = b
        .post(
            &t,
            "/console/sign-in",
            &[
                ("email", DEMO_OWNER_EMAIL),
                ("password", DEMO_CONSOLE_PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/console");
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_with_strict_cookies() {
    let t = setup().await;
    let mut b = Browser::default();
    b.cookies
        .insert("aftercare_console".into(), "planted-by-attacker".into());
    let r = b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let set: Vec<_> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let session = set
        .iter()
        .find(|c| c.starts_with("aftercare_console="))
        .expect("session cookie");
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/console"] {
        assert!(session.contains(attr), "{session} lacks {attr}");
    }
    let first = b.session().unwrap();
    assert_ne!(first, "planted-by-attacker");
    assert_eq!(b.get(&t, "/console").await.status, StatusCode::OK);
    // The sign-in page does not offer itself to a signed-in user.
    assert_eq!(location(&b.get(&t, "/console/sign-in").await), "/console");
    // Signing out ends the session; signing in again gets yet another id.
    let r = b.post(&t, "/console/sign-out", &[]).await;
    assert_eq!(location(&r), "/console/sign-in?out=1");
    assert!(b.session().is_none());
    let r = b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let second = b.session().unwrap();
    assert_ne!(first, second);
    let mut old = Browser::default();
    old.cookies.insert("aftercare_console".into(), first);
    assert_eq!(old.get(&t, "/console").await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get(&t, "/console").await.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_passwords_are_refused_then_throttled_with_retry_after() {
    let t = setup().await;
    let mut b = Browser::default();
    let r = b
        .sign_in(&t, "nobody@aurora.example", DEMO_CONSOLE_PASSWORD)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let unknown = text(&r);
    for _ in 0..CONSOLE_PER_USER {
        let r = b.sign_in(&t, DEMO_OWNER_EMAIL, "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(text(&r).contains("do not match an account"));
        assert!(
            text(&r).contains(&format!(r#"value="{DEMO_OWNER_EMAIL}""#)),
            "the email is kept"
        );
    }
    // The message for an unknown email is the same: nothing says which accounts exist.
    assert!(unknown.contains("do not match an account"));
    let r = b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=15 * 60).contains(&wait), "{wait}");
    assert!(text(&r).contains("Too many sign-in attempts"));
    assert!(b.session().is_none());
    // Another user of the store is not locked out by it.
    assert_eq!(
        b.sign_in(&t, DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn state_changes_without_the_sessions_csrf_token_are_refused() {
    let t = setup().await;
    let mut b = Browser::default();
    b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    b.get(&t, "/console/surveys/nps").await;
    for fields in [
        vec![("kind", "nps")],
        vec![("csrf", "wrong"), ("kind", "nps")],
    ] {
        let r = b.post_raw(&t, "/console/sign-out", &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{fields:?}");
        assert!(text(&r).contains("This form had expired"));
    }
    // Still signed in: the forged sign-out did nothing.
    assert_eq!(b.get(&t, "/console").await.status, StatusCode::OK);
    // Another session's token does not work here either.
    let mut other = Browser::default();
    other
        .sign_in(&t, DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD)
        .await;
    other.get(&t, "/console").await;
    let token = other.csrf.clone().unwrap();
    let r = b
        .post_raw(&t, "/console/sign-out", &[("csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The sign-in form itself needs its token (no login CSRF).
    let mut fresh = Browser::default();
    let r = fresh
        .post_raw(
            &t,
            "/console/sign-in",
            &[
                ("email", DEMO_OWNER_EMAIL),
                ("password", DEMO_CONSOLE_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(fresh.session().is_none());
}

#[tokio::test]
async fn agents_cannot_open_owner_areas() {
    let t = setup().await;
    let mut b = Browser::default();
    b.sign_in(&t, DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    let today = b.get(&t, "/console").await;
    assert_eq!(today.status, StatusCode::OK);
    assert!(
        !text(&today).contains(r#"href="/console/audit""#),
        "no link to what they cannot open"
    );
    let r = b.get(&t, "/console/audit").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(text(&r).contains("Only the store"));
    for area in [
        aftercare_console::Area::Settings,
        aftercare_console::Area::Keys,
        aftercare_console::Area::Users,
    ] {
        assert!(!Role::Agent.may(area) && Role::Owner.may(area));
    }
    // Agents act on returns, requests and surveys.
    for path in [
        "/console/returns",
        "/console/requests",
        "/console/surveys/nps",
    ] {
        assert_eq!(b.get(&t, path).await.status, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn a_setup_link_sets_the_password_once_and_signs_in() {
    let t = setup().await;
    let db = &t.state.db;
    let store = aftercare_server::repo::stores::by_publishable_key(db, common::PK)
        .await
        .unwrap()
        .unwrap();
    let token = secrets::token().unwrap();
    let email = Email::parse("new.agent@aurora.example").unwrap();
    let now = aftercare_server::now_ms();
    users::add(
        db,
        store.id,
        &email,
        Role::Agent,
        Locale::Es,
        &sessions::hash(&token),
        now,
    )
    .await
    .unwrap();
    // The same email twice is refused.
    let again = users::add(db, store.id, &email, Role::Owner, Locale::En, "x", now).await;
    assert!(matches!(again, Err(aftercare_server::Error::Conflict(_))));

    let mut b = Browser::default();
    let page = b.get(&t, &format!("/console/setup/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        text(&page).contains("Elige una contraseña para new.agent@aurora.example"),
        "in the user's language"
    );
    let r = b
        .post(
            &t,
            &format!("/console/setup/{token}"),
            &[("password", "short"), ("again", "short")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains("demasiado corta"));
    let pw = "a long enough passphrase";
    let r = b
        .post(
            &t,
            &format!("/console/setup/{token}"),
            &[("password", pw), ("again", pw)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/console");
    assert_eq!(b.get(&t, "/console").await.status, StatusCode::OK);
    // Used: the link is gone.
    let r = Browser::default()
        .get(&t, &format!("/console/setup/{token}"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The password works; it is stored as argon2id.
    let user = users::by_email(db, "NEW.agent@aurora.example")
        .await
        .unwrap()
        .unwrap();
    assert!(user.password_hash.unwrap().starts_with("$argon2id$"));
    assert_eq!(
        Browser::default()
            .sign_in(&t, "new.agent@aurora.example", pw)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_second_factor_is_enrolled_with_a_code_and_then_asked_at_sign_in() {
    let t = setup().await;
    let mut b = Browser::default();
    b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    b.get(&t, "/console/account").await;
    let r = b.post(&t, "/console/account/totp", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let page = text(&r);
    assert!(page.contains("<svg"), "a QR code to scan");
    let at = page.find(r#"name="secret" value=""#).unwrap() + 21;
    let secret = page[at..].split('"').next().unwrap().to_owned();
    let now_s = u64::try_from(aftercare_server::now_ms() / 1000).unwrap();
    let r = b
        .post(
            &t,
            "/console/account/totp/confirm",
            &[("secret", &secret), ("code", "000000")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a wrong code does not turn it on"
    );
    let code = secrets::totp_code(&secret, now_s).unwrap();
    let r = b
        .post(
            &t,
            "/console/account/totp/confirm",
            &[("secret", &secret), ("code", &code)],
        )
        .await;
    assert_eq!(location(&r), "/console/account?done=totp-on");

    let mut fresh = Browser::default();
    let r = fresh
        .sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD)
        .await;
    assert_eq!(location(&r), "/console/sign-in/code");
    // Half signed in opens nothing.
    assert_eq!(
        fresh.get(&t, "/console").await.status,
        StatusCode::SEE_OTHER
    );
    let pending = fresh.session().unwrap();
    fresh.get(&t, "/console/sign-in/code").await;
    let r = fresh
        .post(&t, "/console/sign-in/code", &[("code", "123456")])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = fresh
        .post(&t, "/console/sign-in/code", &[("code", &code)])
        .await;
    assert_eq!(location(&r), "/console");
    assert_ne!(
        fresh.session().unwrap(),
        pending,
        "the code step also gets a new id"
    );
    assert_eq!(fresh.get(&t, "/console").await.status, StatusCode::OK);
}

#[tokio::test]
async fn idle_and_old_sessions_end() {
    let t = setup().await;
    let mut b = Browser::default();
    b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    let id = sessions::hash(&b.session().unwrap());
    let now = aftercare_server::now_ms();
    sqlx::query("UPDATE console_sessions SET seen_at_ms = $1 WHERE id_hash = $2")
        .bind(now - sessions::IDLE_MS - 1)
        .bind(&id)
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let r = b.get(&t, "/console/returns").await;
    assert_eq!(
        location(&r),
        "/console/sign-in?next=%2Fconsole%2Freturns&ended=1"
    );
    let page = b.get(&t, &location(&r)).await;
    assert!(text(&page).contains("Your session ended"));

    b.sign_in(&t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    let id = sessions::hash(&b.session().unwrap());
    sqlx::query("UPDATE console_sessions SET created_at_ms = $1 WHERE id_hash = $2")
        .bind(now - sessions::ABSOLUTE_MS - 1)
        .bind(&id)
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        b.get(&t, "/console").await.status,
        StatusCode::SEE_OTHER,
        "however active"
    );
    assert_eq!(
        sessions::purge(&t.state.db, now).await.unwrap(),
        0,
        "already removed on sight"
    );
}

#[tokio::test]
async fn pages_carry_a_strict_csp_and_are_not_cached() {
    let t = setup().await;
    let mut b = Browser::default();
    let r = b.get(&t, "/console/sign-in").await;
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(!text(&r).contains("<script>"), "no inline script");
    assert!(!text(&r).contains("style=\""), "no inline style");
    let css = b.get(&t, "/console/assets/console.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
}
