//! Aftercare widgets: Leptos components for Rust apps, and the same components as custom
//! elements (`aftercare-*`) for any storefront through the tiny JS loader.
//!
//! The wasm exports exactly what `docs/CONTRACTS.md` promises the loader: [`element::mount`]
//! and [`element::ElementHandle`]. Data comes through `aftercare_shared::client`; validation
//! through `aftercare_shared::validate`, so the widget and server agree by construction.

#![warn(missing_docs)]

pub mod account;
pub mod chunks;
pub mod dom;
pub mod element;
pub mod i18n;
pub mod nps;
pub mod returns;
pub mod review;
pub mod reviews;
pub mod shell;
pub mod tracking;

pub use account::AccountWidget;
pub use element::{mount, ElementHandle};
pub use nps::NpsWidget;
pub use returns::{ReturnFlow, ReturnsWidget};
pub use review::ReviewWidget;
pub use reviews::ReviewsWidget;
pub use shell::GuestLookup;
pub use tracking::view::OrderTimeline;
pub use tracking::TrackingWidget;
