//! Shared application state handed to every handler.

use crate::config::Config;
use crate::db::Db;
use crate::error::Result;
use crate::photos::limit::PhotoLimiter;
use crate::rate_limit::Limits;
use axum::http::HeaderValue;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Everything a request may need; cheap to clone (all `Arc`s). Nothing here is state a
/// request on another instance could miss: rate limits, idempotency records and the demo
/// clock live in the database; the origin cache only speeds up CORS answers and reloads on
/// a miss (see [`OriginCache`]).
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Runtime configuration.
    pub config: Arc<Config>,
    /// The rate limits (rules only; their counts are in the database).
    pub limits: Arc<Limits>,
    /// Every store's allowed origins, for CORS preflights (which carry no key).
    pub origins: OriginCache,
    /// Bounds the photo uploads re-encoded (and waiting) at once.
    pub photo_limit: PhotoLimiter,
    /// Renders the Prometheus metrics this process records (`GET /metrics`).
    pub metrics: Option<crate::ops::metrics::Handle>,
}

impl AppState {
    /// Build the state and load the origin cache.
    pub async fn new(db: Db, config: Config) -> Result<Self> {
        let limits = Arc::new(Limits::new(&config));
        // The recorder first, so the limiter's gauges are registered with it.
        let metrics = crate::ops::metrics::install();
        let photo_limit =
            PhotoLimiter::new(config.photo_workers, config.photo_queue, config.photo_wait);
        let state = Self {
            photo_limit,
            metrics,
            origins: OriginCache::new(db.clone()),
            db,
            config: Arc::new(config),
            limits,
        };
        state.refresh_origins().await?;
        Ok(state)
    }

    /// Reload the allowed-origin patterns from the database (after store changes).
    pub async fn refresh_origins(&self) -> Result<()> {
        self.origins.reload().await
    }

    /// "Now" for a survey subject's decisions and writes: the real time, shifted by the demo
    /// clock when the server runs with `--demo` (so end-to-end tests can skip days). The
    /// shift is read from the database, so every instance agrees on it.
    pub async fn survey_now(&self, subject_key: &str) -> Result<i64> {
        let now = crate::util::now_ms();
        if self.config.demo {
            Ok(now + crate::repo::demo_clock::offset_ms(&self.db, subject_key).await?)
        } else {
            Ok(now)
        }
    }

    /// Keep the origin cache fresh while the server runs (stores change from other
    /// processes) and purge recovered rate limits.
    pub fn spawn_origin_refresher(&self) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(30));
            loop {
                tick.tick().await;
                if let Err(e) = state.refresh_origins().await {
                    tracing::warn!(error = %e, "could not refresh allowed origins");
                }
                if let Err(e) = crate::rate_limit::purge(&state.db).await {
                    tracing::warn!(error = %e, "could not purge rate limits");
                }
            }
        });
    }
}

/// Least time between two reloads of the origin cache caused by misses, so requests with
/// unknown origins cannot turn into one database query each.
pub const ORIGIN_RELOAD_MIN_INTERVAL: Duration = Duration::from_secs(1);

/// In-memory copy of every store's origin patterns for the CORS layer. Refreshed every 30 s,
/// and on a miss reloaded from the database (at most once per
/// [`ORIGIN_RELOAD_MIN_INTERVAL`], one reload at a time), so an origin added through another
/// instance is honoured on the next request rather than 30 s later. A removed origin may
/// still get CORS headers for up to 30 s; the key check on the request itself
/// ([`crate::auth::PublicStore`]) always reads the database, so it is refused regardless.
#[derive(Clone)]
pub struct OriginCache {
    db: Db,
    patterns: Arc<RwLock<Arc<Vec<String>>>>,
    last_reload: Arc<tokio::sync::Mutex<Option<Instant>>>,
}

impl OriginCache {
    /// An empty cache over `db` (call [`Self::reload`] to fill it).
    pub fn new(db: Db) -> Self {
        Self {
            db,
            patterns: Arc::default(),
            last_reload: Arc::default(),
        }
    }

    /// Swap in a new set of patterns.
    pub fn replace(&self, patterns: Vec<String>) {
        if let Ok(mut guard) = self.patterns.write() {
            *guard = Arc::new(patterns);
        }
    }

    /// Read every store's patterns from the database.
    pub async fn reload(&self) -> Result<()> {
        let patterns = crate::repo::stores::all_origins(&self.db).await?;
        self.replace(patterns);
        Ok(())
    }

    /// Whether some store allows this `Origin` in the cached patterns.
    pub fn allows_cached(&self, origin: &HeaderValue) -> bool {
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        let patterns = match self.patterns.read() {
            Ok(g) => g.clone(),
            Err(_) => return false,
        };
        patterns.iter().any(|p| origin_matches(p, origin))
    }

    /// Whether some store allows this `Origin` (preflights cannot tell which store): the
    /// cache, then on a miss a bounded reload from the database.
    pub async fn allows(&self, origin: &HeaderValue) -> bool {
        if self.allows_cached(origin) {
            return true;
        }
        if origin.to_str().is_err() {
            return false;
        }
        {
            let mut last = self.last_reload.lock().await;
            let due = last.is_none_or(|t| t.elapsed() >= ORIGIN_RELOAD_MIN_INTERVAL);
            if !due {
                // Another request reloaded a moment ago (or is reloading: we waited for it).
                drop(last);
                return self.allows_cached(origin);
            }
            *last = Some(Instant::now());
            if let Err(e) = self.reload().await {
                tracing::warn!(error = %e, "could not reload allowed origins");
                return false;
            }
        }
        self.allows_cached(origin)
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
