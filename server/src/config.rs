//! Runtime configuration of `serve`: every knob has a flag and an environment variable.

use std::path::PathBuf;

/// What the HTTP app needs to know beyond the database (built by `main` from flags/env,
/// or directly by tests).
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the built SDK (`aftercare.js`, hashed wasm bundle) is served from under `/sdk/`.
    pub sdk_dir: PathBuf,
    /// The demo storefront served at `/`.
    pub demo_dir: PathBuf,
    /// Whether `/demo/customer-token` mints tokens (never enable in production).
    pub demo: bool,
    /// Take the client IP from `X-Forwarded-For` (only behind a proxy you control).
    pub trust_proxy: bool,
    /// Guest lookups allowed per store and client IP per minute.
    pub lookup_per_minute: u32,
    /// Guest lookups allowed per store and order number per 15 minutes.
    pub lookup_per_order: u32,
    /// "Helpful" votes allowed per store and client IP per minute.
    pub votes_per_minute: u32,
    /// This instance's name, sent as `x-aftercare-instance` on every answer so operators and
    /// tests behind a load balancer can tell which instance answered (none when unset).
    pub instance: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            sdk_dir: PathBuf::from("dist"),
            demo_dir: PathBuf::from("demo-site"),
            demo: false,
            trust_proxy: false,
            lookup_per_minute: 10,
            lookup_per_order: 5,
            votes_per_minute: 30,
            instance: None,
        }
    }
}
