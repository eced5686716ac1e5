//! The OpenAPI 3.1 document, generated from the shared types (their `openapi` feature) and
//! the handlers' `#[utoipa::path]` annotations, served at `GET /v1/openapi.json`. Its paths
//! come from the routes themselves ([`crate::http::routes`]); this module holds the rest.

use super::plumbing::ApiRouter;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::sync::Arc;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::routes;

pub mod conventions;
pub mod links;

/// What the routes cannot say about themselves: the API's info, its security schemes, the
/// shared schemas no operation names directly, and the tags' descriptions. There is no
/// `paths(…)` list: [`crate::http::routes`] adds each route's operation as it routes it, so
/// no route can be left out of the document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Aftercare API",
        description = "Post-purchase widgets API: store config, guest order lookup, customer orders and tracking, NPS/CSAT surveys, customers' communication preferences, account overview, profile and address book, and their own data (export, erasure), returns, cancellation and address-change requests, product reviews, and the secret-key admin/ingest and insights API. Errors always use the `ApiError` shape.",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "This server")),
    components(schemas(
        aftercare_shared::ApiError,
        aftercare_shared::ErrorCode,
        aftercare_shared::FieldError,
        aftercare_shared::FieldIssue,
        aftercare_shared::api::LocalizedFaq,
        aftercare_shared::api::FaqEntry,
        aftercare_shared::api::SurveyText,
        aftercare_shared::api::ReportComment,
        aftercare_shared::api::WeeklyScore,
        aftercare_shared::survey::SurveyRules,
        aftercare_shared::survey::NotShownReason,
        aftercare_shared::survey::Category,
        aftercare_shared::returns::NotReturnable,
        aftercare_shared::returns::Requirement,
        aftercare_shared::api::ReturnActor,
    )),
    modifiers(&Security),
    tags(
        (name = "store", description = "Public store configuration"),
        (name = "orders", description = "Shopper order routes (publishable key + token)"),
        (name = "surveys", description = "NPS / CSAT surveys for shoppers (publishable key + token)"),
        (name = "preferences", description = "A customer's communication preferences (publishable key + customer token)"),
        (name = "privacy", description = "A customer's own data: download it, or erase it (publishable key + customer token)"),
        (name = "profile", description = "A customer's profile and saved addresses (publishable key + customer token)"),
        (name = "account", description = "A customer's account overview: what needs them now (publishable key + customer token)"),
        (name = "returns", description = "Returns, exchanges and EU withdrawal for shoppers (publishable key + token; label/QR by capability link)"),
        (name = "requests", description = "Cancellation and address-change requests for shoppers (publishable key + token)"),
        (name = "reviews", description = "Product reviews: customers' pending items, submit, edit, postpone (publishable key + customer token or a store's review link); a product's published reviews, helpful votes and the \"How reviews work\" disclosure (publishable key)"),
        (name = "admin", description = "Secret-key admin and ingest API"),
        (name = "emails", description = "Links in the store's emails: the one-click unsubscribe page (RFC 8058) and the review page, signed, no sign-in"),
        (name = "demo", description = "Demo-only helpers"),
        (name = "health", description = "Liveness, readiness and metrics"),
        (name = "static", description = "SDK and demo storefront files"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "publishable_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Aftercare-Key",
                "The store's publishable key (pk_…); accepted only from allowed origins.",
            ))),
        );
        components.add_security_scheme(
            "customer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("v1 customer or order-session token")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "review_link",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("v1 review-link token (POST /v1/admin/reviews/links)")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "secret_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sk_… secret key")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("the server's AFTERCARE_METRICS_TOKEN")
                    .build(),
            ),
        );
    }
}

/// The OpenAPI route.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(openapi_json))
}

/// The finished document, which [`crate::http::app`] hands to [`openapi_json`] as a request
/// extension: this module cannot build it, as it is one of the routes the document describes.
#[derive(Clone)]
pub struct Document(pub Arc<serde_json::Value>);

/// The document as served: the routes' operations with the [`conventions`] every operation
/// shares written in, and the [`links`] from answers to the operations that take their ids.
pub fn finish(doc: &utoipa::openapi::OpenApi) -> serde_json::Value {
    let mut value = serde_json::to_value(doc).expect("the document serializes");
    conventions::apply(&mut value);
    links::apply(&mut value);
    value
}

/// The generated OpenAPI document.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "health",
    security(()),
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json(Extension(Document(doc)): Extension<Document>) -> Response {
    let mut resp = axum::Json(&*doc).into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}
