//! `aftercare-nps`: the NPS (0–10) or CSAT (1–5) card with its follow-up question.
//!
//! The server decides whether the card may be shown (`survey_prompt`); the widget never applies
//! recontact rules itself. A chosen score is saved at once with a `PUT` to a response id made
//! here, and the follow-up comment later updates the same id, so retries and reloads can never
//! create a second response. Anything the server has not acknowledged waits in `localStorage`
//! ([`pending`]) and is sent again with backoff, when the browser comes back online, and on the
//! next mount. The views are in [`view`].

mod pending;
mod view;

use crate::i18n;
use crate::shell::error_code;
use crate::shell::ElementProps;
use crate::shell::Events;
use aftercare_shared::api::{
    StoreConfig, SurveyDismissal, SurveyPrompt, SurveyPromptRequest, SurveyResponseInput,
};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::error::ErrorCode;
use aftercare_shared::survey::{Category, SurveyKind};
use aftercare_shared::Locale;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pending::Pending;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("nps.css");

/// Longest follow-up comment, in UTF-16 code units (what `maxlength` counts; never more
/// characters than the server's limit).
pub const MAX_COMMENT: usize = 2000;

/// What the card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stage {
    /// Asking the server (or flushing a queued response): nothing visible, no space taken.
    #[default]
    Deciding,
    /// Not eligible, dismissed, closed or failed: nothing at all.
    Hidden,
    /// The scale and, once a score is chosen, the follow-up.
    Card,
    /// "Thank you".
    Thanks,
}

/// The category of a score on `kind`'s scale (shared rules, one source of truth).
fn category(kind: SurveyKind, score: u8) -> Category {
    kind.score(i64::from(score))
        .map(aftercare_shared::survey::Score::category)
        .unwrap_or(Category::Passive)
}

/// What the views show: one signal (one generic instantiation in the wasm instead of one per
/// field); each render effect rebuilds only when the fields it shows changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Ui {
    stage: Stage,
    prompt: Option<SurveyPrompt>,
    score: Option<u8>,
    comment: String,
    contact: bool,
    offline: bool,
    busy: bool,
    failed: bool,
    store: Option<StoreConfig>,
}

/// What the card keeps between events and never renders.
struct Inner {
    client: Client,
    visit: String,
    pending: Option<Pending>,
    inflight: bool,
    attempt: u32,
    retry_timer: Option<TimeoutHandle>,
    draft_timer: Option<TimeoutHandle>,
    /// The score last reported by `aftercare:nps-submitted`.
    announced: Option<u8>,
    /// A response queued by an earlier page is being flushed: success shows "Thank you".
    flushing: bool,
}

