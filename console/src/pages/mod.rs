//! One module per console page: each takes the reader's [`Ctx`](crate::Ctx) (or a locale,
//! outside a session) and plain data, and returns the whole document.

pub mod account;
pub mod audit;
pub mod branding;
pub mod embed;
pub mod form;
pub mod insights;
pub mod insights_emails;
pub mod keys;
pub mod order;
pub mod orders;
pub mod problem;
pub mod requests;
pub mod return_detail;
pub mod returns;
pub mod review_import;
pub mod reviews;
pub mod settings;
pub mod settings_emails;
pub mod settings_returns;
pub mod settings_reviews;
pub mod settings_surveys;
pub mod settings_tabs;
pub mod setup;
pub mod sign_in;
pub mod surveys;
pub mod today;
pub mod users;
