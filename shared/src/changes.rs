//! Changes a shopper may ask for before an order ships — cancel it, or send it elsewhere — and
//! the rules that decide when they may: one place for the server (which refuses a request the
//! rules forbid) and the account page (which offers only what the rules allow).

use crate::address::Address;
use crate::ids::OrderNumber;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Why a shopper wants to cancel; the store picks which it offers, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    /// No longer wanted.
    ChangedMind,
    /// Ordered the wrong thing, size or quantity.
    OrderedByMistake,
    /// Found it cheaper elsewhere.
    FoundBetterPrice,
    /// It would arrive too late.
    DeliveryTooSlow,
    /// Needs to change something the order cannot (payment, items).
    NeedToChangeOrder,
    /// Anything else (the comment says what).
    Other,
}

impl CancelReason {
    /// Every reason, in the default order.
    pub const ALL: [Self; 6] = [
        Self::ChangedMind,
        Self::OrderedByMistake,
        Self::FoundBetterPrice,
        Self::DeliveryTooSlow,
        Self::NeedToChangeOrder,
        Self::Other,
    ];

    /// Whether the shopper must say more in a comment.
    pub fn needs_comment(self) -> bool {
        self == Self::Other
    }
}

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Cancel the whole order.
    Cancellation,
    /// Deliver the unshipped parcels to another address.
    AddressChange,
}

impl RequestKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cancellation => "cancellation",
            Self::AddressChange => "address_change",
        }
    }

    /// The kind a wire name names.
    pub fn from_wire(s: &str) -> Option<Self> {
        [Self::Cancellation, Self::AddressChange]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Where a request stands. Only the store moves a pending request on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for the store.
    Pending,
    /// The store did it (the order is cancelled, or its address changed).
    Accepted,
    /// The store said no (its note says why).
    Rejected,
}

impl RequestStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }

    /// The status a wire name names.
    pub fn from_wire(s: &str) -> Option<Self> {
        [Self::Pending, Self::Accepted, Self::Rejected]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A change a shopper asked for on one order, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderRequest {
    /// Stable id (the admin API decides by it).
    pub id: i64,
    /// The order it is about.
    pub order_number: OrderNumber,
    /// Cancel, or deliver elsewhere.
    pub kind: RequestKind,
    /// Where it stands.
    pub status: RequestStatus,
    /// Why the shopper wants to cancel (cancellations only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<CancelReason>,
    /// What the shopper added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The address asked for (address changes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// When the shopper asked.
    pub created_at: Timestamp,
    /// When the store decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Timestamp>,
    /// What the store told the shopper with its decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A parcel was handed to the carrier after the shopper asked and before the store
    /// decided: the store must intercept it (accept) or say why not (reject). Both the parcel
    /// and the request are kept.
    #[serde(default)]
    pub shipped_meanwhile: bool,
}

/// Why a change cannot be asked for now (the account page says so instead of offering it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotChangeable {
    /// The store does not take this kind of request.
    NotOffered,
    /// The order is already cancelled.
    Cancelled,
    /// Something has been handed to a carrier.
    Shipped,
    /// The store's window after placing the order has passed.
    WindowClosed,
    /// A request of this kind is already waiting for the store.
    AlreadyRequested,
}

/// Admin: which changes the store takes and for how long (part of the store settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePolicy {
    /// Hours after placing an order during which a shopper may ask to cancel it (0: never).
    pub cancel_window_hours: u32,
    /// Reasons offered, in display order (at least one when cancelling is offered).
    pub cancel_reasons: Vec<CancelReason>,
    /// Whether shoppers may ask to deliver unshipped parcels elsewhere.
    pub address_changes: bool,
}

impl Default for ChangePolicy {
    fn default() -> Self {
        Self {
            cancel_window_hours: 24,
            cancel_reasons: CancelReason::ALL.to_vec(),
            address_changes: true,
        }
    }
}

