//! `/unsubscribe/{publishable_key}?t=…`: the one-click unsubscribe link every optional email
//! carries (RFC 8058), signed (`TokenKind::Unsubscribe`: a topic and the address's hash) and
//! working without signing in.
//!
//! - A mail client's own button POSTs `List-Unsubscribe=One-Click` to it (the message's
//!   `List-Unsubscribe-Post` header says it may): that POST alone unsubscribes.
//! - A shopper following the link in the message gets a page asking first (`GET` never
//!   changes anything: link scanners in mail filters open every link), whose button makes the
//!   same POST. The answer offers to undo a click made by mistake.
//!
//! A link that is not valid, has run out or names no store answers `404` with a page that
//! says so and where else to change preferences: the shopper is never left at a bare error.

use super::order_page::card_page;
use super::plumbing::{negotiate_locale, ApiRouter};
use crate::error::Error;
use crate::repo::consent;
use crate::repo::stores::{self, StoreRow};
use crate::state::AppState;
use aftercare_shared::api::Topic;
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::token::{self, TokenKind};
use aftercare_shared::Locale;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use utoipa_axum::routes;

/// Unsubscribe routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(ask, answer))
}

/// Query of the unsubscribe link.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LinkParams {
    /// The signed unsubscribe token from the email.
    pub t: Option<String>,
    /// The page's language (the email's); the store's default when absent or not one the
    /// suite speaks.
    pub locale: Option<String>,
}

/// The form the page posts, and the body RFC 8058 prescribes.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UnsubscribeForm {
    /// `One-Click`: unsubscribe (RFC 8058).
    #[serde(rename = "List-Unsubscribe")]
    pub list_unsubscribe: Option<String>,
    /// `yes`: undo an unsubscribe made by mistake (the confirmation page's button).
    pub resubscribe: Option<String>,
}

/// What a POST asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Unsubscribe,
    Resubscribe,
}

/// The choice in a POST body: `application/x-www-form-urlencoded` (the page's form, most mail
/// clients) or `multipart/form-data` (RFC 8058's suggestion), holding
/// `List-Unsubscribe=One-Click` or `resubscribe=yes`. Anything else chooses nothing.
fn choice(content_type: &str, body: &[u8]) -> Option<Choice> {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    let (one_click, again) = if mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        let f: UnsubscribeForm = serde_urlencoded::from_bytes(body).ok()?;
        (
            f.list_unsubscribe.as_deref() == Some("One-Click"),
            f.resubscribe.as_deref() == Some("yes"),
        )
    } else if mime.eq_ignore_ascii_case("multipart/form-data") {
        let text = String::from_utf8_lossy(body);
        let field = |name: &str, value: &str| {
            text.split("Content-Disposition:").skip(1).any(|part| {
                part.contains(&format!("name=\"{name}\""))
                    && part
                        .split_once("\r\n\r\n")
                        .is_some_and(|(_, v)| v.trim_start().starts_with(value))
            })
        };
        (
            field("List-Unsubscribe", "One-Click"),
            field("resubscribe", "yes"),
        )
    } else {
        return None;
    };
    match (one_click, again) {
        (true, false) => Some(Choice::Unsubscribe),
        (false, true) => Some(Choice::Resubscribe),
        _ => None,
    }
}

/// What a good link names: the topic and the address's hash.
struct Link {
    topic: Topic,
    hash: String,
}

/// What the link's key and token turn out to be.
enum Found {
    /// No store has that key.
    NoStore,
    /// The store's, but the token is not a good unsubscribe link of it.
    BadLink(StoreRow),
    /// A good link.
    Good(StoreRow, Link),
}

