//! `aftercare-returns`: returns and exchanges for signed-in customers (token) and guests
//! (lookup), the EU withdrawal button, and each return's live status page.
//!
//! Data flow: the shell (like tracking's) decides what to show — the guest lookup, the
//! customer's order list, or one order's return flow. The flow loads
//! `GET /v1/orders/{n}/returns/options` once, restores the order's [`draft`] from
//! `localStorage`, and walks the steps Items → Reasons → Photos (only when a chosen reason asks
//! for them) → Resolution → Review; submitting creates the return with the draft's own
//! idempotency key (a double click, a retry or a reload after sending never makes two), then
//! the status page polls `GET /v1/returns/{rma}` while the tab is visible.
//!
//! The steps are built with the shared DOM builder (one file per step) from the flow's state,
//! and every control reports to a handful of delegated listeners on the flow's container:
//! the same DOM as typed views for a fraction of the wasm. A step is rebuilt only when the
//! shopper moves between steps, the language changes or a reload brings new data; changes
//! inside a step update just the part they affect, so focus and typing are never disturbed.

pub mod draft;
mod items;
mod photos;
mod reasons;
mod resolution;
mod review;
mod status;
mod withdrawal;

use crate::dom::{el, set, txt};
use crate::i18n::{self, t, tr, Msg};
use crate::shell::ElementProps;
use crate::shell::GuestLookup;
use crate::shell::{
    focus_heading, order_list, page_hidden, problem_card, skeleton, use_visible_polling, Back,
    Events, Failure,
};
use aftercare_shared::api::{
    OrderSession, ReturnDetail, ReturnOptions, WithdrawalConfirmation, WithdrawalInput,
};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::error::ErrorCode;
use aftercare_shared::order::OrderSummary;
use aftercare_shared::returns::{RefundEstimate, ReturnStatus};
use aftercare_shared::{Locale, OrderNumber};
use draft::{Draft, Problem, Step, What};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("returns.css");

/// Status page poll interval when the `refresh` attribute is absent, and the shortest allowed.
const REFRESH_DEFAULT: u32 = 30;
const REFRESH_MIN: u32 = 2;

/// What the inputs ask to show.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Guest without a session: the lookup form.
    Lookup,
    /// Customer without an order number: their order list.
    List(String),
    /// One order's returns (or one return's status page), with the token and where "back" leads.
    Flow(FlowTarget),
}

/// The order (or return) a flow is for.
#[derive(Debug, Clone, PartialEq)]
struct FlowTarget {
    token: String,
    number: Option<String>,
    rma: Option<String>,
    back: Back,
    guest: bool,
}

/// What the shell shows.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Lookup(Option<Msg<'static>>),
    Orders(Vec<OrderSummary>, Option<String>),
    Flow(FlowTarget),
    Failed(Failure, Back),
}

