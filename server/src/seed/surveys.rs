//! The demo store's surveys: default settings and wording, and the seeded answers of
//! `surveys.json` for the merchant insights page.

use super::format::{self, parse};
use crate::db::Db;
use crate::error::Result;
use crate::repo::surveys as repo;
use aftercare_shared::api::SurveySettings;
use aftercare_shared::survey::{SurveyKind, SurveyRules};
use aftercare_shared::Locale;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SurveysFile {
    #[serde(rename = "about")]
    _about: String,
    responses: Vec<Response>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Response {
    id: String,
    subject: String,
    kind: SurveyKind,
    score: u8,
    comment: Option<String>,
    #[serde(default)]
    wants_contact: bool,
    /// A span from now (`-40d-1h`) or a day-anchored time (`-76d@08:00`).
    created: String,
    /// Instead of a day-anchored `created` still to come today (a span from now; default now).
    if_future: Option<String>,
    /// A span from `created`.
    followed_up: Option<String>,
    order_number: Option<String>,
    email: Option<String>,
}

impl Response {
    fn created_at_ms(&self, now_ms: i64) -> Result<i64> {
        if !self.created.contains('@') {
            return Ok(now_ms + format::span_ms(&self.created)?);
        }
        let at = format::day_time_ms(&self.created, now_ms)?;
        if at <= now_ms {
            return Ok(at);
        }
        let instead = self.if_future.as_deref().map(format::span_ms).transpose()?;
        Ok(now_ms + instead.unwrap_or(0))
    }
}

/// The demo store's survey settings: default rules (D=3, R=90, S=30, 100 %) and the wording
/// in English and Spanish for NPS and CSAT (`{store}` becomes "Aurora Outfitters"); NPS
/// invitations by email on, so the demo outbox shows one.
pub fn demo_survey_settings(kind: SurveyKind) -> SurveySettings {
    SurveySettings {
        rules: SurveyRules::default(),
        texts: Locale::ALL
            .iter()
            .map(|l| repo::default_text(kind, *l))
            .collect(),
        email_invitations: kind == SurveyKind::Nps,
    }
}

/// The seeded answers of `surveys.json`, with times relative to `now_ms`.
pub fn demo_survey_responses(now_ms: i64) -> Result<Vec<repo::SeedResponse>> {
    let file: SurveysFile = parse("surveys.json", include_str!("surveys.json"))?;
    file.responses
        .into_iter()
        .map(|r| {
            let created_at_ms = r.created_at_ms(now_ms)?;
            let followed_up = r.followed_up.as_deref().map(format::span_ms).transpose()?;
            Ok(repo::SeedResponse {
                id: r.id,
                subject_key: r.subject,
                kind: r.kind,
                score: r.score,
                comment: r.comment,
                wants_contact: r.wants_contact,
                followed_up_at_ms: followed_up.map(|after| created_at_ms + after),
                order_number: r.order_number,
                email: r.email,
                created_at_ms,
            })
        })
        .collect()
}

/// Write the demo store's survey settings and seeded responses (idempotent: settings are
/// replaced, responses upserted by their fixed ids with times relative to `now_ms`).
pub async fn seed_surveys(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    for kind in [SurveyKind::Nps, SurveyKind::Csat] {
        repo::put_settings(db, store_id, kind, &demo_survey_settings(kind)).await?;
    }
    repo::upsert_seed_responses(db, store_id, &demo_survey_responses(now_ms)?).await
}
