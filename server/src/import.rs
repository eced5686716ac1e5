//! `aftercare-server import FILE --store pk_…`: load a shared `ImportFile` (orders with
//! items, parcels and events) through the same code path as the admin `PUT`.
//!
//! Each order is validated and written in its own transaction: an invalid order is reported
//! with every bad field and nothing of it is written; valid orders in the same file still are.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::{orders, stores};
use aftercare_shared::api::ImportFile;
use std::fmt::Write as _;
use std::path::Path;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Orders created.
    pub created: usize,
    /// Orders replaced.
    pub replaced: usize,
    /// Orders refused: (index in the file, order number as given, why).
    pub failed: Vec<(usize, String, Error)>,
}

impl ImportReport {
    /// A human summary with one block per refused order and one line per bad field.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, number, err) in &self.failed {
            let _ = writeln!(
                out,
                "order #{i} ({number:?}): {}",
                err.to_api_error().message
            );
            if let Error::Api(api) = err {
                for f in &api.fields {
                    let _ = writeln!(out, "  - orders[{i}].{}: {}", f.field, f.message);
                }
            }
        }
        let _ = write!(
            out,
            "{} created, {} replaced, {} refused",
            self.created,
            self.replaced,
            self.failed.len()
        );
        out
    }
}

/// Read and parse an import file, with the JSON error's line and column on failure.
pub fn read_file(path: &Path) -> Result<ImportFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::internal(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::bad_request(format!(
            "{} is not a valid import file: {e} (line {}, column {})",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

/// Import every order of `file` into the store with this publishable key.
pub async fn import(db: &Db, publishable_key: &str, file: &ImportFile) -> Result<ImportReport> {
    let store = stores::by_publishable_key(db, publishable_key)
        .await?
        .ok_or_else(|| Error::bad_request(format!("no store with key {publishable_key:?}")))?;
    let mut report = ImportReport::default();
    for (i, order) in file.orders.iter().enumerate() {
        match orders::put_order(db, store.id, order).await {
            Ok(outcome) if outcome.created => report.created += 1,
            Ok(_) => report.replaced += 1,
            Err(e @ (Error::Api(_) | Error::Conflict(_) | Error::NotFound)) => {
                report.failed.push((i, order.order_number.clone(), e));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}
