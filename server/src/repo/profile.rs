//! A customer's profile and address book: who they are as the merchant's data holds them (the
//! customers row the order push writes) and the addresses they keep for deliveries.
//!
//! Addresses belong to the merchant's customer id (a customer token's subject), not to the
//! customers row, so someone who has no order yet can keep addresses too. Every address is
//! stored as [`AddressInput::validate`] normalises it, so the page, the API and address-change
//! requests all see the post's spelling. A customer has at most [`MAX_ADDRESSES`], and exactly
//! one default whenever the book is not empty: the first saved, then whichever one
//! `make_default` names, and when the default is removed, the most recently updated one left.
//!
//! Writes to one customer's book are serialised (the write gate on SQLite, a transaction-scoped
//! advisory lock on PostgreSQL), so two tabs saving at once can neither pass the cap together
//! nor both make their address the first default; the unique index on the default backs this.

use crate::db::{Backend, Db, WriteTx};
use crate::error::{Error, Result};
use aftercare_shared::api::{AddressInput, Profile, SavedAddress, MAX_ADDRESSES};
use aftercare_shared::order::Address;
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct AddressRow {
    id: i64,
    name: String,
    line1: String,
    line2: Option<String>,
    city: String,
    region: Option<String>,
    postal_code: String,
    country: String,
    is_default: i64,
    updated_at_ms: i64,
}

impl AddressRow {
    fn address(&self) -> Address {
        Address {
            name: self.name.clone(),
            line1: self.line1.clone(),
            line2: self.line2.clone(),
            city: self.city.clone(),
            region: self.region.clone(),
            postal_code: self.postal_code.clone(),
            country: self.country.clone(),
        }
    }

    fn saved(self) -> SavedAddress {
        SavedAddress {
            id: self.id,
            address: self.address(),
            is_default: self.is_default != 0,
            updated_at: Timestamp::from_utc_ms(self.updated_at_ms, 0),
        }
    }
}

const ADDRESS_COLUMNS: &str = "id, name, line1, line2, city, region, postal_code, country, \
     is_default, updated_at_ms";

/// A customer's saved addresses: the default first, then the most recently saved or changed.
async fn addresses(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
) -> Result<Vec<AddressRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ADDRESS_COLUMNS} FROM customer_addresses \
         WHERE store_id = $1 AND customer_external_id = $2 \
         ORDER BY is_default DESC, updated_at_ms DESC, id DESC"
    ))
    .bind(store_id)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?)
}

/// The customer's profile: name, email and phone from their customers row (the most recently
/// written, should there be several), absent when the store has none (no order yet), and the
/// address book.
pub async fn profile(conn: &mut AnyConnection, store_id: i64, customer: &str) -> Result<Profile> {
    let row: Option<(Option<String>, String, Option<String>)> = sqlx::query_as(
        "SELECT name, email, phone FROM customers WHERE store_id = $1 AND external_id = $2 \
         ORDER BY updated_at_ms DESC, id DESC LIMIT 1",
    )
    .bind(store_id)
    .bind(customer)
    .fetch_optional(&mut *conn)
    .await?;
    let (name, email, phone) = match row {
        Some((name, email, phone)) => (name, Some(email), phone),
        None => (None, None, None),
    };
    Ok(Profile {
        customer: customer.to_owned(),
        name,
        email,
        phone,
        addresses: addresses(conn, store_id, customer)
            .await?
            .into_iter()
            .map(AddressRow::saved)
            .collect(),
    })
}

/// A write transaction holding the customer's book for itself until it ends.
async fn begin(db: &Db, store_id: i64, customer: &str) -> Result<WriteTx> {
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        // SQLite already has one writer at a time. The lock's key is the book's identity;
        // a collision between two books only makes one wait for the other.
        let digest = crate::util::sha256_hex(format!("customer_addresses\n{store_id}\n{customer}"));
        let key = u64::from_str_radix(&digest[..16], 16)
            .map_err(|e| Error::internal(e.to_string()))? as i64;
        // The lock function returns `void`, which the Any driver cannot read: select a constant.
        sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
            .bind(key)
            .execute(tx.conn())
            .await?;
    }
    Ok(tx)
}

/// Clear the customer's default (before another one is set: the unique index allows one).
async fn clear_default(conn: &mut AnyConnection, store_id: i64, customer: &str) -> Result<()> {
    sqlx::query(
        "UPDATE customer_addresses SET is_default = 0 \
         WHERE store_id = $1 AND customer_external_id = $2 AND is_default = 1",
    )
    .bind(store_id)
    .bind(customer)
    .execute(conn)
    .await?;
    Ok(())
}

