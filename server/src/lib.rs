//! Aftercare's reference API server as a library, so the binary, the integration tests and
//! `cargo xtask` all build the very same router and use the very same data access code.
//!
//! Layout follows launchbadge's realworld-axum-sqlx: `http/` holds one module per resource
//! (each exposing `router()`) plus the HTTP plumbing, the `Idempotency-Key` layer and the
//! OpenAPI document, `repo/` the SQL, `auth`/`rate_limit` the cross-cutting rules, and
//! `seed`/`import` the command-line data loaders.

#![warn(missing_docs)]

pub mod auth;
pub mod charts;
pub mod config;
pub mod db;
pub mod error;
pub mod http;
pub mod import;
pub mod mail;
pub mod ops;
pub mod photos;
pub mod qr;
pub mod rate_limit;
pub mod repo;
pub mod seed;
pub mod state;
mod util;

pub use config::Config;
pub use db::Db;
pub use error::{Error, Result};
pub use http::app;
pub use state::AppState;
pub use util::{constant_time_eq, now_ms, sha256_hex};
