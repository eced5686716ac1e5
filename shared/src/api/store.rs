//! `/v1/store` and `/v1/admin/store/settings`: the store's public configuration (name,
//! language, support contacts, shipping FAQ) and the merchant's settings behind it.

use crate::changes::ChangePolicy;
use crate::error::{ApiError, FieldIssue};
use crate::ids::Email;
use crate::locale::Locale;
use crate::tracking::TrackingPolicy;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// The public part of a store's configuration, safe for any browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoreConfig {
    /// Store display name.
    pub name: String,
    /// Language used when the shopper's cannot be served.
    pub default_locale: Locale,
    /// How shoppers reach the store.
    pub support: SupportContacts,
    /// Shipping questions and answers in the requested language ("where is my order" help).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<FaqEntry>,
}

/// One question of the store's shipping FAQ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqEntry {
    /// The question as shoppers ask it.
    pub question: String,
    /// The store's answer (plain text).
    pub answer: String,
}

/// Contact channels a worried shopper can use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportContacts {
    /// Support email address (`Email::parse`'s rule, stated exactly by
    /// [`crate::EMAIL_PATTERN`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,64}@[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}(\.[^\u0000-\u002C\u002E\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]{1,63}){1,4}[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub email: Option<String>,
    /// Support phone number (at most 40 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub phone: Option<String>,
    /// Link to a chat or help centre: an absolute `http(s)` URL without spaces, at most 2,048
    /// characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2048,
            pattern = r"^https?://[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub chat_url: Option<String>,
}

/// Admin: one FAQ entry in one language (`PUT /v1/admin/store/settings`); shoppers get the
/// entries of their language as [`FaqEntry`]s in [`StoreConfig::faq`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedFaq {
    /// The language this entry is written in.
    pub locale: Locale,
    /// The question as shoppers ask it (not blank, at most [`StoreSettings::MAX_QUESTION`]
    /// characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub question: String,
    /// The store's answer, plain text (not blank, at most [`StoreSettings::MAX_ANSWER`]
    /// characters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub answer: String,
}

/// Admin: the store settings the tracking experience depends on, read and replaced as a whole
/// (`GET`/`PUT /v1/admin/store/settings`), so a merchant's settings page round-trips one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoreSettings {
    /// When a silent parcel counts as stalled, and when it is given up as expired.
    pub tracking_policy: TrackingPolicy,
    /// The shipping FAQ in every language, in display order within each language (at most
    /// 50 entries).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub faq: Vec<LocalizedFaq>,
    /// How shoppers reach the store.
    #[serde(default)]
    pub support: SupportContacts,
    /// Which changes shoppers may ask for before an order ships, and for how long.
    #[serde(default)]
    pub changes: ChangePolicy,
}

impl StoreSettings {
    /// Most FAQ entries a store may keep (all languages together).
    pub const MAX_FAQ: usize = 50;
    /// Longest FAQ question.
    pub const MAX_QUESTION: usize = 200;
    /// Longest FAQ answer.
    pub const MAX_ANSWER: usize = 2_000;
    /// Allowed `stall_after_hours` (one hour to thirty days).
    pub const STALL_HOURS: std::ops::RangeInclusive<u32> = 1..=720;
    /// Allowed `expire_after_days` (one day to a year).
    pub const EXPIRE_DAYS: std::ops::RangeInclusive<u32> = 1..=365;

    /// Every rule the settings must meet, all problems at once (the server runs this on
    /// `PUT`; a settings form can run the same code before sending).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        p.in_range(
            "tracking_policy.stall_after_hours",
            self.tracking_policy.stall_after_hours,
            &Self::STALL_HOURS,
        );
        p.in_range(
            "tracking_policy.expire_after_days",
            self.tracking_policy.expire_after_days,
            &Self::EXPIRE_DAYS,
        );
        if self.faq.len() > Self::MAX_FAQ {
            p.add("faq", FieldIssue::TooLong);
        }
        for (i, entry) in self.faq.iter().enumerate() {
            p.text(
                format!("faq[{i}].question"),
                &entry.question,
                Self::MAX_QUESTION,
            );
            p.text(format!("faq[{i}].answer"), &entry.answer, Self::MAX_ANSWER);
        }
        if let Some(email) = &self.support.email {
            p.check("support.email", Email::parse(email));
        }
        p.optional_text("support.phone", self.support.phone.as_deref(), 40);
        p.optional_url("support.chat_url", self.support.chat_url.as_deref());
        p.in_range(
            "changes.cancel_window_hours",
            self.changes.cancel_window_hours,
            &ChangePolicy::WINDOW_HOURS,
        );
        let reasons = &self.changes.cancel_reasons;
        if self.changes.cancel_window_hours > 0 && reasons.is_empty() {
            p.add("changes.cancel_reasons", FieldIssue::Required);
        }
        for (i, r) in reasons.iter().enumerate() {
            if reasons[..i].contains(r) {
                p.add(
                    format!("changes.cancel_reasons[{i}]"),
                    FieldIssue::Duplicate,
                );
            }
        }
        p.finish()
    }
}

