//! Rate limits, shared by every server instance through the database.
//!
//! Two limits guard `POST /v1/orders/lookup` against enumeration: per store and client IP
//! (default 10 a minute) and per store and order number (default 5 per 15 minutes), so
//! neither one IP scanning many orders nor many IPs guessing one order's email get far.
//! A third caps anonymous writes per store and client IP ("helpful" votes: 30 a minute),
//! so one script cannot push a review up by minting voter ids. Console sign-in attempts are
//! capped per user (default 5 per 15 minutes) and per store and client IP (4× that).
//!
//! Each limit is GCRA (the algorithm the in-memory `governor` limiters used before, so the
//! semantics are unchanged): a burst of N, one more every window / N, refused requests not
//! counted, and Retry-After the exact wait for the next allowed one. Its one number per
//! subject lives in `rate_limits` ([`crate::repo::rate_limits`]), updated by one atomic
//! upsert, so instances behind a load balancer count together. Subjects are stored as an
//! HMAC under the store's secret key: never a raw IP or order number, and not reversible by
//! hashing every IPv4 address. Instances must share a synchronised clock (as token expiry
//! already requires).

use crate::config::Config;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::rate_limits::{self as repo, Hit};
use crate::repo::stores::StoreRow;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::net::IpAddr;

/// One limit: a name (the table's `bucket`), a burst and the interval that refills one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stored as `rate_limits.bucket`; distinct per limit.
    pub bucket: &'static str,
    /// Requests allowed at once (at least 1).
    pub burst: u32,
    /// Milliseconds that give back one request.
    pub interval_ms: i64,
}

impl Rule {
    /// `count` requests per `window_ms`, all usable at once (at least 1).
    pub fn per_window(bucket: &'static str, count: u32, window_ms: i64) -> Self {
        let burst = count.max(1);
        let n = i64::from(burst);
        Self {
            bucket,
            burst,
            // Rounded up: never more lenient than configured.
            interval_ms: (window_ms + n - 1) / n,
        }
    }

    /// Count one request for `key_hash` at `now_ms`; `Err(RateLimited(seconds))` when the
    /// limit is exhausted (and the request is not counted).
    pub async fn check(&self, db: &Db, key_hash: &str, now_ms: i64) -> Result<()> {
        let burst_ms = self.interval_ms * i64::from(self.burst);
        match repo::hit(
            db,
            self.bucket,
            key_hash,
            now_ms,
            self.interval_ms,
            burst_ms,
        )
        .await?
        {
            Hit::Allowed => Ok(()),
            Hit::Limited { tat_ms } => Err(Error::RateLimited(self.retry_after(tat_ms, now_ms))),
        }
    }

    /// Whole seconds (at least 1) until a request would be allowed again: when
    /// `tat + interval − now ≤ burst × interval`.
    pub fn retry_after(&self, tat_ms: i64, now_ms: i64) -> u64 {
        let allowed_at = tat_ms + self.interval_ms - self.interval_ms * i64::from(self.burst);
        let wait_ms = (allowed_at - now_ms).max(0);
        u64::try_from((wait_ms + 999) / 1000).unwrap_or(1).max(1)
    }
}

/// Every limit the server applies, from the configuration.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Guest lookups per store and client IP.
    pub lookup_ip: Rule,
    /// Guest lookups per store and order number.
    pub lookup_order: Rule,
    /// "Helpful" votes per store and client IP.
    pub votes: Rule,
    /// Console sign-in attempts (password or code) per user.
    pub console_user: Rule,
    /// Console sign-in attempts per store and client IP (many accounts, one attacker).
    pub console_ip: Rule,
}

/// Console sign-in attempts allowed per user per 15 minutes, by default
/// (`AFTERCARE_CONSOLE_SIGN_INS`); four times as many per store and client IP.
pub const CONSOLE_PER_USER: u32 = 5;

const MINUTE_MS: i64 = 60_000;

