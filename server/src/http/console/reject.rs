//! How a console request fails: to the sign-in page (no session), to an error page in the
//! signed-in shell (403, 404, 500), or to a page saying the form had expired (403, CSRF).

use crate::error::Error;
use aftercare_console::pages::problem::{bare_problem, problem, Problem};
use aftercare_console::pages::sign_in::SignInNote;
use aftercare_console::{Area, Ctx};
use aftercare_shared::Locale;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// A console request that cannot be answered with its page.
#[derive(Debug)]
pub enum Reject {
    /// No live session: go and sign in, then come back to `next`.
    SignIn {
        /// The page asked for (GET only), to return to after signing in.
        next: Option<String>,
        /// Why: a session was there and ran out.
        note: Option<SignInNote>,
    },
    /// The reader's role may not open this area.
    Forbidden(Box<Ctx>, Area),
    /// Nothing here for this store.
    NotFound(Box<Ctx>, Area),
    /// A state change without the session's CSRF token.
    Csrf(Locale),
    /// The server failed.
    Failed(Error),
}

impl From<Error> for Reject {
    fn from(e: Error) -> Self {
        Reject::Failed(e)
    }
}

impl From<sqlx::Error> for Reject {
    fn from(e: sqlx::Error) -> Self {
        Reject::Failed(e.into())
    }
}

/// A console result.
pub type ConsoleResult<T> = Result<T, Reject>;

/// Where the sign-in page is, with what to show and where to return.
pub fn sign_in_url(next: Option<&str>, note: Option<SignInNote>) -> String {
    let mut url = String::from("/console/sign-in");
    let mut sep = '?';
    if let Some(next) = next {
        url.push_str(&format!(
            "{sep}next={}",
            aftercare_console::html::query_value(next)
        ));
        sep = '&';
    }
    match note {
        Some(SignInNote::Expired) => url.push_str(&format!("{sep}ended=1")),
        Some(SignInNote::SignedOut) => url.push_str(&format!("{sep}out=1")),
        _ => {}
    }
    url
}

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        match self {
            Reject::SignIn { next, note } => {
                Redirect::to(&sign_in_url(next.as_deref(), note)).into_response()
            }
            Reject::Forbidden(ctx, area) => (
                StatusCode::FORBIDDEN,
                Html(problem(&ctx, area, Problem::Forbidden).into_string()),
            )
                .into_response(),
            Reject::NotFound(ctx, area) => (
                StatusCode::NOT_FOUND,
                Html(problem(&ctx, area, Problem::NotFound).into_string()),
            )
                .into_response(),
            Reject::Csrf(locale) => (
                StatusCode::FORBIDDEN,
                Html(bare_problem(locale, Problem::Forbidden).into_string()),
            )
                .into_response(),
            Reject::Failed(e) => {
                tracing::error!(error = %e, "console request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    [(header::RETRY_AFTER, "5")],
                    Html(bare_problem(Locale::En, Problem::Failed).into_string()),
                )
                    .into_response()
            }
        }
    }
}
