//! The HTTP surface: one module per resource, each exposing `router()`, assembled by [`app`]
//! with the cross-cutting layers (CORS, compression, body limit, idempotency, and
//! [`telemetry`]: request ids, tracing spans, metrics).
//!
//! This file only assembles. What the resource modules share lives in [`plumbing`] (below
//! every resource module), the `Idempotency-Key` layer in [`idempotency`] and the parts of the
//! API description that no route carries in [`openapi`]; the document's paths come from the
//! routes, as [`routes`] adds them. The modules' dependencies form a DAG: `mod.rs` →
//! resources (`openapi` among them) → `plumbing`.

pub mod admin;
pub mod console;
pub mod demo;
pub mod demo_outbox;
pub mod emails;
pub mod engagement;
pub mod export_page;
pub mod health;
pub mod idempotency;
pub mod insights;
pub mod metrics;
pub mod openapi;
pub mod order_page;
pub mod orders;
pub mod overview;
pub mod plumbing;
pub mod preferences;
pub mod privacy;
pub mod profile;
pub mod requests;
pub mod returns;
pub mod review_page;
pub mod reviews;
pub mod static_files;
pub mod store;
mod strict_json;
pub mod survey_page;
pub mod surveys;
pub mod telemetry;
pub mod theme;
pub mod unsubscribe;
pub mod uploads;

use crate::state::AppState;
use aftercare_shared::api::{IDEMPOTENCY_HEADER, KEY_HEADER, REPLAYED_HEADER};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::{Extension, Router};
use plumbing::ApiRouter;
use std::sync::Arc;
use std::time::Duration;

/// Response header naming the instance that answered (`AFTERCARE_INSTANCE`).
pub const INSTANCE_HEADER: &str = "x-aftercare-instance";
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::OpenApi;

/// Every route of the server, from every resource module, each with its operation in the
/// OpenAPI document that [`split_for_parts`] hands back beside the axum router: one source
/// for both, so the document cannot miss a route.
///
/// [`split_for_parts`]: utoipa_axum::router::OpenApiRouter::split_for_parts
pub fn routes() -> ApiRouter {
    ApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(metrics::router())
        .merge(store::router())
        .merge(orders::router())
        .merge(admin::router())
        .merge(emails::router())
        .merge(engagement::router())
        .merge(export_page::router())
        .merge(surveys::router())
        .merge(preferences::router())
        .merge(privacy::router())
        .merge(profile::router())
        .merge(overview::router())
        .merge(returns::router())
        .merge(requests::router())
        .merge(reviews::router())
        .merge(insights::router())
        .merge(demo::router())
        .merge(demo_outbox::router())
        .merge(openapi::router())
        .merge(theme::router())
        .merge(order_page::router())
        .merge(unsubscribe::router())
        .merge(review_page::router())
        .merge(survey_page::router())
        .merge(static_files::router())
}

/// The OpenAPI document exactly as `GET /v1/openapi.json` serves it.
pub fn document() -> serde_json::Value {
    openapi::finish(&routes().into_openapi())
}

/// The complete application: routes, fallback and layers, bound to `state`.
pub fn app(state: AppState) -> Router {
    let origins = state.origins.clone();
    let instance = state
        .config
        .instance
        .as_deref()
        .and_then(|name| HeaderValue::from_str(name).ok());
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::async_predicate(move |origin, _| {
            let origins = origins.clone();
            async move { origins.allows(&origin).await }
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            HeaderName::from_static(KEY_HEADER),
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static(IDEMPOTENCY_HEADER),
            header::IF_NONE_MATCH,
        ])
        .expose_headers([
            header::RETRY_AFTER,
            header::ETAG,
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderName::from_static(telemetry::REQUEST_ID_HEADER),
            HeaderName::from_static(INSTANCE_HEADER),
        ])
        .max_age(Duration::from_secs(600));
    let (routes, document) = routes().split_for_parts();
    let document = openapi::finish(&document);
    let bearer_routes = idempotency::BearerRoutes::from_document(&document);
    let routes = routes
        .layer(Extension(openapi::Document(Arc::new(document))))
        .merge(console::router())
        .fallback(static_files::fallback)
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), bearer_routes),
            idempotency::layer,
        ))
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(plumbing::limit_body))
        .layer(axum::middleware::map_response(
            plumbing::json_payload_too_large,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(INSTANCE_HEADER),
            instance,
        ))
        .layer(CompressionLayer::new())
        .layer(cors);
    telemetry::apply(routes).with_state(state)
}
