//! NPS and CSAT surveys: scores, categories and the recontact rules that keep shoppers from
//! being pestered. The rules live here, once, and the server is the only one that applies
//! them (widgets ask it); property tests cover every boundary.

use crate::error::FieldIssue;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Which survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SurveyKind {
    /// "How likely are you to recommend …", 0–10.
    Nps,
    /// "How satisfied are you with …", 1–5 (after a delivery or a return).
    Csat,
}

impl SurveyKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nps => "nps",
            Self::Csat => "csat",
        }
    }

    /// Parse the wire name.
    pub fn from_wire(s: &str) -> Option<Self> {
        match s {
            "nps" => Some(Self::Nps),
            "csat" => Some(Self::Csat),
            _ => None,
        }
    }

    /// Lowest and highest score.
    pub fn range(self) -> (u8, u8) {
        match self {
            Self::Nps => (0, 10),
            Self::Csat => (1, 5),
        }
    }

    /// Check a score against this kind's scale.
    pub fn score(self, raw: i64) -> Result<Score, FieldIssue> {
        let (lo, hi) = self.range();
        if raw < i64::from(lo) || raw > i64::from(hi) {
            return Err(FieldIssue::OutOfRange);
        }
        Ok(Score {
            kind: self,
            value: raw as u8,
        })
    }
}

/// How the shopper feels, from the score: the follow-up question depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// NPS 0–6, CSAT 1–2: something went wrong; offer help.
    Detractor,
    /// NPS 7–8, CSAT 3: fine, not delighted.
    Passive,
    /// NPS 9–10, CSAT 4–5: delighted; invite a review.
    Promoter,
}

impl Category {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Detractor => "detractor",
            Self::Passive => "passive",
            Self::Promoter => "promoter",
        }
    }
}

/// A score on a survey's scale (constructed only through [`SurveyKind::score`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Score {
    kind: SurveyKind,
    value: u8,
}

impl Score {
    /// The number chosen.
    pub fn value(self) -> u8 {
        self.value
    }

    /// Its category.
    pub fn category(self) -> Category {
        match (self.kind, self.value) {
            (SurveyKind::Nps, 0..=6) | (SurveyKind::Csat, 1..=2) => Category::Detractor,
            (SurveyKind::Nps, 7..=8) | (SurveyKind::Csat, 3) => Category::Passive,
            _ => Category::Promoter,
        }
    }
}

/// A store's recontact rules (per survey kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyRules {
    /// Not before the customer's first delivered order is this many days old (D, 0–365).
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub days_after_first_delivery: u32,
    /// Not again within this many days after a response (R, 0–730).
    #[cfg_attr(feature = "openapi", schema(maximum = 730))]
    pub days_after_response: u32,
    /// Not again within this many days after a dismissal (S, 1–365); doubles with each further
    /// consecutive dismissal, up to a year.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub days_after_dismissal: u32,
    /// Percentage of eligible customers asked at all (deterministic per customer, 0–100).
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub sample_percent: u8,
}

impl Default for SurveyRules {
    fn default() -> Self {
        Self {
            days_after_first_delivery: 3,
            days_after_response: 90,
            days_after_dismissal: 30,
            sample_percent: 100,
        }
    }
}

impl SurveyRules {
    /// The wait after the `n`-th consecutive dismissal (n ≥ 1): S, 2S, 4S … capped at 365 days.
    pub fn dismissal_wait_days(&self, n: u32) -> u32 {
        let factor = 1u64 << n.saturating_sub(1).min(16);
        (u64::from(self.days_after_dismissal) * factor).min(365) as u32
    }
}

/// What the server knows about one customer and one survey kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyHistory {
    /// When their first order was delivered (none: never delivered).
    pub first_delivered_at: Option<Timestamp>,
    /// Their latest response.
    pub last_response_at: Option<Timestamp>,
    /// Their latest dismissal, and how many in a row since the last response.
    pub last_dismissal: Option<(Timestamp, u32)>,
    /// A survey of another kind was already shown in this visit.
    pub other_survey_this_visit: bool,
    /// 0–99, stable per customer and kind (e.g. a hash), compared with `sample_percent`.
    pub sample_bucket: u8,
    /// The customer turned surveys off in their communication preferences.
    pub opted_out: bool,
}

/// Why a survey is not shown now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotShownReason {
    /// No order delivered yet.
    NoDeliveredOrder,
    /// The first delivery is too recent.
    TooSoonAfterDelivery,
    /// Answered recently.
    RecentlyAnswered,
    /// Dismissed recently.
    RecentlyDismissed,
    /// Not in the store's sample.
    NotSampled,
    /// Another survey was already shown in this visit.
    OneSurveyPerVisit,
    /// The customer turned surveys off in their communication preferences.
    OptedOut,
}

