//! Orders, line items, parcels and tracking events: writes (admin API, seed, import) and the
//! read model shoppers see (assembled with the shared `Shipment::assemble`,
//! `order::unshipped_items` and `OrderStatus::derive`).
//!
//! One file per concern: `write` (orders and parcels in), `tracking` (checkpoints and ETA
//! revisions), `read` (the shopper read model and lookups), `list` (the account page's
//! filtered, searched and counted order list) and `stored` (how values sit in columns).
//! Everything is re-exported here, so callers name `repo::orders::…` whatever file it lives in.

mod list;
mod read;
mod stored;
mod tracking;
mod write;

pub use list::{customer_orders, OrderListPage, LIST_WINDOW};
pub use read::{
    counts, load_order, load_order_at, load_shipment, lookup_candidate, order_id_by_number,
    order_owner, shipment_at,
};
pub use stored::email_hash;
pub use tracking::{dedupe_key, ingest_events, reset_eta_history};
pub use write::{add_shipment, lock_order, put_order, PutOutcome};
