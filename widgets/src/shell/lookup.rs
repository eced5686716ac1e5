//! The guest lookup (order number + email → order session) with its wording chosen by the
//! widget that shows it: tracking's form says "Track your order", the returns form "Start a
//! return". Validated with `LookupRequest::validate` before sending; server field errors are
//! shown inline; `order_not_found` is one message that reveals nothing. The order-session
//! token it yields is handed to the caller and never stored.

use crate::dom::uid;
use crate::i18n::{t, tr, Field, Msg};
use crate::shell::error_code;
use crate::shell::Events;
use aftercare_shared::api::{LookupRequest, OrderSession};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::error::{ErrorCode, FieldIssue};
use aftercare_shared::Locale;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The field a server `fields[].field` path names, if it is one of the lookup form's.
fn field_of(path: &str) -> Option<Field> {
    match path {
        "order_number" => Some(Field::OrderNumber),
        "email" => Some(Field::Email),
        _ => None,
    }
}

/// The guest lookup form (see the module docs), headed and labelled by the caller.
#[component]
pub fn GuestLookup(
    /// The form's heading.
    heading: Msg<'static>,
    /// The explanation under the heading.
    intro: Msg<'static>,
    /// The submit button.
    button: Msg<'static>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Prefill for the order number (the element's `order` attribute).
    #[prop(into)]
    order: Signal<Option<String>>,
    /// Prefill for the email (the element's `email` attribute).
    #[prop(into)]
    email: Signal<Option<String>>,
    /// API client (publishable key only).
    client: Client,
    /// Receives the order session after a successful lookup (keep it in memory only).
    on_session: Callback<OrderSession>,
    /// Where `aftercare:lookup-failed` / `aftercare:error` go.
    events: Events,
    /// A message to show above the button at first (e.g. the session expired).
    #[prop(default = None)]
    notice: Option<Msg<'static>>,
) -> impl IntoView {
    let number = RwSignal::new(order.get_untracked().unwrap_or_default());
    let mail = RwSignal::new(email.get_untracked().unwrap_or_default());
    Effect::watch(
        move || order.get(),
        move |v, _, _| number.set(v.clone().unwrap_or_default()),
        false,
    );
    Effect::watch(
        move || email.get(),
        move |v, _, _| mail.set(v.clone().unwrap_or_default()),
        false,
    );
    let errors = RwSignal::new(Vec::<(Field, FieldIssue)>::new());
    let form_error = RwSignal::new(notice);
    let can_retry = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let (number_ref, email_ref) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let client = client.with_retry(RetryPolicy::NONE);

    let show_errors = move |fields: Vec<(Field, FieldIssue)>| {
        let first = fields.first().map(|(f, _)| *f);
        errors.set(fields);
        let target = match first {
            Some(Field::OrderNumber) => number_ref.get_untracked(),
            Some(Field::Email) => email_ref.get_untracked(),
            None => None,
        };
        if let Some(input) = target {
            let _ = input.focus();
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let req = LookupRequest {
            order_number: number.get_untracked(),
            email: mail.get_untracked(),
        };
        form_error.set(None);
        can_retry.set(false);
        if let Err(e) = req.validate() {
            show_errors(
                e.fields
                    .iter()
                    .filter_map(|f| Some((field_of(&f.field)?, f.issue)))
                    .collect(),
            );
            events.emit(
                "aftercare:lookup-failed",
                &[("code", JsValue::from_str("validation_failed"))],
            );
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = client.lookup_order(&req).await;
            if busy.try_set(false).is_some() {
                return; // unmounted meanwhile
            }
            let e = match result {
                Ok(session) => return on_session.run(session),
                Err(e) => e,
            };
            let code = error_code(&e);
            let fields: Vec<_> = match &e {
                ClientError::Api { error, .. } => error
                    .fields
                    .iter()
                    .filter_map(|f| Some((field_of(&f.field)?, f.issue)))
                    .collect(),
                _ => Vec::new(),
            };
            let msg = match e.code() {
                Some(ErrorCode::OrderNotFound | ErrorCode::NotFound) => Some(Msg::LookupNotFound),
                Some(ErrorCode::RateLimited) => Some(Msg::RateLimited(match &e {
                    ClientError::Api { error, .. } => error.retry_after_seconds,
                    _ => None,
                })),
                Some(ErrorCode::ValidationFailed) if !fields.is_empty() => None,
                _ if e.is_transient() => Some(Msg::Unreachable),
                _ => Some(Msg::Generic),
            };
            can_retry.set(msg == Some(Msg::Unreachable));
            form_error.set(msg);
            if !fields.is_empty() {
                show_errors(fields);
            }
            match e {
                ClientError::Api { error, .. }
                    if error.code != ErrorCode::Internal
                        && error.code != ErrorCode::Unavailable =>
                {
                    events.emit(
                        "aftercare:lookup-failed",
                        &[("code", JsValue::from_str(code))],
                    );
                }
                other => events.emit(
                    "aftercare:error",
                    &[
                        ("code", JsValue::from_str(code)),
                        ("message", JsValue::from_str(&other.to_string())),
                    ],
                ),
            }
        });
    };

    let field = move |f: Field, id: String, node: NodeRef<Input>, value: RwSignal<String>| {
        let err_id = format!("{id}-err");
        let issue = move || errors.with(|e| e.iter().find(|(g, _)| *g == f).map(|(_, i)| *i));
        let (label, kind, auto, mode) = match f {
            Field::OrderNumber => (Msg::OrderNumberLabel, "text", "off", "text"),
            Field::Email => (Msg::EmailLabel, "email", "email", "email"),
        };
        let described = err_id.clone();
        view! {
            <div class="field">
                <label for=id.clone()>{tr(locale, label)}</label>
                <input
                    id=id
                    part="input"
                    name=if f == Field::Email { "email" } else { "order" }
                    type=kind
                    autocomplete=auto
                    inputmode=mode
                    spellcheck="false"
                    required
                    aria-invalid=move || issue().map(|_| "true")
                    aria-describedby=move || issue().map(|_| described.clone())
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    node_ref=node
                />
                {move || {
                    issue()
                        .map(|i| {
                            view! {
                                <p class="field-error" id=err_id.clone() part="error">
                                    {t(locale.get(), Msg::FieldError(f, i))}
                                </p>
                            }
                        })
                }}
            </div>
        }
    };

    view! {
        <form class="lookup" part="form" novalidate on:submit=on_submit node_ref=form_ref>
            <h2 part="heading">{tr(locale, heading)}</h2>
            <p class="muted">{tr(locale, intro)}</p>
            {field(Field::OrderNumber, uid("order"), number_ref, number)}
            {field(Field::Email, uid("email"), email_ref, mail)}
            <p class="form-error" role="alert" part="error">
                {move || form_error.get().map(|m| t(locale.get(), m))}
            </p>
            {move || {
                can_retry
                    .get()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                part="button"
                                class="btn secondary"
                                on:click=move |_| {
                                    if let Some(f) = form_ref.get_untracked() {
                                        let _ = f.request_submit();
                                    }
                                }
                            >
                                {tr(locale, Msg::TryAgain)}
                            </button>
                        }
                    })
            }}
            <button type="submit" part="button" class="btn" aria-disabled=move || busy.get().then_some("true")>
                {move || t(locale.get(), if busy.get() { Msg::TrackBusy } else { button })}
            </button>
        </form>
    }
}
