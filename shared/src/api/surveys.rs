//! `/v1/surveys/…` and `/v1/admin/surveys/…`: asking whether to show a survey, saving and
//! dismissing it, and the merchant's report and settings. The rules behind the decisions live
//! in [`crate::survey`]; these types only carry them.

use crate::error::{ApiError, FieldIssue};
use crate::ids::OrderNumber;
use crate::locale::Locale;
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// Ask whether to show a survey now (and record that it is shown when the answer is yes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyPromptRequest {
    /// A random id per browser tab session: "one survey per visit" counts against it.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[!-~]{8,64}$"))]
    pub visit_id: String,
    /// The order the survey is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*#*[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[A-Za-z0-9._-]{1,32}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub order_number: Option<String>,
}

/// The server's decision plus the store's wording for this survey, in the shopper's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyPrompt {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// Show it or not, and why not.
    pub eligibility: crate::survey::Eligibility,
    /// The question, with the store's name in it.
    pub question: String,
    /// Label under the lowest score ("Not at all likely").
    pub low_label: String,
    /// Label under the highest score ("Extremely likely").
    pub high_label: String,
}

/// Longest survey comment, counted after trimming.
pub const MAX_SURVEY_COMMENT: usize = 2_000;

/// Create or update a survey response (PUT by a client-generated id: retries never duplicate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResponseInput {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// The score on the kind's scale.
    pub score: u8,
    /// The follow-up answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// A detractor asked the store to get in touch.
    #[serde(default)]
    pub wants_contact: bool,
    /// The order it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    /// The visit it was given in.
    pub visit_id: String,
}

/// The document states the server's check of a response: the score on its kind's scale (one
/// branch per kind), the comment's length once trimmed, the visit id and the order number's
/// shape. That the order is one of the shopper's own is data on the server.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for SurveyResponseInput {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use crate::api::schema::{order_number_pattern, tag, text, trimmed_pattern};
        use crate::survey::SurveyKind;
        use utoipa::openapi::schema::{
            KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat, Type,
        };
        let branch = |kind: SurveyKind, what: &str| {
            let (lo, hi) = kind.range();
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("kind", tag(kind.as_str(), what))
                .required("kind")
                .property(
                    "score",
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                        .minimum(Some(lo))
                        .maximum(Some(hi))
                        .description(Some("The score on the kind's scale.")),
                )
                .required("score")
                .property(
                    "comment",
                    text(
                        trimmed_pattern(MAX_SURVEY_COMMENT, true),
                        true,
                        "The follow-up answer (blank is none); at most 2,000 characters once \
                         trimmed.",
                    ),
                )
                .property(
                    "wants_contact",
                    ObjectBuilder::new()
                        .schema_type(Type::Boolean)
                        .description(Some("A detractor asked the store to get in touch.")),
                )
                .property(
                    "order_number",
                    text(
                        order_number_pattern(),
                        true,
                        "The order it is about, if any: one of the shopper's own (else `422`).",
                    ),
                )
                .property(
                    "visit_id",
                    text(
                        "^[!-~]{8,64}$".to_owned(),
                        false,
                        "The visit it was given in (8–64 visible ASCII characters).",
                    ),
                )
                .required("visit_id")
        };
        OneOfBuilder::new()
            .description(Some(
                "Create or update a survey response (PUT by a client-generated id: retries \
                 never duplicate).",
            ))
            .item(branch(SurveyKind::Nps, "NPS: a score of 0–10."))
            .item(branch(SurveyKind::Csat, "CSAT: a score of 1–5."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for SurveyResponseInput {}

/// A stored survey response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponse {
    /// The client-generated id.
    pub id: String,
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// The score.
    pub score: u8,
    /// Its category.
    pub category: crate::survey::Category,
    /// The follow-up answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Asked to be contacted.
    pub wants_contact: bool,
    /// The order it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<OrderNumber>,
    /// First saved.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

/// "Not now".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyDismissal {
    /// The visit it was dismissed in.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[!-~]{8,64}$"))]
    pub visit_id: String,
}

/// One comment in the merchant report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportComment {
    /// Response id.
    pub response_id: String,
    /// Score given.
    pub score: u8,
    /// Category.
    pub category: crate::survey::Category,
    /// What they wrote.
    pub comment: String,
    /// The order it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<OrderNumber>,
    /// Customer email (admin only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Asked to be contacted and not followed up yet.
    pub awaiting_follow_up: bool,
    /// When.
    pub created_at: Timestamp,
}

