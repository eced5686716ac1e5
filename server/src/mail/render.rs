//! A letter from the outbox becomes a message: rendered by `aftercare-emails` in the store's
//! current name, look and FAQ, with links minted when it is sent (so a link lives its full
//! time from the moment the shopper gets it, and no secret sits in the outbox).

use crate::error::{Error, Result};
use crate::http::returns::access::label_token;
use crate::repo::orders::email_hash;
use crate::repo::outbox::Letter;
use crate::repo::stores::{self, StoreRow};
use crate::{db::Db, repo::branding};
use aftercare_emails::export::{self, ExportReady};
use aftercare_emails::miss_you::{self, MissYou};
use aftercare_emails::order::{self, Confirmation};
use aftercare_emails::parcel::{self, ParcelMail};
use aftercare_emails::returns::{self, LabelLinks, ReturnMail};
use aftercare_emails::reviews::{self, ReviewInvite};
use aftercare_emails::survey::{self, SurveyInvite};
use aftercare_emails::withdrawal::{self, Withdrawal};
use aftercare_emails::{Rendered, Sender};
use aftercare_shared::api::Topic;
use aftercare_shared::api::{Branding, FaqEntry};
use aftercare_shared::notify::Consent;
use aftercare_shared::returns::ReturnStatus;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::token::{self, Claims, TokenKind};
use aftercare_shared::{Email, Locale, Timestamp};

/// A letter rendered for sending: the message, the store's support address (for
/// `Reply-To`) and the store's name (the sender's display name).
pub struct Ready {
    /// Subject, HTML and text.
    pub message: Rendered,
    /// The store's support email.
    pub reply_to: Option<String>,
    /// The store's name.
    pub store: String,
    /// An optional message's one-click unsubscribe link (for `List-Unsubscribe`).
    pub unsubscribe: Option<String>,
}

/// What rendering needs beyond the letter: the store, its look and FAQ (in the letter's
/// language), where this server is reached, and now (links are minted from it).
pub struct Context<'a> {
    /// The store.
    pub store: &'a StoreRow,
    /// Its branding.
    pub look: &'a Branding,
    /// Its FAQ in the letter's language.
    pub faq: &'a [FaqEntry],
    /// This server's public origin.
    pub origin: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
}

/// The message `letter` becomes in `locale`, in its store's current name, look and FAQ.
pub async fn render(
    db: &Db,
    origin: &str,
    store_id: i64,
    to: &str,
    locale: Locale,
    letter: &Letter,
    now_ms: i64,
) -> Result<Ready> {
    let store = stores::by_id(db, store_id).await?.ok_or(Error::NotFound)?;
    let look = branding::get(db, store.id).await?;
    let faq = stores::faq_for(db, &store, locale).await?;
    let cx = Context {
        store: &store,
        look: &look,
        faq: &faq,
        origin,
        now_ms,
    };
    Ok(Ready {
        message: render_with(&cx, to, locale, letter)?,
        reply_to: store.support_email.clone(),
        store: store.name.clone(),
        unsubscribe: unsubscribe_link(&cx, to, locale, letter),
    })
}

/// The order's page for the shopper: this server's hosted page, opened by a signed order link
/// that lives 90 days from `now_ms` (less a minute, so an instance whose clock runs a little
/// ahead never mints one that the others find too long-lived).
pub fn order_url(store: &StoreRow, origin: &str, number: &str, now_ms: i64) -> String {
    let t = link_token(store, TokenKind::OrderLink, number, now_ms);
    format!("{origin}/orders/{}/{number}?t={t}", store.publishable_key)
}

/// A link token of `kind` about `sub`, living as long as its kind may from `now_ms`, less a
/// minute: an instance whose clock runs a little ahead never mints one the others find too
/// long-lived.
fn link_token(store: &StoreRow, kind: TokenKind, sub: &str, now_ms: i64) -> String {
    token::mint(
        &Claims {
            kind,
            store: store.publishable_key.clone(),
            sub: sub.to_owned(),
            exp: now_ms / 1000 + kind.max_lifetime_seconds() - 60,
        },
        &store.secret_key,
    )
}

