//! What a shopper may still change on an order before it ships, and what they already asked:
//! ask to cancel it (a reason from the store's list, then a confirmation step), or ask to
//! deliver the unshipped items elsewhere (a saved address or a new one, checked per country,
//! then a confirmation step). The store accepts or rejects through its admin API; the order's
//! page polls while a request is pending, so the answer appears here on its own.

use crate::account::address_form::{one_line, server_problems, AddressForm, FieldProblem};
use crate::dom::uid;
use crate::i18n::{self, at, t, Acc, Msg};
use crate::returns::draft::random_key;
use crate::shell::Events;
use aftercare_shared::address::Address;
use aftercare_shared::api::{AddressChangeInput, CancellationInput, SavedAddress};
use aftercare_shared::changes::{
    CancelReason, ChangePolicy, NotChangeable, OrderRequest, RequestKind, RequestStatus,
};
use aftercare_shared::client::{Client, ClientError};
use aftercare_shared::order::{Order, OrderStatus};
use aftercare_shared::{ErrorCode, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// Which form is open.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    Nothing,
    /// The cancellation's reasons, then its confirmation.
    Cancel {
        confirming: bool,
    },
    /// Choosing among saved addresses.
    PickAddress,
    /// Typing a new address.
    NewAddress,
    /// Confirming the address to ask for.
    ConfirmAddress(Address),
}

