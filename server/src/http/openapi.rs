//! The OpenAPI 3.1 document, generated from the shared types (their `openapi` feature) and
//! the handlers' `#[utoipa::path]` annotations, served at `GET /v1/openapi.json`.

use super::plumbing::Routes;
use super::{admin, demo, health, orders, returns, static_files, store, surveys};
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The API description: every route of [`crate::http::routes`] must be listed here
/// (a test enforces it).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Aftercare API",
        description = "Post-purchase widgets API: store config, guest order lookup, customer orders and tracking, NPS/CSAT surveys, and the secret-key admin/ingest and insights API. Errors always use the `ApiError` shape.",
        license(name = "MIT")
    ),
    paths(
        health::healthz,
        store::get_store,
        orders::lookup,
        orders::list,
        orders::get_order,
        admin::put_order,
        admin::get_order,
        admin::add_shipment,
        admin::add_events,
        admin::anxious_customers,
        admin::parcel_alerts,
        admin::get_settings,
        admin::put_settings,
        surveys::prompt,
        surveys::dismiss,
        surveys::put_response,
        surveys::report,
        surveys::responses_csv,
        surveys::distribution_chart,
        surveys::trend_chart,
        surveys::followed_up,
        surveys::get_settings,
        surveys::put_settings,
        returns::shopper::options,
        returns::shopper::estimate,
        returns::shopper::create,
        returns::shopper::withdraw,
        returns::photos::upload_photo,
        returns::photos::get_photo,
        returns::shopper::get_return,
        returns::shopper::cancel,
        returns::printable::label_page,
        returns::printable::qr_svg,
        returns::admin::admin_list,
        returns::admin::admin_report,
        returns::admin::get_settings,
        returns::admin::put_settings,
        returns::admin::admin_get,
        returns::admin::admin_status,
        returns::admin::put_product,
        demo::customer_token,
        demo::clock,
        demo::insights,
        demo::insights_distribution,
        demo::insights_trend,
        demo::insights_returns_reasons,
        openapi_json,
        static_files::sdk,
        static_files::demo_index,
        static_files::fallback,
    ),
    components(schemas(
        aftercare_shared::ApiError,
        aftercare_shared::ErrorCode,
        aftercare_shared::FieldError,
        aftercare_shared::FieldIssue,
        aftercare_shared::api::ImportFile,
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
        (name = "returns", description = "Returns, exchanges and EU withdrawal for shoppers (publishable key + token; label/QR by capability link)"),
        (name = "admin", description = "Secret-key admin and ingest API"),
        (name = "demo", description = "Demo-only helpers"),
        (name = "health", description = "Liveness"),
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
            "secret_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sk_… secret key")
                    .build(),
            ),
        );
    }
}

/// The OpenAPI route.
pub fn router() -> Routes {
    Routes::new().route(Method::GET, "/v1/openapi.json", openapi_json)
}

/// The generated OpenAPI document.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "health",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> Response {
    let mut resp = axum::Json(ApiDoc::openapi()).into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}