/// An order's review page for the customer: this server's hosted page with the review widget,
/// opened by a signed review link (90 days from `now_ms`, less a minute, as [`order_url`]).
pub fn review_url(
    store: &StoreRow,
    origin: &str,
    number: &str,
    locale: Locale,
    now_ms: i64,
) -> String {
    let t = link_token(store, TokenKind::ReviewLink, number, now_ms);
    format!(
        "{origin}/reviews/{}/{number}?t={t}&locale={}",
        store.publishable_key,
        locale.tag()
    )
}

/// The hosted survey page answering `kind` about order `number` with `score` chosen, opened by
/// a signed survey link (90 days from `now_ms`, less a minute, as [`order_url`]). The token is
/// the same for every score of one invitation, so the page knows it is one answer.
pub fn survey_urls(
    store: &StoreRow,
    origin: &str,
    kind: SurveyKind,
    number: &str,
    locale: Locale,
    now_ms: i64,
) -> Vec<String> {
    let sub = format!("{}:{number}", kind.as_str());
    let t = link_token(store, TokenKind::SurveyLink, &sub, now_ms);
    let (lo, hi) = kind.range();
    (lo..=hi)
        .map(|score| {
            format!(
                "{origin}/surveys/{}?t={t}&score={score}&locale={}",
                store.publishable_key,
                locale.tag()
            )
        })
        .collect()
}

/// The download of `customer`'s data export, in `locale`: a signed export link living 7 days
/// from `now_ms` (less a minute, as [`order_url`]).
pub fn export_url(
    store: &StoreRow,
    origin: &str,
    customer: &str,
    locale: Locale,
    now_ms: i64,
) -> String {
    let t = link_token(store, TokenKind::ExportLink, customer, now_ms);
    format!(
        "{origin}/exports/{}?t={t}&locale={}",
        store.publishable_key,
        locale.tag()
    )
}

/// The one-click unsubscribe link (RFC 8058) that turns `topic` off for `to`, in `locale`'s
/// page: a signed token naming the topic and the address's hash (never the address), living
/// 400 days less a minute. `None` for an address that is not one (never for a stored order's).
pub fn unsubscribe_url(
    store: &StoreRow,
    origin: &str,
    to: &str,
    topic: Topic,
    locale: Locale,
    now_ms: i64,
) -> Option<String> {
    let email = Email::parse(to).ok()?;
    let sub = format!("{}:{}", topic.as_str(), email_hash(&email));
    let t = link_token(store, TokenKind::Unsubscribe, &sub, now_ms);
    Some(format!(
        "{origin}/unsubscribe/{}?t={t}&locale={}",
        store.publishable_key,
        locale.tag()
    ))
}

/// An optional letter's unsubscribe link; `None` for a transactional one.
fn unsubscribe_link(cx: &Context<'_>, to: &str, locale: Locale, letter: &Letter) -> Option<String> {
    match letter.consent() {
        Consent::Always => None,
        Consent::Topic(topic) => unsubscribe_url(cx.store, cx.origin, to, topic, locale, cx.now_ms),
    }
}