/// The server's answer to "may I show this survey now?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Eligibility {
    /// Show it.
    pub eligible: bool,
    /// Why not, when not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NotShownReason>,
    /// The earliest time it could be shown again, when that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Timestamp>,
}

const DAY_MS: i64 = 86_400_000;

/// Decide at `now_ms` whether to show the survey. Checks run in a fixed order so the reason
/// is stable: the customer's preference, delivery, visit, response, dismissal, sampling.
pub fn eligibility(rules: &SurveyRules, h: &SurveyHistory, now_ms: i64) -> Eligibility {
    let no = |reason, not_before: Option<i64>| Eligibility {
        eligible: false,
        reason: Some(reason),
        not_before: not_before.map(|ms| Timestamp::from_utc_ms(ms, 0)),
    };
    if h.opted_out {
        return no(NotShownReason::OptedOut, None);
    }
    let Some(delivered) = h.first_delivered_at else {
        return no(NotShownReason::NoDeliveredOrder, None);
    };
    let ready_at = delivered.utc_ms + i64::from(rules.days_after_first_delivery) * DAY_MS;
    if now_ms < ready_at {
        return no(NotShownReason::TooSoonAfterDelivery, Some(ready_at));
    }
    if h.other_survey_this_visit {
        return no(NotShownReason::OneSurveyPerVisit, None);
    }
    if let Some(r) = h.last_response_at {
        let until = r.utc_ms + i64::from(rules.days_after_response) * DAY_MS;
        if now_ms < until {
            return no(NotShownReason::RecentlyAnswered, Some(until));
        }
    }
    if let Some((d, count)) = h.last_dismissal {
        // Dismissals before the latest response do not count.
        if h.last_response_at.is_none_or(|r| d.utc_ms > r.utc_ms) {
            let until = d.utc_ms + i64::from(rules.dismissal_wait_days(count.max(1))) * DAY_MS;
            if now_ms < until {
                return no(NotShownReason::RecentlyDismissed, Some(until));
            }
        }
    }
    if h.sample_bucket >= rules.sample_percent.min(100) {
        return no(NotShownReason::NotSampled, None);
    }
    Eligibility {
        eligible: true,
        reason: None,
        not_before: None,
    }
}

/// Whether to invite a customer to the survey by email now: when the same rule that decides
/// the widget's card says it could be shown, and no earlier invitation went out within the
/// wait after a response or a dismissal (whichever is longer). An invitation left unanswered
/// counts as a "not now": emailing again sooner would pester the very shoppers who chose not
/// to answer.
pub fn email_invite_due(
    rules: &SurveyRules,
    h: &SurveyHistory,
    last_invited_ms: Option<i64>,
    now_ms: i64,
) -> bool {
    let spacing = i64::from(rules.days_after_response.max(rules.days_after_dismissal)) * DAY_MS;
    let visit = SurveyHistory {
        other_survey_this_visit: false,
        ..h.clone()
    };
    eligibility(rules, &visit, now_ms).eligible
        && last_invited_ms.is_none_or(|at| now_ms - at >= spacing)
}

/// A stable 0–99 bucket for sampling: FNV-1a over the customer key and kind, so the same
/// customer is always in or always out (a random roll per display would, over enough visits,
/// show the survey to everyone).
pub fn sample_bucket(customer_key: &str, kind: SurveyKind) -> u8 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in customer_key.bytes().chain([0]).chain(kind.as_str().bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % 100) as u8
}

