//! How order values are stored in columns and read back: email hashes, timestamps with
//! their offsets, exception reasons, quantities and ETA windows.

use crate::error::{Error, Result};
use aftercare_shared::tracking::EtaWindow;
use aftercare_shared::{Email, ExceptionReason, Timestamp};

/// The hash stored for a normalised email: guest lookups compare hashes in constant time.
pub fn email_hash(email: &Email) -> String {
    crate::util::sha256_hex(format!("aftercare-email-v1:{}", email.as_str()))
}

/// A stored (ms, offset) pair back as a timestamp.
pub(super) fn ts(ms: Option<i64>, offset: Option<i64>) -> Option<Timestamp> {
    ms.map(|utc_ms| Timestamp {
        utc_ms,
        offset_minutes: offset.and_then(|o| i16::try_from(o).ok()),
    })
}

/// The offset column of a timestamp.
pub(super) fn offset(t: Option<&Timestamp>) -> Option<i64> {
    t.and_then(|t| t.offset_minutes).map(i64::from)
}

/// The wire name of a reason (`customs_hold`), which is also what the column stores.
pub(super) fn reason_wire(r: ExceptionReason) -> Option<String> {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// A stored reason back; an unknown name (written by a newer server) reads as `other`.
pub(super) fn reason_from_wire(s: &str) -> ExceptionReason {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .unwrap_or(ExceptionReason::Other)
}

/// A stored quantity back.
pub(super) fn u32_of(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| Error::internal(format!("stored quantity {v} out of range")))
}

/// The `(earliest ms, offset, latest ms, offset)` a window is stored and compared as.
pub(super) type EtaRow = (i64, Option<i64>, i64, Option<i64>);

/// A window as it is stored.
pub(super) fn eta_row(w: &EtaWindow) -> EtaRow {
    (
        w.earliest.utc_ms,
        offset(Some(&w.earliest)),
        w.latest.utc_ms,
        offset(Some(&w.latest)),
    )
}

/// A stored window back.
pub(super) fn eta_of(row: EtaRow) -> Option<EtaWindow> {
    Some(EtaWindow {
        earliest: ts(Some(row.0), row.1)?,
        latest: ts(Some(row.2), row.3)?,
    })
}
