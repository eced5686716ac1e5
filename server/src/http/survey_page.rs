//! `/surveys/{publishable_key}?t=…&score=…`: the page a survey invitation's scores open,
//! hosted in the store's theme, without scripts. `t` is a signed survey link
//! (`TokenKind::SurveyLink`: the survey and the order), the same for every score of one
//! invitation.
//!
//! - `GET` shows the question with the clicked score chosen and a button to send it. It never
//!   records anything: mail filters open every link of a message, and a scanner must not
//!   answer for the shopper.
//! - `POST score=N` records the answer for the order's customer (the same `put_response`, so
//!   the same rules and report, as the widget), under one response id per invitation: sending
//!   again, or a different score, updates that answer rather than adding one. The answer page
//!   asks the follow-up question of the score's category (and, for a detractor, whether the
//!   store should get in touch).
//! - `POST score=N&comment=…` adds the follow-up and thanks the shopper; a promoter is offered
//!   the order's review page.
//!
//! A link that is not valid, has run out, or whose order has gone answers `404` with a page
//! saying so.

use super::order_page::card_page;
use super::plumbing::{negotiate_locale, ApiRouter};
use crate::error::Error;
use crate::mail::review_url;
use crate::repo::stores::{self, StoreRow};
use crate::repo::surveys::{self as repo, Subject};
use crate::state::AppState;
use aftercare_shared::api::{SurveyResponseInput, SurveyText};
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::survey::{Category, Score, SurveyKind};
use aftercare_shared::token::{self, TokenKind};
use aftercare_shared::{Locale, OrderNumber};
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa_axum::routes;

/// The visit id answers by email are recorded under.
const EMAIL_VISIT: &str = "email-invitation";

/// Survey page routes.
pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(survey_page, answer))
}

/// Query of the survey page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SurveyPageParams {
    /// The signed survey link from the invitation.
    pub t: Option<String>,
    /// The score the shopper clicked, chosen on the page (anything off the scale chooses
    /// nothing).
    pub score: Option<String>,
    /// The page's language (the email's); the store's default when absent or not one the
    /// suite speaks.
    pub locale: Option<String>,
}

/// What the page's forms post.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct SurveyPageForm {
    /// The score on the survey's scale.
    pub score: Option<String>,
    /// The follow-up answer (the second step); blank is none.
    pub comment: Option<String>,
    /// `on`: a detractor asks the store to get in touch.
    pub wants_contact: Option<String>,
}

/// A good link: its store, survey, order and the customer it answers for.
struct Link {
    store: StoreRow,
    kind: SurveyKind,
    number: OrderNumber,
    customer: String,
    /// One response per invitation: derived from the token, so every score link of one
    /// email, and every send, lands on the same answer.
    response_id: String,
}

/// The link's store and language, and the link when it is good.
async fn link(
    state: &AppState,
    key: &str,
    q: &SurveyPageParams,
) -> Result<(Option<StoreRow>, Locale, Option<Link>), Error> {
    let Some(store) = stores::by_publishable_key(&state.db, key).await? else {
        return Ok((
            None,
            negotiate_locale(q.locale.as_deref(), Locale::En),
            None,
        ));
    };
    let locale = negotiate_locale(q.locale.as_deref(), store.locale());
    let now = crate::util::now_ms() / 1000;
    let Some(t) = q.t.as_deref() else {
        return Ok((Some(store), locale, None));
    };
    let claims = token::verify(t, &store.secret_key, &store.publishable_key, now)
        .ok()
        .filter(|c| c.kind == TokenKind::SurveyLink);
    let named = claims.and_then(|c| {
        let (kind, number) = c.sub.split_once(':')?;
        Some((
            SurveyKind::from_wire(kind)?,
            OrderNumber::parse(number).ok()?,
        ))
    });
    let Some((kind, number)) = named else {
        return Ok((Some(store), locale, None));
    };
    let mut conn = state.db.pool.acquire().await?;
    // The order may have gone (erasure) or lost its customer since the email: then the link
    // answers for nobody.
    let customer = crate::repo::reviews::linked_order(&mut conn, store.id, &number)
        .await?
        .and_then(|o| o.customer);
    drop(conn);
    let Some(customer) = customer else {
        return Ok((Some(store), locale, None));
    };
    let digest = Sha256::digest(t.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    let response_id = format!("mail-{hex}");
    let link = Link {
        store,
        kind,
        number,
        customer,
        response_id,
    };
    Ok((Some(link.store.clone()), locale, Some(link)))
}

/// A score on `kind`'s scale, from what the shopper sent.
fn on_scale(kind: SurveyKind, raw: Option<&str>) -> Option<Score> {
    let n: i64 = raw?.trim().parse().ok()?;
    kind.score(n).ok()
}

/// The survey's question with the score the shopper clicked chosen, and a button to send it.
/// Nothing is recorded.
#[utoipa::path(get, path = "/surveys/{key}", tag = "emails",
    operation_id = "survey_page",
    security(()),
    params(("key" = String, Path, description = "the store's publishable key"), SurveyPageParams),
    responses(
        (status = 200, description = "HTML page: the question, the score chosen", content_type = "text/html"),
        (status = 404, description = "HTML page: the link is not valid, has expired, or names no store or order", content_type = "text/html"),
    ))]
