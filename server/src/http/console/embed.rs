//! `/console/embed`: the snippet for one widget, written for this store, and the widget
//! running below it (so the page runs the widgets: `WIDGET_CSP`).

use super::extract::Console;
use super::reject::ConsoleResult;
use super::shopper_view::{order_pass, widget_page, LOADER};
use crate::repo::console::{catalog, orders};
use crate::state::AppState;
use aftercare_console::pages::embed::{embed, EmbedChoice, EmbedPage, EmbedPreview, WidgetKind};
use aftercare_console::Area;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use serde::Deserialize;

/// The page's choices, as its `GET` form sends them (anything unknown falls back to the
/// default choice rather than failing: it is a form's address, not an API).
#[derive(Debug, Default, Deserialize)]
pub struct EmbedQuery {
    widget: Option<String>,
    signed_in: Option<String>,
    locale: Option<String>,
    product: Option<String>,
    survey: Option<String>,
    floating: Option<String>,
}

/// Where shoppers' browsers reach this server: `AFTERCARE_PUBLIC_URL`, else the address the
/// console was opened at (`http` only for a loopback host, or what a trusted proxy says).
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.clone();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let forwarded = state
        .config
        .trust_proxy
        .then(|| {
            headers
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
        })
        .flatten()
        .filter(|p| *p == "https" || *p == "http");
    let loopback = ["localhost", "127.", "[::1]"]
        .iter()
        .any(|p| host.starts_with(p));
    let scheme = forwarded.unwrap_or(if loopback { "http" } else { "https" });
    format!("{scheme}://{host}")
}

/// The Embed page.
pub async fn get(
    State(state): State<AppState>,
    c: Console,
    headers: HeaderMap,
    Query(q): Query<EmbedQuery>,
) -> ConsoleResult<Response> {
    c.require(Area::Embed)?;
    let mut conn = state.db.pool.acquire().await?;
    let products = catalog::products(&mut conn, c.store.id).await?;
    let widget = q
        .widget
        .as_deref()
        .and_then(WidgetKind::parse)
        .unwrap_or(WidgetKind::Tracking);
    let on = |v: &Option<String>| v.as_deref() == Some("on");
    let product = q
        .product
        .filter(|sku| products.iter().any(|(s, _)| s == sku))
        .or_else(|| products.first().map(|(s, _)| s.clone()));
    let choice = EmbedChoice {
        widget,
        signed_in: on(&q.signed_in),
        locale: q.locale.as_deref().and_then(Locale::from_tag),
        product,
        survey: if q.survey.as_deref() == Some("csat") {
            SurveyKind::Csat
        } else {
            SurveyKind::Nps
        },
        floating: on(&q.floating),
    };
    let preview = if widget.guests_too() {
        let sample = if widget == WidgetKind::Tracking && choice.signed_in {
            orders::sample(&mut conn, c.store.id).await?
        } else {
            None
        };
        let now = crate::util::now_ms();
        EmbedPreview::Live {
            loader: LOADER.to_owned(),
            order: sample.map(|n| {
                let pass = order_pass(&c.store, &n, now);
                (n, pass)
            }),
        }
    } else {
        EmbedPreview::AsksOnly
    };
    drop(conn);
    let page = EmbedPage {
        origin: origin(&state, &headers),
        key: c.store.publishable_key.clone(),
        products,
        preview,
    };
    Ok(widget_page(embed(&c.ctx, &choice, &page).into_string()))
}
