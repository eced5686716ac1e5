//! Returns and exchanges. Shoppers (publishable key + customer token or order session) read
//! the form's options, get the server's estimate, upload photos, create a return (the
//! `Idempotency-Key` makes retries safe), follow and cancel it, and declare the EU withdrawal.
//! The printable label and QR code are reachable without credentials through a capability
//! link (an HMAC of the RMA with the store's secret). Merchants (secret key) list and move
//! returns through the workflow, and maintain the return settings and the catalog.
//!
//! One file per audience or concern: `shopper` (form, estimate, create, withdraw, follow,
//! cancel), `photos`, `printable` (label and QR by capability link, rendered by `label`),
//! `admin` (queue, workflow, report, settings, catalog) and `access` (what they share).

mod access;
pub mod admin;
mod label;
pub mod photos;
pub mod printable;
pub mod shopper;

use super::plumbing::{Routes, PHOTO_UPLOAD_PATH};
use axum::http::Method;

/// Returns routes (public and admin).
pub fn router() -> Routes {
    Routes::new()
        .route(
            Method::GET,
            "/v1/orders/{order_number}/returns/options",
            shopper::options,
        )
        .route(
            Method::POST,
            "/v1/orders/{order_number}/returns/estimate",
            shopper::estimate,
        )
        .route(
            Method::POST,
            "/v1/orders/{order_number}/returns",
            shopper::create,
        )
        .route(
            Method::POST,
            "/v1/orders/{order_number}/withdrawals",
            shopper::withdraw,
        )
        .route(Method::POST, PHOTO_UPLOAD_PATH, photos::upload_photo)
        .route(Method::GET, "/v1/returns/photos/{id}", photos::get_photo)
        .route(Method::GET, "/v1/returns/{rma}", shopper::get_return)
        .route(Method::POST, "/v1/returns/{rma}/cancel", shopper::cancel)
        .route(
            Method::GET,
            "/v1/returns/{rma}/label",
            printable::label_page,
        )
        .route(Method::GET, "/v1/returns/{rma}/qr.svg", printable::qr_svg)
        .route(Method::GET, "/v1/admin/returns", admin::admin_list)
        .route(Method::GET, "/v1/admin/returns/report", admin::admin_report)
        .route(
            Method::GET,
            "/v1/admin/returns/settings",
            admin::get_settings,
        )
        .route(
            Method::PUT,
            "/v1/admin/returns/settings",
            admin::put_settings,
        )
        .route(Method::GET, "/v1/admin/returns/{rma}", admin::admin_get)
        .route(
            Method::POST,
            "/v1/admin/returns/{rma}/status",
            admin::admin_status,
        )
        .route(
            Method::PUT,
            "/v1/admin/products/{external_id}",
            admin::put_product,
        )
}