/// One week of the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyScore {
    /// Monday 00:00 UTC of the week.
    pub week_start: Timestamp,
    /// Responses that week.
    pub responses: u64,
    /// NPS (or CSAT % satisfied) that week; absent without responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
}

/// The merchant's survey report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyReport {
    /// Which survey.
    pub kind: crate::survey::SurveyKind,
    /// Responses counted.
    pub responses: u64,
    /// Promoters (NPS 9–10 / CSAT 4–5).
    pub promoters: u64,
    /// Passives.
    pub passives: u64,
    /// Detractors.
    pub detractors: u64,
    /// % promoters − % detractors (for CSAT: % promoters), absent without responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
    /// Responses per score, index = score (0–10 for NPS; 0 unused for CSAT).
    pub distribution: Vec<u64>,
    /// Weekly trend, oldest first.
    pub weekly: Vec<WeeklyScore>,
    /// Comments, newest first.
    pub comments: Vec<ReportComment>,
}

/// The store's wording of one survey in one language (`GET`/`PUT
/// /v1/admin/surveys/{kind}/settings`). `{store}` in any text is replaced by the store's name
/// when a prompt is served, so a rename does not leave stale questions behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyText {
    /// The language of these texts.
    pub locale: Locale,
    /// The question ("How likely are you to recommend {store} to a friend?"; not blank, at
    /// most 300 characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 300,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub question: String,
    /// Label under the lowest score (not blank, at most 60 characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 60,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub low_label: String,
    /// Label under the highest score (not blank, at most 60 characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 60,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub high_label: String,
}

/// Admin: one survey's recontact rules and wording, read and replaced as a whole, so a
/// merchant's survey settings page round-trips one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettings {
    /// When the survey may be shown (D, R, S, sampling).
    pub rules: crate::survey::SurveyRules,
    /// Wording per language (at most one entry per language); languages without an entry
    /// fall back to the store's default language, then to Aftercare's built-in wording.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = one_text_per_locale))]
    pub texts: Vec<SurveyText>,
    /// Also invite customers by email (topic `surveys`) when the rules say the survey may be
    /// shown: the message carries the scale as links to a hosted page. Off until turned on;
    /// guests are never invited.
    #[serde(default)]
    pub email_invitations: bool,
}

/// `texts` in the document: at most one entry per language, stated per language with
/// `contains` / `maxContains` (the languages are a closed list).
#[cfg(feature = "openapi")]
fn one_text_per_locale() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::extensions::Extensions;
    use utoipa::openapi::schema::ArrayBuilder;
    let once: Vec<serde_json::Value> = Locale::ALL
        .iter()
        .map(|l| {
            serde_json::json!({
                "contains": {
                    "type": "object",
                    "properties": {"locale": {"const": serde_json::to_value(l).unwrap_or_default()}},
                    "required": ["locale"],
                },
                "minContains": 0,
                "maxContains": 1,
            })
        })
        .collect();
    ArrayBuilder::new()
        .items(<SurveyText as utoipa::PartialSchema>::schema())
        .max_items(Some(Locale::ALL.len()))
        .description(Some(
            "Wording per language (at most one entry per language); languages without an \
             entry fall back to the store's default language, then to Aftercare's built-in \
             wording.",
        ))
        .extensions(Some(Extensions::from_iter([(
            "allOf",
            serde_json::Value::Array(once),
        )])))
        .build()
}

