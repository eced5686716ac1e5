//! `GET /reviews/{publishable_key}/{number}?t=…`: the page a review invitation's buttons open,
//! hosted by Aftercare in the store's theme, with the review widget on the order's delivered
//! items. `t` is a signed review link (`TokenKind::ReviewLink`, 90 days) to that order, the
//! credential the review routes already take from a merchant's own emails; the widget uses it
//! as is, so it opens that order's reviews and nothing else. A link that has run out (or was
//! altered, or names another order) opens a page saying so and where else to review.

use super::console::shopper_view::LOADER;
use super::order_page::{hosted, widget_page};
use super::plumbing::{negotiate_locale, ApiRouter};
use crate::error::Error;
use crate::repo::stores;
use crate::state::AppState;
use aftercare_shared::i18n::{mail, t, Mail, Msg, Rev};
use aftercare_shared::token::{self, TokenKind};
use aftercare_shared::{ApiError, OrderNumber};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::html;
use serde::Deserialize;
use utoipa_axum::routes;

/// Review page routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(review_page))
}

/// Query of the review page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewPageParams {
    /// The signed review link from the email.
    pub t: Option<String>,
    /// The page's language (the email's); the store's default when absent or not one the
    /// suite speaks.
    pub locale: Option<String>,
}

/// The order's review page: the store's name, and the review widget on the order's items when
/// the link is good (else a card saying the link has expired). Never cached, never sends a
/// referrer.
#[utoipa::path(get, path = "/reviews/{key}/{number}", tag = "emails",
    operation_id = "review_page",
    security(()),
    params(
        ("key" = String, Path, description = "the store's publishable key"),
        ("number" = String, Path, description = "the order number"),
        ReviewPageParams,
    ),
    responses(
        (status = 200, description = "HTML page", content_type = "text/html"),
        (status = 404, description = "`not_found`: no store has that key, or that is not an order number", body = ApiError),
    ))]
pub async fn review_page(
    State(state): State<AppState>,
    Path((key, number)): Path<(String, String)>,
    Query(q): Query<ReviewPageParams>,
) -> Result<Response, Error> {
    let store = stores::by_publishable_key(&state.db, &key)
        .await?
        .ok_or(Error::NotFound)?;
    let number = OrderNumber::parse(&number).map_err(|_| Error::NotFound)?;
    let locale = negotiate_locale(q.locale.as_deref(), store.locale());
    let now = crate::util::now_ms() / 1000;
    let link = q.t.as_deref().filter(|t| {
        token::verify(t, &store.secret_key, &store.publishable_key, now)
            .is_ok_and(|c| c.kind == TokenKind::ReviewLink && c.sub == number.as_str())
    });
    let heading = t(locale, Msg::Reviews(Rev::PromptHeading));
    let title = format!("{heading} · {}", store.name);
    let main = match link {
        Some(pass) => html! {
            aftercare-review token=(pass) order=(number.as_str()) locale=(locale.tag()) {}
        },
        None => html! {
            div class="card" {
                h1 { (heading) }
                p { (mail(locale, Mail::ReviewLinkExpired)) }
            }
        },
    };
    let loader = html! { script src=(LOADER) data-key=(store.publishable_key) async {} };
    Ok(widget_page(hosted(
        Some(&store),
        locale,
        &title,
        loader,
        main,
    )))
}
