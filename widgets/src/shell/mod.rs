//! The widget shell: what every widget shares, so none carries its own copy: its
//! configuration as an element ([`ElementProps`]), `aftercare:*` events ([`Events`]), failures
//! and their cards ([`Failure`]), the guest lookup form ([`GuestLookup`]), the loading skeleton, the order list, contact links, focus
//! after a screen change, polling that pauses in hidden tabs, and the visit (one ask per visit, voter ids).
//!
//! It depends on nothing widget-specific; widgets depend on it.

pub mod events;
pub mod failure;
pub mod lookup;
pub mod polling;
pub mod props;
pub mod stars;
pub mod upload;
pub mod views;
pub mod visit;

pub use events::{Events, Host};
pub use failure::{error_code, problem_card, Failure};
pub use lookup::GuestLookup;
pub use polling::use_visible_polling;
pub(crate) use props::clean;
pub use props::{Attrs, ElementProps, OBSERVED};
pub use stars::stars;
pub use views::{focus_heading, order_list, page_hidden, skeleton, Back, ContactLinks, Themed};
