//! What every signed-in page needs besides its data: who is reading, in which language, the
//! session's CSRF token for its forms, and the result of the action that led here.

use crate::role::Role;
use crate::text::{t, T};
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::Locale;

/// The reader of a signed-in page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ctx {
    /// The user's language.
    pub locale: Locale,
    /// The signed-in user's email.
    pub email: String,
    /// The user's role (decides the navigation).
    pub role: Role,
    /// The session's CSRF token, posted back by every form.
    pub csrf: String,
    /// The store's name, in the header.
    pub store: String,
    /// What the action before the redirect here did (`?done=…`), announced once.
    pub flash: Option<Flash>,
}

impl Ctx {
    /// A text in the reader's language.
    pub fn t(&self, msg: T<'_>) -> String {
        t(self.locale, msg)
    }
}

/// The outcome of an action, carried across the redirect that follows every form post
/// (`?done=<code>`), so reloading the page never repeats the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    /// A return moved to this status.
    ReturnMoved(ReturnStatus),
    /// A survey response was marked followed up.
    FollowedUp,
    /// A cancellation or address-change request was approved.
    RequestApproved,
    /// A cancellation or address-change request was rejected.
    RequestRejected,
    /// The second factor was turned on.
    TotpOn,
    /// The second factor was turned off.
    TotpOff,
    /// The console language was saved.
    LanguageSaved,
    /// The password was changed.
    PasswordChanged,
    /// A console user was removed.
    UserRemoved,
    /// The publishable key was replaced.
    KeyRotated,
    /// The store's settings were saved.
    SettingsSaved,
    /// The store's look was saved (storefronts take it within the theme stylesheet's cache).
    BrandingSaved,
    /// A review was moderated, answered, or reviews were imported.
    Review(ReviewFlash),
}

/// What a review action did (kept apart so the review area's results stay together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFlash {
    /// A review was approved: it is on the product page.
    Approved,
    /// A review was rejected with a neutral reason.
    Rejected,
    /// The store's public reply was written or rewritten.
    ReplySaved,
    /// The store's public reply was removed.
    ReplyDeleted,
    /// A CSV export of another app was imported.
    Imported,
}

impl ReviewFlash {
    /// Every review result.
    pub const ALL: [ReviewFlash; 5] = [
        ReviewFlash::Approved,
        ReviewFlash::Rejected,
        ReviewFlash::ReplySaved,
        ReviewFlash::ReplyDeleted,
        ReviewFlash::Imported,
    ];
}

const MOVES: [ReturnStatus; 6] = [
    ReturnStatus::Approved,
    ReturnStatus::Rejected,
    ReturnStatus::InTransit,
    ReturnStatus::Received,
    ReturnStatus::Refunded,
    ReturnStatus::Exchanged,
];

impl Flash {
    /// The `done` query value.
    pub fn code(self) -> &'static str {
        match self {
            Flash::ReturnMoved(s) => match s {
                ReturnStatus::Approved => "return-approved",
                ReturnStatus::Rejected => "return-rejected",
                ReturnStatus::InTransit => "return-in-transit",
                ReturnStatus::Received => "return-received",
                ReturnStatus::Refunded => "return-refunded",
                ReturnStatus::Exchanged => "return-exchanged",
                ReturnStatus::Requested | ReturnStatus::Cancelled => "return-cancelled",
            },
            Flash::FollowedUp => "followed-up",
            Flash::RequestApproved => "request-approved",
            Flash::RequestRejected => "request-rejected",
            Flash::TotpOn => "totp-on",
            Flash::TotpOff => "totp-off",
            Flash::LanguageSaved => "language-saved",
            Flash::PasswordChanged => "password-changed",
            Flash::UserRemoved => "user-removed",
            Flash::KeyRotated => "key-rotated",
            Flash::SettingsSaved => "settings-saved",
            Flash::BrandingSaved => "branding-saved",
            Flash::Review(r) => match r {
                ReviewFlash::Approved => "review-approved",
                ReviewFlash::Rejected => "review-rejected",
                ReviewFlash::ReplySaved => "reply-saved",
                ReviewFlash::ReplyDeleted => "reply-deleted",
                ReviewFlash::Imported => "reviews-imported",
            },
        }
    }

    /// The flash a `done` value names; unknown values are ignored.
    pub fn parse(code: &str) -> Option<Self> {
        Self::all().into_iter().find(|f| f.code() == code)
    }

    /// Every flash: one per status a return can be moved to (and cancelled), then the others.
    pub fn all() -> Vec<Self> {
        // Exhaustive: a new flash does not compile until it is listed below.
        let _every_value_is_listed = |f: Flash| match f {
            Flash::ReturnMoved(_)
            | Flash::FollowedUp
            | Flash::RequestApproved
            | Flash::RequestRejected
            | Flash::TotpOn
            | Flash::TotpOff
            | Flash::LanguageSaved
            | Flash::PasswordChanged
            | Flash::UserRemoved
            | Flash::KeyRotated
            | Flash::SettingsSaved
            | Flash::BrandingSaved
            | Flash::Review(_) => (),
        };
        let others = [
            Flash::ReturnMoved(ReturnStatus::Cancelled),
            Flash::FollowedUp,
            Flash::RequestApproved,
            Flash::RequestRejected,
            Flash::TotpOn,
            Flash::TotpOff,
            Flash::LanguageSaved,
            Flash::PasswordChanged,
            Flash::UserRemoved,
            Flash::KeyRotated,
            Flash::SettingsSaved,
            Flash::BrandingSaved,
        ];
        MOVES
            .into_iter()
            .map(Flash::ReturnMoved)
            .chain(others)
            .chain(ReviewFlash::ALL.map(Flash::Review))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flash_codes_round_trip() {
        for s in MOVES {
            let f = Flash::ReturnMoved(s);
            assert_eq!(Flash::parse(f.code()), Some(f));
        }
        assert_eq!(Flash::parse("followed-up"), Some(Flash::FollowedUp));
        for r in ReviewFlash::ALL {
            assert_eq!(
                Flash::parse(Flash::Review(r).code()),
                Some(Flash::Review(r))
            );
        }
        assert_eq!(Flash::parse("<script>"), None);
    }
}