/// An order's change requests and the forms to make new ones (see the module docs).
///
/// Emits `aftercare:cancel-requested` and `aftercare:address-change-requested`
/// `{order_number, request_id}` once the store has the request.
#[component]
pub fn OrderChanges(
    /// Client signed in with the customer's token or the guest's order session.
    client: Client,
    /// Whether the sign-in is a customer's (their saved addresses are offered).
    signed_in: bool,
    /// The order as last loaded.
    order: Signal<Order>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
    /// Called after a request was sent or refused, so the order is loaded again.
    on_changed: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(Open::Nothing);
    let outcome = RwSignal::new(None::<(Acc<'static>, bool)>);
    let busy = RwSignal::new(false);
    let reason = RwSignal::new(None::<CancelReason>);
    let comment = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let saved = RwSignal::new(Vec::<SavedAddress>::new());
    let picked = RwSignal::new(None::<i64>);
    // One idempotency key per request the shopper is composing: a retry replays the answer.
    let key = StoredValue::new(random_key());
    let client = StoredValue::new(client);
    let id = uid("chg");

    let start = move |o: Open| {
        key.set_value(random_key());
        problems.set(Vec::new());
        outcome.set(None);
        open.set(o);
    };
    let finish = move |r: Result<OrderRequest, ClientError>, kind: RequestKind| {
        busy.set(false);
        match r {
            Ok(req) => {
                let name = match kind {
                    RequestKind::Cancellation => "aftercare:cancel-requested",
                    RequestKind::AddressChange => "aftercare:address-change-requested",
                };
                events.emit(
                    name,
                    &[
                        ("order_number", JsValue::from_str(req.order_number.as_str())),
                        ("request_id", JsValue::from_f64(req.id as f64)),
                    ],
                );
                open.set(Open::Nothing);
                outcome.set(Some((Acc::RequestSent, false)));
                on_changed.run(());
            }
            Err(e) if e.code() == Some(ErrorCode::Conflict) => {
                open.set(Open::Nothing);
                outcome.set(Some((Acc::RequestRefused, true)));
                on_changed.run(());
            }
            Err(e) if e.code() == Some(ErrorCode::ValidationFailed) => {
                let found = server_problems(&e);
                if kind == RequestKind::AddressChange {
                    open.set(Open::NewAddress);
                }
                problems.set(found);
            }
            Err(e) => {
                events.error(&e);
                outcome.set(Some((Acc::RequestFailed, true)));
            }
        }
    };
    let send_cancel = move || {
        let (Some(r), Some(c)) = (reason.get_untracked(), client.try_get_value()) else {
            return;
        };
        let text = comment.get_untracked();
        let input = CancellationInput {
            reason: r,
            comment: (!text.trim().is_empty()).then_some(text),
        };
        let number = order.with_untracked(|o| o.order_number.clone());
        let k = key.get_value();
        busy.set(true);
        spawn_local(async move {
            let r = c.request_cancellation(&number, &input, &k).await;
            finish(r, RequestKind::Cancellation);
        });
    };
    let send_address = move |address: Address| {
        let Some(c) = client.try_get_value() else {
            return;
        };
        let number = order.with_untracked(|o| o.order_number.clone());
        let k = key.get_value();
        busy.set(true);
        spawn_local(async move {
            let r = c
                .request_address_change(&number, &AddressChangeInput { address }, &k)
                .await;
            finish(r, RequestKind::AddressChange);
        });
    };
    // The customer's saved addresses, offered when asking for a new delivery address.
    let open_address = move || {
        start(Open::NewAddress);
        if !signed_in {
            return;
        }
        let Some(c) = client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            if let Ok(p) = c.profile().await {
                if !p.addresses.is_empty() && open.get_untracked() == Open::NewAddress {
                    picked.set(p.addresses.first().map(|a| a.id));
                    saved.set(p.addresses);
                    open.set(Open::PickAddress);
                }
            }
        });
    };

    let requests = move || {
        let l = locale.get();
        let list = order.with(|o| o.requests.clone());
        (!list.is_empty()).then(|| {
            let cards = list.into_iter().map(|r| request_card(r, l)).collect_view();
            view! {
                <h3>{at(l, Acc::YourRequests)}</h3>
                <ul class="reqs">{cards}</ul>
            }
        })
    };
    let actions = move || {
        let l = locale.get();
        if open.get() != Open::Nothing {
            return None;
        }
        let (changes, status) = order.with(|o| (o.changes.clone(), o.status));
        let changes = changes?;
        let cancel = changes.cancel_until.map(|until| {
            view! {
                <div class="act">
                    <button type="button" class="btn secondary" part="button" on:click=move |_| start(Open::Cancel { confirming: false })>
                        {at(l, Acc::CancelOrder)}
                    </button>
                    <p class="muted">{at(l, Acc::CancelUntil(&i18n::date_time(l, &until)))}</p>
                </div>
            }
        });
        // Why not, only where the shopper would expect to be able to (nothing shipped yet).
        let why_not = changes
            .cancel_blocked
            .filter(|w| {
                status == OrderStatus::Processing
                    && matches!(w, NotChangeable::WindowClosed | NotChangeable::NotOffered)
            })
            .map(|w| view! { <p class="muted">{at(l, Acc::NotChangeable(RequestKind::Cancellation, w))}</p> });
        let address = changes.address_change.then(|| {
            view! {
                <div class="act">
                    <button type="button" class="btn secondary" part="button" on:click=move |_| open_address()>
                        {at(l, Acc::ChangeAddress)}
                    </button>
                </div>
            }
        });
        Some(view! { <div class="acts-row">{cancel}{address}</div>{why_not} })
    };
    let reasons_id = format!("{id}-r");
    let form = move || {
        let l = locale.get();
        match open.get() {
            Open::Nothing => None,
            Open::Cancel { confirming: false } => {
                let offered = order.with(|o| {
                    o.changes
                        .as_ref()
                        .map(|c| c.cancel_reasons.clone())
                        .unwrap_or_default()
                });
                Some(
                    cancel_form(CancelForm {
                        id: reasons_id.clone(),
                        offered,
                        reason,
                        comment,
                        problems,
                        locale,
                        on_next: Callback::new(move |_| {
                            open.set(Open::Cancel { confirming: true });
                        }),
                        on_close: Callback::new(move |_| open.set(Open::Nothing)),
                    })
                    .into_any(),
                )
            }
            Open::Cancel { confirming: true } => {
                let number = order.with(|o| o.order_number.to_string());
                Some(view! {
                    <div class="card confirm-box" role="group" aria-labelledby=format!("{reasons_id}-q")>
                        <h3 id=format!("{reasons_id}-q")>{at(l, Acc::CancelConfirm(&number))}</h3>
                        <p>{at(l, Acc::CancelConfirmHint)}</p>
                        <div class="nav">
                            <button type="button" class="btn danger" part="button" aria-disabled=move || busy.get().then_some("true")
                                on:click=move |_| if !busy.get_untracked() { send_cancel() }>
                                {move || if busy.get() { t(locale.get(), Msg::Sending) } else { at(locale.get(), Acc::SendCancel) }}
                            </button>
                            <button type="button" class="link" part="button" on:click=move |_| open.set(Open::Cancel { confirming: false })>
                                {t(l, Msg::Back)}
                            </button>
                        </div>
                    </div>
                }.into_any())
            }
            Open::PickAddress => {
                let choices = saved
                    .get()
                    .into_iter()
                    .map(|s| {
                        let sid = s.id;
                        view! {
                            <label class="choice">
                                <input type="radio" name=format!("{id}-a") checked=move || picked.get() == Some(sid) on:change=move |_| picked.set(Some(sid)) />
                                <span>{one_line(&s.address)}</span>
                            </label>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <div class="card addr-pick">
                        <h3>{at(l, Acc::ChangeAddressHeading)}</h3>
                        <p class="muted">{at(l, Acc::ChangeAddressHint)}</p>
                        <fieldset class="choices">
                            <legend>{at(l, Acc::UseSaved)}</legend>
                            {choices}
                            <label class="choice">
                                <input type="radio" name=format!("{id}-a") checked=move || picked.get().is_none() on:change=move |_| picked.set(None) />
                                <span>{at(l, Acc::NewAddressOption)}</span>
                            </label>
                        </fieldset>
                        <div class="nav">
                            <button type="button" class="btn" part="button" on:click=move |_| {
                                let chosen = picked.get_untracked().and_then(|p| saved.with_untracked(|s| s.iter().find(|a| a.id == p).map(|a| a.address.clone())));
                                open.set(match chosen { Some(a) => Open::ConfirmAddress(a), None => Open::NewAddress });
                            }>
                                {t(l, Msg::Continue)}
                            </button>
                            <button type="button" class="link" part="button" on:click=move |_| open.set(Open::Nothing)>
                                {at(l, Acc::CancelForm)}
                            </button>
                        </div>
                    </div>
                }.into_any())
            }
            Open::NewAddress => {
                let current = order.with_untracked(|o| o.shipping_address.clone());
                let country = current
                    .as_ref()
                    .map(|a| a.country.clone())
                    .unwrap_or_else(|| "ES".into());
                Some(
                    view! {
                        <AddressForm
                            heading=Acc::ChangeAddressHeading
                            initial=current.unwrap_or_default()
                            country=country
                            submit=Msg::Continue
                            busy=Signal::derive(|| false)
                            errors=problems
                            locale=locale
                            on_submit=Callback::new(move |a| open.set(Open::ConfirmAddress(a)))
                            on_cancel=Callback::new(move |_| open.set(Open::Nothing))
                        >
                            <p class="muted">{at(l, Acc::ChangeAddressHint)}</p>
                        </AddressForm>
                    }
                    .into_any(),
                )
            }
            Open::ConfirmAddress(a) => {
                let lines = super::detail::address_lines(&a);
                let send = a.clone();
                Some(view! {
                    <div class="card confirm-box" role="group" aria-labelledby=format!("{reasons_id}-aq")>
                        <h3 id=format!("{reasons_id}-aq")>{at(l, Acc::AddressConfirm)}</h3>
                        <address>{lines}</address>
                        <div class="nav">
                            <button type="button" class="btn" part="button" aria-disabled=move || busy.get().then_some("true")
                                on:click=move |_| if !busy.get_untracked() { send_address(send.clone()) }>
                                {move || if busy.get() { t(locale.get(), Msg::Sending) } else { at(locale.get(), Acc::SendAddressChange) }}
                            </button>
                            <button type="button" class="link" part="button" on:click=move |_| open.set(Open::NewAddress)>
                                {t(l, Msg::Back)}
                            </button>
                        </div>
                    </div>
                }.into_any())
            }
        }
    };
    view! {
        <section class="changes" aria-live="polite">
            {requests}
            {actions}
            {form}
            <p class="saved" class:problem-text=move || outcome.get().is_some_and(|(_, bad)| bad) role="status">
                {move || outcome.get().map(|(m, _)| at(locale.get(), m))}
            </p>
        </section>
    }
}

/// The cancellation form's parts.
struct CancelForm {
    id: String,
    offered: Vec<CancelReason>,
    reason: RwSignal<Option<CancelReason>>,
    comment: RwSignal<String>,
    problems: RwSignal<Vec<FieldProblem>>,
    locale: Signal<Locale>,
    on_next: Callback<()>,
    on_close: Callback<()>,
}

/// The reasons (one radio group) and a comment, checked with the shared rules on "Continue".
fn cancel_form(f: CancelForm) -> impl IntoView {
    let CancelForm {
        id,
        offered,
        reason,
        comment,
        problems,
        locale,
        on_next,
        on_close,
    } = f;
    let l = locale.get_untracked();
    let problem = move |field: &'static str| {
        problems.with(|p| p.iter().find(|(f, _)| f == field).map(|(_, i)| *i))
    };
    let check = {
        let offered = offered.clone();
        move || {
            let Some(r) = reason.get_untracked() else {
                problems.set(vec![(
                    "reason".into(),
                    aftercare_shared::FieldIssue::Required,
                )]);
                return;
            };
            let text = comment.get_untracked();
            let input = CancellationInput {
                reason: r,
                comment: (!text.trim().is_empty()).then_some(text),
            };
            let policy = ChangePolicy {
                cancel_reasons: offered.clone(),
                ..ChangePolicy::default()
            };
            match input.validate(&policy) {
                Ok(()) => {
                    problems.set(Vec::new());
                    on_next.run(());
                }
                Err(e) => problems.set(e.fields.into_iter().map(|f| (f.field, f.issue)).collect()),
            }
        }
    };
    let name = format!("{id}-reason");
    let reason_err = format!("{id}-re");
    let comment_id = format!("{id}-c");
    let comment_err = format!("{id}-ce");
    let options = offered
        .into_iter()
        .map(|r| {
            view! {
                <label class="choice">
                    <input type="radio" name=name.clone() checked=move || reason.get() == Some(r) on:change=move |_| { reason.set(Some(r)); problems.set(Vec::new()); } />
                    <span>{at(l, Acc::CancelReason(r))}</span>
                </label>
            }
        })
        .collect_view();
    let needs_comment = move || reason.get().is_some_and(CancelReason::needs_comment);
    view! {
        <form class="card cancel-form" novalidate on:submit=move |ev| { ev.prevent_default(); check(); }>
            <h3>{at(l, Acc::CancelHeading)}</h3>
            <fieldset class="choices" aria-describedby=reason_err.clone() aria-invalid=move || problem("reason").is_some().then_some("true")>
                <legend>{at(l, Acc::CancelWhy)}</legend>
                {options}
            </fieldset>
            <p class="field-error" id=reason_err>{move || problem("reason").map(|_| at(locale.get(), Acc::ChooseReason))}</p>
            <div class="field">
                <label for=comment_id.clone()>
                    {move || {
                        let l = locale.get();
                        let label = at(l, Acc::CancelComment);
                        if needs_comment() { format!("{label} {}", t(l, Msg::Req(aftercare_shared::returns::Requirement::Required))) } else { at(l, Acc::Optional(&label)) }
                    }}
                </label>
                <textarea id=comment_id maxlength="1000" aria-describedby=comment_err.clone()
                    aria-invalid=move || problem("comment").is_some().then_some("true")
                    bind:value=comment></textarea>
                <p class="field-error" id=comment_err>
                    {move || problem("comment").map(|i| if i == aftercare_shared::FieldIssue::TooLong { at(locale.get(), Acc::FieldTooLong) } else { at(locale.get(), Acc::FieldRequired) })}
                </p>
            </div>
            <div class="nav">
                <button type="submit" class="btn" part="button">{t(l, Msg::Continue)}</button>
                <button type="button" class="link" part="button" on:click=move |_| on_close.run(())>{at(l, Acc::KeepOrder)}</button>
            </div>
        </form>
    }
}