pub async fn survey_page(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<SurveyPageParams>,
) -> Result<Response, Error> {
    let (store, locale, link) = link(&state, &key, &q).await?;
    let Some(l) = link else {
        return Ok(invalid(store.as_ref(), locale));
    };
    let text = repo::text_for(&state.db, &l.store, l.kind, locale).await?;
    let chosen = on_scale(l.kind, q.score.as_deref()).map(Score::value);
    let card = score_form(locale, l.kind, &text, chosen, None);
    Ok(page(StatusCode::OK, Some(&l.store), locale, card))
}

/// Record the score (and, in the second step, the follow-up) for the link's customer.
#[utoipa::path(post, path = "/surveys/{key}", tag = "emails",
    operation_id = "survey_answer",
    security(()),
    params(("key" = String, Path, description = "the store's publishable key"), SurveyPageParams),
    request_body(content = SurveyPageForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "HTML page: saved; the follow-up question, or thanks", content_type = "text/html"),
        (status = 400, description = "HTML page: no score on the scale, or a follow-up too long; the form again", content_type = "text/html"),
        (status = 404, description = "HTML page: the link is not valid, has expired, or names no store or order", content_type = "text/html"),
    ))]
pub async fn answer(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<SurveyPageParams>,
    form: Result<Form<SurveyPageForm>, FormRejection>,
) -> Result<Response, Error> {
    let (store, locale, link) = link(&state, &key, &q).await?;
    let Some(l) = link else {
        return Ok(invalid(store.as_ref(), locale));
    };
    // A body that is not the form chooses nothing, and gets the form again.
    let f = form.map(|Form(f)| f).unwrap_or_default();
    let text = repo::text_for(&state.db, &l.store, l.kind, locale).await?;
    let Some(chosen) = on_scale(l.kind, f.score.as_deref()) else {
        let card = score_form(
            locale,
            l.kind,
            &text,
            None,
            Some(&mail(locale, Mail::SurveyChoose)),
        );
        return Ok(page(StatusCode::BAD_REQUEST, Some(&l.store), locale, card));
    };
    let (score, category) = (chosen.value(), chosen.category());
    let follow_up = f.comment.is_some();
    let input = SurveyResponseInput {
        kind: l.kind,
        score,
        comment: f.comment.clone().filter(|c| !c.trim().is_empty()),
        wants_contact: f.wants_contact.as_deref() == Some("on"),
        order_number: Some(l.number.as_str().to_owned()),
        visit_id: EMAIL_VISIT.to_owned(),
    };
    let subject = Subject::Customer(l.customer.clone());
    let now = state.survey_now(&subject.key()).await?;
    let saved =
        repo::put_response(&state.db, l.store.id, &subject, &l.response_id, &input, now).await;
    match saved {
        Ok(_) if follow_up => {
            // This server hosts the review page too: a link relative to this one.
            let review = (category == Category::Promoter)
                .then(|| review_url(&l.store, "", l.number.as_str(), locale, now));
            let card = html! {
                h1 { (t(locale, Msg::NpsThanks)) }
                @if let Some(url) = review {
                    p { (t(locale, Msg::ReviewInvite)) }
                    p { a href=(url) { (t(locale, Msg::WriteReview)) } }
                }
            };
            Ok(page(StatusCode::OK, Some(&l.store), locale, card))
        }
        Ok(_) => {
            let card = follow_up_form(locale, l.kind, score, category, "", None);
            Ok(page(StatusCode::OK, Some(&l.store), locale, card))
        }
        Err(Error::Api(_)) if follow_up => {
            // The one thing a shopper can get wrong here is the comment's length.
            let typed = f.comment.as_deref().unwrap_or("");
            let problem = t(locale, Msg::CharsLeft(0));
            let card = follow_up_form(locale, l.kind, score, category, typed, Some(&problem));
            Ok(page(StatusCode::BAD_REQUEST, Some(&l.store), locale, card))
        }
        Err(e) => Err(e),
    }
}