/// What the link names.
async fn found(state: &AppState, key: &str, t: Option<&str>) -> Result<Found, Error> {
    let Some(store) = stores::by_publishable_key(&state.db, key).await? else {
        return Ok(Found::NoStore);
    };
    let now = crate::util::now_ms() / 1000;
    let named = t
        .and_then(|t| token::verify(t, &store.secret_key, &store.publishable_key, now).ok())
        .filter(|c| c.kind == TokenKind::Unsubscribe)
        .and_then(|c| {
            let (topic, hash) = c.sub.split_once(':')?;
            let ok = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
            Some((Topic::from_wire(topic)?, hash.to_owned())).filter(|_| ok)
        });
    Ok(match named {
        Some((topic, hash)) => Found::Good(store, Link { topic, hash }),
        None => Found::BadLink(store),
    })
}

/// The good link's store, language and what it names, or the "not valid" page to answer.
async fn good(
    state: &AppState,
    key: &str,
    q: &LinkParams,
) -> Result<Result<(StoreRow, Locale, Link), Response>, Error> {
    Ok(match found(state, key, q.t.as_deref()).await? {
        Found::NoStore => Err(invalid(
            None,
            negotiate_locale(q.locale.as_deref(), Locale::En),
        )),
        Found::BadLink(store) => {
            let locale = negotiate_locale(q.locale.as_deref(), store.locale());
            Err(invalid(Some(&store), locale))
        }
        Found::Good(store, link) => {
            let locale = negotiate_locale(q.locale.as_deref(), store.locale());
            Ok((store, locale, link))
        }
    })
}

/// The page asking to unsubscribe from the link's topic, with one button (which POSTs).
#[utoipa::path(get, path = "/unsubscribe/{key}", tag = "emails",
    operation_id = "unsubscribe_page",
    security(()),
    params(("key" = String, Path, description = "the store's publishable key"), LinkParams),
    responses(
        (status = 200, description = "HTML page asking to confirm", content_type = "text/html"),
        (status = 404, description = "HTML page: the link is not valid, has expired, or names no store", content_type = "text/html"),
    ))]
pub async fn ask(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<LinkParams>,
) -> Result<Response, Error> {
    let (store, locale, l) = match good(&state, &key, &q).await? {
        Ok(good) => good,
        Err(page) => return Ok(page),
    };
    let topic = t(locale, Msg::TopicName(l.topic));
    let store_name = store.name.as_str();
    let body = html! {
        h1 { (mail(locale, Mail::UnsubscribeTitle)) }
        p { (mail(locale, Mail::UnsubscribeAsk { topic: &topic, store: store_name })) }
        p class="muted" { (mail(locale, Mail::StillSent)) }
        (post(Choice::Unsubscribe, &mail(locale, Mail::UnsubscribeButton), false))
    };
    let title = mail(locale, Mail::UnsubscribeTitle);
    Ok(card_page(
        StatusCode::OK,
        Some(&store),
        locale,
        &title,
        body,
    ))
}

/// Unsubscribe (`List-Unsubscribe=One-Click`, RFC 8058), or undo it (`resubscribe=yes`):
/// idempotent, no sign-in, no cookies. Answers a page saying what changed, with the way back.
#[utoipa::path(post, path = "/unsubscribe/{key}", tag = "emails",
    operation_id = "unsubscribe",
    security(()),
    params(("key" = String, Path, description = "the store's publishable key"), LinkParams),
    request_body(content = UnsubscribeForm, content_type = "application/x-www-form-urlencoded",
        description = "`List-Unsubscribe=One-Click` (also accepted as `multipart/form-data`), or `resubscribe=yes`"),
    responses(
        (status = 200, description = "HTML page: unsubscribed (or subscribed again)", content_type = "text/html"),
        (status = 400, description = "HTML page: the body asks for neither", content_type = "text/html"),
        (status = 404, description = "HTML page: the link is not valid, has expired, or names no store", content_type = "text/html"),
    ))]
