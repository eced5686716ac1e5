//! Enum values as the columns store them: their snake_case wire names.

use crate::error::{Error, Result};

/// The snake_case wire name of a serde enum value (what the columns store).
pub fn wire<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A stored wire name back.
pub fn from_wire<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| Error::internal(format!("unknown stored value {s:?}")))
}