/// One request: what was asked, when, and the store's answer.
fn request_card(r: OrderRequest, l: Locale) -> impl IntoView {
    let icon = match r.status {
        RequestStatus::Pending => "…",
        RequestStatus::Accepted => "✓",
        RequestStatus::Rejected => "✕",
    };
    let asked = (r.status == RequestStatus::Pending)
        .then(|| at(l, Acc::RequestAsked(&i18n::day(l, &r.created_at))));
    let reason = r.reason.map(|why| {
        let label = at(l, Acc::CancelReason(why));
        at(l, Acc::ReasonIs(&label))
    });
    let address = r.address.as_ref().map(|a| {
        view! { <address class="muted">{super::detail::address_lines(a)}</address> }
    });
    let meanwhile = (r.shipped_meanwhile && r.status == RequestStatus::Pending)
        .then(|| view! { <p class="attention">{at(l, Acc::ShippedMeanwhile)}</p> });
    let note = r.note.as_deref().map(|n| at(l, Acc::StoreNote(n)));
    view! {
        <li class="notice req" class:done=r.status != RequestStatus::Pending data-status=r.status.as_str()>
            <span class="ico" aria-hidden="true">{icon}</span>
            <div class="nbody">
                <p class="ntitle">{at(l, Acc::RequestTitle(r.kind, r.status))}</p>
                {asked.map(|a| view! { <p class="muted">{a}</p> })}
                {reason.map(|x| view! { <p>{x}</p> })}
                {r.comment.map(|c| view! { <p class="muted">{c}</p> })}
                {address}
                {meanwhile}
                {note.map(|n| view! { <p>{n}</p> })}
            </div>
        </li>
    }
}
