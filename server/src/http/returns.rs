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

pub(crate) mod access;
pub(crate) use access::{links, public_base};
pub mod admin;
mod label;
pub mod photos;
pub mod printable;
pub mod shopper;

use super::plumbing::ApiRouter;
use utoipa_axum::routes;

/// Returns routes (public and admin).
pub fn router() -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(shopper::options))
        .routes(routes!(shopper::estimate))
        .routes(routes!(shopper::create))
        .routes(routes!(shopper::withdraw))
        .routes(routes!(photos::upload_photo))
        .routes(routes!(photos::get_photo))
        .routes(routes!(shopper::get_return))
        .routes(routes!(shopper::cancel))
        .routes(routes!(printable::label_page))
        .routes(routes!(printable::qr_svg))
        .routes(routes!(printable::qr_png))
        .routes(routes!(admin::admin_list))
        .routes(routes!(admin::admin_report))
        .routes(routes!(admin::get_settings, admin::put_settings))
        .routes(routes!(admin::admin_get))
        .routes(routes!(admin::admin_status))
        .routes(routes!(admin::put_product))
}

#[cfg(test)]
mod tests {
    use super::super::plumbing::PHOTO_UPLOAD_PATH;
    use utoipa::Path;

    /// The upload's larger body limit is keyed by [`PHOTO_UPLOAD_PATH`], while `routes!` serves
    /// the handler at its `#[utoipa::path]`: the two must not drift apart.
    #[test]
    fn photo_upload_is_served_at_the_path_with_the_larger_body_limit() {
        assert_eq!(
            super::photos::__path_upload_photo::path(),
            PHOTO_UPLOAD_PATH
        );
    }
}
