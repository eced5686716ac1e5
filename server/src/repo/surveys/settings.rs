//! A store's survey rules and wording per kind (defaults until saved), and the wording a
//! shopper gets in their language.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::stores::StoreRow;
use aftercare_shared::api::{SurveySettings, SurveyText};
use aftercare_shared::survey::{SurveyKind, SurveyRules};
use aftercare_shared::Locale;

/// The built-in wording, used when the store wrote none for a language.
pub fn default_text(kind: SurveyKind, locale: Locale) -> SurveyText {
    use aftercare_shared::i18n::{t, Msg};
    SurveyText {
        locale,
        question: t(locale, Msg::SurveyQuestion(kind)),
        low_label: t(locale, Msg::SurveyLow(kind)),
        high_label: t(locale, Msg::SurveyHigh(kind)),
    }
}

/// Put the store's name where the text says `{store}`.
pub fn personalise(text: &str, store_name: &str) -> String {
    text.replace("{store}", store_name)
}

fn to_u32(v: i64, default: u32) -> u32 {
    u32::try_from(v).unwrap_or(default)
}

/// The store's rules for `kind` (defaults when never configured).
pub async fn rules(db: &Db, store_id: i64, kind: SurveyKind) -> Result<SurveyRules> {
    let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT days_after_first_delivery, days_after_response, days_after_dismissal, sample_percent \
         FROM survey_settings WHERE store_id = $1 AND kind = $2",
    )
    .bind(store_id)
    .bind(kind.as_str())
    .fetch_optional(&db.pool)
    .await?;
    let d = SurveyRules::default();
    Ok(match row {
        None => d,
        Some((dd, r, s, pct)) => SurveyRules {
            days_after_first_delivery: to_u32(dd, d.days_after_first_delivery),
            days_after_response: to_u32(r, d.days_after_response),
            days_after_dismissal: to_u32(s, d.days_after_dismissal),
            sample_percent: u8::try_from(pct).unwrap_or(d.sample_percent).min(100),
        },
    })
}

/// The store's settings document for `kind` (rules + every stored text, by language).
pub async fn settings(db: &Db, store_id: i64, kind: SurveyKind) -> Result<SurveySettings> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT locale, question, low_label, high_label FROM survey_texts \
         WHERE store_id = $1 AND kind = $2 ORDER BY locale",
    )
    .bind(store_id)
    .bind(kind.as_str())
    .fetch_all(&db.pool)
    .await?;
    let texts = rows
        .into_iter()
        .map(|(locale, question, low_label, high_label)| {
            let locale = Locale::from_tag(&locale)
                .ok_or_else(|| Error::internal(format!("stored survey locale {locale:?}")))?;
            Ok(SurveyText {
                locale,
                question,
                low_label,
                high_label,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let email_invitations: Option<i64> = sqlx::query_scalar(
        "SELECT email_invitations FROM survey_settings WHERE store_id = $1 AND kind = $2",
    )
    .bind(store_id)
    .bind(kind.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(SurveySettings {
        rules: rules(db, store_id, kind).await?,
        texts,
        email_invitations: email_invitations.unwrap_or(0) != 0,
    })
}

/// Validate and replace the settings of `kind` as a whole (texts replaced by language).
pub async fn put_settings(
    db: &Db,
    store_id: i64,
    kind: SurveyKind,
    s: &SurveySettings,
) -> Result<()> {
    s.validate()?;
    let r = &s.rules;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO survey_settings (store_id, kind, days_after_first_delivery, days_after_response, \
         days_after_dismissal, sample_percent, updated_at_ms, email_invitations) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (store_id, kind) DO UPDATE SET \
         days_after_first_delivery = excluded.days_after_first_delivery, \
         days_after_response = excluded.days_after_response, \
         days_after_dismissal = excluded.days_after_dismissal, \
         sample_percent = excluded.sample_percent, updated_at_ms = excluded.updated_at_ms, \
         email_invitations = excluded.email_invitations",
    )
    .bind(store_id)
    .bind(kind.as_str())
    .bind(i64::from(r.days_after_first_delivery))
    .bind(i64::from(r.days_after_response))
    .bind(i64::from(r.days_after_dismissal))
    .bind(i64::from(r.sample_percent))
    .bind(crate::util::now_ms())
    .bind(i64::from(s.email_invitations))
    .execute(tx.conn())
    .await?;
    sqlx::query("DELETE FROM survey_texts WHERE store_id = $1 AND kind = $2")
        .bind(store_id)
        .bind(kind.as_str())
        .execute(tx.conn())
        .await?;
    for t in &s.texts {
        sqlx::query(
            "INSERT INTO survey_texts (store_id, kind, locale, question, low_label, high_label) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(store_id)
        .bind(kind.as_str())
        .bind(t.locale.tag())
        .bind(t.question.trim())
        .bind(t.low_label.trim())
        .bind(t.high_label.trim())
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The wording for a shopper's language, with the store's name filled in: the store's text in
/// `wanted`, else in its default language, else the built-in text in `wanted`.
pub async fn text_for(
    db: &Db,
    store: &StoreRow,
    kind: SurveyKind,
    wanted: Locale,
) -> Result<SurveyText> {
    let stored = settings(db, store.id, kind).await?.texts;
    let text = [wanted, store.locale()]
        .iter()
        .find_map(|l| stored.iter().find(|t| t.locale == *l).cloned())
        .unwrap_or_else(|| default_text(kind, wanted));
    Ok(SurveyText {
        locale: text.locale,
        question: personalise(&text.question, &store.name),
        low_label: personalise(&text.low_label, &store.name),
        high_label: personalise(&text.high_label, &store.name),
    })
}