impl SurveySettings {
    /// Allowed D (days after the first delivery): same day to a year.
    pub const DELIVERY_DAYS: std::ops::RangeInclusive<u32> = 0..=365;
    /// Allowed R (days after a response): none to two years.
    pub const RESPONSE_DAYS: std::ops::RangeInclusive<u32> = 0..=730;
    /// Allowed S (days after a dismissal, doubled per further dismissal): one day to a year.
    pub const DISMISSAL_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
    /// Longest question.
    pub const MAX_QUESTION: usize = 300;
    /// Longest scale label.
    pub const MAX_LABEL: usize = 60;

    /// Every rule the settings must meet, all problems at once (run by the server on `PUT`,
    /// and usable by a settings form before sending).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        let r = &self.rules;
        p.in_range(
            "rules.days_after_first_delivery",
            r.days_after_first_delivery,
            &Self::DELIVERY_DAYS,
        );
        p.in_range(
            "rules.days_after_response",
            r.days_after_response,
            &Self::RESPONSE_DAYS,
        );
        p.in_range(
            "rules.days_after_dismissal",
            r.days_after_dismissal,
            &Self::DISMISSAL_DAYS,
        );
        p.in_range("rules.sample_percent", r.sample_percent, &(0..=100));
        for (i, t) in self.texts.iter().enumerate() {
            if self.texts[..i].iter().any(|o| o.locale == t.locale) {
                p.add(format!("texts[{i}].locale"), FieldIssue::Duplicate);
            }
            p.text(
                format!("texts[{i}].question"),
                &t.question,
                Self::MAX_QUESTION,
            );
            p.text(
                format!("texts[{i}].low_label"),
                &t.low_label,
                Self::MAX_LABEL,
            );
            p.text(
                format!("texts[{i}].high_label"),
                &t.high_label,
                Self::MAX_LABEL,
            );
        }
        p.finish()
    }
}

/// Admin: a response marked as followed up (`POST
/// /v1/admin/surveys/responses/{id}/followed-up`); repeating it keeps the first time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyFollowUp {
    /// The response id.
    pub response_id: String,
    /// When the merchant first marked it followed up.
    pub followed_up_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::SurveyRules;

    #[test]
    fn survey_settings_validation_names_every_bad_field() {
        let text = SurveyText {
            locale: Locale::Es,
            question: "¿Qué probabilidad hay de que recomiendes {store} a un amigo?".into(),
            low_label: "Nada probable".into(),
            high_label: "Muy probable".into(),
        };
        let ok = SurveySettings {
            rules: SurveyRules::default(),
            texts: vec![text.clone()],
            email_invitations: true,
        };
        assert!(ok.validate().is_ok());
        let v = serde_json::to_value(&ok).unwrap();
        assert_eq!(v["rules"]["days_after_dismissal"], 30);
        assert_eq!(v["texts"][0]["locale"], "es");
        let bad = SurveySettings {
            rules: SurveyRules {
                days_after_first_delivery: 400,
                days_after_response: 731,
                days_after_dismissal: 0,
                sample_percent: 101,
            },
            email_invitations: false,
            texts: vec![
                text.clone(),
                SurveyText {
                    question: " ".into(),
                    high_label: "x".repeat(61),
                    ..text
                },
            ],
        };
        let err = bad.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "rules.days_after_first_delivery",
                "rules.days_after_response",
                "rules.days_after_dismissal",
                "rules.sample_percent",
                "texts[1].locale",
                "texts[1].question",
                "texts[1].high_label"
            ]
        );
    }

    #[test]
    fn follow_up_wire_shape() {
        let f = SurveyFollowUp {
            response_id: "resp_12345678".into(),
            followed_up_at: Timestamp::from_utc_ms(0, 0),
        };
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({"response_id": "resp_12345678", "followed_up_at": "1970-01-01T00:00:00Z"})
        );
    }
}