impl ChangePolicy {
    /// Allowed cancellation windows: off, or up to 30 days.
    pub const WINDOW_HOURS: std::ops::RangeInclusive<u32> = 0..=720;
}

/// The document states the rules `StoreSettings::validate` checks the policy with: the window
/// in range, each reason once, and at least one reason unless cancelling is off (window 0).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ChangePolicy {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{
            AllOfBuilder, AnyOfBuilder, ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat,
            Type,
        };
        let hours = || {
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        };
        let fields = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "cancel_window_hours",
                hours()
                    .minimum(Some(*Self::WINDOW_HOURS.start()))
                    .maximum(Some(*Self::WINDOW_HOURS.end()))
                    .description(Some(
                        "Hours after placing an order during which a shopper may ask to cancel \
                         it (0: never; at most 720).",
                    )),
            )
            .required("cancel_window_hours")
            .property(
                "cancel_reasons",
                ArrayBuilder::new()
                    .items(<CancelReason as utoipa::PartialSchema>::schema())
                    .unique_items(true)
                    .description(Some(
                        "Reasons offered, in display order, each once (at least one when \
                         cancelling is offered).",
                    )),
            )
            .required("cancel_reasons")
            .property(
                "address_changes",
                ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .description(Some(
                        "Whether shoppers may ask to deliver unshipped parcels elsewhere.",
                    )),
            )
            .required("address_changes");
        let offered = AnyOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .description(Some("Cancelling is off."))
                    .property("cancel_window_hours", hours().enum_values(Some([0]))),
            )
            .item(
                ObjectBuilder::new()
                    .description(Some("Cancelling is offered with at least one reason."))
                    .property("cancel_reasons", ArrayBuilder::new().min_items(Some(1))),
            );
        AllOfBuilder::new()
            .description(Some(
                "Which changes the store takes and for how long (part of the store settings).",
            ))
            .item(fields)
            .item(offered)
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ChangePolicy {}

/// The facts about an order the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderFacts {
    /// When it was placed (UTC ms).
    pub placed_at_ms: i64,
    /// Whether the store cancelled it.
    pub cancelled: bool,
    /// Whether any parcel has been handed over.
    pub shipped_any: bool,
    /// Whether every unit is in a parcel.
    pub shipped_all: bool,
    /// Whether a cancellation is waiting for the store.
    pub cancellation_pending: bool,
    /// Whether an address change is waiting for the store.
    pub address_change_pending: bool,
}

/// What a shopper may ask for on one order right now: part of the order as the account shows
/// it, so the page offers exactly what the server will accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeOptions {
    /// Until when a cancellation may be asked for; absent when it cannot be now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_until: Option<Timestamp>,
    /// Why not, when a cancellation cannot be asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_blocked: Option<NotChangeable>,
    /// The reasons to choose from, in the store's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cancel_reasons: Vec<CancelReason>,
    /// Whether a new delivery address may be asked for.
    pub address_change: bool,
    /// Why not, when it cannot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_blocked: Option<NotChangeable>,
}

/// Whether a cancellation may be asked for, and until when (UTC ms).
pub fn can_cancel(
    policy: &ChangePolicy,
    facts: &OrderFacts,
    now_ms: i64,
) -> Result<i64, NotChangeable> {
    if policy.cancel_window_hours == 0 || policy.cancel_reasons.is_empty() {
        return Err(NotChangeable::NotOffered);
    }
    if facts.cancelled {
        return Err(NotChangeable::Cancelled);
    }
    if facts.cancellation_pending {
        return Err(NotChangeable::AlreadyRequested);
    }
    if facts.shipped_any {
        return Err(NotChangeable::Shipped);
    }
    let until = facts.placed_at_ms + i64::from(policy.cancel_window_hours) * 3_600_000;
    if now_ms >= until {
        return Err(NotChangeable::WindowClosed);
    }
    Ok(until)
}

