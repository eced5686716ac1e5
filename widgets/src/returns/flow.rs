//! One order's return flow as a component, for the returns widget and for pages that compose it
//! (the account page's order view): the first load, the status page's polling, and the screen
//! the shopper is on.

use super::draft::{self, Draft};
use super::fresh::IntoFresh;
use super::state::{AfterOptions, Around, Flow, Screen, SignIn};
use super::{frame, status, upload, withdrawal};
use crate::i18n::Msg;
use crate::shell::{problem_card, skeleton, use_visible_polling, Events, Failure, Themed};
use aftercare_shared::client::Client;
use aftercare_shared::{Locale, OrderNumber};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Status page poll interval when the `refresh` attribute is absent, and the shortest allowed.
const REFRESH_DEFAULT: u32 = 30;
const REFRESH_MIN: u32 = 2;

/// One order's returns (or one return's status page) for a signed-in shopper: the steps Items →
/// Reasons → Photos (when a reason asks for them) → Resolution → Review, the EU withdrawal, and
/// each return's live status page. Restores the order's draft from `localStorage`.
///
/// Renders only the flow: a page composing it brings the sign-in (the same token its other
/// widgets use) and its own way back. Emits the `aftercare:return-*`,
/// `aftercare:withdrawal-confirmed` and `aftercare:error` events.
#[component]
pub fn ReturnFlow(
    /// API base URL, e.g. `https://shop.example`.
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`); also names the drafts kept in `localStorage`.
    #[prop(into)]
    publishable_key: String,
    /// The sign-in: a customer token, or a guest's order-session token.
    #[prop(into)]
    token: String,
    /// The order whose returns to show (optional with `rma`: learned from the return).
    #[prop(into, default = None)]
    order: Option<String>,
    /// Open this return's status page first.
    #[prop(into, default = None)]
    rma: Option<String>,
    /// The shopper's language.
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// Seconds between status page refreshes (default 30, at least 2).
    #[prop(into, optional)]
    refresh: Signal<Option<u32>>,
    /// Called when the sign-in runs out (a guest's page goes back to its lookup); without
    /// it the flow says "sign in again".
    #[prop(into, default = None)]
    on_expired: Option<Callback<()>>,
    /// Called once real content (not a skeleton) is on screen; without it the flow emits
    /// `aftercare:ready` itself.
    #[prop(into, default = None)]
    on_ready: Option<Callback<()>>,
    /// Move focus to the heading once loaded (the shopper navigated here).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let events = Events::new(host);
    let number = order.as_deref().and_then(|n| OrderNumber::parse(n).ok());
    let restored = number
        .as_ref()
        .and_then(|n| draft::load(&draft::storage_key(&publishable_key, n.as_str())));
    let ready = on_ready.unwrap_or_else(|| {
        let sent = StoredValue::new(false);
        Callback::new(move |_| {
            if sent.try_get_value() == Some(false) {
                sent.set_value(true);
                events.emit(
                    "aftercare:ready",
                    &[("widget", JsValue::from_str("returns"))],
                );
            }
        })
    });
    let has_number = number.is_some();
    let f = Flow::new(
        SignIn {
            client: Client::new(&api, &publishable_key).with_token(&token),
            api,
            key: publishable_key,
            token,
        },
        number,
        restored.unwrap_or_else(|| Draft::new(draft::random_key())),
        Around {
            locale,
            events,
            host,
            ready,
            on_expired,
        },
        focus,
    );
    let start = move || match (rma.clone(), has_number) {
        (Some(rma), _) => f.open_status(rma, focus),
        (None, true) => f.load_options(AfterOptions::Restore),
        (None, false) => f.show(Screen::Failed(Failure::NotFound), false),
    };
    start();
    // A language change reloads what the server words (reasons, instructions) in place.
    Effect::watch(
        move || locale.get(),
        move |_, _, _| match f.screen.get_untracked() {
            Screen::Status => {
                if let Some(rma) = f
                    .detail
                    .with_untracked(|d| d.as_ref().map(|d| d.rma.clone()))
                {
                    f.open_status(rma, false);
                }
            }
            Screen::Step(_) | Screen::Withdraw | Screen::Withdrawn => {
                f.load_options(AfterOptions::Keep);
            }
            _ => {}
        },
        false,
    );
    // Status page refresh: every `refresh` seconds while the tab is visible, at once when it
    // becomes visible again.
    use_visible_polling(
        Signal::derive(move || refresh.get().unwrap_or(REFRESH_DEFAULT).max(REFRESH_MIN)),
        move || f.poll(),
    );
    on_cleanup(move || upload::abort_all(f));

    let retry = Callback::new(move |_: ()| start());
    // Rebuilt when the shopper moves to another screen, the language changes or a reload
    // brings new data; changes inside a screen update just what they affect.
    let screen = move || {
        let l = locale.get();
        f.options.track();
        let screen = f.screen.get();
        f.remember_focus(screen);
        let view = match screen {
            Screen::Loading => skeleton(locale).fresh(),
            Screen::Failed(failure) => {
                problem_card(locale, failure, Msg::ReturnsUnreachable, retry).fresh()
            }
            Screen::Step(step) => frame::step_frame(f, step, l),
            Screen::Withdraw => withdrawal::confirm(f, l).fresh(),
            Screen::Withdrawn => withdrawal::done(f, l).fresh(),
            Screen::Status => status::status_page(f, l).fresh(),
        };
        f.settle();
        view
    };
    let flow = view! {
        <div class="flow" node_ref=host>
            <div class="screen">{screen}</div>
            <p class="vh announce" role="status" aria-live="polite">{move || f.said.get()}</p>
        </div>
    };
    // Inside `ReturnsWidget` (or another widget's container) the theme applies already; on
    // its own in a Rust app the flow brings the themed container itself.
    if use_context::<Themed>().is_some() {
        flow.into_any()
    } else {
        view! {
            <div class="root" part="container" lang=move || locale.get().tag()>
                {flow}
            </div>
        }
        .into_any()
    }
}
