//! One card's state and actions: the mount-time flush or prompt, the shopper's choices, and
//! delivery of the queued response (one `PUT` in flight, backoff, refusals).

use super::pending::{self, Pending};
use super::{category, Stage, Ui};
use crate::shell::error_code;
use crate::shell::visit::{claim_ask, AskKind};
use crate::shell::Events;
use aftercare_shared::api::{SurveyDismissal, SurveyPromptRequest, SurveyResponseInput};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::error::ErrorCode;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// What the card keeps between events and never renders.
pub(super) struct Inner {
    pub(super) client: Client,
    pub(super) visit: String,
    pub(super) pending: Option<Pending>,
    pub(super) inflight: bool,
    pub(super) attempt: u32,
    pub(super) retry_timer: Option<TimeoutHandle>,
    pub(super) draft_timer: Option<TimeoutHandle>,
    /// The score last reported by `aftercare:nps-submitted`.
    pub(super) announced: Option<u8>,
    /// A response queued by an earlier page is being flushed: success shows "Thank you".
    pub(super) flushing: bool,
}

/// One card's state and actions: `Copy`, so every event handler and timer shares it; all of
/// it is disposed with the card (every access after that is a no-op).
#[derive(Clone, Copy)]
pub(crate) struct Survey {
    pub(super) inner: StoredValue<Inner>,
    pub(super) ui: RwSignal<Ui>,
    pub(super) events: Events,
    pub(super) root: NodeRef<Div>,
    pub(super) kind: SurveyKind,
    pub(super) locale: Signal<Locale>,
    pub(super) order: Signal<Option<String>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Survey {
    /// Use the non-rendered state (`None` once disposed).
    pub(super) fn io<R>(self, f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
        self.inner.try_update_value(f)
    }

    /// Change what is shown (one notification).
    fn show(self, f: impl FnOnce(&mut Ui)) {
        self.ui.try_update(f);
    }

    /// Read what is shown, untracked (`None` once disposed).
    pub(super) fn shown<R>(self, f: impl FnOnce(&Ui) -> R) -> Option<R> {
        self.ui.try_with_untracked(f)
    }

    fn stage(self, stage: Stage) {
        self.show(|u| u.stage = stage);
    }

    /// What asking for the card takes: the client, the request for this visit and order, and
    /// the language to ask in.
    fn prompt_request(self) -> Option<(Client, SurveyPromptRequest, Locale)> {
        let (client, visit_id, l) = self.client()?;
        let order_number = self.order.try_get_untracked()?;
        Some((
            client,
            SurveyPromptRequest {
                visit_id,
                order_number,
            },
            l,
        ))
    }

    fn client(self) -> Option<(Client, String, Locale)> {
        let l = self.locale.try_get_untracked()?;
        self.io(|i| (i.client.clone(), i.visit.clone(), l))
    }

    pub(super) fn emit(self, name: &str, fields: &[(&str, JsValue)]) {
        self.events.emit(name, fields);
    }

    fn emit_error(self, e: &ClientError) {
        self.emit(
            "aftercare:error",
            &[
                ("code", JsValue::from_str(error_code(e))),
                ("message", JsValue::from_str(&e.to_string())),
            ],
        );
    }

    /// `{kind, score, category}` of a response, the detail of the survey's events.
    fn detail(kind: SurveyKind, score: u8) -> [(&'static str, JsValue); 3] {
        [
            ("kind", JsValue::from_str(kind.as_str())),
            ("score", JsValue::from(score)),
            (
                "category",
                JsValue::from_str(category(kind, score).as_str()),
            ),
        ]
    }

    /// On mount: flush what an earlier page left queued, else ask the server.
    pub(super) fn start(self) {
        match Pending::load() {
            Some(p) if p.stale(now()) || (p.acked && p.comment.trim().is_empty()) => {
                pending::forget(&p.id);
                self.ask();
            }
            Some(p) if p.kind != self.kind => {
                self.flush_other(p);
                self.ask();
            }
            Some(p) => {
                let restore = !p.done && !p.comment.trim().is_empty();
                if restore {
                    // Reloaded while writing: the card comes back with the draft.
                    self.restore(&p);
                }
                self.io(|i| {
                    i.announced = p.acked.then_some(p.score);
                    i.flushing = !restore;
                    i.pending = Some(p);
                });
                self.send();
            }
            None => self.ask(),
        }
    }

    /// Show the card as the queued response left it (no scale: the score is given).
    fn restore(self, p: &Pending) {
        self.show(|u| {
            u.score = Some(p.score);
            u.comment = p.comment.clone();
            u.contact = p.contact;
            u.stage = if p.done { Stage::Thanks } else { Stage::Card };
        });
    }

    /// A queued response of the other survey kind: deliver it quietly, no retry loop (the next
    /// mount of a card of that kind tries again).
    fn flush_other(self, p: Pending) {
        let Some((client, visit_id, l)) = self.client() else {
            return;
        };
        let input = SurveyResponseInput {
            kind: p.kind,
            score: p.score,
            comment: p.done.then(|| p.comment.trim().to_owned()),
            wants_contact: p.contact,
            order_number: None,
            visit_id,
        };
        spawn_local(async move {
            if client.put_survey_response(&p.id, &input, l).await.is_ok() {
                pending::forget(&p.id);
            }
        });
    }

    /// Ask the server whether to show the card, with the store's question and labels.
    fn ask(self) {
        self.stage(Stage::Deciding);
        let Some((client, req, l)) = self.prompt_request() else {
            return;
        };
        let kind = self.kind;
        spawn_local(async move {
            let r = client.survey_prompt(kind, &req, l).await;
            if self.shown(|u| u.stage) != Some(Stage::Deciding) {
                return; // unmounted meanwhile
            }
            match r {
                // One ask per visit across kinds: a review prompt already asked this visit.
                Ok(p) if p.eligibility.eligible && claim_ask(AskKind::Survey) => self.show(|u| {
                    u.prompt = Some(p);
                    u.stage = Stage::Card;
                }),
                Ok(_) => self.stage(Stage::Hidden),
                Err(e) => {
                    self.stage(Stage::Hidden);
                    self.emit_error(&e);
                }
            }
        });
    }

    /// The store's wording again, in the language just chosen: only the question and its two
    /// labels change. The same visit asks again, which the server records once.
    pub(super) fn reword(self) {
        if self.shown(|u| u.prompt.is_some()) != Some(true) {
            return;
        }
        let Some((client, req, l)) = self.prompt_request() else {
            return;
        };
        let kind = self.kind;
        spawn_local(async move {
            let Ok(p) = client.survey_prompt(kind, &req, l).await else {
                return; // the card keeps its wording
            };
            if self.locale.try_get_untracked() != Some(l) {
                return; // another language was chosen meanwhile
            }
            self.show(|u| {
                if let Some(shown) = u.prompt.as_mut() {
                    shown.question = p.question;
                    shown.low_label = p.low_label;
                    shown.high_label = p.high_label;
                }
            });
        });
    }

    /// Change the queued response (a new revision the server has not seen) and send it.
    fn change(self, f: impl FnOnce(&mut Pending)) {
        let kind = self.kind;
        self.io(|i| {
            let p = i.pending.get_or_insert_with(|| Pending {
                id: crate::shell::visit::random_id(),
                kind,
                score: 0,
                comment: String::new(),
                contact: false,
                done: false,
                acked: false,
                at: 0.0,
                rev: 0,
            });
            f(p);
            p.rev = p.rev.wrapping_add(1);
            p.acked = false;
            p.at = now();
            p.save();
        });
        self.send();
    }

    /// A score was chosen (click, tap, or arrow keys moving through the group): save it now.
    /// Several quick changes coalesce: one PUT in flight, then the latest score.
    pub(crate) fn choose(self, score: u8) {
        self.show(|u| u.score = Some(score));
        self.change(|p| p.score = score);
    }

    /// "Ask the store to contact me" toggled: saved at once; the contact channels are fetched
    /// only now (most shoppers never need them).
    pub(crate) fn set_contact(self, on: bool) {
        self.show(|u| u.contact = on);
        self.change(|p| p.contact = on);
        if on && self.shown(|u| u.store.is_none()) == Some(true) {
            let Some((client, _, l)) = self.client() else {
                return;
            };
            spawn_local(async move {
                if let Ok(cfg) = client.store_config_for(l).await {
                    self.show(|u| u.store = Some(cfg));
                }
            });
        }
    }

    /// The comment box changed: keep the draft in memory now, in storage shortly after typing
    /// pauses (a reload while writing keeps it).
    pub(crate) fn draft(self, text: String) {
        self.show(|u| u.comment = text);
        let timer = set_timeout_with_handle(
            move || {
                let Some(text) = self.shown(|u| u.comment.clone()) else {
                    return;
                };
                self.io(|i| {
                    if let Some(p) = i.pending.as_mut().filter(|p| !p.done) {
                        p.comment = text;
                        p.at = now();
                        p.save();
                    }
                });
            },
            Duration::from_millis(400),
        )
        .ok();
        if let Some(Some(old)) = self.io(|i| std::mem::replace(&mut i.draft_timer, timer)) {
            old.clear();
        }
    }

    /// Send: the comment updates the same response id; then "Thank you".
    pub(crate) fn submit(self) {
        let Some((false, text)) = self.shown(|u| (u.busy, u.comment.clone())) else {
            return;
        };
        self.show(|u| {
            u.busy = true;
            u.failed = false;
        });
        self.change(|p| {
            p.comment = text;
            p.done = true;
        });
    }

    /// "Not now" before answering: the server starts the quiet period; the card goes away.
    pub(crate) fn dismiss(self) {
        self.stage(Stage::Hidden);
        self.emit(
            "aftercare:nps-dismissed",
            &[("kind", JsValue::from_str(self.kind.as_str()))],
        );
        let Some((client, visit_id, _)) = self.client() else {
            return;
        };
        let kind = self.kind;
        spawn_local(async move {
            if let Err(e) = client
                .dismiss_survey(kind, &SurveyDismissal { visit_id })
                .await
            {
                self.emit_error(&e);
            }
        });
    }

    /// Close button / Escape: a dismissal before a score, afterwards just hide (the score is
    /// saved; an unsent draft is dropped).
    pub(crate) fn close(self) {
        if self.shown(|u| u.score.is_none()) == Some(true) {
            return self.dismiss();
        }
        self.stage(Stage::Hidden);
        self.io(|i| {
            if let Some(p) = i.pending.as_mut().filter(|p| !p.done) {
                p.comment.clear();
                p.save();
            }
        });
    }

    /// The promoter's "Write a review": for the review prompt on the page to pick up.
    pub(crate) fn invite_review(self) {
        let order = self
            .order
            .get_untracked()
            .map_or(JsValue::NULL, |o| JsValue::from_str(&o));
        self.emit("aftercare:review-invited", &[("order_number", order)]);
        if let Some(anchor) = leptos::tachys::dom::document().get_element_by_id("reviews") {
            anchor.scroll_into_view();
        }
    }

    /// PUT the queued response unless one is in flight or the server already has it.
    pub(super) fn send(self) {
        let Some((client, visit_id, l)) = self.client() else {
            return; // unmounted: the entry stays queued for the next page
        };
        let next = self.io(|i| {
            let p = i.pending.clone().filter(|p| !p.acked && !i.inflight)?;
            if let Some(t) = i.retry_timer.take() {
                t.clear();
            }
            i.inflight = true;
            Some(p)
        });
        // In flight (its answer re-checks the revision), nothing to send, or unmounted.
        let Some(Some(p)) = next else { return };
        let comment = p.comment.trim();
        let input = SurveyResponseInput {
            kind: p.kind,
            score: p.score,
            comment: (p.done && !comment.is_empty()).then(|| comment.to_owned()),
            wants_contact: p.contact,
            order_number: self.order.get_untracked(),
            visit_id,
        };
        // No hidden retries inside the client: the queue's own backoff (and the `online` event)
        // retries, and the shopper sees "Saved on this device" at once.
        let client = client.with_retry(RetryPolicy::NONE);
        spawn_local(async move {
            let r = client.put_survey_response(&p.id, &input, l).await;
            if self.io(|i| i.inflight = false).is_none() {
                return;
            }
            match r {
                Ok(_) => self.delivered(p),
                Err(e) if e.is_transient() => self.queue(&p, &e),
                Err(e) => self.refused(p, &e),
            }
        });
    }

    /// The server has revision `p` (events, "Thank you"), unless the shopper changed it since.
    fn delivered(self, p: Pending) {
        let acked = self.io(|i| {
            i.attempt = 0;
            let q = i
                .pending
                .as_mut()
                .filter(|q| q.id == p.id && q.rev == p.rev)?;
            q.acked = true;
            q.save();
            let announce = i.announced != Some(p.score);
            i.announced = Some(p.score);
            Some((announce, std::mem::take(&mut i.flushing)))
        });
        self.show(|u| u.offline = false);
        let Some(Some((announce, flushing))) = acked else {
            return self.send(); // changed while in flight: send the newer revision
        };
        if announce {
            self.emit("aftercare:nps-submitted", &Self::detail(p.kind, p.score));
        }
        if p.done {
            let mut d = Self::detail(p.kind, p.score).to_vec();
            d.push(("wants_contact", JsValue::from_bool(p.contact)));
            self.emit("aftercare:nps-comment-saved", &d);
        }
        let by_shopper = self.shown(|u| u.busy) == Some(true);
        if p.done || flushing {
            self.show(|u| {
                u.busy = false;
                u.stage = Stage::Thanks;
            });
            if by_shopper {
                self.focus_thanks();
            }
        }
    }

    /// Offline, overloaded or rate limited: keep it queued, say so quietly, try again later.
    fn queue(self, p: &Pending, e: &ClientError) {
        let Some((n, flushing)) = self.io(|i| {
            let n = i.attempt;
            i.attempt = n.saturating_add(1);
            (n, std::mem::take(&mut i.flushing))
        }) else {
            return;
        };
        if flushing {
            self.restore(p);
        }
        let by_shopper = self.shown(|u| u.busy) == Some(true);
        self.show(|u| {
            u.offline = true;
            if u.busy {
                u.busy = false;
                u.stage = Stage::Thanks;
            }
        });
        if by_shopper {
            self.focus_thanks();
        }
        let backoff = 2_000u64.saturating_mul(1 << n.min(5)).min(60_000);
        let asked = match e {
            ClientError::Api { error, .. } => error.retry_after_seconds.unwrap_or(0) * 1000,
            _ => 0,
        };
        let timer = set_timeout_with_handle(
            move || self.send(),
            Duration::from_millis(backoff.max(asked)),
        )
        .ok();
        self.io(|i| i.retry_timer = timer);
    }

    /// A definite "no" (validation, expired sign-in …): report it; keep the entry only when a
    /// fresh token on the next page can deliver it.
    fn refused(self, p: Pending, e: &ClientError) {
        self.emit_error(e);
        let auth = matches!(
            e.code(),
            Some(ErrorCode::Unauthorized | ErrorCode::InvalidToken | ErrorCode::TokenExpired)
        );
        if !auth {
            pending::forget(&p.id);
        }
        let flushing = self.io(|i| {
            if let Some(q) = i.pending.as_mut() {
                // Nothing more to send for this revision; Send may try again with an edit.
                q.acked = true;
                q.done = false;
            }
            std::mem::take(&mut i.flushing)
        });
        if flushing == Some(true) {
            return self.ask();
        }
        self.show(|u| {
            if u.busy {
                u.busy = false;
                u.failed = true;
            }
        });
    }

    /// After the shopper's Send: focus the thank-you line so the change is announced and
    /// keyboard users are not left on a removed button.
    fn focus_thanks(self) {
        let root = self.root;
        request_animation_frame(move || {
            if let Some(t) = root
                .try_get_untracked()
                .flatten()
                .and_then(|r| r.query_selector(".thanks").ok().flatten())
            {
                let _ = t.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }
}
