//! NPS and CSAT surveys: per-store rules and wording, displays, responses, dismissals and the
//! merchant report.
//!
//! Whether a survey may be shown is never decided here: this module only gathers a
//! subject's [`SurveyHistory`] from the database; `shared::survey::eligibility` decides.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::stores::StoreRow;
use aftercare_shared::api::{
    ReportComment, SurveyReport, SurveyResponse, SurveyResponseInput, SurveySettings, SurveyText,
    WeeklyScore,
};
use aftercare_shared::survey::{
    net_promoter_score, sample_bucket, Category, SurveyHistory, SurveyKind, SurveyRules,
};
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, Locale, OrderNumber, Timestamp};
use sqlx::AnyConnection;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// One week in milliseconds.
pub const WEEK_MS: i64 = 7 * DAY_MS;
/// Longest comment a shopper may write.
pub const MAX_COMMENT: usize = 2_000;
/// Most comments a report lists (newest first).
pub const MAX_REPORT_COMMENTS: usize = 500;

/// Whom a survey decision is about: a logged-in customer or a guest's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The merchant's customer id (customer token).
    Customer(String),
    /// The order a guest session speaks for.
    Order(OrderNumber),
}

impl Subject {
    /// The stored key: `customer:<external id>` or `order:<order number>`.
    pub fn key(&self) -> String {
        match self {
            Self::Customer(id) => format!("customer:{id}"),
            Self::Order(n) => format!("order:{}", n.as_str()),
        }
    }
}

