//! The store's communication calendar (`GET`/`PUT /v1/admin/emails/calendar`) and its plan
//! (`GET /v1/admin/emails/plan`): how often and when optional emails may reach a customer, and
//! what is waiting to go out under those rules. The rules themselves are
//! [`crate::notify::calendar`], shared by the sender and the docs.

use crate::api::Topic;
use crate::error::{ApiError, FieldIssue};
use crate::time::Timestamp;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// How often and when optional emails (shipping updates, review invitations) may reach one
/// customer. Transactional messages (confirmations, a return's steps, the withdrawal receipt)
/// are never held by it. Off by default: a store turns on what suits its shoppers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailCalendar {
    /// At most so many optional messages per customer in a rolling window; none when absent.
    pub cap: Option<EmailCap>,
    /// Hours in the customer's own time zone when no optional message is sent; none when
    /// absent.
    pub quiet_hours: Option<QuietHours>,
    /// A "we miss you" email to a customer whose last order is so many days old (under the
    /// offers topic, which customers turn on themselves); none when absent.
    #[serde(default)]
    pub we_miss_you: Option<WeMissYou>,
    /// Count opens with a one-pixel image in each message (off by default). The trade-off: it
    /// tells the store when and how often a shopper reads its mail, which many shoppers do not
    /// expect, and mail apps that load images ahead (or block them) make the count rough.
    /// Never for an address that turned counting off; clicks are counted either way.
    #[serde(default)]
    pub open_pixel: bool,
}

/// "Write to a customer `after_days` days after their last order, once."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WeMissYou {
    /// Days without an order before the email (30–365).
    #[cfg_attr(feature = "openapi", schema(minimum = 30, maximum = 365))]
    pub after_days: u32,
}

/// "At most `messages` optional emails per customer in any `days` days."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailCap {
    /// Messages allowed in the window (1–20).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 20))]
    pub messages: u32,
    /// The window's length in days (1–90).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90))]
    pub days: u32,
}

/// A nightly pause in the customer's local time, from `from_hour`:00 until `until_hour`:00
/// (it may wrap past midnight: 21 → 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuietHours {
    /// The hour the pause starts (0–23).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 23))]
    pub from_hour: u32,
    /// The hour it ends (0–23), different from `from_hour`.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 23))]
    pub until_hour: u32,
}

impl EmailCalendar {
    /// Messages a cap may allow.
    pub const CAP_MESSAGES: RangeInclusive<u32> = 1..=20;
    /// A cap window's length in days.
    pub const CAP_DAYS: RangeInclusive<u32> = 1..=90;
    /// An hour of the day.
    pub const HOUR: RangeInclusive<u32> = 0..=23;
    /// Days without an order before "we miss you".
    pub const MISS_YOU_DAYS: RangeInclusive<u32> = 30..=365;

    /// Every problem at once, each under its field's path.
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        if let Some(cap) = self.cap {
            p.in_range("cap.messages", cap.messages, &Self::CAP_MESSAGES);
            p.in_range("cap.days", cap.days, &Self::CAP_DAYS);
        }
        if let Some(q) = self.quiet_hours {
            p.in_range("quiet_hours.from_hour", q.from_hour, &Self::HOUR);
            p.in_range("quiet_hours.until_hour", q.until_hour, &Self::HOUR);
            if q.from_hour == q.until_hour {
                p.add_with_message(
                    "quiet_hours.until_hour",
                    FieldIssue::OutOfRange,
                    "quiet hours must end at another hour than they start".into(),
                );
            }
        }
        if let Some(w) = self.we_miss_you {
            p.in_range("we_miss_you.after_days", w.after_days, &Self::MISS_YOU_DAYS);
        }
        p.finish()
    }
}

/// Why a message waits past the moment it was due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmailHold {
    /// It fell in the customer's quiet hours.
    QuietHours,
    /// The customer already had as many optional messages as the cap allows.
    Cap,
    /// A send failed and is tried again after a backoff.
    Retry,
}

impl EmailHold {
    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::QuietHours => "quiet_hours",
            Self::Cap => "cap",
            Self::Retry => "retry",
        }
    }

    /// The hold a stored name names.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::QuietHours, Self::Cap, Self::Retry]
            .into_iter()
            .find(|h| h.as_str() == s)
    }
}

/// One message waiting in the outbox, as the plan lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedEmail {
    /// The outbox row.
    pub id: i64,
    /// Who it goes to.
    pub recipient: String,
    /// What it is (`order_confirmed`, `parcel`, `return`, `review_request`,
    /// `withdrawal_confirmed`, `we_miss_you`, `survey_invite`, `data_export_ready`).
    pub kind: String,
    /// The topic that may hold it back; absent for a transactional message.
    pub topic: Option<Topic>,
    /// When it goes out at the earliest, in the customer's offset when it is known.
    pub send_at: Timestamp,
    /// Why it waits, when it was due earlier.
    pub held: Option<EmailHold>,
    /// Attempts so far.
    pub attempts: i64,
}

/// What will be sent, soonest first: every message waiting in the outbox, with when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailPlan {
    /// The calendar the plan follows.
    pub calendar: EmailCalendar,
    /// Waiting messages, soonest first (at most `limit`).
    pub messages: Vec<PlannedEmail>,
    /// Messages waiting in all (may exceed the page).
    pub total: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default_and_every_problem_named() {
        assert_eq!(EmailCalendar::default().validate(), Ok(()));
        let bad = EmailCalendar {
            cap: Some(EmailCap {
                messages: 0,
                days: 91,
            }),
            quiet_hours: Some(QuietHours {
                from_hour: 24,
                until_hour: 24,
            }),
            we_miss_you: Some(WeMissYou { after_days: 29 }),
            open_pixel: false,
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .fields
            .into_iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(
            fields,
            [
                "cap.messages",
                "cap.days",
                "quiet_hours.from_hour",
                "quiet_hours.until_hour",
                "quiet_hours.until_hour",
                "we_miss_you.after_days"
            ]
        );
        let wraps = EmailCalendar {
            cap: Some(EmailCap {
                messages: 2,
                days: 7,
            }),
            quiet_hours: Some(QuietHours {
                from_hour: 21,
                until_hour: 8,
            }),
            we_miss_you: Some(WeMissYou { after_days: 90 }),
            open_pixel: false,
        };
        assert_eq!(wraps.validate(), Ok(()));
    }

    #[test]
    fn holds_keep_their_names() {
        for h in [EmailHold::QuietHours, EmailHold::Cap, EmailHold::Retry] {
            assert_eq!(EmailHold::parse(h.as_str()), Some(h));
            assert_eq!(
                serde_json::to_value(h).unwrap(),
                serde_json::Value::String(h.as_str().into())
            );
        }
        assert_eq!(EmailHold::parse("later"), None);
    }
}
