//! `/demo/outbox` (demo only): the demo store's emails as the outbox holds them, each shown
//! rendered, so the messages can be seen without a mail client. The `.eml` files themselves
//! are in the mail folder (`AFTERCARE_MAIL_DIR`).

use super::plumbing::ApiRouter;
use crate::error::{Error, Result};
use crate::mail;
use crate::repo::{branding, outbox, stores};
use crate::state::AppState;
use aftercare_shared::format::date_time_ms;
use aftercare_shared::ApiError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use utoipa_axum::routes;

/// Messages listed (the newest).
const LISTED: i64 = 100;

/// The list's CSP: this origin's stylesheet, nothing else.
const LIST_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/// A message's CSP: its inline styles (mail clients read them), no script, no fetch.
const MESSAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Demo outbox routes.
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(message))
}

async fn demo_store(state: &AppState) -> Result<stores::StoreRow> {
    if !state.config.demo {
        return Err(Error::NotFound);
    }
    stores::by_publishable_key(&state.db, crate::seed::DEMO_PUBLISHABLE_KEY)
        .await?
        .ok_or(Error::NotFound)
}

/// Renders the demo store's letters as the sender would (links at this server's address).
struct Renderer {
    store: stores::StoreRow,
    look: aftercare_shared::api::Branding,
    faq: Vec<(
        aftercare_shared::Locale,
        Vec<aftercare_shared::api::FaqEntry>,
    )>,
    origin: String,
}

impl Renderer {
    async fn new(state: &AppState, headers: &HeaderMap) -> Result<Self> {
        let store = demo_store(state).await?;
        let look = branding::get(&state.db, store.id).await?;
        let mut faq = Vec::new();
        for l in aftercare_shared::Locale::ALL {
            faq.push((l, stores::faq_for(&state.db, &store, l).await?));
        }
        let origin = state.config.public_url.clone().unwrap_or_else(|| {
            super::returns::access::public_base(headers, state.config.trust_proxy)
        });
        Ok(Self {
            store,
            look,
            faq,
            origin,
        })
    }

    fn render(&self, row: &outbox::Row) -> Result<aftercare_emails::Rendered> {
        let faq = self
            .faq
            .iter()
            .find(|(l, _)| *l == row.locale)
            .map(|(_, f)| f.as_slice())
            .unwrap_or_default();
        let cx = mail::Context {
            store: &self.store,
            look: &self.look,
            faq,
            origin: &self.origin,
            now_ms: crate::util::now_ms(),
        };
        mail::render_with(&cx, &row.recipient, row.locale, &row.letter)
    }
}

fn page(csp: &'static str, body: String) -> Response {
    (
        [
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(csp),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        Html(body),
    )
        .into_response()
}

/// The demo store's newest emails: subject, recipient, language, status and attempts.
#[utoipa::path(get, path = "/demo/outbox", tag = "demo",
    operation_id = "demo_outbox",
    security(()),
    responses(
        (status = 200, description = "HTML page", content_type = "text/html"),
        (status = 404, description = "server not started with `--demo`", body = ApiError),
    ))]
pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    let r = Renderer::new(&state, &headers).await?;
    let store = &r.store;
    let rows = outbox::recent(&state.db, store.id, LISTED).await?;
    let items: Vec<_> = rows
        .iter()
        .map(|row| {
            let subject = r
                .render(row)
                .map_or_else(|e| format!("(cannot render: {e})"), |m| m.subject);
            (row, subject)
        })
        .collect();
    let body = html! {
        (maud::DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Outbox · " (store.name) }
                link rel="icon" href="data:,";
                link rel="stylesheet" href="/console/assets/console.css";
            }
            body {
                main id="main" {
                    h1 { "Outbox of " (store.name) }
                    p { "Every email the demo store has written, newest first. Without AFTERCARE_SMTP_URL each is also an .eml file in the mail folder." }
                    @if items.is_empty() {
                        p class="empty" { "No emails yet. Orders placed, parcels moving, returns and withdrawals each write one." }
                    } @else {
                        table {
                            thead { tr { th scope="col" { "Written" } th scope="col" { "To" } th scope="col" { "Subject" } th scope="col" { "Language" } th scope="col" { "Status" } th scope="col" { "Attempts" } } }
                            tbody {
                                @for (r, subject) in &items {
                                    tr {
                                        td { (date_time_ms(aftercare_shared::Locale::En, r.created_at_ms)) }
                                        td { (r.recipient) }
                                        td { a href={ "/demo/outbox/" (r.id) } { (subject) } }
                                        td { (r.locale.tag()) }
                                        td {
                                            (r.status)
                                            @if let Some(why) = r.last_error.as_deref().filter(|_| r.status != "sent") {
                                                br; small { (why) }
                                            }
                                        }
                                        td { (r.attempts) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(LIST_CSP, body.into_string()))
}

/// One email's HTML part, as a mail client shows it.
#[utoipa::path(get, path = "/demo/outbox/{id}", tag = "demo",
    operation_id = "demo_outbox_message",
    security(()),
    params(("id" = i64, Path, description = "the message's number in the list")),
    responses(
        (status = 200, description = "the message's HTML part", content_type = "text/html"),
        (status = 404, description = "no such message, or server not started with `--demo`", body = ApiError),
    ))]
pub async fn message(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response> {
    let r = Renderer::new(&state, &headers).await?;
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let row = outbox::one(&state.db, r.store.id, id)
        .await?
        .ok_or(Error::NotFound)?;
    // The message's own head gets a `data:` icon so the browser asks for no favicon (a 404 in
    // every console); the email itself stays as sent.
    let html =
        r.render(&row)?
            .html
            .replacen("<head>", "<head><link rel=\"icon\" href=\"data:,\">", 1);
    Ok(page(MESSAGE_CSP, html))
}
