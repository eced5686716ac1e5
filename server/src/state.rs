//! Shared application state handed to every handler.

use crate::config::Config;
use crate::db::Db;
use crate::error::Result;
use crate::photos::limit::PhotoLimiter;
use crate::rate_limit::{IpLimit, LookupLimits};
use axum::http::HeaderValue;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Everything a request may need; cheap to clone (all `Arc`s).
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Runtime configuration.
    pub config: Arc<Config>,
    /// Guest-lookup rate limiters.
    pub limits: Arc<LookupLimits>,
    /// "Helpful" vote limiter (per store and client IP).
    pub vote_limit: Arc<IpLimit>,
    /// Every store's allowed origins, for CORS preflights (which carry no key).
    pub origins: OriginCache,
    /// Demo-only time shifts per survey subject (`POST /demo/clock`).
    pub survey_clock: SurveyClock,
    /// Bounds the photo uploads re-encoded (and waiting) at once.
    pub photo_limit: PhotoLimiter,
    /// Renders the Prometheus metrics this process records (`GET /metrics`).
    pub metrics: Option<crate::ops::metrics::Handle>,
}

impl AppState {
    /// Build the state and load the origin cache.
    pub async fn new(db: Db, config: Config) -> Result<Self> {
        let limits = Arc::new(LookupLimits::new(
            config.lookup_per_minute,
            config.lookup_per_order,
        ));
        let vote_limit = Arc::new(IpLimit::per_minute(config.votes_per_minute));
        // The recorder first, so the limiter's gauges are registered with it.
        let metrics = crate::ops::metrics::install();
        let photo_limit =
            PhotoLimiter::new(config.photo_workers, config.photo_queue, config.photo_wait);
        let state = Self {
            photo_limit,
            metrics,
            db,
            config: Arc::new(config),
            limits,
            vote_limit,
            origins: OriginCache::default(),
            survey_clock: SurveyClock::default(),
        };
        state.refresh_origins().await?;
        Ok(state)
    }

    /// Reload the allowed-origin patterns from the database (after store changes).
    pub async fn refresh_origins(&self) -> Result<()> {
        let patterns = crate::repo::stores::all_origins(&self.db).await?;
        self.origins.replace(patterns);
        Ok(())
    }

    /// "Now" for a survey subject's decisions and writes: the real time, shifted by the demo
    /// clock when the server runs with `--demo` (so end-to-end tests can skip days).
    pub fn survey_now(&self, subject_key: &str) -> i64 {
        let now = crate::util::now_ms();
        if self.config.demo {
            now + self.survey_clock.offset_ms(subject_key)
        } else {
            now
        }
    }

    /// Keep the origin cache fresh while the server runs (stores change from other processes).
    pub fn spawn_origin_refresher(&self) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
            loop {
                tick.tick().await;
                if let Err(e) = state.refresh_origins().await {
                    tracing::warn!(error = %e, "could not refresh allowed origins");
                }
                state.limits.purge();
                state.vote_limit.purge();
            }
        });
    }
}

/// Per-subject time offsets (milliseconds) for the demo clock, in memory only: a restart
/// returns everyone to the real time.
#[derive(Clone, Default)]
pub struct SurveyClock(Arc<RwLock<HashMap<String, i64>>>);

impl SurveyClock {
    /// The offset applied to `subject_key` (0 when never advanced).
    pub fn offset_ms(&self, subject_key: &str) -> i64 {
        self.0
            .read()
            .map(|m| m.get(subject_key).copied().unwrap_or(0))
            .unwrap_or(0)
    }

    /// Move `subject_key`'s clock by `ms` (cumulative); returns the new offset.
    pub fn advance(&self, subject_key: &str, ms: i64) -> i64 {
        match self.0.write() {
            Ok(mut m) => {
                let v = m.entry(subject_key.to_owned()).or_insert(0);
                *v = v.saturating_add(ms);
                *v
            }
            Err(_) => 0,
        }
    }
}

/// In-memory copy of every store's origin patterns, read synchronously by the CORS layer.
#[derive(Clone, Default)]
pub struct OriginCache(Arc<RwLock<Arc<Vec<String>>>>);

impl OriginCache {
    /// Swap in a new set of patterns.
    pub fn replace(&self, patterns: Vec<String>) {
        if let Ok(mut guard) = self.0.write() {
            *guard = Arc::new(patterns);
        }
    }

    /// Whether some store allows this `Origin` (preflights cannot tell which store).
    pub fn allows(&self, origin: &HeaderValue) -> bool {
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        let patterns = match self.0.read() {
            Ok(g) => g.clone(),
            Err(_) => return false,
        };
        patterns.iter().any(|p| origin_matches(p, origin))
    }
}

/// Whether `origin` matches an allowlist entry: exact (case-insensitive scheme and host),
/// or with a trailing `:*` any port (or none) on that scheme and host.
pub fn origin_matches(pattern: &str, origin: &str) -> bool {
    let pattern = pattern.trim().trim_end_matches('/');
    if let Some(base) = pattern.strip_suffix(":*") {
        if origin.eq_ignore_ascii_case(base) {
            return true;
        }
        match origin.get(..base.len()) {
            Some(head) if head.eq_ignore_ascii_case(base) => {
                let rest = &origin[base.len()..];
                rest.strip_prefix(':').is_some_and(|port| {
                    !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
                })
            }
            _ => false,
        }
    } else {
        pattern.eq_ignore_ascii_case(origin)
    }
}

#[cfg(test)]
mod tests {
    use super::origin_matches;

    #[test]
    fn wildcard_port_matches_only_ports() {
        let p = "http://127.0.0.1:*";
        assert!(origin_matches(p, "http://127.0.0.1:8080"));
        assert!(origin_matches(p, "http://127.0.0.1"));
        assert!(!origin_matches(p, "http://127.0.0.1.evil.com"));
        assert!(!origin_matches(p, "http://127.0.0.1:80.evil.com"));
        assert!(!origin_matches(p, "https://127.0.0.1:8080"));
        assert!(origin_matches(
            "https://shop.example",
            "https://shop.example"
        ));
        assert!(!origin_matches(
            "https://shop.example",
            "https://shop.example:444"
        ));
    }
}
