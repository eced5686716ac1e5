//! The console's secrets: random tokens from the operating system, argon2id password hashes,
//! and RFC 6238 codes. Hashing and verifying run on a blocking thread (tens of milliseconds
//! of CPU each, by design).

use crate::error::{Error, Result};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use totp_rs::{Algorithm, Secret, TOTP};

/// 256 random bits, base64url: session ids, CSRF and setup tokens.
pub fn token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The argon2id PHC string of `password` under a fresh salt.
pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// A hash of a password nobody has, verified against when the email is unknown so that
/// answering takes as long as for a real account.
const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$6TfJ7PDuH1CHH+tqfqKGYmVbQWjWcS1xpnbvYM3PMaM";

/// Whether `password` matches the PHC string `hash` (`None`: no account, checked against
/// a decoy so the time taken does not tell).
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let stored = hash.unwrap_or_else(|| DECOY.to_owned());
        let parsed = PasswordHash::new(&stored).map_err(|e| Error::Internal(e.to_string()))?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && ok)
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// A new TOTP secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_totp_secret() -> Result<String> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
    Ok(Secret::Raw(bytes.to_vec()).to_encoded().to_string())
}

fn totp(secret_b32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_owned()).to_bytes().ok()?;
    // SHA-1, 6 digits, 30 s steps: what every authenticator app reads; one step of skew
    // either way for clocks and typing time.
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).ok()
}

/// Whether `code` is the current (±30 s) code of `secret_b32` at unix second `now_s`.
pub fn totp_matches(secret_b32: &str, code: &str, now_s: u64) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    code.len() == 6 && totp(secret_b32).is_some_and(|t| t.check(&code, now_s))
}

/// The code of `secret_b32` at unix second `now_s` (tests and the demo).
pub fn totp_code(secret_b32: &str, now_s: u64) -> Option<String> {
    totp(secret_b32).map(|t| t.generate(now_s))
}

/// The `otpauth://` URI an authenticator app scans.
pub fn otpauth_uri(secret_b32: &str, store: &str, email: &str) -> String {
    let label = format!("{store}:{email}");
    format!(
        "otpauth://totp/{}?secret={secret_b32}&issuer={}&algorithm=SHA1&digits=6&period=30",
        aftercare_console::html::query_value(&label),
        aftercare_console::html::query_value(store)
    )
}

/// Compare two tokens in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("correct horse battery".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!verify_password("correct horse batterY".into(), Some(hash))
            .await
            .unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }

    #[test]
    fn rfc6238_vector_and_skew() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" at T = 59 s: 94287082
        // (8 digits); its last 6 digits are the 6-digit code.
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        assert_eq!(totp_code(&secret, 59).as_deref(), Some("287082"));
        assert!(totp_matches(&secret, "287082", 59));
        assert!(
            totp_matches(&secret, "287 082", 59 + 30),
            "one step late is accepted"
        );
        assert!(!totp_matches(&secret, "287082", 59 + 90));
        assert!(!totp_matches(&secret, "28708", 59));
    }

    #[test]
    fn tokens_are_long_random_and_distinct() {
        let (a, b) = (token().unwrap(), token().unwrap());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same(&a, "short"));
    }
}
