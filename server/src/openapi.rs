//! The OpenAPI 3.1 document, generated from the shared types (their `openapi` feature) and
//! the handlers' `#[utoipa::path]` annotations, served at `GET /v1/openapi.json`.

use crate::http::{self, Routes};
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
        http::health::healthz,
        http::store::get_store,
        http::orders::lookup,
        http::orders::list,
        http::orders::get_order,
        http::admin::put_order,
        http::admin::get_order,
        http::admin::add_shipment,
        http::admin::add_events,
        http::admin::anxious_customers,
        http::admin::parcel_alerts,
        http::admin::get_settings,
        http::admin::put_settings,
        http::surveys::prompt,
        http::surveys::dismiss,
        http::surveys::put_response,
        http::surveys::report,
        http::surveys::responses_csv,
        http::surveys::distribution_chart,
        http::surveys::trend_chart,
        http::surveys::followed_up,
        http::surveys::get_settings,
        http::surveys::put_settings,
        http::returns::shopper::options,
        http::returns::shopper::estimate,
        http::returns::shopper::create,
        http::returns::shopper::withdraw,
        http::returns::photos::upload_photo,
        http::returns::photos::get_photo,
        http::returns::shopper::get_return,
        http::returns::shopper::cancel,
        http::returns::printable::label_page,
        http::returns::printable::qr_svg,
        http::returns::admin::admin_list,
        http::returns::admin::admin_report,
        http::returns::admin::get_settings,
        http::returns::admin::put_settings,
        http::returns::admin::admin_get,
        http::returns::admin::admin_status,
        http::returns::admin::put_product,
        http::demo::customer_token,
        http::demo::clock,
        http::demo::insights,
        http::demo::insights_distribution,
        http::demo::insights_trend,
        http::demo::insights_returns_reasons,
        openapi_json,
        http::static_files::sdk,
        http::static_files::demo_index,
        http::static_files::fallback,
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
