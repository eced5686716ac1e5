//! A minimal browser for the console tests: a cookie jar, the CSRF token of the last page,
//! and form posts.

use super::{Reply, TestApp};
use axum::body::Body;
use axum::http::{header, Request};
use std::collections::BTreeMap;

/// One browser: its cookies and the last form token it saw.
#[derive(Default)]
pub(crate) struct Browser {
    /// Cookies by name.
    pub cookies: BTreeMap<String, String>,
    /// The `csrf` field of the last page that had one.
    pub csrf: Option<String>,
}

/// The value of the first `name="csrf"` field in `html`.
pub(crate) fn csrf_of(html: &str) -> Option<String> {
    let at = html.find(r#"name="csrf" value=""#)? + r#"name="csrf" value=""#.len();
    Some(html[at..].split('"').next()?.to_owned())
}

/// Percent-encode a form value.
fn enc(v: &str) -> String {
    aftercare_console::html::query_value(v)
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, r: &Reply) {
        for v in r.headers.get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        if let Some(t) = csrf_of(&String::from_utf8_lossy(&r.body)) {
            self.csrf = Some(t);
        }
    }

    /// GET `path`.
    pub(crate) async fn get(&mut self, t: &TestApp, path: &str) -> Reply {
        let req = Request::get(path)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        let r = t.send(req).await;
        self.keep(&r);
        r
    }

    /// POST `fields` to `path` as a form, without adding any token.
    pub(crate) async fn post_raw(
        &mut self,
        t: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Reply {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let r = t.send(req).await;
        self.keep(&r);
        r
    }

    /// POST `fields` plus the last page's CSRF token.
    pub(crate) async fn post(&mut self, t: &TestApp, path: &str, fields: &[(&str, &str)]) -> Reply {
        let token = self.csrf.clone().expect("a page with a form first");
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(t, path, &all).await
    }

    /// Open the sign-in page and sign in; the answer to the form post.
    pub(crate) async fn sign_in(&mut self, t: &TestApp, email: &str, password: &str) -> Reply {
        self.get(t, "/console/sign-in").await;
        self.post(
            t,
            "/console/sign-in",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// The session cookie.
    pub(crate) fn session(&self) -> Option<String> {
        self.cookies.get("aftercare_console").cloned()
    }
}

/// The body as text.
pub(crate) fn text(r: &Reply) -> String {
    String::from_utf8_lossy(&r.body).into_owned()
}

/// A second store ("Other Shop", `pk_other_shop`) with one console user of `role`, signed
/// in: the browser of someone who must never see the demo store's data.
pub(crate) async fn other_store_user(t: &TestApp, role: aftercare_console::Role) -> Browser {
    use aftercare_server::http::console::secrets;
    use aftercare_server::repo::console::{sessions, users};
    let db = &t.state.db;
    let mut input = aftercare_server::seed::demo_store().unwrap();
    input.name = "Other Shop".into();
    input.publishable_key = "pk_other_shop".into();
    input.secret_key = "sk_other_shop_secret".into();
    let other = aftercare_server::repo::stores::upsert(db, &input)
        .await
        .unwrap();
    let token = secrets::token().unwrap();
    let email =
        aftercare_shared::Email::parse(&format!("{}@other.example", role.as_str())).unwrap();
    let hash = sessions::hash(&token);
    let now = aftercare_server::now_ms();
    users::add(
        db,
        other.id,
        &email,
        role,
        aftercare_shared::Locale::En,
        &hash,
        now,
    )
    .await
    .unwrap();
    let mut b = Browser::default();
    b.get(t, &format!("/console/setup/{token}")).await;
    let pw = "other shop passphrase";
    let r = b
        .post(
            t,
            &format!("/console/setup/{token}"),
            &[("password", pw), ("again", pw)],
        )
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console"),
        "signed in to the other store"
    );
    b
}
