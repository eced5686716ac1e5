//! The demo store's cancellation and address-change requests (`requests.json`): a cancellation
//! the store rejected with a note (1033) and an address change waiting for the store (1034), so
//! the account page shows both a request's answer and one still pending; 1032 is left without
//! a request, inside its cancellation window.
//!
//! Requests go through `repo::requests::ask` and `decide` — the shopper's and the merchant's
//! code paths — at past instants, so the window and the rules are checked as they were then.
//! They are created only for orders that have none yet, so re-seeding never duplicates them.

use super::format::{self, parse};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::{orders, requests as repo};
use aftercare_shared::api::{AddressChangeInput, CancellationInput, Decision, DecisionInput};
use aftercare_shared::OrderNumber;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestsFile {
    #[serde(rename = "about")]
    _about: String,
    requests: Vec<PastRequest>,
}

/// A request asked `asked` from now (one of the two bodies), then decided, if `decision` says.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastRequest {
    order: String,
    asked: String,
    cancellation: Option<CancellationInput>,
    address_change: Option<AddressChangeInput>,
    decision: Option<PastDecision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PastDecision {
    at: String,
    decision: Decision,
    note: Option<String>,
}

impl PastDecision {
    fn input(&self) -> DecisionInput {
        DecisionInput {
            decision: self.decision,
            note: self.note.clone(),
        }
    }
}

fn file() -> Result<RequestsFile> {
    parse("requests.json", include_str!("requests.json"))
}

/// The demo requests (idempotent: an order that has a request is left alone).
pub(super) async fn seed_requests(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    for past in file()?.requests {
        let number =
            OrderNumber::parse(&past.order).map_err(|_| Error::internal("demo order number"))?;
        let mut conn = db.pool.acquire().await?;
        let order_id = orders::order_id_by_number(&mut conn, store_id, &number)
            .await?
            .ok_or_else(|| Error::internal("demo order for a request"))?;
        let existing = repo::for_order(&mut conn, order_id).await?;
        drop(conn);
        if !existing.is_empty() {
            continue;
        }
        let ask = match (&past.cancellation, &past.address_change) {
            (Some(c), None) => repo::Ask::Cancellation(c),
            (None, Some(a)) => repo::Ask::AddressChange(a),
            _ => {
                return Err(Error::internal(format!(
                    "seed/requests.json: request on {} needs one of cancellation, address_change",
                    past.order
                )))
            }
        };
        let asked = now_ms + format::span_ms(&past.asked)?;
        let request = repo::ask(db, store_id, order_id, ask, asked).await?;
        if let Some(d) = &past.decision {
            let at = now_ms + format::span_ms(&d.at)?;
            repo::decide(db, store_id, request.id, &d.input(), at).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_requests_are_valid() {
        for r in file().unwrap().requests {
            assert!(r.cancellation.is_some() != r.address_change.is_some());
            if let Some(c) = &r.cancellation {
                c.validate(&Default::default()).unwrap();
            }
            if let Some(a) = &r.address_change {
                assert_eq!(a.validate().unwrap(), a.address, "written as it is stored");
            }
            if let Some(d) = &r.decision {
                d.input().validate().unwrap();
            }
        }
    }
}