/// The built-in wording, used when the store wrote none for a language.
pub fn default_text(kind: SurveyKind, locale: Locale) -> SurveyText {
    let (q, lo, hi) = match (kind, locale) {
        (SurveyKind::Nps, Locale::En) => (
            "How likely are you to recommend {store} to a friend?",
            "Not at all likely",
            "Extremely likely",
        ),
        (SurveyKind::Nps, Locale::Es) => (
            "¿Qué probabilidad hay de que recomiendes {store} a un amigo?",
            "Nada probable",
            "Muy probable",
        ),
        (SurveyKind::Csat, Locale::En) => (
            "How satisfied are you with your delivery?",
            "Very dissatisfied",
            "Very satisfied",
        ),
        (SurveyKind::Csat, Locale::Es) => (
            "¿Qué tan satisfecho estás con tu entrega?",
            "Muy insatisfecho",
            "Muy satisfecho",
        ),
    };
    SurveyText {
        locale,
        question: q.into(),
        low_label: lo.into(),
        high_label: hi.into(),
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
    Ok(SurveySettings {
        rules: rules(db, store_id, kind).await?,
        texts,
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
         days_after_dismissal, sample_percent, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (store_id, kind) DO UPDATE SET \
         days_after_first_delivery = excluded.days_after_first_delivery, \
         days_after_response = excluded.days_after_response, \
         days_after_dismissal = excluded.days_after_dismissal, \
         sample_percent = excluded.sample_percent, updated_at_ms = excluded.updated_at_ms",
    )
    .bind(store_id)
    .bind(kind.as_str())
    .bind(i64::from(r.days_after_first_delivery))
    .bind(i64::from(r.days_after_response))
    .bind(i64::from(r.days_after_dismissal))
    .bind(i64::from(r.sample_percent))
    .bind(crate::now_ms())
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

/// Everything `eligibility` needs about `subject` and `kind`, as stored now.
pub async fn history(
    db: &Db,
    store_id: i64,
    subject: &Subject,
    kind: SurveyKind,
    visit_id: &str,
) -> Result<SurveyHistory> {
    let key = subject.key();
    let mut conn = db.pool.acquire().await?;
    let delivered: Option<i64> = match subject {
        Subject::Customer(id) => {
            sqlx::query_scalar(
                "SELECT MIN(e.occurred_at_ms) FROM tracking_events e \
             JOIN shipments s ON s.id = e.shipment_id JOIN orders o ON o.id = s.order_id \
             JOIN customers c ON c.id = o.customer_id \
             WHERE o.store_id = $1 AND c.external_id = $2 AND e.status = 'delivered'",
            )
            .bind(store_id)
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
        }
        Subject::Order(number) => {
            sqlx::query_scalar(
                "SELECT MIN(e.occurred_at_ms) FROM tracking_events e \
             JOIN shipments s ON s.id = e.shipment_id JOIN orders o ON o.id = s.order_id \
             WHERE o.store_id = $1 AND o.order_number = $2 AND e.status = 'delivered'",
            )
            .bind(store_id)
            .bind(number.as_str())
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let last_response: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(created_at_ms) FROM survey_responses \
         WHERE store_id = $1 AND subject_key = $2 AND kind = $3",
    )
    .bind(store_id)
    .bind(&key)
    .bind(kind.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let (last_dismissal, dismissals): (Option<i64>, i64) = sqlx::query_as(
        "SELECT MAX(dismissed_at_ms), COUNT(*) FROM survey_dismissals \
         WHERE store_id = $1 AND subject_key = $2 AND kind = $3 AND dismissed_at_ms > $4",
    )
    .bind(store_id)
    .bind(&key)
    .bind(kind.as_str())
    .bind(last_response.unwrap_or(i64::MIN))
    .fetch_one(&mut *conn)
    .await?;
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM survey_displays \
         WHERE store_id = $1 AND subject_key = $2 AND visit_id = $3 AND kind <> $4",
    )
    .bind(store_id)
    .bind(&key)
    .bind(visit_id)
    .bind(kind.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let ts = |ms: i64| Timestamp::from_utc_ms(ms, 0);
    Ok(SurveyHistory {
        first_delivered_at: delivered.map(ts),
        last_response_at: last_response.map(ts),
        last_dismissal: last_dismissal.map(|d| (ts(d), u32::try_from(dismissals).unwrap_or(1))),
        other_survey_this_visit: others > 0,
        sample_bucket: sample_bucket(&key, kind),
    })
}

/// Record that `kind` was shown to `subject_key` in `visit_id` (once per visit and kind).
pub async fn record_display(
    db: &Db,
    store_id: i64,
    subject_key: &str,
    kind: SurveyKind,
    visit_id: &str,
    at_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO survey_displays (store_id, subject_key, kind, visit_id, shown_at_ms) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (store_id, subject_key, visit_id, kind) DO NOTHING",
    )
    .bind(store_id)
    .bind(subject_key)
    .bind(kind.as_str())
    .bind(visit_id)
    .bind(at_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Record a "not now".
pub async fn record_dismissal(
    db: &Db,
    store_id: i64,
    subject_key: &str,
    kind: SurveyKind,
    visit_id: &str,
    at_ms: i64,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO survey_dismissals (store_id, subject_key, kind, visit_id, dismissed_at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(store_id)
    .bind(subject_key)
    .bind(kind.as_str())
    .bind(visit_id)
    .bind(at_ms)
    .execute(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a client-generated response id is acceptable: 8–64 of `[A-Za-z0-9_-]`.
pub fn valid_response_id(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether a visit id is acceptable: 8–64 visible ASCII characters.
pub fn valid_visit_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_graphic())
}

/// The outcome of a response `PUT`.
#[derive(Debug, Clone)]
pub struct PutResponse {
    /// A new row was written (else an existing one was updated).
    pub created: bool,
    /// The stored response.
    pub response: SurveyResponse,
}

/// The columns [`SurveyResponse`] is read from.
const RESPONSE_COLUMNS: &str =
    "id, kind, score, comment, wants_contact, order_number, created_at_ms, updated_at_ms";

type ResponseRow = (
    String,
    String,
    i64,
    Option<String>,
    i64,
    Option<String>,
    i64,
    i64,
);

fn response_of(row: ResponseRow) -> Result<SurveyResponse> {
    let (id, kind, score, comment, wants_contact, order_number, created, updated) = row;
    let kind = SurveyKind::from_wire(&kind)
        .ok_or_else(|| Error::internal(format!("stored survey kind {kind:?}")))?;
    let score = kind
        .score(score)
        .map_err(|_| Error::internal(format!("stored survey score {score}")))?;
    Ok(SurveyResponse {
        id,
        kind,
        score: score.value(),
        category: score.category(),
        comment,
        wants_contact: wants_contact != 0,
        order_number: order_number.and_then(|n| OrderNumber::parse(&n).ok()),
        created_at: Timestamp::from_utc_ms(created, 0),
        updated_at: Timestamp::from_utc_ms(updated, 0),
    })
}

/// Check a response body, all problems at once; the trimmed comment when valid.
pub fn validate_response(id: &str, input: &SurveyResponseInput) -> Result<Option<String>> {
    let mut p = Problems::default();
    if !valid_response_id(id) {
        p.add("id", FieldIssue::InvalidFormat);
    }
    p.check("score", input.kind.score(i64::from(input.score)));
    let comment = input
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    p.optional_text("comment", comment, MAX_COMMENT);
    if input.visit_id.is_empty() {
        p.add("visit_id", FieldIssue::Required);
    } else if !valid_visit_id(&input.visit_id) {
        p.add("visit_id", FieldIssue::InvalidFormat);
    }
    if let Some(n) = &input.order_number {
        p.check("order_number", OrderNumber::parse(n));
    }
    p.finish()?;
    Ok(comment.map(str::to_owned))
}

/// The order a response is about, checked against the subject: (order id, number, email).
async fn resolve_order(
    conn: &mut AnyConnection,
    store_id: i64,
    subject: &Subject,
    requested: Option<&str>,
) -> Result<Option<(i64, String, String)>> {
    let requested = requested
        .map(OrderNumber::parse)
        .transpose()
        .map_err(|issue| {
            Error::field("order_number", issue, "order_number is not an order number")
        })?;
    let number = match (subject, requested) {
        (Subject::Order(own), Some(n)) if *own != n => None,
        (Subject::Order(own), _) => Some(own.clone()),
        (Subject::Customer(_), None) => return Ok(None),
        (Subject::Customer(_), Some(n)) => Some(n),
    };
    let unknown = || {
        Error::field(
            "order_number",
            FieldIssue::UnknownReference,
            "order_number is not one of your orders",
        )
    };
    let number = number.ok_or_else(unknown)?;
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT o.id, o.email_normalized, c.external_id FROM orders o \
         LEFT JOIN customers c ON c.id = o.customer_id WHERE o.store_id = $1 AND o.order_number = $2",
    )
    .bind(store_id)
    .bind(number.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match (subject, row) {
        (Subject::Customer(me), Some((id, email, Some(owner)))) if *me == owner => {
            Ok(Some((id, number.as_str().to_owned(), email)))
        }
        (Subject::Order(_), Some((id, email, _))) => {
            Ok(Some((id, number.as_str().to_owned(), email)))
        }
        (Subject::Order(_), None) => Ok(None),
        _ => Err(unknown()),
    }
}

/// Create or update response `id` for `subject` at `now_ms`. The same id from another subject
/// is `NotFound`; concurrent calls with one id write one row (insert-or-nothing on the key).
pub async fn put_response(
    db: &Db,
    store_id: i64,
    subject: &Subject,
    id: &str,
    input: &SurveyResponseInput,
    now_ms: i64,
) -> Result<PutResponse> {
    let comment = validate_response(id, input)?;
    let score = input
        .kind
        .score(i64::from(input.score))
        .map_err(|issue| Error::field("score", issue, "score is out of range"))?;
    let key = subject.key();
    let (customer_id, customer_email) = match subject {
        Subject::Customer(ext) => {
            let row: Option<(i64, String)> = sqlx::query_as(
                "SELECT id, email FROM customers WHERE store_id = $1 AND external_id = $2",
            )
            .bind(store_id)
            .bind(ext)
            .fetch_optional(&db.pool)
            .await?;
            (row.as_ref().map(|r| r.0), row.map(|r| r.1))
        }
        Subject::Order(_) => (None, None),
    };
    let order = {
        let mut conn = db.pool.acquire().await?;
        resolve_order(&mut conn, store_id, subject, input.order_number.as_deref()).await?
    };
    let (order_id, order_number, order_email) = match order {
        Some((id, n, e)) => (Some(id), Some(n), Some(e)),
        None => (None, None, None),
    };
    let email = order_email.or(customer_email);
    let wants = i64::from(input.wants_contact);

    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO survey_responses (store_id, id, subject_key, customer_id, order_id, order_number, \
         email, kind, score, category, comment, wants_contact, visit_id, created_at_ms, updated_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) \
         ON CONFLICT (store_id, id) DO NOTHING",
    )
    .bind(store_id)
    .bind(id)
    .bind(&key)
    .bind(customer_id)
    .bind(order_id)
    .bind(&order_number)
    .bind(&email)
    .bind(input.kind.as_str())
    .bind(i64::from(score.value()))
    .bind(score.category().as_str())
    .bind(&comment)
    .bind(wants)
    .bind(&input.visit_id)
    .bind(now_ms)
    .execute(tx.conn())
    .await?
    .rows_affected()
        == 1;
    if !inserted {
        let (owner, kind): (String, String) = sqlx::query_as(
            "SELECT subject_key, kind FROM survey_responses WHERE store_id = $1 AND id = $2",
        )
        .bind(store_id)
        .bind(id)
        .fetch_one(tx.conn())
        .await?;
        if owner != key {
            return Err(Error::NotFound);
        }
        if kind != input.kind.as_str() {
            return Err(Error::field(
                "kind",
                FieldIssue::InvalidFormat,
                "kind cannot change once a response is saved",
            ));
        }
        sqlx::query(
            "UPDATE survey_responses SET score = $1, category = $2, comment = $3, wants_contact = $4, \
             order_id = COALESCE($5, order_id), order_number = COALESCE($6, order_number), \
             email = COALESCE($7, email), updated_at_ms = $8 \
             WHERE store_id = $9 AND id = $10 AND subject_key = $11",
        )
        .bind(i64::from(score.value()))
        .bind(score.category().as_str())
        .bind(&comment)
        .bind(wants)
        .bind(order_id)
        .bind(&order_number)
        .bind(&email)
        .bind(now_ms)
        .bind(store_id)
        .bind(id)
        .bind(&key)
        .execute(tx.conn())
        .await?;
    }
    let row: ResponseRow = sqlx::query_as(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE store_id = $1 AND id = $2"
    ))
    .bind(store_id)
    .bind(id)
    .fetch_one(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(PutResponse {
        created: inserted,
        response: response_of(row)?,
    })
}

/// Mark a response followed up (the first time is kept); `None` when there is no such response.
pub async fn mark_followed_up(
    db: &Db,
    store_id: i64,
    id: &str,
    now_ms: i64,
) -> Result<Option<i64>> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE survey_responses SET followed_up_at_ms = COALESCE(followed_up_at_ms, $1) \
         WHERE store_id = $2 AND id = $3",
    )
    .bind(now_ms)
    .bind(store_id)
    .bind(id)
    .execute(tx.conn())
    .await?;
    let at: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT followed_up_at_ms FROM survey_responses WHERE store_id = $1 AND id = $2",
    )
    .bind(store_id)
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(at.flatten())
}

/// Monday 00:00 UTC of the week containing `ms` (1970-01-01 was a Thursday).
pub fn week_start_ms(ms: i64) -> i64 {
    let day = ms.div_euclid(DAY_MS);
    let weekday = (day + 3).rem_euclid(7); // 0 = Monday
    (day - weekday) * DAY_MS
}

/// The headline score of a set of responses: NPS for NPS, % satisfied (promoters) for CSAT.
pub fn headline_score(
    kind: SurveyKind,
    promoters: u64,
    passives: u64,
    detractors: u64,
) -> Option<i32> {
    match kind {
        SurveyKind::Nps => net_promoter_score(promoters, passives, detractors),
        SurveyKind::Csat => {
            let total = promoters + passives + detractors;
            (total > 0).then(|| ((200 * promoters + total) / (2 * total)) as i32)
        }
    }
}

/// One response as the report and the CSV read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRecord {
    /// Client-generated id.
    pub id: String,
    /// Who gave it.
    pub subject_key: String,
    /// Score.
    pub score: i64,
    /// Category name.
    pub category: String,
    /// Follow-up comment.
    pub comment: Option<String>,
    /// 0/1: asked to be contacted.
    pub wants_contact: i64,
    /// When followed up.
    pub followed_up_at_ms: Option<i64>,
    /// Order it is about.
    pub order_number: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// First saved.
    pub created_at_ms: i64,
    /// Last changed.
    pub updated_at_ms: i64,
}

impl ResponseRecord {
    /// Asked to be contacted and not followed up yet.
    pub fn awaiting_follow_up(&self) -> bool {
        self.wants_contact != 0 && self.followed_up_at_ms.is_none()
    }
}

const RECORD_COLUMNS: &str = "id, subject_key, score, category, comment, wants_contact, \
    followed_up_at_ms, order_number, email, created_at_ms, updated_at_ms";

/// Every response of `kind`, oldest first (the CSV export).
pub async fn all_responses(
    db: &Db,
    store_id: i64,
    kind: SurveyKind,
) -> Result<Vec<ResponseRecord>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {RECORD_COLUMNS} FROM survey_responses WHERE store_id = $1 AND kind = $2 \
         ORDER BY created_at_ms, id"
    ))
    .bind(store_id)
    .bind(kind.as_str())
    .fetch_all(&db.pool)
    .await?)
}

