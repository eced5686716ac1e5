//! The demo customers' address books (`profiles.json`): Ana's default in Madrid and a second
//! address in Lisbon, Olivia's in Valencia. Saved through `repo::profile::add_address`, the
//! code of `POST /v1/me/addresses`, so the per-country rules apply to the demo too.

use super::format::{self, parse};
use super::orders::reference_address;
use crate::db::Db;
use crate::error::Result;
use crate::repo::profile as repo;
use aftercare_shared::api::{AddressInput, MAX_ADDRESSES};
use aftercare_shared::order::Address;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    #[serde(rename = "about")]
    _about: String,
    addresses: Vec<Saved>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    customer: String,
    address: Place,
    #[serde(default)]
    default: bool,
    /// A span before seeding (`-45d`).
    saved: String,
}

/// A shipping address of `reference.json` by name, or one written out.
#[derive(Deserialize)]
#[serde(untagged)]
enum Place {
    Named(String),
    Written(Address),
}

/// The demo address books as `(customer, input, saved at ms)`, in the order they are saved.
pub fn demo_address_books(now_ms: i64) -> Result<Vec<(String, AddressInput, i64)>> {
    let file: ProfilesFile = parse("profiles.json", include_str!("profiles.json"))?;
    file.addresses
        .into_iter()
        .map(|s| {
            let address = match s.address {
                Place::Named(name) => reference_address(&name)?,
                Place::Written(a) => a,
            };
            let input = AddressInput {
                address,
                make_default: s.default,
            };
            Ok((s.customer, input, now_ms + format::span_ms(&s.saved)?))
        })
        .collect()
}

/// Save the demo addresses a customer does not keep already (compared after normalising), so
/// seeding again changes nothing; a book that is full (a demo visitor filled it) is left alone.
pub async fn seed_address_books(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    for (customer, input, at) in demo_address_books(now_ms)? {
        let address = input.validate()?;
        let mut conn = db.pool.acquire().await?;
        let book = repo::profile(&mut conn, store_id, &customer)
            .await?
            .addresses;
        drop(conn);
        if book.len() >= MAX_ADDRESSES || book.iter().any(|saved| saved.address == address) {
            continue;
        }
        repo::add_address(db, store_id, &customer, &input, at).await?;
    }
    Ok(())
}
