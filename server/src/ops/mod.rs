//! Running the server in production: metrics, logs, backups and the retention jobs.
//!
//! None of this serves shoppers or merchants; it is what an operator needs to see the server
//! is healthy, keep its database small and copy it away. See `docs/OPERATIONS.md`.

pub mod backup;
pub mod logging;
pub mod metrics;
pub mod retention;
