//! Why a widget cannot show what was asked, told the same way by every widget.

use crate::i18n::{tr, Msg};
use aftercare_shared::client::ClientError;
use aftercare_shared::error::ErrorCode;
use aftercare_shared::Locale;
use leptos::prelude::*;

/// Why something could not be shown: each has its own message and says whether trying again
/// may help.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Failure {
    /// The sign-in (customer token or order session) expired or is invalid.
    SignIn,
    /// The order (or return) is not there for this shopper.
    NotFound,
    /// The service could not be reached.
    Unreachable,
    /// Too many attempts; the server's wait in seconds when it said.
    RateLimited(Option<u64>),
    /// Anything else.
    Generic,
}

impl Failure {
    /// The failure a client error means for the shopper.
    pub fn of(e: &ClientError) -> Self {
        match e.code() {
            Some(ErrorCode::InvalidToken | ErrorCode::TokenExpired | ErrorCode::Unauthorized) => {
                Self::SignIn
            }
            Some(ErrorCode::NotFound | ErrorCode::OrderNotFound | ErrorCode::Forbidden) => {
                Self::NotFound
            }
            Some(ErrorCode::RateLimited) => Self::RateLimited(match e {
                ClientError::Api { error, .. } => error.retry_after_seconds,
                _ => None,
            }),
            _ if e.is_transient() => Self::Unreachable,
            _ => Self::Generic,
        }
    }

    /// The message to show, and whether "Try again" may help. `unreachable` names the service
    /// that could not be reached ("order tracking", "returns").
    pub fn message(self, unreachable: Msg<'static>) -> (Msg<'static>, bool) {
        match self {
            Self::SignIn => (Msg::SignInAgain, false),
            Self::NotFound => (Msg::OrderNotFound, false),
            Self::Unreachable => (unreachable, true),
            Self::RateLimited(s) => (Msg::RateLimited(s), true),
            Self::Generic => (Msg::Generic, true),
        }
    }
}

/// The error code an `aftercare:*` event reports for a client failure.
pub fn error_code(e: &ClientError) -> &'static str {
    match e {
        ClientError::Api { error, .. } => error.code.as_str(),
        ClientError::Network(_) => "network_error",
        ClientError::Decode(_) => "bad_response",
    }
}

/// A failure as an alert card, with "Try again" when it may help.
pub fn problem_card(
    locale: Signal<Locale>,
    failure: Failure,
    unreachable: Msg<'static>,
    retry: Callback<()>,
) -> impl IntoView {
    let (msg, can_retry) = failure.message(unreachable);
    view! {
        <div class="card problem" part="error" role="alert">
            <p>{tr(locale, msg)}</p>
            {can_retry.then(|| view! {
                <button type="button" class="btn" part="button" on:click=move |_| retry.run(())>
                    {tr(locale, Msg::TryAgain)}
                </button>
            })}
        </div>
    }
}