/// [`render`] for a store, look and FAQ already loaded (a page listing many messages loads
/// them once). `Err` for a letter that names a parcel it does not carry, or an optional one
/// whose recipient is not an address (corrupt rows).
pub fn render_with(
    cx: &Context<'_>,
    to: &str,
    locale: Locale,
    letter: &Letter,
) -> Result<Rendered> {
    let sender = Sender {
        store: &cx.store.name,
        branding: cx.look,
        support_email: cx.store.support_email.as_deref(),
    };
    Ok(match letter {
        Letter::WithdrawalConfirmed {
            reference,
            order_number,
            confirmed_at_ms,
            statement,
        } => withdrawal::render(
            locale,
            &sender,
            &Withdrawal {
                reference,
                order_number,
                confirmed_at: Timestamp::from_utc_ms(*confirmed_at_ms, 0),
                statement,
            },
        ),
        Letter::OrderConfirmed { order, first } => {
            let url = order_url(cx.store, cx.origin, order.order_number.as_str(), cx.now_ms);
            order::render(
                locale,
                &sender,
                &Confirmation {
                    order,
                    first: *first,
                    order_url: &url,
                },
            )
        }
        Letter::Parcel {
            news,
            order,
            shipment_id,
            at_ms,
        } => {
            let url = order_url(cx.store, cx.origin, order.order_number.as_str(), cx.now_ms);
            let unsubscribe = unsubscribe_link(cx, to, locale, letter)
                .ok_or_else(|| Error::internal(format!("recipient {to:?} is not an address")))?;
            match order.shipments.iter().find(|s| s.id == *shipment_id) {
                Some(parcel) => parcel::render(
                    locale,
                    &sender,
                    &ParcelMail {
                        news: *news,
                        order,
                        parcel,
                        order_url: &url,
                        faq: cx.faq,
                        at_ms: *at_ms,
                        unsubscribe_url: &unsubscribe,
                    },
                ),
                // Written with its parcel, so this is a corrupt row: never an empty message.
                None => {
                    return Err(Error::internal(format!(
                        "parcel {shipment_id} missing from its letter"
                    )))
                }
            }
        }
        Letter::WeMissYou { order } => {
            let url = order_url(cx.store, cx.origin, order.order_number.as_str(), cx.now_ms);
            let unsubscribe = unsubscribe_link(cx, to, locale, letter)
                .ok_or_else(|| Error::internal(format!("recipient {to:?} is not an address")))?;
            miss_you::render(
                locale,
                &sender,
                &MissYou {
                    order,
                    order_url: &url,
                    unsubscribe_url: &unsubscribe,
                },
            )
        }
        Letter::ReviewRequest { items, reminder } => {
            let unsubscribe = unsubscribe_link(cx, to, locale, letter)
                .ok_or_else(|| Error::internal(format!("recipient {to:?} is not an address")))?;
            let links: Vec<String> = items
                .iter()
                .map(|i| review_url(cx.store, cx.origin, &i.order_number, locale, cx.now_ms))
                .collect();
            reviews::render(
                locale,
                &sender,
                &ReviewInvite {
                    items,
                    links: &links,
                    reminder: *reminder,
                    unsubscribe_url: &unsubscribe,
                },
            )
        }
        Letter::SurveyInvite {
            survey: kind,
            order_number,
            text,
        } => {
            let unsubscribe = unsubscribe_link(cx, to, locale, letter)
                .ok_or_else(|| Error::internal(format!("recipient {to:?} is not an address")))?;
            let links = survey_urls(cx.store, cx.origin, *kind, order_number, locale, cx.now_ms);
            survey::render(
                locale,
                &sender,
                &SurveyInvite {
                    kind: *kind,
                    text,
                    links: &links,
                    unsubscribe_url: &unsubscribe,
                },
            )
        }
        Letter::DataExportReady {
            customer,
            asked_at_ms,
        } => {
            let url = export_url(cx.store, cx.origin, customer, locale, cx.now_ms);
            export::render(
                locale,
                &sender,
                &ExportReady {
                    asked_at_ms: *asked_at_ms,
                    download_url: &url,
                    days: (TokenKind::ExportLink.max_lifetime_seconds() / 86_400) as u32,
                },
            )
        }
        Letter::Return { news, detail } => {
            let url = order_url(cx.store, cx.origin, &detail.order_number, cx.now_ms);
            let t = label_token(cx.store, &detail.rma);
            let label_url = format!("{}/v1/returns/{}/label?t={t}", cx.origin, detail.rma);
            let qr_png_url = format!("{}/v1/returns/{}/qr.png?t={t}", cx.origin, detail.rma);
            let to_send = matches!(
                detail.status,
                ReturnStatus::Requested | ReturnStatus::Approved
            );
            returns::render(
                locale,
                &sender,
                &ReturnMail {
                    news: *news,
                    detail,
                    order_url: &url,
                    label: to_send.then_some(LabelLinks {
                        label_url: &label_url,
                        qr_png_url: &qr_png_url,
                    }),
                },
            )
        }
    })
}