/// One card's state and actions: `Copy`, so every event handler and timer shares it; all of
/// it is disposed with the card (every access after that is a no-op).
#[derive(Clone, Copy)]
pub(crate) struct Survey {
    inner: StoredValue<Inner>,
    ui: RwSignal<Ui>,
    events: Events,
    root: NodeRef<Div>,
    kind: SurveyKind,
    locale: Signal<Locale>,
    order: Signal<Option<String>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Survey {
    /// Use the non-rendered state (`None` once disposed).
    fn io<R>(self, f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
        self.inner.try_update_value(f)
    }

    /// Change what is shown (one notification).
    fn show(self, f: impl FnOnce(&mut Ui)) {
        self.ui.try_update(f);
    }

    /// Read what is shown, untracked (`None` once disposed).
    fn shown<R>(self, f: impl FnOnce(&Ui) -> R) -> Option<R> {
        self.ui.try_with_untracked(f)
    }

    fn stage(self, stage: Stage) {
        self.show(|u| u.stage = stage);
    }

    fn client(self) -> Option<(Client, String, Locale)> {
        let l = self.locale.try_get_untracked()?;
        self.io(|i| (i.client.clone(), i.visit.clone(), l))
    }

    fn emit(self, name: &str, fields: &[(&str, JsValue)]) {
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
    fn start(self) {
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
        let Some((client, visit_id, l)) = self.client() else {
            return;
        };
        let req = SurveyPromptRequest {
            visit_id,
            order_number: self.order.get_untracked(),
        };
        let kind = self.kind;
        spawn_local(async move {
            let r = client.survey_prompt(kind, &req, l).await;
            if self.shown(|u| u.stage) != Some(Stage::Deciding) {
                return; // unmounted meanwhile
            }
            match r {
                Ok(p) if p.eligibility.eligible => self.show(|u| {
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

    /// Change the queued response (a new revision the server has not seen) and send it.
    fn change(self, f: impl FnOnce(&mut Pending)) {
        let kind = self.kind;
        self.io(|i| {
            let p = i.pending.get_or_insert_with(|| Pending {
                id: pending::random_id(),
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
    fn send(self) {
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

/// The NPS / CSAT card as a Leptos component, for Rust developers composing their own app;
/// the `aftercare-nps` custom element renders exactly this.
///
/// Emits `aftercare:ready`, `aftercare:nps-submitted`, `aftercare:nps-comment-saved`,
/// `aftercare:nps-dismissed`, `aftercare:review-invited` and `aftercare:error` (bubbling,
/// composed) on the host element, or on its root container when used without one.
#[component]
pub fn NpsWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`).
    #[prop(into)]
    publishable_key: String,
    /// Customer token or guest order session. Without one nothing renders (one
    /// `aftercare:error` `{code: "unauthorized"}`): surveys are per customer.
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// NPS (0–10, default) or CSAT (1–5).
    #[prop(into, default = Signal::stored(SurveyKind::Nps))]
    kind: Signal<SurveyKind>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// A fixed corner card (bottom right; full width on phones) instead of an inline one.
    #[prop(into, optional)]
    floating: Signal<bool>,
    /// The order the survey is about, if any.
    #[prop(into, optional)]
    order: Signal<Option<String>>,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let warned = StoredValue::new(false);
    Effect::new(move |_| {
        if token.get().is_none() && !warned.get_value() {
            warned.set_value(true);
            events.emit(
                "aftercare:error",
                &[
                    ("code", JsValue::from_str("unauthorized")),
                    (
                        "message",
                        JsValue::from_str("aftercare-nps needs a customer token or order session in its token attribute"),
                    ),
                ],
            );
        }
    });
    // A new token or kind is a new card (new state, new prompt); language, layout and order
    // changes update the one on screen.
    let body = move || {
        let kind = kind.get();
        token.get().map(|t| {
            let c = client.with_token(&t);
            card(c, events, root, kind, locale, floating, order)
        })
    };
    view! {
        <div class="root nps-root" lang=move || locale.get().tag() node_ref=root>
            {body}
        </div>
    }
}

/// One card for one token and kind: state, mount-time flush or prompt, retry triggers.
fn card(
    client: Client,
    events: Events,
    root: NodeRef<Div>,
    kind: SurveyKind,
    locale: Signal<Locale>,
    floating: Signal<bool>,
    order: Signal<Option<String>>,
) -> impl IntoView {
    let s = Survey {
        inner: StoredValue::new(Inner {
            client,
            visit: pending::visit_id(),
            pending: None,
            inflight: false,
            attempt: 0,
            retry_timer: None,
            draft_timer: None,
            announced: None,
            flushing: false,
        }),
        ui: RwSignal::new(Ui::default()),
        events,
        root,
        kind,
        locale,
        order,
    };
    s.start();
    // Back online: send now instead of waiting for the next backoff step.
    let online = window_event_listener_untyped("online", move |_| s.send());
    on_cleanup(move || {
        online.remove();
        s.io(|i| {
            for t in [i.retry_timer.take(), i.draft_timer.take()]
                .into_iter()
                .flatten()
            {
                t.clear();
            }
        });
    });
    let mut ready = false;
    Effect::new(move |_| {
        if !ready
            && s.ui
                .with(|u| matches!(u.stage, Stage::Card | Stage::Thanks))
        {
            ready = true;
            s.emit("aftercare:ready", &[("widget", JsValue::from_str("nps"))]);
        }
    });
    view::card(s, floating)
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale_attr = p.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let kind_attr = p.attrs.get("kind");
    let kind = Signal::derive(move || {
        kind_attr
            .get()
            .and_then(|k| SurveyKind::from_wire(&k.to_ascii_lowercase()))
            .unwrap_or(SurveyKind::Nps)
    });
    let layout = p.attrs.get("layout");
    view! {
        <NpsWidget
            api=p.api
            publishable_key=p.key
            token=p.attrs.get("token")
            kind=kind
            locale=locale
            floating=Signal::derive(move || layout.get().as_deref() == Some("floating"))
            order=p.attrs.get("order")
        />
    }
    .into_any()
}