/// NPS = % promoters − % detractors, rounded half away from zero; `None` without responses.
pub fn net_promoter_score(promoters: u64, passives: u64, detractors: u64) -> Option<i32> {
    let total = promoters + passives + detractors;
    if total == 0 {
        return None;
    }
    let diff = promoters as i64 - detractors as i64;
    // round(100 * diff / total) with integers only.
    let scaled = 200 * diff.unsigned_abs() as i64 + total as i64;
    let rounded = scaled / (2 * total as i64);
    Some(if diff < 0 {
        -(rounded as i32)
    } else {
        rounded as i32
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_800_000_000_000;

    fn ts(ms: i64) -> Timestamp {
        Timestamp::from_utc_ms(ms, 0)
    }

    fn delivered_long_ago() -> SurveyHistory {
        SurveyHistory {
            first_delivered_at: Some(ts(T0 - 400 * DAY_MS)),
            ..Default::default()
        }
    }

    #[test]
    fn a_customer_who_turned_surveys_off_is_never_asked() {
        let h = SurveyHistory {
            opted_out: true,
            ..delivered_long_ago()
        };
        let e = eligibility(&SurveyRules::default(), &h, T0);
        assert!(!e.eligible);
        assert_eq!(e.reason, Some(NotShownReason::OptedOut));
    }

    #[test]
    fn an_email_invitation_follows_the_card_rule_and_waits_after_the_last_one() {
        let rules = SurveyRules::default(); // R = 90 days, S = 30 days
        let h = delivered_long_ago();
        // Never invited, eligible: due, even when another survey was shown in a visit.
        assert!(email_invite_due(&rules, &h, None, T0));
        let busy_visit = SurveyHistory {
            other_survey_this_visit: true,
            ..h.clone()
        };
        assert!(email_invite_due(&rules, &busy_visit, None, T0));
        // Invited 89 days ago without an answer: not yet; 90 days: again.
        assert!(!email_invite_due(&rules, &h, Some(T0 - 89 * DAY_MS), T0));
        assert!(email_invite_due(&rules, &h, Some(T0 - 90 * DAY_MS), T0));
        // The longer of R and S spaces invitations.
        let patient = SurveyRules {
            days_after_response: 0,
            days_after_dismissal: 45,
            ..rules
        };
        assert!(!email_invite_due(&patient, &h, Some(T0 - 44 * DAY_MS), T0));
        assert!(email_invite_due(&patient, &h, Some(T0 - 45 * DAY_MS), T0));
        // Whatever the card rule refuses, the email does too.
        let answered = SurveyHistory {
            last_response_at: Some(ts(T0 - DAY_MS)),
            ..h.clone()
        };
        assert!(!email_invite_due(&rules, &answered, None, T0));
        let opted_out = SurveyHistory {
            opted_out: true,
            ..h.clone()
        };
        assert!(!email_invite_due(&rules, &opted_out, None, T0));
        let fresh = SurveyHistory {
            first_delivered_at: Some(ts(T0 - DAY_MS)),
            ..Default::default()
        };
        assert!(!email_invite_due(&rules, &fresh, None, T0));
        assert!(!email_invite_due(
            &rules,
            &SurveyHistory::default(),
            None,
            T0
        ));
    }

    #[test]
    fn categories() {
        let cat = |k: SurveyKind, v| k.score(v).unwrap().category();
        assert_eq!(
            (
                cat(SurveyKind::Nps, 0),
                cat(SurveyKind::Nps, 6),
                cat(SurveyKind::Nps, 7),
                cat(SurveyKind::Nps, 8),
                cat(SurveyKind::Nps, 9)
            ),
            (
                Category::Detractor,
                Category::Detractor,
                Category::Passive,
                Category::Passive,
                Category::Promoter
            )
        );
        assert_eq!(
            (
                cat(SurveyKind::Csat, 2),
                cat(SurveyKind::Csat, 3),
                cat(SurveyKind::Csat, 4)
            ),
            (Category::Detractor, Category::Passive, Category::Promoter)
        );
        assert_eq!(SurveyKind::Nps.score(11), Err(FieldIssue::OutOfRange));
        assert_eq!(SurveyKind::Csat.score(0), Err(FieldIssue::OutOfRange));
    }

    #[test]
    fn every_boundary() {
        let r = SurveyRules::default();
        // D days after the first delivery: the day before no, the moment after yes.
        let h = SurveyHistory {
            first_delivered_at: Some(ts(T0)),
            ..Default::default()
        };
        assert_eq!(
            eligibility(&r, &h, T0 + 3 * DAY_MS - 1).reason,
            Some(NotShownReason::TooSoonAfterDelivery)
        );
        assert!(eligibility(&r, &h, T0 + 3 * DAY_MS).eligible);
        assert_eq!(
            eligibility(&r, &SurveyHistory::default(), T0).reason,
            Some(NotShownReason::NoDeliveredOrder)
        );
        // R days after a response.
        let h = SurveyHistory {
            last_response_at: Some(ts(T0)),
            ..delivered_long_ago()
        };
        assert_eq!(
            eligibility(&r, &h, T0 + 90 * DAY_MS - 1).reason,
            Some(NotShownReason::RecentlyAnswered)
        );
        assert!(eligibility(&r, &h, T0 + 90 * DAY_MS).eligible);
        // S days after a dismissal, 2S after the second in a row, capped at a year.
        let h = SurveyHistory {
            last_dismissal: Some((ts(T0), 1)),
            ..delivered_long_ago()
        };
        assert_eq!(
            eligibility(&r, &h, T0 + 30 * DAY_MS - 1).reason,
            Some(NotShownReason::RecentlyDismissed)
        );
        assert!(eligibility(&r, &h, T0 + 30 * DAY_MS).eligible);
        let h = SurveyHistory {
            last_dismissal: Some((ts(T0), 2)),
            ..delivered_long_ago()
        };
        assert!(!eligibility(&r, &h, T0 + 60 * DAY_MS - 1).eligible);
        assert!(eligibility(&r, &h, T0 + 60 * DAY_MS).eligible);
        assert_eq!(r.dismissal_wait_days(9), 365);
        // A dismissal older than the latest response no longer counts.
        let h = SurveyHistory {
            last_response_at: Some(ts(T0 - 100 * DAY_MS)),
            last_dismissal: Some((ts(T0 - 101 * DAY_MS), 5)),
            ..delivered_long_ago()
        };
        assert!(eligibility(&r, &h, T0).eligible);
        // One survey per visit; sampling.
        assert_eq!(
            eligibility(
                &r,
                &SurveyHistory {
                    other_survey_this_visit: true,
                    ..delivered_long_ago()
                },
                T0
            )
            .reason,
            Some(NotShownReason::OneSurveyPerVisit)
        );
        let sampled = SurveyRules {
            sample_percent: 30,
            ..r
        };
        assert!(
            eligibility(
                &sampled,
                &SurveyHistory {
                    sample_bucket: 29,
                    opted_out: false,
                    ..delivered_long_ago()
                },
                T0
            )
            .eligible
        );
        assert_eq!(
            eligibility(
                &sampled,
                &SurveyHistory {
                    sample_bucket: 30,
                    opted_out: false,
                    ..delivered_long_ago()
                },
                T0
            )
            .reason,
            Some(NotShownReason::NotSampled)
        );
        assert!(
            !eligibility(
                &SurveyRules {
                    sample_percent: 0,
                    ..r
                },
                &delivered_long_ago(),
                T0
            )
            .eligible
        );
    }

    #[test]
    fn nps_matches_hand_computation() {
        assert_eq!(net_promoter_score(0, 0, 0), None);
        assert_eq!(net_promoter_score(5, 3, 2), Some(30)); // 50% − 20%
        assert_eq!(net_promoter_score(1, 1, 1), Some(0));
        assert_eq!(net_promoter_score(2, 0, 1), Some(33)); // 33.3
        assert_eq!(net_promoter_score(1, 1, 0), Some(50));
        assert_eq!(net_promoter_score(1, 0, 2), Some(-33));
        assert_eq!(net_promoter_score(1, 6, 0), Some(14)); // 14.28
        assert_eq!(net_promoter_score(1, 7, 0), Some(13)); // 12.5 rounds half away from zero
        assert_eq!(net_promoter_score(0, 7, 1), Some(-13));
    }

    proptest! {
        #[test]
        fn never_shown_inside_a_quiet_period(resp in proptest::option::of(-500i64..500), dis in proptest::option::of((-500i64..500, 1u32..6)), now_days in -10i64..800, bucket in 0u8..100, pct in 0u8..=100, visit in any::<bool>()) {
            let r = SurveyRules { sample_percent: pct, ..SurveyRules::default() };
            let h = SurveyHistory {
                first_delivered_at: Some(ts(T0 - 600 * DAY_MS)),
                last_response_at: resp.map(|d| ts(T0 + d * DAY_MS)),
                last_dismissal: dis.map(|(d, n)| (ts(T0 + d * DAY_MS), n)),
                other_survey_this_visit: visit,
                sample_bucket: bucket,
                opted_out: false,
            };
            let now = T0 + now_days * DAY_MS;
            let e = eligibility(&r, &h, now);
            if e.eligible {
                if let Some(d) = resp { prop_assert!(now >= T0 + (d + 90) * DAY_MS); }
                if let Some((d, n)) = dis {
                    let counts = resp.is_none_or(|r| d > r);
                    if counts { prop_assert!(now >= T0 + (d + i64::from(r.dismissal_wait_days(n))) * DAY_MS); }
                }
                prop_assert!(!visit);
                prop_assert!(bucket < pct);
            } else {
                prop_assert!(e.reason.is_some());
            }
            if let Some(nb) = e.not_before { prop_assert!(nb.utc_ms > now); }
        }

        #[test]
        fn sampling_is_stable_and_roughly_fair(keys in proptest::collection::vec("[a-z0-9_]{3,12}", 200..300)) {
            for k in &keys { prop_assert_eq!(sample_bucket(k, SurveyKind::Nps), sample_bucket(k, SurveyKind::Nps)); }
            let low = keys.iter().filter(|k| sample_bucket(k, SurveyKind::Nps) < 50).count() as f64 / keys.len() as f64;
            prop_assert!((0.3..0.7).contains(&low), "{low}");
        }

        #[test]
        fn nps_is_bounded(p in 0u64..1000, q in 0u64..1000, d in 0u64..1000) {
            if let Some(n) = net_promoter_score(p, q, d) {
                prop_assert!((-100..=100).contains(&n));
                let exact = 100.0 * (p as f64 - d as f64) / (p + q + d) as f64;
                prop_assert!((f64::from(n) - exact).abs() <= 0.5 + 1e-9);
            }
        }
    }
}
