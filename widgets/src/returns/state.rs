//! The flow's state as signals, and the moves between its screens: every component of the flow
//! gets the same `Copy` handle, reads what it shows from it and calls its actions. All of it is
//! owned by the flow's reactive owner: once the flow is gone, late answers find disposed
//! signals and change nothing.

use super::draft::{self, Draft, Problem, Step, What};
use crate::i18n::Msg;
use crate::shell::{Events, Failure};
use aftercare_shared::api::{
    ReturnDetail, ReturnOptions, ReturnRequestInput, WithdrawalConfirmation,
};
use aftercare_shared::client::{Client, ClientError};
use aftercare_shared::returns::{RefundEstimate, ReturnStatus};
use aftercare_shared::{Locale, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// What the flow shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Screen {
    Loading,
    Failed(Failure),
    Step(Step),
    /// "Withdraw from the contract?"
    Withdraw,
    /// A stored withdrawal ([`Flow::withdrawal`]).
    Withdrawn,
    /// A return's status page ([`Flow::detail`]).
    Status,
}

/// The server's estimate for the Review step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Estimate {
    Loading,
    Ready(RefundEstimate),
    Failed,
}

/// Where focus goes once the screen shows what the shopper caused.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Focus {
    None,
    /// The screen's heading (a new screen).
    Heading,
    /// What replaced the pressed control.
    Sel(String),
    /// The first control with a problem.
    Problem,
}

/// What follows loading the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterOptions {
    /// First load: restore the draft (or its last RMA's status page).
    Restore,
    /// Show the Items step (after a conflict, or back from a status page).
    Items,
    /// Stay where we are (language change).
    Keep,
}

/// A photo on its way to the server (or refused), not yet in the draft.
pub(crate) struct Upload {
    pub id: u32,
    pub item_id: i64,
    pub name: String,
    /// The file, kept for "Try again" (`None` when refused before sending).
    pub file: Option<web_sys::File>,
    /// A `data:` URL preview once read (it never crosses into wasm).
    pub preview: Option<JsValue>,
    /// Percent sent.
    pub progress: u32,
    /// `None` while sending, else why it failed.
    pub failed: Option<draft::FileProblem>,
    pub xhr: Option<web_sys::XmlHttpRequest>,
    /// Keeps the progress listener alive while the request runs.
    pub listener: Option<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::ProgressEvent)>>,
}

/// Who the flow acts for, and where its uploads go.
pub(crate) struct SignIn {
    pub client: Client,
    pub api: String,
    pub key: String,
    pub token: String,
}

/// What the flow is placed in: the page's language, where its events go, its container, and
/// who hears that it is ready or that the sign-in ran out.
pub(crate) struct Around {
    pub locale: Signal<Locale>,
    pub events: Events,
    pub host: NodeRef<Div>,
    pub ready: Callback<()>,
    pub on_expired: Option<Callback<()>>,
}

/// One order's return flow. `Copy`, so every view, listener and task shares it.
#[derive(Clone, Copy)]
pub(crate) struct Flow {
    pub sign_in: StoredValue<SignIn>,
    pub number: RwSignal<Option<OrderNumber>>,
    pub options: RwSignal<Option<ReturnOptions>>,
    pub draft: RwSignal<Draft>,
    pub screen: RwSignal<Screen>,
    /// What keeps the shopper on the current step (only after a first Continue).
    pub problems: RwSignal<Vec<Problem>>,
    pub tried: RwSignal<bool>,
    /// A message for the whole screen (a failed submit, cancel or withdrawal).
    pub notice: RwSignal<Option<Msg<'static>>>,
    pub uploads: RwSignal<Vec<Upload>, LocalStorage>,
    pub estimate: RwSignal<Estimate>,
    /// What the shown estimate answers (a newer question makes an older answer moot).
    pub asked: StoredValue<Option<ReturnRequestInput>>,
    pub detail: RwSignal<Option<ReturnDetail>>,
    /// The return was created just now (the status page says so).
    pub created: RwSignal<bool>,
    /// "Cancel this return?" is open.
    pub confirm: RwSignal<bool>,
    /// A create / cancel / withdrawal request is in flight.
    pub busy: RwSignal<bool>,
    pub withdrawal: RwSignal<Option<WithdrawalConfirmation>>,
    pub focus: StoredValue<Focus>,
    /// Which focusable control had focus (its position), to find its twin after a rebuild.
    pub focused: StoredValue<Option<u32>>,
    /// The screen last built.
    pub built: StoredValue<Option<Screen>>,
    /// A status poll is in flight.
    pub polling: StoredValue<bool>,
    /// What the polite live region says.
    pub said: RwSignal<Option<String>>,
    pub locale: Signal<Locale>,
    pub events: Events,
    /// The flow's container.
    pub host: NodeRef<Div>,
    pub ready: Callback<()>,
    pub on_expired: Option<Callback<()>>,
}