fn category_of(kind: SurveyKind, score: i64) -> Option<Category> {
    kind.score(score).ok().map(|s| s.category())
}

/// The report over the last `weeks` calendar weeks (Monday–Sunday, UTC, the current one
/// included) as of `now_ms`: counts, score, distribution, weekly trend (empty weeks included)
/// and comments newest first. Responses awaiting follow-up are listed whatever their age.
pub fn build_report(
    kind: SurveyKind,
    weeks: u32,
    now_ms: i64,
    rows: &[ResponseRecord],
) -> SurveyReport {
    let weeks = weeks.max(1);
    let current = week_start_ms(now_ms);
    let start = current - i64::from(weeks - 1) * WEEK_MS;
    let (_, hi) = kind.range();
    let mut distribution = vec![0u64; usize::from(hi) + 1];
    let mut counts = [0u64; 3]; // promoters, passives, detractors
    let mut weekly: Vec<[u64; 3]> = vec![[0; 3]; weeks as usize];
    let slot = |c: Category| match c {
        Category::Promoter => 0,
        Category::Passive => 1,
        Category::Detractor => 2,
    };
    let mut comments = Vec::new();
    let mut sorted: Vec<&ResponseRecord> = rows.iter().collect();
    sorted.sort_by(|a, b| (b.created_at_ms, &b.id).cmp(&(a.created_at_ms, &a.id)));
    for r in sorted {
        let Some(category) = category_of(kind, r.score) else {
            continue;
        };
        let in_window = r.created_at_ms >= start;
        if in_window {
            counts[slot(category)] += 1;
            if let Some(d) = usize::try_from(r.score)
                .ok()
                .and_then(|i| distribution.get_mut(i))
            {
                *d += 1;
            }
            let w = (r.created_at_ms - start) / WEEK_MS;
            if let Some(bucket) = usize::try_from(w).ok().and_then(|i| weekly.get_mut(i)) {
                bucket[slot(category)] += 1;
            }
        }
        let text = r.comment.clone().unwrap_or_default();
        let listed = (in_window && !text.is_empty()) || r.awaiting_follow_up();
        if listed && comments.len() < MAX_REPORT_COMMENTS {
            comments.push(ReportComment {
                response_id: r.id.clone(),
                score: u8::try_from(r.score).unwrap_or_default(),
                category,
                comment: text,
                order_number: r
                    .order_number
                    .as_deref()
                    .and_then(|n| OrderNumber::parse(n).ok()),
                email: r.email.clone(),
                awaiting_follow_up: r.awaiting_follow_up(),
                created_at: Timestamp::from_utc_ms(r.created_at_ms, 0),
            });
        }
    }
    let [promoters, passives, detractors] = counts;
    SurveyReport {
        kind,
        responses: promoters + passives + detractors,
        promoters,
        passives,
        detractors,
        score: headline_score(kind, promoters, passives, detractors),
        distribution,
        weekly: weekly
            .iter()
            .enumerate()
            .map(|(i, [p, q, d])| WeeklyScore {
                week_start: Timestamp::from_utc_ms(start + i as i64 * WEEK_MS, 0),
                responses: p + q + d,
                score: headline_score(kind, *p, *q, *d),
            })
            .collect(),
        comments,
    }
}

