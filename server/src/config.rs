//! Runtime configuration of `serve`: every knob has a flag and an environment variable.

use std::path::PathBuf;
use std::time::Duration;

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
    /// Console sign-in attempts allowed per user per 15 minutes (4× that per store and IP).
    pub console_sign_ins: u32,
    /// Photo uploads read and re-encoded at once (each up to ~1 s of a core and ~320 MB).
    pub photo_workers: usize,
    /// Photo uploads allowed to wait for a worker; past that they get `503` at once.
    pub photo_queue: usize,
    /// How long a queued photo upload waits for a worker before it gets `503`.
    pub photo_wait: Duration,
    /// Bearer token that `GET /metrics` requires; `None` turns the route off (404), so
    /// nothing about the server's traffic is public unless the operator asks for it.
    pub metrics_token: Option<String>,
    /// This instance's name, sent as `x-aftercare-instance` on every answer so operators and
    /// tests behind a load balancer can tell which instance answered (none when unset).
    pub instance: Option<String>,
    /// Where shoppers' browsers reach this server (no trailing `/`), for the embed snippets
    /// the console writes; `None`: the address the console was opened at.
    pub public_url: Option<String>,
    /// The SMTP server emails go through (`smtp://user:pass@host:587?tls=required`); `None`:
    /// they are written as `.eml` files into [`Config::mail_dir`].
    pub smtp_url: Option<String>,
    /// Where emails are written without an SMTP server (the embedded default).
    pub mail_dir: PathBuf,
    /// The sender address of every email (shown under the store's name).
    pub mail_from: String,
}

/// Default photo queue length for `workers` workers: twice as many may wait.
pub fn default_photo_queue(workers: usize) -> usize {
    workers.max(1) * 2
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
            console_sign_ins: crate::rate_limit::CONSOLE_PER_USER,
            photo_workers: crate::photos::limit::default_workers(),
            photo_queue: default_photo_queue(crate::photos::limit::default_workers()),
            photo_wait: Duration::from_secs(5),
            metrics_token: None,
            instance: None,
            public_url: None,
            smtp_url: None,
            mail_dir: PathBuf::from("outbox"),
            mail_from: "no-reply@aftercare.localhost".into(),
        }
    }
}
