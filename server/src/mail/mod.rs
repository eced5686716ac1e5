//! Sending the outbox: every due message rendered (`aftercare-emails`) in the store's current
//! name and branding, and handed to SMTP (lettre, TLS and authentication from
//! `AFTERCARE_SMTP_URL`) or, without one, written as an `.eml` file into the mail folder (the
//! embedded default: nothing leaves the machine). A failed send is retried with backoff.

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::outbox::{self, Claimed};
use aftercare_emails::Rendered;
use aftercare_shared::notify::Consent;
use aftercare_shared::Email;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

mod calendar;
mod render;
pub mod track;
pub use calendar::plan;
pub use render::{
    export_url, order_url, render, render_with, review_url, survey_urls, unsubscribe_url, Context,
    Ready,
};

/// Messages claimed per round.
const BATCH: i64 = 20;
/// Counter: messages handed to SMTP or written to the folder.
pub const SENT_COUNTER: &str = "emails_sent_total";
/// Counter: attempts that failed (each is retried, or the message is marked failed).
pub const FAILED_ATTEMPTS_COUNTER: &str = "email_attempts_failed_total";
/// Counter: optional messages held back because the shopper turned their topic off.
pub const SKIPPED_COUNTER: &str = "emails_skipped_total";
/// Counter: optional messages put back by the store's calendar (quiet hours or the cap).
pub const DEFERRED_COUNTER: &str = "emails_deferred_total";
/// Gauge: messages waiting in the outbox (due now or after a backoff).
pub const QUEUED_GAUGE: &str = "email_outbox_queued";

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in a folder.
    Folder(PathBuf),
}

impl Transport {
    /// SMTP when `smtp_url` is set (`smtp://user:pass@host:587?tls=required`,
    /// `smtps://host:465`), else the folder `dir` (created if missing).
    pub fn new(smtp_url: Option<&str>, dir: PathBuf) -> Result<Self> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Transport::Smtp(b.build()))
                .map_err(|e| Error::bad_request(format!("AFTERCARE_SMTP_URL: {e}"))),
            None => {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| Error::internal(format!("mail folder {}: {e}", dir.display())))?;
                Ok(Transport::Folder(dir))
            }
        }
    }

    async fn send(&self, m: Message) -> std::result::Result<(), String> {
        match self {
            Transport::Smtp(t) => t.send(m).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Folder(dir) => AsyncFileTransport::<Tokio1Executor>::new(dir)
                .send(m)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }
}

/// `List-Unsubscribe: <https://…>` (RFC 2369): where a mail client's own unsubscribe button
/// goes.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> std::result::Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the client may POST to the
/// link without showing the page, and the POST alone unsubscribes.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> std::result::Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// The email of a claimed letter: from `from` under the store's name, replies to the store's
/// support address, its fixed `Message-ID`, a plain-text and an HTML part, and for an optional
/// message the one-click unsubscribe headers (RFC 8058).
pub fn build(
    c: &Claimed,
    r: &Rendered,
    store: &str,
    from: &str,
    reply_to: Option<&str>,
    unsubscribe: Option<&str>,
) -> std::result::Result<Message, String> {
    let from = Mailbox::new(
        Some(store.to_owned()),
        from.parse().map_err(|e| format!("sender {from:?}: {e}"))?,
    );
    let to: Mailbox = c
        .recipient
        .parse()
        .map_err(|e| format!("recipient {:?}: {e}", c.recipient))?;
    let mut b = Message::builder()
        .from(from)
        .to(to)
        .subject(r.subject.clone())
        .message_id(Some(c.message_id.clone()));
    if let Some(reply) = reply_to.and_then(|a| a.parse::<Mailbox>().ok()) {
        b = b.reply_to(reply);
    }
    if let Some(url) = unsubscribe {
        b = b
            .header(ListUnsubscribe(url.to_owned()))
            .header(ListUnsubscribePost);
    }
    b.multipart(MultiPart::alternative_plain_html(
        r.text.clone(),
        r.html.clone(),
    ))
    .map_err(|e| e.to_string())
}

/// How the sender reaches the outbox and the world: where to send, from which address, and
/// the public address of this server (for the links in messages).
#[derive(Clone)]
pub struct Outgoing {
    /// SMTP or the mail folder.
    pub transport: Transport,
    /// The envelope and `From` address.
    pub from: String,
    /// This server's public origin (`https://care.shop.example`), no trailing `/`.
    pub origin: String,
}

/// The origin links in messages point at: `AFTERCARE_PUBLIC_URL`, else the address the
/// server listens on (`localhost` for an unspecified one), which only suits a local demo.
pub fn origin(public_url: Option<&str>, addr: std::net::SocketAddr) -> String {
    match public_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None if addr.ip().is_unspecified() => format!("http://localhost:{}", addr.port()),
        None => format!("http://{addr}"),
    }
}

