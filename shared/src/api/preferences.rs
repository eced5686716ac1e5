//! `/v1/me/preferences`: what a customer lets the store contact them about, set per topic in
//! the account page and honoured wherever the server decides to ask (survey prompts now; review
//! requests and emails as they arrive).

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What a store may contact a customer about. Each can be turned off (or, for offers, on) in
/// the account page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Where an order is: shipped, out for delivery, a problem with a parcel.
    ShippingUpdates,
    /// Asking for a review of what was delivered.
    ReviewRequests,
    /// NPS and satisfaction questions.
    Surveys,
    /// Promotions and news (marketing: off until the customer turns it on).
    Offers,
    /// Not a subject but a use of the emails: whether the store may count which of its emails
    /// the customer opens and which links they follow. Off, nothing is counted for the
    /// address, whatever the store's settings.
    EmailTracking,
}

impl Topic {
    /// Every topic, in the order the account page lists them.
    pub const ALL: [Self; 5] = [
        Self::ShippingUpdates,
        Self::ReviewRequests,
        Self::Surveys,
        Self::Offers,
        Self::EmailTracking,
    ];

    /// The wire name (also the path segment of `PUT /v1/me/preferences/{topic}`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ShippingUpdates => "shipping_updates",
            Self::ReviewRequests => "review_requests",
            Self::Surveys => "surveys",
            Self::Offers => "offers",
            Self::EmailTracking => "email_tracking",
        }
    }

    /// The topic a wire name names.
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Whether the topic is on for a customer who never chose: service messages and questions
    /// about an order are on; marketing needs the customer's consent first (GDPR art. 6(1)(a)).
    pub fn on_by_default(self) -> bool {
        !matches!(self, Self::Offers)
    }
}

/// One topic's setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicPreference {
    /// Which topic.
    pub topic: Topic,
    /// Whether the store may contact the customer about it.
    pub enabled: bool,
    /// When the customer last changed it; absent while it is the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Timestamp>,
}

/// A customer's communication preferences: every topic, in [`Topic::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preferences {
    /// One entry per topic.
    pub topics: Vec<TopicPreference>,
}

impl Preferences {
    /// The defaults, for a customer who never chose.
    pub fn defaults() -> Self {
        Self {
            topics: Topic::ALL
                .into_iter()
                .map(|topic| TopicPreference {
                    topic,
                    enabled: topic.on_by_default(),
                    changed_at: None,
                })
                .collect(),
        }
    }

    /// Whether `topic` is on.
    pub fn allows(&self, topic: Topic) -> bool {
        self.topics
            .iter()
            .find(|p| p.topic == topic)
            .map_or(topic.on_by_default(), |p| p.enabled)
    }
}

/// `PUT /v1/me/preferences/{topic}`: turn one topic on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreferenceChange {
    /// The new setting.
    pub enabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_and_defaults() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_wire(t.as_str()), Some(t));
        }
        assert_eq!(Topic::from_wire("Surveys"), None);
        let d = Preferences::defaults();
        assert_eq!(d.topics.len(), Topic::ALL.len());
        assert!(d.allows(Topic::Surveys) && d.allows(Topic::ShippingUpdates));
        assert!(!d.allows(Topic::Offers), "marketing is opt-in");
        let off = Preferences {
            topics: vec![TopicPreference {
                topic: Topic::Surveys,
                enabled: false,
                changed_at: None,
            }],
        };
        assert!(!off.allows(Topic::Surveys));
        assert!(
            off.allows(Topic::ReviewRequests),
            "missing topics keep their default"
        );
    }
}