/// The merchant report of `kind` for the last `weeks` weeks as of `now_ms`.
pub async fn report(
    db: &Db,
    store_id: i64,
    kind: SurveyKind,
    weeks: u32,
    now_ms: i64,
) -> Result<SurveyReport> {
    let start = week_start_ms(now_ms) - i64::from(weeks.max(1) - 1) * WEEK_MS;
    let rows: Vec<ResponseRecord> = sqlx::query_as(&format!(
        "SELECT {RECORD_COLUMNS} FROM survey_responses WHERE store_id = $1 AND kind = $2 \
         AND (created_at_ms >= $3 OR (wants_contact = 1 AND followed_up_at_ms IS NULL))"
    ))
    .bind(store_id)
    .bind(kind.as_str())
    .bind(start)
    .fetch_all(&db.pool)
    .await?;
    Ok(build_report(kind, weeks, now_ms, &rows))
}

/// One CSV cell: RFC 4180 quoting (quotes doubled, quoted when it holds a comma, quote or line
/// break) and spreadsheet-formula neutralising (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` in front, so Excel or Sheets never evaluates a shopper's comment).
pub fn csv_cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The CSV header row's columns.
pub const CSV_COLUMNS: [&str; 12] = [
    "response_id",
    "created_at",
    "updated_at",
    "kind",
    "score",
    "category",
    "comment",
    "wants_contact",
    "followed_up_at",
    "order_number",
    "email",
    "subject",
];