pub async fn answer(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<LinkParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Error> {
    let (store, locale, l) = match good(&state, &key, &q).await? {
        Ok(good) => good,
        Err(page) => return Ok(page),
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let topic = t(locale, Msg::TopicName(l.topic));
    let store_name = store.name.as_str();
    let now = crate::util::now_ms();
    let (status, title, body) = match choice(content_type, &body) {
        Some(Choice::Unsubscribe) => {
            consent::choose(&state.db, store.id, &l.hash, l.topic, false, now).await?;
            let title = mail(locale, Mail::UnsubscribedTitle);
            let body = html! {
                h1 { (title) }
                p { (mail(locale, Mail::UnsubscribedBody { topic: &topic, store: store_name })) }
                p class="muted" { (mail(locale, Mail::StillSent)) " " (mail(locale, Mail::ChangeInAccount)) }
                (post(Choice::Resubscribe, &mail(locale, Mail::ResubscribeButton), true))
            };
            (StatusCode::OK, title, body)
        }
        Some(Choice::Resubscribe) => {
            consent::choose(&state.db, store.id, &l.hash, l.topic, true, now).await?;
            let title = mail(locale, Mail::ResubscribedTitle);
            let body = html! {
                h1 { (title) }
                p { (mail(locale, Mail::ResubscribedBody { topic: &topic, store: store_name })) }
                (post(Choice::Unsubscribe, &mail(locale, Mail::UnsubscribeButton), true))
            };
            (StatusCode::OK, title, body)
        }
        None => {
            let title = mail(locale, Mail::UnsubscribeTitle);
            let body = html! {
                h1 { (title) }
                p { (mail(locale, Mail::UnsubscribeAsk { topic: &topic, store: store_name })) }
                (post(Choice::Unsubscribe, &mail(locale, Mail::UnsubscribeButton), false))
            };
            (StatusCode::BAD_REQUEST, title, body)
        }
    };
    Ok(card_page(status, Some(&store), locale, &title, body))
}

/// A button posting `choice` back to the link (the page's URL, query included).
fn post(choice: Choice, label: &str, secondary: bool) -> Markup {
    let (name, value) = match choice {
        Choice::Unsubscribe => ("List-Unsubscribe", "One-Click"),
        Choice::Resubscribe => ("resubscribe", "yes"),
    };
    html! {
        form method="post" {
            input type="hidden" name=(name) value=(value);
            button type="submit" class=[secondary.then_some("secondary")] { (label) }
        }
    }
}

/// The page for a link that is not valid or has run out (in the store's theme when the link
/// names a store).
fn invalid(store: Option<&StoreRow>, locale: Locale) -> Response {
    let title = mail(locale, Mail::UnsubscribeTitle);
    let body = html! {
        h1 { (title) }
        p { (mail(locale, Mail::UnsubscribeInvalid)) }
    };
    card_page(StatusCode::NOT_FOUND, store, locale, &title, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "application/x-www-form-urlencoded";

    #[test]
    fn one_click_and_undo_are_read_from_either_form_encoding() {
        assert_eq!(
            choice(FORM, b"List-Unsubscribe=One-Click"),
            Some(Choice::Unsubscribe)
        );
        assert_eq!(
            choice(
                "application/x-www-form-urlencoded; charset=utf-8",
                b"List-Unsubscribe=One-Click"
            ),
            Some(Choice::Unsubscribe)
        );
        assert_eq!(choice(FORM, b"resubscribe=yes"), Some(Choice::Resubscribe));
        let multipart = "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b--\r\n";
        assert_eq!(
            choice("multipart/form-data; boundary=b", multipart.as_bytes()),
            Some(Choice::Unsubscribe)
        );
    }

    #[test]
    fn anything_else_chooses_nothing() {
        assert_eq!(choice(FORM, b""), None);
        assert_eq!(choice(FORM, b"List-Unsubscribe=Yes"), None);
        assert_eq!(
            choice(FORM, b"List-Unsubscribe=One-Click&resubscribe=yes"),
            None
        );
        assert_eq!(
            choice("application/json", b"{\"List-Unsubscribe\":\"One-Click\"}"),
            None
        );
        assert_eq!(choice("", b"List-Unsubscribe=One-Click"), None);
    }
}
