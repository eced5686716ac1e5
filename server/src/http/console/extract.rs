//! Who is asking: the session cookie read into a signed-in [`Console`] (or a redirect to
//! sign in), and [`Posted`] forms whose CSRF token must match the session's.

use super::reject::{ConsoleResult, Reject};
use super::secrets::same;
use crate::repo::console::audit::Actor;
use crate::repo::console::sessions::{self, Stage};
use crate::repo::console::users::{self, ConsoleUser};
use crate::repo::stores::{self, StoreRow};
use crate::state::AppState;
use aftercare_console::html::CSRF_FIELD;
use aftercare_console::pages::sign_in::SignInNote;
use aftercare_console::{Area, Ctx, Flash};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "aftercare_console";
/// The sign-in and setup forms' anti-forgery cookie (double submit: no session exists yet).
pub const FORM_COOKIE: &str = "aftercare_console_form";
/// Largest form body the console reads (the review import's pasted CSV has its own limit).
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// A keyset cursor `<ms>.<id>` from a page link (`after=…`); anything else is the first page.
pub fn cursor(raw: Option<&str>) -> Option<(i64, i64)> {
    let (ms, id) = raw?.split_once('.')?;
    Some((ms.parse().ok()?, id.parse().ok()?))
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value for the console: HttpOnly, Secure, SameSite=Strict, path `/console`,
/// living `max_age_s` seconds (0 deletes it).
pub fn set_cookie(name: &str, value: &str, max_age_s: i64) -> String {
    format!("{name}={value}; Path=/console; HttpOnly; Secure; SameSite=Strict; Max-Age={max_age_s}")
}

/// A signed-in console request.
#[derive(Debug, Clone)]
pub struct Console {
    /// The user.
    pub user: ConsoleUser,
    /// The user's store.
    pub store: StoreRow,
    /// What pages need to render for this user.
    pub ctx: Ctx,
    /// The session cookie's value.
    pub cookie: String,
}

impl Console {
    /// Refuse unless the user's role may open `area`.
    pub fn require(&self, area: Area) -> ConsoleResult<()> {
        if self.user.role.may(area) {
            Ok(())
        } else {
            Err(Reject::Forbidden(Box::new(self.ctx.clone()), area))
        }
    }

    /// "Not found" inside the shell of `area`.
    pub fn not_found(&self, area: Area) -> Reject {
        Reject::NotFound(Box::new(self.ctx.clone()), area)
    }

    /// Who is acting, for the audit log.
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            store_id: self.store.id,
            user_id: self.user.id,
            email: &self.user.email,
        }
    }
}

fn next_of(parts: &Parts) -> Option<String> {
    (parts.method == Method::GET)
        .then(|| parts.uri.path_and_query().map(|p| p.as_str().to_owned()))
        .flatten()
        .filter(|p| safe_next(p))
}

/// Whether `next` is a console path to return to (never another site: `//evil`, `/\evil`).
pub fn safe_next(next: &str) -> bool {
    (next == "/console" || next.starts_with("/console/") || next.starts_with("/console?"))
        && !next.contains("//")
        && !next.contains('\\')
        && !next.starts_with("/console/sign-")
}

impl FromRequestParts<AppState> for Console {
    type Rejection = Reject;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ConsoleResult<Self> {
        let next = next_of(parts);
        let Some(cookie) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(Reject::SignIn { next, note: None });
        };
        let now = crate::util::now_ms();
        let ended = || Reject::SignIn {
            next: next.clone(),
            note: Some(SignInNote::Expired),
        };
        let session = sessions::find(&state.db, &cookie, now).await?;
        let Some(session) = session.filter(|s| s.stage == Stage::Active) else {
            return Err(ended());
        };
        let user = users::by_id(&state.db, session.user_id)
            .await?
            .ok_or_else(ended)?;
        let store = stores::by_id(&state.db, user.store_id)
            .await?
            .ok_or_else(ended)?;
        let flash = parts.uri.query().and_then(|q| {
            q.split('&')
                .filter_map(|kv| kv.strip_prefix("done="))
                .find_map(Flash::parse)
        });
        let ctx = Ctx {
            locale: user.locale,
            email: user.email.clone(),
            role: user.role,
            csrf: session.csrf,
            store: store.name.clone(),
            flash,
        };
        Ok(Console {
            user,
            store,
            ctx,
            cookie,
        })
    }
}

/// The fields of a form that posts only its CSRF token (sign-out, one-button actions).
#[derive(Debug, Deserialize)]
pub struct NoFields {}

/// A form posted by a signed-in user, its CSRF field checked against the session's, and
/// the remaining fields read into `T`; a body over `MAX` bytes is refused like a bad token.
#[derive(Debug)]
pub struct Posted<T, const MAX: usize = MAX_FORM_BYTES> {
    /// The user who posted it.
    pub console: Console,
    /// The form.
    pub form: T,
}

impl<T: DeserializeOwned, const MAX: usize> FromRequest<AppState> for Posted<T, MAX> {
    type Rejection = Reject;

    async fn from_request(req: Request, state: &AppState) -> ConsoleResult<Self> {
        let (mut parts, body) = req.into_parts();
        let console = Console::from_request_parts(&mut parts, state).await?;
        let locale = console.ctx.locale;
        let bytes = axum::body::to_bytes(body, MAX)
            .await
            .map_err(|_| Reject::Csrf(locale))?;
        let sent = form_field(&bytes, CSRF_FIELD);
        if !sent.is_some_and(|t| same(&t, &console.ctx.csrf)) {
            return Err(Reject::Csrf(locale));
        }
        let form = serde_urlencoded::from_bytes(&bytes).map_err(|_| Reject::Csrf(locale))?;
        Ok(Posted { console, form })
    }
}

/// The value of field `name` in a urlencoded body.
pub fn form_field(body: &Bytes, name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_console_paths_are_returned_to() {
        assert!(safe_next("/console/returns?status=requested"));
        assert!(safe_next("/console"));
        for bad in [
            "//evil.example",
            "/console//evil",
            "https://evil",
            "/consolex",
            "/console/\\evil",
            "/console/sign-in",
        ] {
            assert!(!safe_next(bad), "{bad}");
        }
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            "cookie",
            "a=1; aftercare_console_form=f; aftercare_console=s"
                .parse()
                .unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("s"));
        assert_eq!(cookie(&h, FORM_COOKIE).as_deref(), Some("f"));
        assert_eq!(cookie(&h, "b"), None);
    }
}