/// The controls focus may be restored to after a rebuild, in document order.
const FOCUSABLE: &str = "a[href],button,input,select,textarea,[tabindex]";

impl Flow {
    pub(crate) fn new(
        sign_in: SignIn,
        number: Option<OrderNumber>,
        draft: Draft,
        around: Around,
        focus: bool,
    ) -> Self {
        let Around {
            locale,
            events,
            host,
            ready,
            on_expired,
        } = around;
        Self {
            sign_in: StoredValue::new(sign_in),
            number: RwSignal::new(number),
            options: RwSignal::new(None),
            draft: RwSignal::new(draft),
            screen: RwSignal::new(Screen::Loading),
            problems: RwSignal::new(Vec::new()),
            tried: RwSignal::new(false),
            notice: RwSignal::new(None),
            uploads: RwSignal::new_local(Vec::new()),
            estimate: RwSignal::new(Estimate::Loading),
            asked: StoredValue::new(None),
            detail: RwSignal::new(None),
            created: RwSignal::new(false),
            confirm: RwSignal::new(false),
            busy: RwSignal::new(false),
            withdrawal: RwSignal::new(None),
            focus: StoredValue::new(if focus { Focus::Heading } else { Focus::None }),
            focused: StoredValue::new(None),
            built: StoredValue::new(None),
            polling: StoredValue::new(false),
            said: RwSignal::new(None),
            locale,
            events,
            host,
            ready,
            on_expired,
        }
    }

    /// The signed-in client (`None` once disposed).
    pub(crate) fn client(self) -> Option<Client> {
        self.sign_in.try_with_value(|s| s.client.clone())
    }

    pub(crate) fn lang(self) -> Locale {
        self.locale.try_get_untracked().unwrap_or_default()
    }

    /// Whether the flow still exists (a late answer has nobody to tell).
    pub(crate) fn alive(self) -> bool {
        self.screen.try_get_untracked().is_some()
    }

    /// Show `screen`, moving focus to its heading when the shopper caused the change.
    pub(crate) fn show(self, screen: Screen, focus: bool) {
        if focus {
            self.focus.set_value(Focus::Heading);
        }
        if screen != Screen::Loading {
            self.ready.run(());
        }
        self.screen.set(screen);
    }

    /// Ask for focus on `to` once the screen has caught up.
    pub(crate) fn focus_on(self, to: Focus) {
        self.focus.set_value(to);
        self.settle();
    }