/// Whether a new delivery address may be asked for: while something is still unshipped.
pub fn can_change_address(policy: &ChangePolicy, facts: &OrderFacts) -> Result<(), NotChangeable> {
    if !policy.address_changes {
        return Err(NotChangeable::NotOffered);
    }
    if facts.cancelled {
        return Err(NotChangeable::Cancelled);
    }
    if facts.address_change_pending {
        return Err(NotChangeable::AlreadyRequested);
    }
    if facts.shipped_all {
        return Err(NotChangeable::Shipped);
    }
    Ok(())
}

impl ChangeOptions {
    /// The options the rules give an order now; `offset_min` is the offset the deadline is
    /// shown in (the order's own).
    pub fn decide(policy: &ChangePolicy, facts: &OrderFacts, now_ms: i64, offset_min: i16) -> Self {
        let cancel = can_cancel(policy, facts, now_ms);
        let address = can_change_address(policy, facts);
        Self {
            cancel_until: cancel.ok().map(|ms| Timestamp::from_utc_ms(ms, offset_min)),
            cancel_blocked: cancel.err(),
            cancel_reasons: if cancel.is_ok() {
                policy.cancel_reasons.clone()
            } else {
                Vec::new()
            },
            address_change: address.is_ok(),
            address_blocked: address.err(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    fn facts() -> OrderFacts {
        OrderFacts {
            placed_at_ms: 10 * H,
            cancelled: false,
            shipped_any: false,
            shipped_all: false,
            cancellation_pending: false,
            address_change_pending: false,
        }
    }

    #[test]
    fn cancellation_window_and_blockers() {
        let p = ChangePolicy::default();
        assert_eq!(can_cancel(&p, &facts(), 10 * H), Ok(34 * H));
        assert_eq!(can_cancel(&p, &facts(), 34 * H - 1), Ok(34 * H));
        assert_eq!(
            can_cancel(&p, &facts(), 34 * H),
            Err(NotChangeable::WindowClosed)
        );
        let shipped = OrderFacts {
            shipped_any: true,
            ..facts()
        };
        assert_eq!(
            can_cancel(&p, &shipped, 11 * H),
            Err(NotChangeable::Shipped)
        );
        let pending = OrderFacts {
            cancellation_pending: true,
            ..facts()
        };
        assert_eq!(
            can_cancel(&p, &pending, 11 * H),
            Err(NotChangeable::AlreadyRequested)
        );
        let cancelled = OrderFacts {
            cancelled: true,
            ..facts()
        };
        assert_eq!(
            can_cancel(&p, &cancelled, 11 * H),
            Err(NotChangeable::Cancelled)
        );
        let off = ChangePolicy {
            cancel_window_hours: 0,
            ..ChangePolicy::default()
        };
        assert_eq!(
            can_cancel(&off, &facts(), 11 * H),
            Err(NotChangeable::NotOffered)
        );
    }

    #[test]
    fn address_changes_while_something_is_unshipped() {
        let p = ChangePolicy::default();
        assert_eq!(can_change_address(&p, &facts()), Ok(()));
        let partly = OrderFacts {
            shipped_any: true,
            ..facts()
        };
        assert_eq!(can_change_address(&p, &partly), Ok(()));
        let all = OrderFacts {
            shipped_any: true,
            shipped_all: true,
            ..facts()
        };
        assert_eq!(can_change_address(&p, &all), Err(NotChangeable::Shipped));
        let o = ChangeOptions::decide(&p, &all, 11 * H, 60);
        assert_eq!(o.cancel_blocked, Some(NotChangeable::Shipped));
        assert!(o.cancel_reasons.is_empty() && !o.address_change);
        let o = ChangeOptions::decide(&p, &facts(), 11 * H, 60);
        assert_eq!(o.cancel_until.map(|t| t.utc_ms), Some(34 * H));
        assert_eq!(o.cancel_reasons.len(), CancelReason::ALL.len());
        assert!(o.address_change);
        assert_eq!(
            serde_json::to_value(&o).unwrap()["cancel_reasons"][0],
            "changed_mind"
        );
    }
}