/// Save a new address for `customer` at `now_ms` and answer the whole profile. It becomes the
/// default when it is the first one or `make_default` asks for it.
///
/// `422 validation_failed` naming each bad `address.*` field ([`AddressInput::validate`]);
/// `409 conflict` when the customer already keeps [`MAX_ADDRESSES`] (a valid address, but the
/// book is full: the state, not the body, is in the way).
pub async fn add_address(
    db: &Db,
    store_id: i64,
    customer: &str,
    input: &AddressInput,
    now_ms: i64,
) -> Result<Profile> {
    let address = input.validate()?;
    let mut tx = begin(db, store_id, customer).await?;
    let book = addresses(tx.conn(), store_id, customer).await?;
    if book.len() >= MAX_ADDRESSES {
        return Err(Error::Conflict(format!(
            "At most {MAX_ADDRESSES} addresses can be saved; remove one first."
        )));
    }
    let is_default = book.is_empty() || input.make_default;
    if is_default {
        clear_default(tx.conn(), store_id, customer).await?;
    }
    sqlx::query(
        "INSERT INTO customer_addresses (store_id, customer_external_id, name, line1, line2, \
         city, region, postal_code, country, is_default, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(store_id)
    .bind(customer)
    .bind(&address.name)
    .bind(&address.line1)
    .bind(&address.line2)
    .bind(&address.city)
    .bind(&address.region)
    .bind(&address.postal_code)
    .bind(&address.country)
    .bind(i64::from(is_default))
    .bind(now_ms)
    .execute(tx.conn())
    .await?;
    let profile = profile(tx.conn(), store_id, customer).await?;
    tx.commit().await?;
    Ok(profile)
}

/// One of the customer's addresses, or `404 not_found`: an id that does not exist and one
/// that belongs to someone else get the same answer.
async fn owned(
    conn: &mut AnyConnection,
    store_id: i64,
    customer: &str,
    id: i64,
) -> Result<AddressRow> {
    sqlx::query_as(&format!(
        "SELECT {ADDRESS_COLUMNS} FROM customer_addresses \
         WHERE id = $1 AND store_id = $2 AND customer_external_id = $3"
    ))
    .bind(id)
    .bind(store_id)
    .bind(customer)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound)
}

/// Replace address `id` of `customer` (and make it the default when `make_default`); answers
/// the whole profile. `make_default: false` leaves the default where it is: the default
/// moves only to another address, never to none. Sending what is stored already writes
/// nothing, so `updated_at` keeps the time of the last real change.
///
/// `404 not_found` for an id that is not one of the customer's; `422` like [`add_address`].
pub async fn update_address(
    db: &Db,
    store_id: i64,
    customer: &str,
    id: i64,
    input: &AddressInput,
    now_ms: i64,
) -> Result<Profile> {
    let address = input.validate()?;
    let mut tx = begin(db, store_id, customer).await?;
    let stored = owned(tx.conn(), store_id, customer, id).await?;
    let becomes_default = input.make_default && stored.is_default == 0;
    if stored.address() != address || becomes_default {
        if becomes_default {
            clear_default(tx.conn(), store_id, customer).await?;
        }
        // Never earlier than the stored time, so the newest change sorts first even when
        // servers' clocks differ.
        sqlx::query(
            "UPDATE customer_addresses SET name = $1, line1 = $2, line2 = $3, city = $4, \
             region = $5, postal_code = $6, country = $7, is_default = $8, updated_at_ms = $9 \
             WHERE id = $10",
        )
        .bind(&address.name)
        .bind(&address.line1)
        .bind(&address.line2)
        .bind(&address.city)
        .bind(&address.region)
        .bind(&address.postal_code)
        .bind(&address.country)
        .bind(i64::from(stored.is_default != 0 || becomes_default))
        .bind(now_ms.max(stored.updated_at_ms))
        .bind(id)
        .execute(tx.conn())
        .await?;
    }
    let profile = profile(tx.conn(), store_id, customer).await?;
    tx.commit().await?;
    Ok(profile)
}

/// Remove address `id` of `customer` and answer the whole profile. When it was the default,
/// the most recently updated address left becomes the default.
///
/// `404 not_found` for an id that is not one of the customer's (including one removed
/// already: a repeated `DELETE` says so rather than pretending).
pub async fn remove_address(db: &Db, store_id: i64, customer: &str, id: i64) -> Result<Profile> {
    let mut tx = begin(db, store_id, customer).await?;
    let stored = owned(tx.conn(), store_id, customer, id).await?;
    sqlx::query("DELETE FROM customer_addresses WHERE id = $1")
        .bind(id)
        .execute(tx.conn())
        .await?;
    if stored.is_default != 0 {
        // `addresses` lists the most recently updated first once no default is left.
        if let Some(next) = addresses(tx.conn(), store_id, customer).await?.first() {
            sqlx::query("UPDATE customer_addresses SET is_default = 1 WHERE id = $1")
                .bind(next.id)
                .execute(tx.conn())
                .await?;
        }
    }
    let profile = profile(tx.conn(), store_id, customer).await?;
    tx.commit().await?;
    Ok(profile)
}
