//! The merchant report: counts, score, distribution, weekly trend and comments over the last
//! calendar weeks (UTC, Monday first).

use crate::db::Db;
use crate::error::Result;
use aftercare_shared::api::{ReportComment, SurveyReport, WeeklyScore};
use aftercare_shared::survey::{net_promoter_score, Category, SurveyKind};
use aftercare_shared::{OrderNumber, Timestamp};

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// One week in milliseconds.
pub const WEEK_MS: i64 = 7 * DAY_MS;
/// Most comments a report lists (newest first).
pub const MAX_REPORT_COMMENTS: usize = 500;

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
    kind.score(score)
        .ok()
        .map(aftercare_shared::survey::Score::category)
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
}