/// Returns and exchanges as a Leptos component, for Rust developers composing their own app;
/// the `aftercare-returns` custom element renders exactly this.
///
/// Emits `aftercare:ready`, `aftercare:return-created`, `aftercare:return-updated`,
/// `aftercare:return-cancelled`, `aftercare:withdrawal-confirmed`, `aftercare:lookup-failed`
/// and `aftercare:error` (bubbling, composed) on the host element, or on its root container
/// when used without one.
#[component]
pub fn ReturnsWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`); also names the drafts kept in `localStorage`.
    #[prop(into)]
    publishable_key: String,
    /// Order number: its return form with a token, prefilled in the guest form without one.
    #[prop(into, optional)]
    order: Signal<Option<String>>,
    /// Customer token minted by the merchant's backend; absent means guest lookup.
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// Email to prefill in the guest lookup form.
    #[prop(into, optional)]
    email: Signal<Option<String>>,
    /// A return's RMA number: open its status page directly (after the lookup for guests).
    #[prop(into, optional)]
    rma: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// Seconds between status page refreshes (default 30, at least 2).
    #[prop(into, optional)]
    refresh: Signal<Option<u32>>,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let selected = RwSignal::new(None::<OrderNumber>);
    let session = RwSignal::new(None::<OrderSession>);
    let notice = RwSignal::new(None::<Msg<'static>>);
    let retry = RwSignal::new(0u32);
    let phase = RwSignal::new(Phase::Loading);
    let navigated = StoredValue::new(false);

    let target = Memo::new(move |_| {
        let rma = rma.get();
        match token.get() {
            Some(token) => match (order.get(), selected.get()) {
                (Some(number), _) => Target::Flow(FlowTarget {
                    token,
                    number: Some(number),
                    rma,
                    back: Back::None,
                    guest: false,
                }),
                (None, Some(n)) => Target::Flow(FlowTarget {
                    token,
                    number: Some(n.to_string()),
                    rma: None,
                    back: Back::List,
                    guest: false,
                }),
                (None, None) if rma.is_some() => Target::Flow(FlowTarget {
                    token,
                    number: None,
                    rma,
                    back: Back::None,
                    guest: false,
                }),
                (None, None) => Target::List(token),
            },
            None => match session.get() {
                Some(s) => Target::Flow(FlowTarget {
                    token: s.token,
                    number: Some(s.order_number.to_string()),
                    rma,
                    back: Back::Lookup,
                    guest: true,
                }),
                None => Target::Lookup,
            },
        }
    });
    // A different customer's token invalidates a choice made from the previous list.
    Effect::watch(
        move || token.get(),
        move |_, _, _| selected.set(None),
        false,
    );

    let generation = StoredValue::new(0u32);
    let list_client = client.clone();
    Effect::new(move |_| {
        retry.track();
        let target = target.get();
        let g = generation.get_value().wrapping_add(1);
        generation.set_value(g);
        match target {
            Target::Lookup => phase.set(Phase::Lookup(notice.get_untracked())),
            Target::List(token) => {
                phase.set(Phase::Loading);
                let c = list_client.with_token(&token);
                spawn_local(async move {
                    let r = c.orders(None).await;
                    if generation.try_get_value() != Some(g) {
                        return;
                    }
                    match r {
                        Ok(p) => phase.set(Phase::Orders(p.items, p.next_cursor)),
                        Err(e) => {
                            events.error(&e);
                            phase.set(Phase::Failed(Failure::of(&e), Back::None));
                        }
                    }
                });
            }
            Target::Flow(f) => phase.set(Phase::Flow(f)),
        }
    });

    // `aftercare:ready` once, when the first real content (not a skeleton) is on screen.
    let ready_sent = StoredValue::new(false);
    let ready = Callback::new(move |_: ()| {
        if ready_sent.try_get_value() == Some(false) {
            ready_sent.set_value(true);
            events.emit(
                "aftercare:ready",
                &[("widget", JsValue::from_str("returns"))],
            );
        }
    });
    Effect::new(move |_| {
        if phase.with(|p| !matches!(p, Phase::Loading | Phase::Flow(_))) {
            ready.run(());
        }
    });
    // After the shopper navigates between lists and forms, focus the new content's heading.
    Effect::new(move |_| {
        let settled = phase.with(|p| !matches!(p, Phase::Loading | Phase::Flow(_)));
        if settled && navigated.try_get_value() == Some(true) {
            navigated.set_value(false);
            request_animation_frame(move || focus_heading(root));
        }
    });

    let on_session = Callback::new(move |s: OrderSession| {
        navigated.set_value(true);
        notice.set(None);
        session.set(Some(s));
    });
    let on_pick = Callback::new(move |n: OrderNumber| {
        navigated.set_value(true);
        selected.set(Some(n));
    });
    // A guest's order session ran out: back to the form, with a reason.
    let on_expired = Callback::new(move |_: ()| {
        notice.set(Some(Msg::SessionExpired));
        session.set(None);
    });
    let more_client = client.clone();
    let load_more = Callback::new(move |cursor: String| {
        let c = match target.get_untracked() {
            Target::List(token) => more_client.with_token(&token),
            _ => return,
        };
        spawn_local(async move {
            match c.orders(Some(&cursor)).await {
                Ok(p) => {
                    phase.try_update(|ph| {
                        if let Phase::Orders(items, next) = ph {
                            items.extend(p.items);
                            *next = p.next_cursor;
                        }
                    });
                }
                Err(e) => events.error(&e),
            }
        });
    });

    let back_link = move |back: Back| {
        let (msg, action): (Msg<'static>, Callback<()>) = match back {
            Back::None => return None,
            Back::List => (
                Msg::AllOrders,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    selected.set(None);
                }),
            ),
            Back::Lookup => (
                Msg::LookUpAnother,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    notice.set(None);
                    session.set(None);
                }),
            ),
        };
        Some(view! {
            <p class="back">
                <button type="button" class="link" part="button" on:click=move |_| action.run(())>
                    {tr(locale, msg)}
                </button>
            </p>
        })
    };

    let ctx = Shared {
        api,
        key: publishable_key,
        client,
        events,
        locale,
        refresh,
        ready,
        on_expired,
    };
    let body = move || {
        match phase.get() {
        Phase::Loading => skeleton(locale).into_any(),
        Phase::Lookup(notice) => view! {
            <GuestLookup
                heading=Msg::ReturnsHeading
                intro=Msg::TrackIntro
                button=Msg::FindOrder
                locale=locale
                order=order
                email=email
                client=ctx.client.clone()
                on_session=on_session
                events=events
                notice=notice
            />
        }
        .into_any(),
        Phase::Orders(list, next) => view! {
            <section class="list">
                <h2 part="heading">{tr(locale, Msg::ChooseOrder)}</h2>
                {move || order_list(list.clone(), locale, on_pick)}
                {next.map(|cursor| {
                    view! {
                        <button type="button" class="btn secondary" part="button" on:click=move |_| load_more.run(cursor.clone())>
                            {tr(locale, Msg::LoadMore)}
                        </button>
                    }
                })}
            </section>
        }
        .into_any(),
        Phase::Flow(target) => {
            let back = target.back;
            let focus = navigated.get_value();
            navigated.set_value(false);
            view! {
                {back_link(back)}
                {flow(ctx.clone(), target, focus)}
            }
            .into_any()
        }
        Phase::Failed(f, back) => view! {
            {back_link(back)}
            {problem_card(locale, f, Msg::ReturnsUnreachable, Callback::new(move |_| retry.update(|n| *n += 1)))}
        }
        .into_any(),
    }
    };
    view! {
        <div class="root" part="container" lang=move || locale.get().tag() node_ref=root>
            {body}
        </div>
    }
}

/// What every flow gets from the widget.
#[derive(Clone)]
struct Shared {
    api: String,
    key: String,
    client: Client,
    events: Events,
    locale: Signal<Locale>,
    refresh: Signal<Option<u32>>,
    ready: Callback<()>,
    on_expired: Callback<()>,
}

/// What the flow's container shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Screen {
    Loading,
    Failed(Failure),
    Step(Step),
    /// "Withdraw from the contract?"
    Withdraw,
    /// A stored withdrawal (`Inner::withdrawal`).
    Withdrawn,
    /// A return's status page (`Inner::detail`).
    Status,
}

/// The server's estimate for the Review step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Estimate {
    Idle,
    Loading,
    Ready(RefundEstimate),
    Failed,
}

/// A photo on its way to the server (or refused), not yet in the draft.
pub(crate) struct Upload {
    /// Local id (`data-v="u{id}"`).
    pub id: u32,
    pub item_id: i64,
    pub name: String,
    /// The file, kept for "Try again" (`None` when refused before sending).
    pub file: Option<web_sys::File>,
    /// A `data:` URL preview once read (allowed by `img-src data:`, unlike `blob:`).
    pub preview: Option<JsValue>,
    /// Percent sent.
    pub progress: u32,
    /// `None` while sending, else why it failed.
    pub failed: Option<draft::FileProblem>,
    pub xhr: Option<web_sys::XmlHttpRequest>,
    /// Keeps the progress listener alive while the request runs.
    pub listener: Option<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::ProgressEvent)>>,
}

/// The flow's state: everything it keeps between events.
pub(crate) struct Inner {
    pub client: Client,
    /// For the photo upload (XMLHttpRequest, for its progress events).
    pub api: String,
    pub key: String,
    pub token: String,
    pub guest: bool,
    pub number: Option<OrderNumber>,
    pub options: Option<ReturnOptions>,
    pub draft: Draft,
    pub screen: Screen,
    /// What keeps the shopper on the current step (shown after a first Continue).
    pub problems: Vec<Problem>,
    pub tried: bool,
    /// A message for the whole screen (a failed submit, cancel or withdrawal).
    pub notice: Option<Msg<'static>>,
    pub uploads: Vec<Upload>,
    pub next_upload: u32,
    pub estimate: Estimate,
    /// Which estimate request the shown one must answer.
    pub estimate_gen: u32,
    /// The return on the status page.
    pub detail: Option<ReturnDetail>,
    /// The return was created just now (the status page says so).
    pub created: bool,
    /// "Cancel this return?" is open.
    pub confirm: bool,
    /// A create / cancel / withdrawal request is in flight.
    pub busy: bool,
    /// The withdrawal shown on the Withdrawn screen.
    pub withdrawal: Option<WithdrawalConfirmation>,
    /// Focus the heading after the next build.
    pub focus: bool,
    /// Or focus the element this selector finds (what replaced a pressed button).
    pub focus_key: Option<&'static str>,
    /// Or focus the first control with a problem (the server refused a field).
    pub focus_problem: bool,
    /// A status poll is in flight.
    pub polling: bool,
}

/// One order's return flow: state, actions and rendering hooks. `Copy`, so every listener,
/// timer and task shares it; all of it is disposed with the flow (later access is a no-op).
#[derive(Clone, Copy)]
pub(crate) struct Flow {
    inner: StoredValue<Inner, LocalStorage>,
    /// Bumped to rebuild the screen.
    page: RwSignal<u32>,
    pub locale: Signal<Locale>,
    events: Events,
    /// The flow's container (the rebuilt screen lives in it).
    host: NodeRef<Div>,
    ready: Callback<()>,
    on_expired: Callback<()>,
}

impl Flow {
    /// Change the state (`None` once disposed).
    pub(crate) fn io<R>(self, f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
        self.inner.try_update_value(f)
    }

    /// Read the state (`None` once disposed).
    pub(crate) fn with<R>(self, f: impl FnOnce(&Inner) -> R) -> Option<R> {
        self.inner.try_with_value(f)
    }

    fn lang(self) -> Locale {
        self.locale.try_get_untracked().unwrap_or_default()
    }

    /// Rebuild the screen from the state.
    fn rebuild(self) {
        self.page.try_update(|n| *n = n.wrapping_add(1));
    }

    /// Show `screen`, moving focus to its heading when the shopper caused the change.
    fn show(self, screen: Screen, focus: bool) {
        self.io(|i| {
            i.screen = screen;
            i.focus |= focus;
        });
        if screen != Screen::Loading {
            self.ready.run(());
        }
        self.rebuild();
    }

    /// The rendered screen's container, when mounted.
    pub(crate) fn container(self) -> Option<web_sys::Element> {
        self.host
            .try_get_untracked()
            .flatten()
            .and_then(|h| h.query_selector(".screen").ok().flatten())
    }

    /// Find an element in the current screen.
    pub(crate) fn find(self, selector: &str) -> Option<web_sys::Element> {
        self.container()?.query_selector(selector).ok().flatten()
    }

    pub(crate) fn emit(self, name: &str, fields: &[(&str, JsValue)]) {
        self.events.emit(name, fields);
    }

    fn emit_error(self, e: &ClientError) {
        self.events.error(e);
    }

    /// Say `text` in the flow's polite live region (cleared first so a repeat is announced).
    pub(crate) fn announce(self, text: String) {
        let Some(region) = self
            .host
            .try_get_untracked()
            .flatten()
            .and_then(|h| h.query_selector(".announce").ok().flatten())
        else {
            return;
        };
        region.set_text_content(None);
        request_animation_frame(move || region.set_text_content(Some(&text)));
    }

    /// Keep the draft in `localStorage` (comments stay in memory).
    pub(crate) fn save(self) {
        self.with(|i| {
            if let Some(n) = &i.number {
                draft::store(&draft::storage_key(&i.key, n.as_str()), &i.draft);
            }
        });
    }

    /// A request failed for lack of a valid sign-in: guests go back to the lookup form.
    fn expired(self, e: &ClientError) -> bool {
        if Failure::of(e) != Failure::SignIn {
            return false;
        }
        if self.with(|i| i.guest) == Some(true) {
            self.on_expired.run(());
        } else {
            self.show(Screen::Failed(Failure::SignIn), false);
        }
        true
    }

    /// Load (or reload) the order's return options; `then` decides what to show afterwards.
    fn load_options(self, then: AfterOptions) {
        let Some((client, Some(number))) = self.with(|i| (i.client.clone(), i.number.clone()))
        else {
            return;
        };
        if then != AfterOptions::Keep {
            self.show(Screen::Loading, false);
        }
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_options(&number, l).await;
            let Some(()) = self.with(|_| ()) else { return };
            match r {
                Ok(o) => self.options_loaded(o, then),
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    self.emit_error(&e);
                    if then != AfterOptions::Keep {
                        self.show(Screen::Failed(Failure::of(&e)), false);
                    }
                }
            }
        });
    }

    fn options_loaded(self, mut o: ReturnOptions, then: AfterOptions) {
        // Keep the order's lines in a stable order whatever the server sends.
        o.lines.sort_by_key(|l| l.item_id);
        let resume = self.io(|i| {
            i.draft.reconcile(&o);
            let resume = match then {
                AfterOptions::Restore => match i.draft.rma.clone() {
                    Some(rma) => Err(rma),
                    None => Ok(i.draft.resume_at(i.draft.step, &o)),
                },
                AfterOptions::Items => Ok(Step::Items),
                AfterOptions::Keep => Ok(i.draft.step),
            };
            i.options = Some(o);
            resume
        });
        match (then, resume) {
            (_, None) => {}
            (AfterOptions::Keep, _) => {
                // Same screen, fresh data (a language change): rebuild in place.
                self.rebuild();
            }
            (_, Some(Err(rma))) => self.open_status(rma, false),
            (then, Some(Ok(step))) => {
                let focus = self.io(|i| std::mem::take(&mut i.focus)).unwrap_or(false);
                // A message for the shopper (a conflict) survives the move to the step.
                let notice = self.io(|i| i.notice.take()).flatten();
                self.go(step, focus || then == AfterOptions::Items);
                if let Some(msg) = notice {
                    self.notice(msg);
                }
            }
        }
    }

    /// Move to `step` (saved with the draft).
    pub(crate) fn go(self, step: Step, focus: bool) {
        self.io(|i| {
            i.draft.step = step;
            i.problems.clear();
            i.tried = false;
            i.notice = None;
            i.confirm = false;
        });
        self.save();
        if step == Step::Review {
            self.estimate();
        }
        self.show(Screen::Step(step), focus);
    }

    /// Continue (the step's form was submitted): validate, then next step or submit.
    pub(crate) fn submit(self) {
        let Some(Screen::Step(step)) = self.with(|i| i.screen) else {
            return;
        };
        let problems = self.problems(step);
        if !problems.is_empty() {
            self.io(|i| {
                i.problems = problems;
                i.tried = true;
            });
            self.show_problems(true);
            return;
        }
        if step == Step::Review {
            return self.create();
        }
        let next = self.with(|i| i.options.as_ref().and_then(|o| i.draft.next(step, o)));
        if let Some(Some(next)) = next {
            self.go(next, true);
        }
    }

    /// Back one step.
    pub(crate) fn back(self) {
        let Some(Screen::Step(step)) = self.with(|i| i.screen) else {
            return;
        };
        let prev = self.with(|i| i.options.as_ref().and_then(|o| i.draft.prev(step, o)));
        if let Some(Some(prev)) = prev {
            self.go(prev, true);
        }
    }

    /// The current step's problems, including photos still uploading.
    fn problems(self, step: Step) -> Vec<Problem> {
        self.with(|i| {
            let Some(o) = &i.options else {
                return Vec::new();
            };
            let mut p = i.draft.problems(step, o);
            if step == Step::Photos {
                for u in i.uploads.iter().filter(|u| u.failed.is_none()) {
                    if !p.iter().any(|x| x.item_id == u.item_id) {
                        p.push(Problem {
                            item_id: u.item_id,
                            what: What::Uploading,
                        });
                    }
                }
            }
            p
        })
        .unwrap_or_default()
    }

    /// After a change: re-check the step if the shopper already tried to continue, and keep
    /// "Step n of N" true (choosing a reason that asks for photos adds a step).
    pub(crate) fn changed(self) {
        self.save();
        if let Some(Some((n, of))) = self.with(|i| match (i.screen, &i.options) {
            (Screen::Step(step), Some(o)) => Some(i.draft.position(step, o)),
            _ => None,
        }) {
            if let Some(no) = self.find(".stepno") {
                no.set_text_content(Some(&t(self.lang(), Msg::StepOf(n, of))));
            }
            if let Some(bar) = self.find("ol.bar") {
                bar.replace_children_with_node_0();
                for k in 1..=of {
                    el(&bar, "li", if k <= n { "on" } else { "" });
                }
            }
        }
        if self.with(|i| i.tried) == Some(true) {
            if let Some(Screen::Step(step)) = self.with(|i| i.screen) {
                let p = self.problems(step);
                self.io(|i| i.problems = p);
                self.show_problems(false);
            }
        }
    }

    /// Put the problems into their slots (`data-err="slot:item"`) and mark their controls
    /// (`data-ctl`) invalid; with `focus`, move to the first invalid control.
    pub(crate) fn show_problems(self, focus: bool) {
        let Some(screen) = self.container() else {
            return;
        };
        let l = self.lang();
        let problems = self.with(|i| i.problems.clone()).unwrap_or_default();
        let Ok(slots) = screen.query_selector_all("[data-err]") else {
            return;
        };
        let mut first: Option<web_sys::Element> = None;
        for n in 0..slots.length() {
            let Some(slot) = slots
                .item(n)
                .and_then(|s| s.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let key = slot.get_attribute("data-err").unwrap_or_default();
            let p = problems
                .iter()
                .find(|p| format!("{}:{}", p.what.slot(), p.item_id) == key);
            slot.set_text_content(p.map(|p| t(l, Msg::Problem(p.what))).as_deref());
            if let Ok(Some(ctl)) = screen.query_selector(&format!("[data-ctl=\"{key}\"]")) {
                let invalid_ok = matches!(ctl.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                    || ctl.get_attribute("role").as_deref() == Some("radiogroup");
                if p.is_some() && invalid_ok {
                    set(&ctl, "aria-invalid", "true");
                } else {
                    let _ = ctl.remove_attribute("aria-invalid");
                }
                if p.is_some() && first.is_none() {
                    first = Some(ctl);
                }
            }
        }
        if focus {
            if let Some(ctl) = first {
                // A group is not focusable: its first enabled control is.
                let target = if matches!(ctl.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
                    Some(ctl)
                } else {
                    ctl.query_selector("input:not([disabled]),select,textarea")
                        .ok()
                        .flatten()
                };
                if let Some(e) = target {
                    let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        }
    }

    /// Ask the server what the return is worth (Review step).
    fn estimate(self) {
        let Some(Some((client, number, input))) = self.with(|i| {
            let o = i.options.as_ref()?;
            Some((
                i.client.clone(),
                i.number.clone()?,
                i.draft.input(o, self.lang()),
            ))
        }) else {
            return;
        };
        let Some(asked) = self.io(|i| {
            i.estimate = Estimate::Loading;
            i.estimate_gen = i.estimate_gen.wrapping_add(1);
            i.estimate_gen
        }) else {
            return;
        };
        spawn_local(async move {
            let r = client.estimate_return(&number, &input).await;
            // The shopper went back and changed something meanwhile: a newer answer is coming.
            if self.with(|i| i.estimate_gen) != Some(asked) {
                return;
            }
            let est = match r {
                Ok(e) => Estimate::Ready(e),
                Err(e) => {
                    if self.expired(&e) {
                        return;
                    }
                    Estimate::Failed
                }
            };
            self.io(|i| i.estimate = est);
            if let Some(slot) = self.find("[data-est]") {
                self.with(|i| review::estimate(&slot, i, self.lang()));
            }
        });
    }

    /// Review → create the return with the draft's idempotency key.
    fn create(self) {
        let Some(Some((client, number, input, key))) = self.io(|i| {
            if i.busy {
                return None;
            }
            let o = i.options.as_ref()?;
            i.busy = true;
            i.notice = None;
            Some((
                i.client.clone(),
                i.number.clone()?,
                i.draft.input(o, self.lang()),
                i.draft.key.clone(),
            ))
        }) else {
            return;
        };
        review::busy(self, true);
        spawn_local(async move {
            let r = client.create_return(&number, &input, &key).await;
            if self.io(|i| i.busy = false).is_none() {
                return;
            }
            match r {
                Ok(detail) => self.created(detail),
                Err(e) => {
                    review::busy(self, false);
                    self.create_failed(e);
                }
            }
        });
    }

    fn created(self, d: ReturnDetail) {
        self.emit(
            "aftercare:return-created",
            &[
                ("rma", JsValue::from_str(&d.rma)),
                ("order_number", JsValue::from_str(&d.order_number)),
                ("status", JsValue::from_str(status_wire(d.status))),
                (
                    "units",
                    JsValue::from(d.lines.iter().map(|l| l.quantity).sum::<u32>()),
                ),
            ],
        );
        // Only "last RMA" survives: the status page reopens after a reload.
        self.io(|i| {
            i.draft = Draft {
                rma: Some(d.rma.clone()),
                ..Draft::new(draft::random_key())
            };
            i.uploads.clear();
            i.created = true;
            i.detail = Some(d);
            i.estimate = Estimate::Idle;
        });
        self.save();
        self.show(Screen::Status, true);
    }

    fn create_failed(self, e: ClientError) {
        if self.expired(&e) {
            return;
        }
        // Only a definite refusal rotates the key; anything else keeps it so a retry replays.
        if draft::needs_new_key(&e) {
            self.io(|i| i.draft.key = draft::random_key());
            self.save();
        }
        match e.code() {
            Some(ErrorCode::ValidationFailed) => {
                let problems: Vec<Problem> = self
                    .with(|i| match &e {
                        ClientError::Api { error, .. } => error
                            .fields
                            .iter()
                            .filter_map(|f| i.draft.problem_at(&f.field))
                            .collect(),
                        _ => Vec::new(),
                    })
                    .unwrap_or_default();
                match problems.first().map(|p| p.what.step()) {
                    Some(step) => {
                        self.go(step, false);
                        // Shown (and the first control focused) once the step is built.
                        self.io(|i| {
                            i.problems = problems;
                            i.tried = true;
                            i.focus_problem = true;
                        });
                        // What changed on the server (a variant sold out) shows on the step.
                        self.load_options(AfterOptions::Keep);
                    }
                    None => self.notice(Msg::SubmitFailed),
                }
            }
            Some(ErrorCode::Conflict) => {
                self.io(|i| i.notice = Some(Msg::SubmitConflict));
                self.load_options(AfterOptions::Items);
            }
            Some(ErrorCode::IdempotencyKeyReused) => {
                self.io(|i| i.notice = Some(Msg::SubmitMaybeSent));
                self.load_options(AfterOptions::Items);
            }
            _ if e.is_transient() => {
                self.emit_error(&e);
                self.notice(Msg::SubmitOffline);
            }
            _ => {
                self.emit_error(&e);
                self.notice(Msg::SubmitFailed);
            }
        }
    }

    /// Show a screen-level message in the current screen's alert region.
    fn notice(self, msg: Msg<'static>) {
        self.io(|i| i.notice = Some(msg));
        if let Some(p) = self.find(".form-error") {
            p.set_text_content(Some(&t(self.lang(), msg)));
        }
    }

    /// Open a return's status page (`created` false: an older return, or after a reload).
    pub(crate) fn open_status(self, rma: String, focus: bool) {
        let Some(client) = self.with(|i| i.client.clone()) else {
            return;
        };
        self.show(Screen::Loading, false);
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_detail(&rma, l).await;
            let Some(()) = self.with(|_| ()) else { return };
            match r {
                Ok(d) => {
                    self.io(|i| {
                        if i.number.is_none() {
                            i.number = OrderNumber::parse(&d.order_number).ok();
                        }
                        i.detail = Some(d);
                        i.created = false;
                        i.confirm = false;
                        i.notice = None;
                    });
                    self.show(Screen::Status, focus);
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    // The remembered return is gone (another account, deleted): start afresh.
                    let forget = Failure::of(&e) == Failure::NotFound
                        && self.with(|i| i.draft.rma.as_deref() == Some(rma.as_str()))
                            == Some(true);
                    if forget {
                        self.io(|i| i.draft.rma = None);
                        self.save();
                        if self.with(|i| i.options.is_some()) == Some(true) {
                            return self.go(Step::Items, false);
                        }
                    }
                    self.emit_error(&e);
                    self.show(Screen::Failed(Failure::of(&e)), false);
                }
            }
        });
    }

    /// Status page → the order's return form (forgetting "last RMA"; options reloaded, since
    /// the return changed what is returnable).
    pub(crate) fn back_to_order(self) {
        self.io(|i| {
            i.draft.rma = None;
            i.detail = None;
            i.withdrawal = None;
            i.focus = true;
        });
        self.save();
        self.load_options(AfterOptions::Items);
    }

    /// One status refresh (poll or tab shown again); a change rebuilds the page and is announced.
    fn poll(self) {
        if page_hidden() {
            return;
        }
        let Some(Some((client, rma))) = self.io(|i| {
            if i.screen != Screen::Status || i.polling || i.busy {
                return None;
            }
            // A refunded, exchanged, rejected or cancelled return never changes again.
            let rma = i
                .detail
                .as_ref()
                .filter(|d| !d.status.is_final())?
                .rma
                .clone();
            i.polling = true;
            Some((i.client.with_retry(RetryPolicy::NONE), rma))
        }) else {
            return;
        };
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_detail(&rma, l).await;
            let Some(()) = self.io(|i| i.polling = false) else {
                return;
            };
            if let Ok(d) = r {
                self.detail_changed(d, false);
            }
        });
    }

    /// A fresh detail for the status page: rebuild when it differs; announce a new status.
    fn detail_changed(self, d: ReturnDetail, by_shopper: bool) {
        let before = self
            .with(|i| {
                (i.screen == Screen::Status)
                    .then(|| i.detail.as_ref().filter(|o| o.rma == d.rma).cloned())
                    .flatten()
            })
            .flatten();
        let Some(before) = before else { return };
        if before == d {
            return;
        }
        let new_status = before.status != d.status;
        let (status, rma) = (d.status, d.rma.clone());
        self.io(|i| i.detail = Some(d));
        self.rebuild();
        if new_status {
            let l = self.lang();
            let label = t(l, Msg::ReturnStatus(status));
            self.announce(t(l, Msg::StatusChanged(&label)));
            if !by_shopper {
                self.emit(
                    "aftercare:return-updated",
                    &[
                        ("rma", JsValue::from_str(&rma)),
                        ("status", JsValue::from_str(status_wire(status))),
                    ],
                );
            }
        }
    }

    /// "Yes, cancel the return".
    pub(crate) fn cancel(self) {
        let Some(Some((client, rma))) = self.io(|i| {
            if i.busy {
                return None;
            }
            let rma = i.detail.as_ref()?.rma.clone();
            i.busy = true;
            i.notice = None;
            Some((i.client.clone(), rma))
        }) else {
            return;
        };
        let l = self.lang();
        spawn_local(async move {
            let r = client.cancel_return(&rma, l).await;
            if self.io(|i| i.busy = false).is_none() {
                return;
            }
            match r {
                Ok(d) => {
                    self.emit(
                        "aftercare:return-cancelled",
                        &[
                            ("rma", JsValue::from_str(&d.rma)),
                            ("order_number", JsValue::from_str(&d.order_number)),
                        ],
                    );
                    // Focus the new status line (the buttons are gone).
                    self.io(|i| {
                        i.confirm = false;
                        i.focus_key = Some(".state");
                    });
                    self.detail_changed(d, true);
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    self.emit_error(&e);
                    self.notice(Msg::CancelFailed);
                }
            }
        });
    }

    /// "Confirm withdrawal": record the declaration, then show it.
    pub(crate) fn withdraw(self) {
        let Some(Some((client, number))) = self.io(|i| {
            if i.busy {
                return None;
            }
            i.busy = true;
            i.notice = None;
            Some((i.client.clone(), i.number.clone()?))
        }) else {
            return;
        };
        let input = WithdrawalInput {
            confirm: true,
            locale: Some(self.lang()),
        };
        withdrawal::busy(self, true);
        spawn_local(async move {
            let r = client.withdraw(&number, &input).await;
            if self.io(|i| i.busy = false).is_none() {
                return;
            }
            match r {
                Ok(c) => {
                    self.emit(
                        "aftercare:withdrawal-confirmed",
                        &[
                            ("order_number", JsValue::from_str(&c.order_number)),
                            ("reference", JsValue::from_str(&c.reference)),
                        ],
                    );
                    self.io(|i| {
                        if let Some(o) = i.options.as_mut() {
                            if !o.withdrawals.iter().any(|w| w.reference == c.reference) {
                                o.withdrawals.push(c.clone());
                            }
                        }
                        i.withdrawal = Some(c);
                    });
                    self.show(Screen::Withdrawn, true);
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    withdrawal::busy(self, false);
                    self.emit_error(&e);
                    self.notice(Msg::WithdrawFailed);
                }
            }
        });
    }
}

/// What follows loading the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AfterOptions {
    /// First load: restore the draft (or its last RMA's status page).
    Restore,
    /// Show the Items step (after a conflict, or back from a status page).
    Items,
    /// Stay where we are (language change).
    Keep,
}

/// A return status's wire name, for events.
pub(crate) fn status_wire(s: ReturnStatus) -> &'static str {
    use ReturnStatus::*;
    match s {
        Requested => "requested",
        Approved => "approved",
        InTransit => "in_transit",
        Received => "received",
        Refunded => "refunded",
        Exchanged => "exchanged",
        Rejected => "rejected",
        Cancelled => "cancelled",
    }
}

/// One order's (or one return's) flow: its state, the first load, the status page's polling,
/// and the container every step is built into.
fn flow(ctx: Shared, target: FlowTarget, focus: bool) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let number = target
        .number
        .as_deref()
        .and_then(|n| OrderNumber::parse(n).ok());
    let restored = number
        .as_ref()
        .and_then(|n| draft::load(&draft::storage_key(&ctx.key, n.as_str())));
    let f = Flow {
        inner: StoredValue::new_local(Inner {
            client: ctx.client.with_token(&target.token),
            api: ctx.api.clone(),
            key: ctx.key.clone(),
            token: target.token.clone(),
            guest: target.guest,
            number: number.clone(),
            options: None,
            draft: restored.unwrap_or_else(|| Draft::new(draft::random_key())),
            screen: Screen::Loading,
            problems: Vec::new(),
            tried: false,
            notice: None,
            uploads: Vec::new(),
            next_upload: 0,
            estimate: Estimate::Idle,
            estimate_gen: 0,
            detail: None,
            created: false,
            confirm: false,
            busy: false,
            withdrawal: None,
            focus,
            focus_key: None,
            focus_problem: false,
            polling: false,
        }),
        page: RwSignal::new(0),
        locale: ctx.locale,
        events: ctx.events,
        host,
        ready: ctx.ready,
        on_expired: ctx.on_expired,
    };
    let start = move || match (target.rma.clone(), number.is_some()) {
        (Some(rma), _) => f.open_status(rma, focus),
        (None, true) => f.load_options(AfterOptions::Restore),
        (None, false) => f.show(Screen::Failed(Failure::NotFound), false),
    };
    start();
    // A language change reloads what the server words (reasons, instructions) in place.
    Effect::watch(
        move || ctx.locale.get(),
        move |_, _, _| {
            let screen = f.with(|i| i.screen);
            match screen {
                Some(Screen::Status) => {
                    if let Some(Some(rma)) = f.with(|i| i.detail.as_ref().map(|d| d.rma.clone())) {
                        f.open_status(rma, false);
                    }
                }
                Some(Screen::Step(_) | Screen::Withdraw | Screen::Withdrawn) => {
                    f.load_options(AfterOptions::Keep);
                }
                _ => {}
            }
        },
        false,
    );
    // Status page refresh: every `refresh` seconds while the tab is visible, at once when it
    // becomes visible again.
    let refresh = ctx.refresh;
    use_visible_polling(
        Signal::derive(move || refresh.get().unwrap_or(REFRESH_DEFAULT).max(REFRESH_MIN)),
        move || f.poll(),
    );
    on_cleanup(move || {
        // Stop uploads still running: nobody will see their answers. (Aborted outside the
        // state borrow: `abort` fires `loadend` synchronously.)
        let running = f.io(|i| {
            i.uploads
                .drain(..)
                .filter_map(|u| u.xhr)
                .collect::<Vec<_>>()
        });
        for x in running.into_iter().flatten() {
            let _ = x.abort();
        }
    });

    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-act]").ok().flatten())
        else {
            return;
        };
        let v = b.get_attribute("data-v").unwrap_or_default();
        match b.get_attribute("data-act").as_deref() {
            Some("back") => f.back(),
            Some("retry") => start(),
            Some("rma") => f.open_status(v, true),
            Some("withdraw") => {
                f.io(|i| i.notice = None);
                f.show(Screen::Withdraw, true);
            }
            Some("wd-yes") => f.withdraw(),
            Some("wd-no") => f.go(Step::Items, true),
            Some("wd-view") => {
                let w = f
                    .with(|i| {
                        i.options
                            .as_ref()
                            .and_then(|o| o.withdrawals.iter().find(|w| w.reference == v).cloned())
                    })
                    .flatten();
                if w.is_some() {
                    f.io(|i| i.withdrawal = w);
                    f.show(Screen::Withdrawn, true);
                }
            }
            Some("order") => f.back_to_order(),
            Some("cancel") => status::confirm(f, true),
            Some("cancel-no") => status::confirm(f, false),
            Some("cancel-yes") => f.cancel(),
            Some("rm") => photos::remove(f, &v),
            Some("again") => photos::retry(f, &v),
            Some("est") => f.estimate(),
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(e) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let id: i64 = e
            .get_attribute("data-id")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let value = js_sys::Reflect::get(&e, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match e.get_attribute("data-f").as_deref() {
            Some("pick") => items::pick(
                f,
                id,
                e.unchecked_ref::<web_sys::HtmlInputElement>().checked(),
            ),
            Some("qty") => items::quantity(f, id, &value),
            Some("reason") => reasons::reason(f, id, value),
            Some("res") => resolution::resolution(f, id, &value),
            Some("ex") => resolution::exchange(f, id, value),
            Some("method") => review::method(f, &value),
            Some("file") => {
                let input: web_sys::HtmlInputElement = e.unchecked_into();
                if let Some(files) = input.files() {
                    photos::add(f, id, files);
                }
                input.set_value("");
            }
            _ => {}
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(ta) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let id = ta
                .get_attribute("data-id")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            reasons::comment(f, id, ta.value());
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        f.submit();
    };
    view! {
        <div
            class="flow"
            node_ref=host
            on:click=on_click
            on:change=on_change
            on:input=on_input
            on:submit=on_submit
            on:dragover=move |ev| photos::drag(&ev, true)
            on:dragleave=move |ev| photos::drag(&ev, false)
            on:drop=move |ev| photos::drop(f, &ev)
        >
            <div class="screen" use:live_screen=f></div>
            <p class="vh announce" role="status" aria-live="polite"></p>
        </div>
    }
}

/// The screen's render effect: rebuild on every page bump and language change, keeping focus
/// on the rebuilt twin (`data-k`) of the control that had it, or moving it to the heading.
fn live_screen(root: web_sys::Element, f: Flow) {
    let fx = RenderEffect::new(move |_| {
        f.page.track();
        let l = f.locale.get();
        let key = root
            .query_selector(":focus")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("data-k"));
        root.replace_children_with_node_0();
        f.with(|i| build(&root, i, l));
        // Loading keeps the request for later: the heading comes with the content.
        let focus_heading =
            f.io(|i| i.screen != Screen::Loading && std::mem::take(&mut i.focus)) == Some(true);
        let focus_key = f.io(|i| i.focus_key.take()).flatten();
        if focus_heading {
            if let Some(h) = root.query_selector("h2").ok().flatten() {
                let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        } else if let Some(e) = focus_key.and_then(|k| root.query_selector(k).ok().flatten()) {
            let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
        } else if let Some(e) = key.and_then(|k| {
            root.query_selector(&format!("[data-k=\"{k}\"]"))
                .ok()
                .flatten()
        }) {
            let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
        }
        if f.with(|i| i.tried) == Some(true) {
            let focus = f.io(|i| std::mem::take(&mut i.focus_problem)) == Some(true);
            f.show_problems(focus);
        }
    });
    StoredValue::new_local(fx);
}

/// The current screen, from the state.
fn build(root: &web_sys::Element, i: &Inner, l: Locale) {
    match i.screen {
        Screen::Loading => {
            let s = el(root, "div", "skel");
            set(&s, "role", "status");
            txt(&s, "span", "vh", &t(l, Msg::Loading));
            el(&s, "div", "bar w60");
            el(&s, "div", "bar w40");
            el(&s, "div", "blk");
        }
        Screen::Failed(f) => {
            let (msg, can_retry) = f.message(Msg::ReturnsUnreachable);
            let card = el(root, "div", "card problem");
            set(&card, "part", "error");
            set(&card, "role", "alert");
            txt(&card, "p", "", &t(l, msg));
            if can_retry {
                button(&card, "btn", "retry", "", &t(l, Msg::TryAgain));
            }
        }
        Screen::Step(step) => frame(root, i, step, l),
        Screen::Withdraw => withdrawal::confirm(root, i, l),
        Screen::Withdrawn => withdrawal::done(root, i, l),
        Screen::Status => status::render(root, i, l),
    }
}

/// A `<button type=button>` with its action for the flow's delegated click listener.
pub(crate) fn button(
    parent: &web_sys::Element,
    class: &str,
    act: &str,
    value: &str,
    text: &str,
) -> web_sys::Element {
    let b = txt(parent, "button", class, text);
    set(&b, "type", "button");
    set(&b, "part", "button");
    set(&b, "data-act", act);
    if !value.is_empty() {
        set(&b, "data-v", value);
    }
    set(&b, "data-k", &format!("{act}:{value}"));
    b
}

/// A heading `h2` (focus target) with the order context above it.
pub(crate) fn heading(
    parent: &web_sys::Element,
    i: &Inner,
    text: &str,
    l: Locale,
) -> web_sys::Element {
    if let Some(n) = &i.number {
        txt(
            parent,
            "p",
            "muted ctx",
            &t(l, Msg::OrderHeading(n.as_str())),
        );
    }
    let h = txt(parent, "h2", "", text);
    set(&h, "part", "heading");
    set(&h, "tabindex", "-1");
    h
}

/// One step's frame: "Step n of N" in the heading, a bar, the step's own content inside a
/// real `<form>`, the screen's alert line and Back / Continue (Submit on Review).
fn frame(root: &web_sys::Element, i: &Inner, step: Step, l: Locale) {
    let Some(o) = &i.options else { return };
    let (n, of) = i.draft.position(step, o);
    let form = el(root, "form", "step");
    set(&form, "part", "form");
    set(&form, "novalidate", "");
    if let Some(num) = &i.number {
        txt(
            &form,
            "p",
            "muted ctx",
            &t(l, Msg::OrderHeading(num.as_str())),
        );
    }
    let h = el(&form, "h2", "");
    set(&h, "part", "heading");
    set(&h, "tabindex", "-1");
    txt(&h, "span", "stepno", &t(l, Msg::StepOf(n, of)));
    txt(&h, "span", "vh", ": ");
    crate::dom::add(&h, &t(l, Msg::ReturnStep(step)));
    let bar = el(&form, "ol", "bar");
    set(&bar, "aria-hidden", "true");
    set(&bar, "part", "stepper");
    for k in 1..=of {
        el(&bar, "li", if k <= n { "on" } else { "" });
    }
    let after = match step {
        Step::Items => items::render(&form, i, o, l),
        Step::Reasons => reasons::render(&form, i, o, l),
        Step::Photos => photos::render(&form, i, o, l),
        Step::Resolution => resolution::render(&form, i, o, l),
        Step::Review => review::render(&form, i, o, l),
    };
    let alert = txt(
        &form,
        "p",
        "form-error",
        &i.notice.map(|m| t(l, m)).unwrap_or_default(),
    );
    set(&alert, "role", "alert");
    set(&alert, "part", "error");
    let nav = el(&form, "div", "nav");
    if step != Step::Items {
        button(&nav, "btn secondary", "back", "", &t(l, Msg::Back));
    }
    let can_continue = step != Step::Items
        || o.lines
            .iter()
            .any(|l| l.returnability.returnable_quantity > 0);
    if can_continue {
        let label = if step == Step::Review {
            Msg::SubmitReturn
        } else {
            Msg::Continue
        };
        let go = txt(&nav, "button", "btn", &t(l, label));
        set(&go, "type", "submit");
        set(&go, "part", "button");
        set(&go, "data-k", "go");
    }
    if let Some(after) = after {
        after(root, i, o, l);
    }
}

/// What a step may add after its form (past returns, the withdrawal section).
pub(crate) type After = fn(&web_sys::Element, &Inner, &ReturnOptions, Locale);

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale_attr = p.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let refresh = p.attrs.get("refresh");
    view! {
        <ReturnsWidget
            api=p.api
            publishable_key=p.key
            order=p.attrs.get("order")
            token=p.attrs.get("token")
            email=p.attrs.get("email")
            rma=p.attrs.get("rma")
            locale=locale
            refresh=Signal::derive(move || refresh.get().and_then(|s| s.parse().ok()))
        />
    }
    .into_any()
}
