//! Rate limits (governor GCRA, in memory per server instance).
//!
//! Two limits guard `POST /v1/orders/lookup` against enumeration: per store and client IP
//! (default 10 a minute) and per store and order number (default 5 per 15 minutes), so
//! neither one IP scanning many orders nor many IPs guessing one order's email get far.
//! [`IpLimit`] caps anonymous writes per store and client IP ("helpful" votes: 30 a minute),
//! so one script cannot push a review up by minting voter ids.

use crate::error::Error;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// The two lookup limiters.
pub struct LookupLimits {
    per_ip: DefaultKeyedRateLimiter<String>,
    per_order: DefaultKeyedRateLimiter<String>,
}

impl LookupLimits {
    /// Limiters allowing `per_minute` lookups per IP a minute and `per_order` per order
    /// number per 15 minutes (both at least 1).
    pub fn new(per_minute: u32, per_order: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute.max(1)).expect("non-zero");
        let per_order = NonZeroU32::new(per_order.max(1)).expect("non-zero");
        let order_period = Duration::from_secs(15 * 60) / per_order.get();
        Self {
            per_ip: RateLimiter::keyed(Quota::per_minute(per_minute)),
            per_order: RateLimiter::keyed(
                Quota::with_period(order_period)
                    .expect("non-zero period")
                    .allow_burst(per_order),
            ),
        }
    }

    /// Count one lookup; `Err(RateLimited(seconds))` when either limit is exhausted.
    pub fn check(&self, store_id: i64, ip: IpAddr, order_number: &str) -> Result<(), Error> {
        check_key(&self.per_ip, format!("{store_id}|{ip}"))?;
        check_key(&self.per_order, format!("{store_id}|{order_number}"))?;
        Ok(())
    }

    /// Forget keys whose limits have fully recovered (bounded memory).
    pub fn purge(&self) {
        self.per_ip.retain_recent();
        self.per_order.retain_recent();
    }
}

fn check_key(limiter: &DefaultKeyedRateLimiter<String>, key: String) -> Result<(), Error> {
    limiter.check_key(&key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        Error::RateLimited(wait.as_secs_f64().ceil().max(1.0) as u64)
    })
}

/// One per-store, per-client-IP limit a minute (anonymous writes such as "helpful" votes).
pub struct IpLimit(DefaultKeyedRateLimiter<String>);

impl IpLimit {
    /// A limiter allowing `per_minute` requests per store and IP a minute (at least 1).
    pub fn per_minute(per_minute: u32) -> Self {
        let n = NonZeroU32::new(per_minute.max(1)).expect("non-zero");
        Self(RateLimiter::keyed(Quota::per_minute(n)))
    }

    /// Count one request; `Err(RateLimited(seconds))` when the limit is exhausted.
    pub fn check(&self, store_id: i64, ip: IpAddr) -> Result<(), Error> {
        check_key(&self.0, format!("{store_id}|{ip}"))
    }

    /// Forget keys whose limits have fully recovered (bounded memory).
    pub fn purge(&self) {
        self.0.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_order_limit_applies_across_ips() {
        let l = LookupLimits::new(100, 2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(l.check(1, a, "1001").is_ok());
        assert!(l.check(1, b, "1001").is_ok());
        match l.check(1, a, "1001") {
            Err(Error::RateLimited(s)) => assert!((1..=450).contains(&s)),
            other => panic!("expected rate limit, got {other:?}"),
        }
        assert!(l.check(2, a, "1001").is_ok(), "limits are per store");
    }

    #[test]
    fn ip_limit_is_per_store_and_ip() {
        let l = IpLimit::per_minute(2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(l.check(1, a).is_ok());
        assert!(l.check(1, a).is_ok());
        assert!(matches!(l.check(1, a), Err(Error::RateLimited(s)) if (1..=60).contains(&s)));
        assert!(l.check(1, "10.0.0.2".parse().unwrap()).is_ok());
        assert!(l.check(2, a).is_ok());
    }
}
