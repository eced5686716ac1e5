//! Returns and exchanges: the store's settings and catalog, the facts that decide what may
//! go back, creating a return (race-safe: the units check and the insert share one write
//! transaction that holds the order), photos, the status workflow, EU withdrawals and the
//! merchant report.
//!
//! Every rule (window, fees, proration, workflow) comes from `shared::returns`; this module
//! gathers the inputs and stores the outcomes.
//!
//! One file per concern: `settings` (settings and catalog), `eligibility` (what may go back
//! and the check of a request), `options` (the return form), `workflow` (create and status
//! changes), `detail` (reading one return or a page of them), `photos`, `withdrawals`,
//! `report` and `wire` (the stored names of enum values). Everything is re-exported here,
//! so callers name `repo::returns::…` whatever file it lives in.

mod detail;
mod eligibility;
mod options;
mod photos;
mod report;
mod settings;
mod wire;
mod withdrawals;
mod workflow;

pub use detail::{admin_view, detail, find, instructions, list, Links, ReturnRow};
pub use eligibility::{
    check_request, estimate_of, order_facts, paid_for_units, Check, LineState, OrderFacts,
};
pub use options::options;
pub use photos::{
    photo_bytes, photo_facts, store_photo, valid_photo_id, PhotoFacts, PHOTO_MAX_BYTES,
};
pub use report::report;
pub use settings::{default_settings, put_product, put_settings, settings};
pub use wire::{from_wire, wire};
pub use withdrawals::{withdraw, withdrawal_statement, withdrawals};
pub use workflow::{create, transition};