/// Every response as CSV (header row, CRLF line ends, RFC 4180), oldest first.
pub fn to_csv(kind: SurveyKind, rows: &[ResponseRecord]) -> String {
    let ts = |ms: i64| Timestamp::from_utc_ms(ms, 0).to_string();
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.id.clone(),
            ts(r.created_at_ms),
            ts(r.updated_at_ms),
            kind.as_str().to_owned(),
            r.score.to_string(),
            r.category.clone(),
            r.comment.clone().unwrap_or_default(),
            if r.wants_contact != 0 { "yes" } else { "no" }.to_owned(),
            r.followed_up_at_ms.map(ts).unwrap_or_default(),
            r.order_number.clone().unwrap_or_default(),
            r.email.clone().unwrap_or_default(),
            r.subject_key.clone(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A seeded response (demo data), written or refreshed by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedResponse {
    /// Fixed id, so re-seeding replaces instead of duplicating.
    pub id: String,
    /// Subject key.
    pub subject_key: String,
    /// Survey kind.
    pub kind: SurveyKind,
    /// Score on the kind's scale.
    pub score: u8,
    /// Comment.
    pub comment: Option<String>,
    /// Asked to be contacted.
    pub wants_contact: bool,
    /// Followed up at.
    pub followed_up_at_ms: Option<i64>,
    /// Order number it is about.
    pub order_number: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// When given.
    pub created_at_ms: i64,
}

/// Write or refresh seeded responses (idempotent by id).
pub async fn upsert_seed_responses(db: &Db, store_id: i64, list: &[SeedResponse]) -> Result<()> {
    let mut tx = db.begin_write().await?;
    for r in list {
        let score = r
            .kind
            .score(i64::from(r.score))
            .map_err(|_| Error::internal(format!("seed score {}", r.score)))?;
        sqlx::query(
            "INSERT INTO survey_responses (store_id, id, subject_key, order_number, email, kind, score, \
             category, comment, wants_contact, followed_up_at_ms, visit_id, created_at_ms, updated_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
             ON CONFLICT (store_id, id) DO UPDATE SET subject_key = excluded.subject_key, \
             order_number = excluded.order_number, email = excluded.email, kind = excluded.kind, \
             score = excluded.score, category = excluded.category, comment = excluded.comment, \
             wants_contact = excluded.wants_contact, followed_up_at_ms = excluded.followed_up_at_ms, \
             created_at_ms = excluded.created_at_ms, updated_at_ms = excluded.updated_at_ms",
        )
        .bind(store_id)
        .bind(&r.id)
        .bind(&r.subject_key)
        .bind(&r.order_number)
        .bind(&r.email)
        .bind(r.kind.as_str())
        .bind(i64::from(score.value()))
        .bind(score.category().as_str())
        .bind(&r.comment)
        .bind(i64::from(r.wants_contact))
        .bind(r.followed_up_at_ms)
        .bind(format!("seed-visit-{}", r.id))
        .bind(r.created_at_ms)
        .execute(tx.conn())
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, score: i64, at: i64, comment: Option<&str>, wants: bool) -> ResponseRecord {
        ResponseRecord {
            id: id.into(),
            subject_key: format!("customer:{id}"),
            score,
            category: String::new(),
            comment: comment.map(Into::into),
            wants_contact: i64::from(wants),
            followed_up_at_ms: None,
            order_number: Some("1001".into()),
            email: Some("a@example.com".into()),
            created_at_ms: at,
            updated_at_ms: at,
        }
    }

    #[test]
    fn weeks_start_on_monday_utc() {
        // 2024-01-01 was a Monday.
        let monday = 1_704_067_200_000;
        assert_eq!(week_start_ms(monday), monday);
        assert_eq!(week_start_ms(monday + 6 * DAY_MS + DAY_MS - 1), monday);
        assert_eq!(week_start_ms(monday - 1), monday - WEEK_MS);
        assert_eq!(week_start_ms(0), -3 * DAY_MS);
    }

    #[test]
    fn report_matches_hand_computation() {
        let monday = 1_704_067_200_000;
        let now = monday + 2 * WEEK_MS + DAY_MS; // in week 3 of a 3-week window
        let mut rows = Vec::new();
        for (i, s) in [10, 9, 9, 10, 9].iter().enumerate() {
            rows.push(rec(&format!("p{i}"), *s, monday + i as i64, None, false));
        }
        for (i, s) in [7, 8, 7].iter().enumerate() {
            rows.push(rec(
                &format!("q{i}"),
                *s,
                monday + WEEK_MS + i as i64,
                Some("ok"),
                false,
            ));
        }
        rows.push(rec("d0", 2, now - 1, Some("late"), true));
        rows.push(rec("d1", 6, now - 2, None, false));
        rows.push(rec("old", 0, monday - 1, Some("too old"), false));
        let r = build_report(SurveyKind::Nps, 3, now, &rows);
        assert_eq!(
            (r.responses, r.promoters, r.passives, r.detractors),
            (10, 5, 3, 2)
        );
        assert_eq!(r.score, Some(30));
        assert_eq!(r.distribution, vec![0, 0, 1, 0, 0, 0, 1, 2, 1, 3, 2]);
        let weekly: Vec<_> = r
            .weekly
            .iter()
            .map(|w| (w.week_start.utc_ms, w.responses, w.score))
            .collect();
        assert_eq!(
            weekly,
            [
                (monday, 5, Some(100)),
                (monday + WEEK_MS, 3, Some(0)),
                (monday + 2 * WEEK_MS, 2, Some(-100))
            ]
        );
        let ids: Vec<_> = r.comments.iter().map(|c| c.response_id.as_str()).collect();
        assert_eq!(ids, ["d0", "q2", "q1", "q0"]);
        assert!(r.comments[0].awaiting_follow_up);
        let csat = build_report(
            SurveyKind::Csat,
            1,
            now,
            &[
                rec("c1", 5, now, None, false),
                rec("c2", 3, now, None, false),
                rec("c3", 4, now, None, false),
            ],
        );
        assert_eq!(csat.score, Some(67));
        assert_eq!(csat.distribution, vec![0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(
            csv_cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_cell("a=b"), "a=b");
    }

    #[test]
    fn ids_and_defaults() {
        assert!(valid_response_id("resp_1234"));
        assert!(!valid_response_id("short"));
        assert!(!valid_response_id("has space here"));
        assert!(!valid_response_id(&"x".repeat(65)));
        assert!(valid_visit_id("visit-1234"));
        assert!(!valid_visit_id("v i s i t 1"));
        assert_eq!(
            personalise(
                &default_text(SurveyKind::Nps, Locale::Es).question,
                "Aurora Outfitters"
            ),
            "¿Qué probabilidad hay de que recomiendes Aurora Outfitters a un amigo?"
        );
        assert_eq!(Subject::Customer("cus_x".into()).key(), "customer:cus_x");
    }
}
