//! NPS and CSAT surveys: per-store rules and wording, displays, responses, dismissals and the
//! merchant report.
//!
//! Whether a survey may be shown is never decided here: this module only gathers a
//! subject's [`SurveyHistory`](aftercare_shared::survey::SurveyHistory) from the database;
//! `shared::survey::eligibility` decides.
//!
//! One file per concern: `settings` (rules and wording), `history` (subjects, displays,
//! dismissals), `invite` (invitations by email), `responses` (answers and follow-ups), `report` and `csv`. Everything is
//! re-exported here, so callers name `repo::surveys::…` whatever file it lives in.

mod csv;
mod history;
mod invite;
mod report;
mod responses;
mod settings;

pub use csv::{csv_cell, csv_filename, to_csv, CSV_COLUMNS};
pub use history::{history, record_dismissal, record_display, valid_visit_id, Subject};
pub use invite::{invitations, SURVEY_INVITE_EVERY};
pub use report::{
    all_responses, build_report, headline_score, report, week_start_ms, ResponseRecord, DAY_MS,
    MAX_REPORT_COMMENTS, WEEK_MS,
};
pub use responses::{
    mark_followed_up, put_response, upsert_seed_responses, valid_response_id, validate_response,
    PutResponse, SeedResponse, MAX_COMMENT,
};
pub(crate) use responses::{response_of, ResponseRow, RESPONSE_COLUMNS};
pub use settings::{default_text, personalise, put_settings, rules, settings, text_for};
