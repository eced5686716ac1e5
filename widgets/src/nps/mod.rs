//! `aftercare-nps`: the NPS (0–10) or CSAT (1–5) card with its follow-up question.
//!
//! The server decides whether the card may be shown (`survey_prompt`); the widget never applies
//! recontact rules itself. A chosen score is saved at once with a `PUT` to a response id made
//! here, and the follow-up comment later updates the same id, so retries and reloads can never
//! create a second response. Anything the server has not acknowledged waits in `localStorage`
//! ([`pending`]) and is sent again with backoff, when the browser comes back online, and on the
//! next mount. The card's state and actions are in [`survey`], the views in [`view`], the
//! custom element in [`element`].

mod element;
mod pending;
mod survey;
mod view;

pub(crate) use element::element_view;

use crate::shell::Events;
use aftercare_shared::api::{StoreConfig, SurveyPrompt};
use aftercare_shared::client::Client;
use aftercare_shared::survey::{Category, SurveyKind};
use aftercare_shared::Locale;
use leptos::html::Div;
use leptos::prelude::*;
use survey::{Inner, Survey};
use wasm_bindgen::JsValue;

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
            visit: crate::shell::visit::visit_id(),
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
    // A new language: the store's question and labels are asked for in it.
    Effect::watch(move || locale.get(), move |_, _, _| s.reword(), false);
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
