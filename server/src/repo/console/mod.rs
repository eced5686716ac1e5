//! The merchants' console's own data: its users, their sessions, the audit log, and the
//! Today page's read model. Everything a page acts on (returns, reviews, requests, surveys) goes
//! through the same repository functions as the admin API.

pub mod audit;
pub mod catalog;
pub mod orders;
pub mod reviews;
pub mod sessions;
pub mod today;
pub mod users;