/// Most origins a store may allow.
pub const MAX_ORIGINS: usize = 50;

/// What is wrong with an allowed-origin entry, if anything. An entry is what a browser sends
/// as `Origin` — `https://shop.example`, `http://127.0.0.1:8080` — or the same with `:*` for
/// any port: scheme `http` or `https`, a host name (letters, digits, `-`, dots), an IPv4
/// address or a bracketed IPv6 one, an optional port 1–65535, and nothing after it (no path,
/// no trailing slash, no user name). The server matches entries with `origin_matches`.
pub fn origin_issue(entry: &str) -> Option<FieldIssue> {
    if entry.is_empty() {
        return Some(FieldIssue::Required);
    }
    if entry.len() > 255 {
        return Some(FieldIssue::TooLong);
    }
    let rest = entry
        .strip_prefix("https://")
        .or_else(|| entry.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Some(FieldIssue::InvalidFormat);
    };
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let Some((inside, after)) = v6.split_once(']') else {
            return Some(FieldIssue::InvalidFormat);
        };
        let ok = !inside.is_empty()
            && inside
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !ok {
            return Some(FieldIssue::InvalidFormat);
        }
        (None, after)
    } else {
        match rest.find(':') {
            Some(i) => (Some(&rest[..i]), &rest[i..]),
            None => (Some(rest), ""),
        }
    };
    if let Some(host) = host {
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        };
        if !host.split('.').all(label_ok) {
            return Some(FieldIssue::InvalidFormat);
        }
    }
    match port {
        "" | ":*" => None,
        p => match p.strip_prefix(':').map(str::parse::<u32>) {
            Some(Ok(n)) if (1..=65_535).contains(&n) && !p[1..].starts_with('+') => None,
            _ => Some(FieldIssue::InvalidFormat),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_settings_validation_names_every_bad_field() {
        let ok = StoreSettings {
            tracking_policy: TrackingPolicy::default(),
            faq: vec![LocalizedFaq {
                locale: Locale::Es,
                question: "¿Cuándo llega?".into(),
                answer: "En 2–4 días laborables.".into(),
            }],
            support: SupportContacts {
                email: Some("help@shop.example".into()),
                phone: None,
                chat_url: None,
            },
            changes: ChangePolicy::default(),
        };
        assert!(ok.validate().is_ok());
        let v = serde_json::to_value(&ok).unwrap();
        assert_eq!(
            v["tracking_policy"],
            serde_json::json!({"stall_after_hours": 72, "expire_after_days": 30})
        );
        assert_eq!(v["faq"][0]["locale"], "es");
        let mut bad = ok.clone();
        bad.tracking_policy = TrackingPolicy {
            stall_after_hours: 0,
            expire_after_days: 366,
        };
        bad.faq = vec![ok.faq[0].clone(); StoreSettings::MAX_FAQ + 1];
        bad.faq[1].question = " ".into();
        bad.faq[2].answer = "x".repeat(StoreSettings::MAX_ANSWER + 1);
        bad.support.email = Some("nope".into());
        bad.changes.cancel_window_hours = 721;
        bad.changes.cancel_reasons = vec![crate::changes::CancelReason::Other; 2];
        let err = bad.validate().unwrap_err();
        let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "tracking_policy.stall_after_hours",
                "tracking_policy.expire_after_days",
                "faq",
                "faq[1].question",
                "faq[2].answer",
                "support.email",
                "changes.cancel_window_hours",
                "changes.cancel_reasons[1]"
            ]
        );
    }

    #[test]
    fn origins_are_what_browsers_send() {
        for ok in [
            "https://shop.example",
            "http://127.0.0.1:8080",
            "http://localhost:*",
            "https://[::1]:8443",
            "https://xn--tnda-1qa.example",
        ] {
            assert_eq!(origin_issue(ok), None, "{ok}");
        }
        for bad in [
            "shop.example",
            "https://shop.example/",
            "https://shop.example/path",
            "ftp://shop.example",
            "https://user@shop.example",
            "https://shop..example",
            "https://-shop.example",
            "https://shop.example:0",
            "https://shop.example:70000",
            "https://shop.example:+80",
            "https://[zz]",
            "https://shop example",
        ] {
            assert_eq!(origin_issue(bad), Some(FieldIssue::InvalidFormat), "{bad}");
        }
        assert_eq!(origin_issue(""), Some(FieldIssue::Required));
    }
}
