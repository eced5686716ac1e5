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
pub mod photos;
pub mod qr;
pub mod rate_limit;
pub mod repo;
pub mod seed;
pub mod state;

pub use config::Config;
pub use db::Db;
pub use error::{Error, Result};
pub use http::app;
pub use state::AppState;

/// Milliseconds since the Unix epoch, the unit every timestamp column stores.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Hex-encoded SHA-256, used for email hashes, credential scopes and request fingerprints.
pub fn sha256_hex(data: impl AsRef<[u8]>) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data.as_ref());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Compare two byte strings without an early exit, so timing does not leak where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
