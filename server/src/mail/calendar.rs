//! The store's communication calendar at sending time: an optional message due now waits
//! for the end of the customer's quiet hours and for room under the cap
//! (`aftercare_shared::notify::calendar`), and parcel news that would arrive stale by then is
//! not sent at all.

use crate::db::Db;
use crate::error::Error;
use crate::error::Result;
use crate::repo::calendar;
use crate::repo::outbox::{self, Claimed, Letter};
use aftercare_shared::api::{EmailCalendar, EmailHold, EmailPlan, PlannedEmail, Topic};
use aftercare_shared::notify::calendar::{slot, Slot};
use aftercare_shared::notify::{is_fresh, Consent};
use aftercare_shared::time::Timestamp;
use aftercare_shared::Email;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

const DAY_MS: i64 = 86_400_000;

/// What the calendar says of a claimed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Send it now.
    Send,
    /// Not before `at_ms`.
    Wait {
        /// The earliest moment allowed.
        at_ms: i64,
        /// Why.
        why: EmailHold,
    },
    /// Never: by the time it may go, its news is old (the reason, for the merchant).
    Stale(String),
}

/// The calendars of the stores met in one sending round, read once each.
#[derive(Default)]
pub(super) struct Calendars(HashMap<i64, EmailCalendar>);

impl Calendars {
    async fn of(&mut self, db: &Db, store_id: i64) -> Result<EmailCalendar> {
        if let Some(c) = self.0.get(&store_id) {
            return Ok(*c);
        }
        let c = calendar::get(db, store_id).await?;
        self.0.insert(store_id, c);
        Ok(c)
    }
}

/// The calendar's verdict on `c` at `now_ms`. Transactional messages are always sent.
pub(super) async fn verdict(
    db: &Db,
    calendars: &mut Calendars,
    c: &Claimed,
    now_ms: i64,
) -> Result<Verdict> {
    if c.letter.consent() == Consent::Always {
        return Ok(Verdict::Send);
    }
    let cal = calendars.of(db, c.store_id).await?;
    // Neither rule that holds a message is on ("we miss you" only writes messages).
    if cal.cap.is_none() && cal.quiet_hours.is_none() {
        return Ok(Verdict::Send);
    }
    let offset = offset(db, c.store_id, &c.recipient).await?;
    let sent = sent_within(db, &cal, c.store_id, &c.recipient, now_ms).await?;
    Ok(match slot(&cal, offset, &sent, now_ms) {
        Slot::Now => Verdict::Send,
        Slot::Later { at_ms, why } => match &c.letter {
            Letter::Parcel { at_ms: news, .. } if !is_fresh(*news, at_ms) => {
                Verdict::Stale(format!(
                    "held by the {} past the time its news was current",
                    hold_name(why)
                ))
            }
            _ => Verdict::Wait { at_ms, why },
        },
    })
}

fn hold_name(why: EmailHold) -> &'static str {
    match why {
        EmailHold::QuietHours => "customer's quiet hours",
        EmailHold::Cap => "cap on optional emails",
        EmailHold::Retry => "retries",
    }
}

/// The customer's clock in minutes east of UTC, 0 (UTC) when no order gave one.
async fn offset(db: &Db, store_id: i64, recipient: &str) -> Result<i32> {
    Ok(match Email::parse(recipient) {
        Ok(email) => calendar::offset_of(db, store_id, &email)
            .await?
            .unwrap_or(0),
        Err(_) => 0,
    })
}

/// When optional messages went to `recipient` inside the cap's window; none without a cap.
async fn sent_within(
    db: &Db,
    cal: &EmailCalendar,
    store_id: i64,
    recipient: &str,
    now_ms: i64,
) -> Result<Vec<i64>> {
    match cal.cap {
        Some(cap) => {
            let since = now_ms - i64::from(cap.days) * DAY_MS;
            calendar::optional_sent_since(db, store_id, recipient, since).await
        }
        None => Ok(Vec::new()),
    }
}

/// What will be sent to whom and when (`GET /v1/admin/emails/plan`): the `limit` messages due
/// soonest, each moved past the customer's quiet hours and the cap as the sender will move it
/// (a customer's earlier messages in the list count towards the cap of the later ones), then
/// listed soonest first. A forecast: the sender asks the calendar again when each comes up.
pub async fn plan(db: &Db, store_id: i64, limit: i64, now_ms: i64) -> Result<EmailPlan> {
    let cal = calendar::get(db, store_id).await?;
    let (rows, total) = outbox::plan(db, store_id, limit).await?;
    // Per recipient: their clock and the optional sends the forecast has counted so far.
    let mut people: HashMap<String, (i32, Vec<i64>)> = HashMap::new();
    let mut messages = Vec::with_capacity(rows.len());
    for (id, recipient, kind, topic, due_ms, hold, attempts) in rows {
        let (clock, sent) = match people.entry(recipient.clone()) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => new.insert((
                offset(db, store_id, &recipient).await?,
                sent_within(db, &cal, store_id, &recipient, now_ms).await?,
            )),
        };
        let topic = match topic {
            Some(t) => Some(
                Topic::from_wire(&t)
                    .ok_or_else(|| Error::internal(format!("outbox row {id}: topic {t:?}")))?,
            ),
            None => None,
        };
        let mut at = due_ms.max(now_ms);
        let mut held = hold.as_deref().and_then(EmailHold::parse);
        if topic.is_some() {
            if let Slot::Later { at_ms, why } = slot(&cal, *clock, sent, at) {
                at = at_ms;
                held = Some(why);
            }
            sent.push(at);
        }
        messages.push(PlannedEmail {
            id,
            recipient,
            kind,
            topic,
            send_at: Timestamp::from_utc_ms(at, i16::try_from(*clock).unwrap_or(0)),
            held,
            attempts,
        });
    }
    messages.sort_by_key(|m| (m.send_at.utc_ms, m.id));
    Ok(EmailPlan {
        calendar: cal,
        messages,
        total,
    })
}