impl Limits {
    /// The limits `config` asks for (`AFTERCARE_LOOKUP_PER_MINUTE`, `…_PER_ORDER`,
    /// `AFTERCARE_VOTES_PER_MINUTE`).
    pub fn new(config: &Config) -> Self {
        Self {
            lookup_ip: Rule::per_window("lookup_ip", config.lookup_per_minute, MINUTE_MS),
            lookup_order: Rule::per_window("lookup_order", config.lookup_per_order, 15 * MINUTE_MS),
            votes: Rule::per_window("votes_ip", config.votes_per_minute, MINUTE_MS),
            console_user: Rule::per_window("console_user", config.console_sign_ins, 15 * MINUTE_MS),
            console_ip: Rule::per_window(
                "console_ip",
                config.console_sign_ins.saturating_mul(4),
                15 * MINUTE_MS,
            ),
        }
    }

    /// Count one guest lookup; `Err(RateLimited(seconds))` when either limit is exhausted.
    pub async fn check_lookup(
        &self,
        db: &Db,
        store: &StoreRow,
        ip: IpAddr,
        order_number: &str,
    ) -> Result<()> {
        let now = crate::util::now_ms();
        let by_ip = subject_hash(store, self.lookup_ip.bucket, &ip.to_string());
        self.lookup_ip.check(db, &by_ip, now).await?;
        let by_order = subject_hash(store, self.lookup_order.bucket, order_number);
        self.lookup_order.check(db, &by_order, now).await
    }

    /// Count one "helpful" vote; `Err(RateLimited(seconds))` when the IP's limit is exhausted.
    pub async fn check_vote(&self, db: &Db, store: &StoreRow, ip: IpAddr) -> Result<()> {
        let key = subject_hash(store, self.votes.bucket, &ip.to_string());
        self.votes.check(db, &key, crate::util::now_ms()).await
    }
}

impl Limits {
    /// Count one console sign-in attempt on user `user_id` of `store` (password or code);
    /// `Err(RateLimited(seconds))` when the user's or the IP's limit is exhausted. Attempts
    /// on emails with no account are not counted: there is nothing to guess there, and the
    /// subjects stay keyed by a store's secret.
    pub async fn check_console(
        &self,
        db: &Db,
        store: &StoreRow,
        user_id: i64,
        ip: IpAddr,
    ) -> Result<()> {
        let now = crate::util::now_ms();
        let by_user = subject_hash(store, self.console_user.bucket, &user_id.to_string());
        self.console_user.check(db, &by_user, now).await?;
        let by_ip = subject_hash(store, self.console_ip.bucket, &ip.to_string());
        self.console_ip.check(db, &by_ip, now).await
    }
}

/// Forget limits that have fully recovered (bounded table); run periodically.
pub async fn purge(db: &Db) -> Result<u64> {
    repo::purge(db, crate::util::now_ms()).await
}

/// The stored form of a subject: HMAC-SHA256 under the store's secret key of the store id,
/// the limit and the subject, in hex.
fn subject_hash(store: &StoreRow, bucket: &str, subject: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(store.secret_key.as_bytes()).expect("any key length");
    mac.update(format!("rate-limit\n{}\n{bucket}\n{subject}", store.id).as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_the_interval_up() {
        let r = Rule::per_window("x", 3, MINUTE_MS);
        assert_eq!((r.burst, r.interval_ms), (3, 20_000));
        let r = Rule::per_window("x", 0, MINUTE_MS);
        assert_eq!((r.burst, r.interval_ms), (1, 60_000));
        assert_eq!(Rule::per_window("x", 7, MINUTE_MS).interval_ms, 8_572);
    }

    #[test]
    fn retry_after_is_the_wait_for_one_interval() {
        // Three at once at t=0 leave tat = 60 s; the fourth may come at 20 s.
        let r = Rule::per_window("x", 3, MINUTE_MS);
        assert_eq!(r.retry_after(60_000, 0), 20);
        assert_eq!(r.retry_after(60_000, 19_500), 1);
        assert_eq!(r.retry_after(60_000, 25_000), 1, "never 0");
        let per_order = Rule::per_window("x", 5, 15 * MINUTE_MS);
        assert_eq!(per_order.retry_after(900_000, 0), 180);
    }
}