/// The question as a group of radio buttons (`chosen` checked), its end labels, and Send.
fn score_form(
    locale: Locale,
    kind: SurveyKind,
    text: &SurveyText,
    chosen: Option<u8>,
    problem: Option<&str>,
) -> Markup {
    let (lo, hi) = kind.range();
    html! {
        form method="post" {
            fieldset class="scale" {
                legend { h1 { (text.question) } }
                @if let Some(p) = problem { p class="error" role="alert" { (p) } }
                @for n in lo..=hi {
                    @let label = match n {
                        n if n == lo => format!("{n}, {}", text.low_label),
                        n if n == hi => format!("{n}, {}", text.high_label),
                        n => n.to_string(),
                    };
                    label {
                        input type="radio" name="score" value=(n) checked[chosen == Some(n)] aria-label=(label);
                        span aria-hidden="true" { (n) }
                    }
                }
            }
            p class="ends muted" aria-hidden="true" { span { (text.low_label) } span { (text.high_label) } }
            p class="muted" { (mail(locale, Mail::SurveyPageIntro)) }
            button type="submit" { (t(locale, Msg::Send)) }
        }
    }
}

/// The follow-up question of the score's category, the score carried along, and (for a
/// detractor) asking the store to get in touch.
fn follow_up_form(
    locale: Locale,
    kind: SurveyKind,
    score: u8,
    category: Category,
    typed: &str,
    problem: Option<&str>,
) -> Markup {
    let max = repo::MAX_COMMENT;
    html! {
        h1 { (mail(locale, Mail::SurveySaved { score: &score.to_string() })) }
        form method="post" {
            input type="hidden" name="score" value=(score);
            @if let Some(p) = problem { p class="error" role="alert" { (p) } }
            label class="block" for="comment" { (t(locale, Msg::FollowUp(kind, category))) }
            textarea id="comment" name="comment" maxlength=(max) { (typed) }
            @if category == Category::Detractor {
                p class="check" {
                    input type="checkbox" id="wants-contact" name="wants_contact" value="on";
                    label for="wants-contact" { (t(locale, Msg::ContactMe)) }
                }
            }
            p { button type="submit" { (t(locale, Msg::Send)) } }
        }
    }
}

/// The page for a link that is not valid or has run out.
fn invalid(store: Option<&StoreRow>, locale: Locale) -> Response {
    let card = html! {
        h1 { (t(locale, Msg::NpsRegion)) }
        p { (mail(locale, Mail::SurveyLinkExpired)) }
    };
    page(StatusCode::NOT_FOUND, store, locale, card)
}

/// The page in the store's theme, titled "Your feedback".
fn page(status: StatusCode, store: Option<&StoreRow>, locale: Locale, card: Markup) -> Response {
    card_page(status, store, locale, &t(locale, Msg::NpsRegion), card)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_score_on_the_scale_is_chosen() {
        let value = |k, raw| on_scale(k, raw).map(Score::value);
        assert_eq!(value(SurveyKind::Nps, Some("0")), Some(0));
        assert_eq!(value(SurveyKind::Nps, Some(" 10 ")), Some(10));
        assert_eq!(value(SurveyKind::Nps, Some("11")), None);
        assert_eq!(value(SurveyKind::Csat, Some("0")), None);
        assert_eq!(value(SurveyKind::Csat, Some("5")), Some(5));
        assert_eq!(value(SurveyKind::Nps, Some("nine")), None);
        assert_eq!(value(SurveyKind::Nps, None), None);
    }
}