/// Send every due message once; answers how many went out.
pub async fn send_due(db: &Db, out: &Outgoing, now_ms: i64) -> Result<usize> {
    let mut sent = 0;
    let mut calendars = calendar::Calendars::default();
    for c in outbox::claim(db, now_ms, BATCH).await? {
        if let Some(why) = held_back(db, &c).await? {
            outbox::skipped(db, c.id, &why).await?;
            metrics::counter!(SKIPPED_COUNTER).increment(1);
            continue;
        }
        match calendar::verdict(db, &mut calendars, &c, now_ms).await? {
            calendar::Verdict::Send => {}
            calendar::Verdict::Wait { at_ms, why } => {
                outbox::defer(db, c.id, at_ms, why).await?;
                metrics::counter!(DEFERRED_COUNTER).increment(1);
                continue;
            }
            calendar::Verdict::Stale(why) => {
                outbox::skipped(db, c.id, &why).await?;
                metrics::counter!(SKIPPED_COUNTER).increment(1);
                continue;
            }
        }
        let outcome = match render(
            db,
            &out.origin,
            c.store_id,
            &c.recipient,
            c.locale,
            &c.letter,
            now_ms,
        )
        .await
        {
            Ok(mut ready) => {
                // Counting is a nicety: a failure to set it up sends the message as it is.
                if let Err(e) = track::engage(db, &out.origin, &c, &mut ready).await {
                    tracing::warn!(outbox_id = c.id, error = %e, "engagement counting not added");
                }
                match build(
                    &c,
                    &ready.message,
                    &ready.store,
                    &out.from,
                    ready.reply_to.as_deref(),
                    ready.unsubscribe.as_deref(),
                ) {
                    Ok(m) => out.transport.send(m).await,
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e.to_string()),
        };
        let now = crate::util::now_ms();
        match outcome {
            Ok(()) => {
                outbox::sent(db, c.id, now).await?;
                metrics::counter!(SENT_COUNTER).increment(1);
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(outbox_id = c.id, attempts = c.attempts, error = %e, "email not sent");
                metrics::counter!(FAILED_ATTEMPTS_COUNTER).increment(1);
                outbox::retry(db, &c, &e, now).await?;
            }
        }
    }
    metrics::gauge!(QUEUED_GAUGE).set(outbox::queued(db).await? as f64);
    Ok(sent)
}

/// Why an optional message may not go out now (its topic turned off for the address since it
/// was written), or `None` to send it. Asked at sending time, so an opt-out clicked a minute
/// before still counts.
async fn held_back(db: &Db, c: &Claimed) -> Result<Option<String>> {
    let Consent::Topic(topic) = c.letter.consent() else {
        return Ok(None);
    };
    let Ok(email) = Email::parse(&c.recipient) else {
        return Ok(Some("the recipient is not an email address".into()));
    };
    let mut conn = db.pool.acquire().await?;
    Ok(
        (!crate::repo::consent::allows(&mut conn, c.store_id, &email, topic).await?)
            .then(|| format!("{} turned off for this address", topic.as_str())),
    )
}

/// Send the outbox every `every`, look for late and silent parcels every
/// [`crate::repo::notices::SWEEP_EVERY`], for customers to invite to review every
/// [`crate::repo::reviews::INVITE_EVERY`] and for lapsed customers to miss every
/// [`crate::repo::miss_you::MISS_YOU_EVERY`] and for customers to invite to a survey every
/// [`crate::repo::surveys::SURVEY_INVITE_EVERY`], for as long as the server runs.
pub fn spawn(db: Db, out: Outgoing, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_sweep = 0i64;
        let mut last_invite = 0i64;
        let mut last_miss = 0i64;
        let mut last_survey = 0i64;
        loop {
            tick.tick().await;
            let now = crate::util::now_ms();
            if now - last_sweep >= crate::repo::notices::SWEEP_EVERY.as_millis() as i64 {
                last_sweep = now;
                if let Err(e) = crate::repo::notices::sweep(&db, now).await {
                    tracing::warn!(error = %e, "parcel sweep failed");
                }
            }
            if now - last_invite >= crate::repo::reviews::INVITE_EVERY.as_millis() as i64 {
                last_invite = now;
                if let Err(e) = crate::repo::reviews::invitations(&db, now).await {
                    tracing::warn!(error = %e, "review invitations failed");
                }
            }
            if now - last_miss >= crate::repo::miss_you::MISS_YOU_EVERY.as_millis() as i64 {
                last_miss = now;
                if let Err(e) = crate::repo::miss_you::sweep(&db, now).await {
                    tracing::warn!(error = %e, "we-miss-you sweep failed");
                }
            }
            if now - last_survey >= crate::repo::surveys::SURVEY_INVITE_EVERY.as_millis() as i64 {
                last_survey = now;
                if let Err(e) = crate::repo::surveys::invitations(&db, now).await {
                    tracing::warn!(error = %e, "survey invitations failed");
                }
            }
            if let Err(e) = send_due(&db, &out, now).await {
                tracing::warn!(error = %e, "email round failed");
            }
        }
    });
}