    /// After the screen (or part of it) was built: move focus where asked, or back to the twin
    /// of the control that had it. Loading keeps the request: the heading comes with the content.
    pub(crate) fn settle(self) {
        request_animation_frame(move || {
            let Some(Some(root)) = self.host.try_get_untracked() else {
                return;
            };
            let Some(screen) = root.query_selector(".screen").ok().flatten() else {
                return;
            };
            if self.screen.try_get_untracked() == Some(Screen::Loading) {
                return;
            }
            let to = self.focus.try_get_value().unwrap_or(Focus::None);
            self.focus.set_value(Focus::None);
            let target = match to {
                Focus::Heading => screen.query_selector("h2").ok().flatten(),
                Focus::Sel(s) => screen.query_selector(&s).ok().flatten(),
                Focus::Problem => first_problem(&screen),
                // The rebuild took the focused control away: its twin gets focus.
                Focus::None => self
                    .focused
                    .try_get_value()
                    .flatten()
                    .and_then(|n| screen.query_selector_all(FOCUSABLE).ok()?.item(n))
                    .and_then(|e| e.dyn_into().ok()),
            };
            if let Some(e) = target {
                let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }

    /// Before `screen` is (re)built: remember which control of the old one has focus, so its
    /// twin gets it back; nothing to remember when the shopper moved to another screen, or when
    /// focus is outside the flow.
    pub(crate) fn remember_focus(self, screen: Screen) {
        let same = self.built.try_get_value() == Some(Some(screen));
        self.built.set_value(Some(screen));
        let at = same.then(|| self.focus_index()).flatten();
        self.focused.set_value(at);
    }

    fn focus_index(self) -> Option<u32> {
        let root = self.host.try_get_untracked().flatten()?;
        let active =
            js_sys::Reflect::get(&root.get_root_node(), &JsValue::from_str("activeElement"))
                .ok()?
                .dyn_into::<web_sys::Node>()
                .ok()?;
        let all = root
            .query_selector(".screen")
            .ok()??
            .query_selector_all(FOCUSABLE)
            .ok()?;
        (0..all.length()).find(|n| all.item(*n).is_some_and(|e| e.is_same_node(Some(&active))))
    }

    pub(crate) fn emit(self, name: &str, fields: &[(&str, JsValue)]) {
        self.events.emit(name, fields);
    }

    /// Say `text` in the flow's polite live region (cleared first so a repeat is announced).
    pub(crate) fn announce(self, text: String) {
        if self.said.try_set(None).is_none() {
            request_animation_frame(move || {
                self.said.try_set(Some(text));
            });
        }
    }

    /// Keep the draft in `localStorage` (comments stay in memory).
    pub(crate) fn save(self) {
        let key = self.sign_in.try_with_value(|s| s.key.clone());
        if let (Some(key), Some(Some(n))) = (key, self.number.try_get_untracked()) {
            self.draft
                .with_untracked(|d| draft::store(&draft::storage_key(&key, n.as_str()), d));
        }
    }

    /// A request failed for lack of a valid sign-in: guests go back to the lookup form.
    pub(crate) fn expired(self, e: &ClientError) -> bool {
        if Failure::of(e) != Failure::SignIn {
            return false;
        }
        match self.on_expired {
            Some(cb) => cb.run(()),
            None => self.show(Screen::Failed(Failure::SignIn), false),
        }
        true
    }

    /// Read the options and the draft together (`None` before the options are in).
    pub(crate) fn with_options<R>(self, f: impl FnOnce(&ReturnOptions, &Draft) -> R) -> Option<R> {
        self.options
            .try_with_untracked(|o| {
                let o = o.as_ref()?;
                self.draft.try_with_untracked(|d| f(o, d))
            })
            .flatten()
    }

    /// The current step's problems, including photos still uploading.
    pub(crate) fn check(self, step: Step) -> Vec<Problem> {
        let mut p = self
            .with_options(|o, d| d.problems(step, o))
            .unwrap_or_default();
        if step == Step::Photos {
            self.uploads.with_untracked(|ups| {
                for u in ups.iter().filter(|u| u.failed.is_none()) {
                    if !p.iter().any(|x| x.item_id == u.item_id) {
                        p.push(Problem {
                            item_id: u.item_id,
                            what: What::Uploading,
                        });
                    }
                }
            });
        }
        p
    }

    /// After a change: keep the draft, and re-check the step if the shopper already tried to
    /// continue.
    pub(crate) fn changed(self) {
        self.save();
        if self.tried.get_untracked() {
            if let Screen::Step(step) = self.screen.get_untracked() {
                self.problems.set(self.check(step));
            }
        }
    }

    /// Change the draft, then [`Flow::changed`].
    pub(crate) fn edit(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        self.changed();
    }

    /// The message under a control: the problem in `slot` for `item_id`, if any.
    pub(crate) fn problem(self, slot: &'static str, item_id: i64) -> impl Fn() -> Option<String> {
        let l = self.lang();
        move || {
            self.problems.with(|ps| {
                ps.iter()
                    .find(|p| p.item_id == item_id && p.what.slot() == slot)
                    .map(|p| crate::i18n::t(l, Msg::Problem(p.what)))
            })
        }
    }

    /// `aria-invalid` for a control whose slot has a problem.
    pub(crate) fn invalid(
        self,
        slot: &'static str,
        item_id: i64,
    ) -> impl Fn() -> Option<&'static str> {
        move || {
            self.problems
                .with(|ps| {
                    ps.iter()
                        .any(|p| p.item_id == item_id && p.what.slot() == slot)
                })
                .then_some("true")
        }
    }

    /// Show a screen-level message in the current screen's alert region.
    pub(crate) fn say(self, msg: Msg<'static>) {
        self.notice.set(Some(msg));
    }
}

/// Which steps exist now (a reason asking for photos adds one), as "Step n of N".
pub(crate) fn position(f: Flow, step: Step) -> (usize, usize) {
    f.options
        .with_untracked(|o| o.as_ref().map(|o| f.draft.with(|d| d.position(step, o))))
        .unwrap_or((1, 1))
}

/// The control of the first problem shown (in document order): what its message describes,
/// or, for a group, its first enabled control.
fn first_problem(screen: &web_sys::Element) -> Option<web_sys::Element> {
    let slots = screen.query_selector_all("p.field-error[id]").ok()?;
    let slot = (0..slots.length())
        .filter_map(|n| slots.item(n))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|s| s.text_content().is_some_and(|t| !t.is_empty()))?;
    let id = slot.id();
    let ctl = screen
        .query_selector(&format!("[aria-describedby~=\"{id}\"]"))
        .ok()??;
    if matches!(ctl.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
        Some(ctl)
    } else {
        ctl.query_selector("input:not([disabled]),select,textarea")
            .ok()
            .flatten()
    }
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
