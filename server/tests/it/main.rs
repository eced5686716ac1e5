//! The server's integration tests, one module per theme, linked into one test binary: one
//! binary instead of one per file (56 of them, about 280 MB each with full debug info) keeps a
//! test build small and links once. Run one theme with
//! `cargo test -p aftercare-server --test it <module>::`. Two tests keep a binary of their own
//! because they read process-wide state: `tests/logs.rs` (tracing's callsite cache) and
//! `tests/photos_flood.rs` (the process's peak memory).

mod common;

mod admin;
mod auth;
mod backup;
mod client;
mod cluster;
mod console_auth;
mod console_branding;
mod console_orders;
mod console_owner;
mod console_pages;
mod console_reviews;
mod console_settings_emails;
mod console_settings_feedback;
mod console_settings_returns;
mod email_calendar;
mod email_consent;
mod email_durability;
mod email_engagement;
mod email_miss_you;
mod email_news;
mod email_reviews;
mod email_surveys;
mod emails;
mod http_misc;
mod idempotency;
mod languages;
mod lookup;
mod operations;
mod order_requests;
mod order_requests_decisions;
mod order_requests_race;
mod orders_list;
mod orders_list_rows;
mod overview;
mod photos_busy;
mod postgres;
mod postgres_emails;
mod preferences;
mod privacy;
mod privacy_export_mail;
mod profile;
mod retention;
mod returns_create;
mod returns_eligibility;
mod returns_workflow;
mod reviews;
mod reviews_client;
mod reviews_data;
mod reviews_helpful;
mod reviews_links;
mod reviews_moderation;
mod reviews_photos_rewards;
mod seed_import;
mod smtp;
mod store_settings;
mod survey_reports;
mod survey_responses;
mod survey_rules;
mod tracking_demo;
mod tracking_insights;
mod tracking_timeline;
