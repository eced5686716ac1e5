//! Pure views of the tracking widget: data in, DOM out, no network. The timeline takes an
//! [`Order`] value, so it renders the same in tests, in the gallery and in the live widget.

use crate::dom::{add, el, set, txt, uid, Events};
use crate::i18n::{self, t, tr, Field, Msg};
use aftercare_shared::api::{LookupRequest, OrderSession};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::error::{ErrorCode, FieldIssue};
use aftercare_shared::order::{LineItem, Order, OrderStatus, OrderSummary, ParcelItem, Shipment};
use aftercare_shared::tracking::{self, ProgressStep, TrackingStatus};
use aftercare_shared::{validate, Locale, OrderNumber, Timestamp};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// The loading skeleton: reserves the widget's height and announces "Loading…" to screen readers.
pub fn skeleton(locale: Signal<Locale>) -> impl IntoView {
    view! {
        <div class="skel" role="status">
            <span class="vh">{tr(locale, Msg::Loading)}</span>
            <div class="bar w60"></div>
            <div class="bar w40"></div>
            <div class="blk"></div>
        </div>
    }
}

/// One order's tracking: headline, a block per parcel, unshipped items, or "preparing".
///
/// Pure: renders from the value alone (no network), so tests and the gallery can use it.
#[component]
pub fn OrderTimeline(
    /// The order to show (as `GET /v1/orders/{number}` returns it).
    order: Order,
    /// The shopper's language.
    locale: Locale,
) -> impl IntoView {
    view! { <article class="order" use:render_order=(order, locale)></article> }
}

/// Builds the timeline into `root` (re-run on rebuild, e.g. a language change).
fn render_order(root: web_sys::Element, (order, l): (Order, Locale)) {
    root.replace_children_with_node_0();
    let head = el(&root, "header", "head");
    set(
        &txt(
            &head,
            "h2",
            "",
            &t(l, Msg::OrderHeading(order.order_number.as_str())),
        ),
        "part",
        "heading",
    );
    let attention = matches!(
        order.status,
        OrderStatus::Exception | OrderStatus::Cancelled
    );
    txt(
        &head,
        "p",
        if attention {
            "headline attention"
        } else {
            "headline"
        },
        &t(l, Msg::OrderStatus(order.status)),
    );
    let placed = el(&head, "p", "muted");
    time(
        &placed,
        &order.placed_at,
        &t(l, Msg::PlacedOn(&i18n::date(l, &order.placed_at))),
    );
    let n = order.shipments.len();
    if n == 0 && order.status != OrderStatus::Cancelled {
        txt(&root, "p", "card empty", &t(l, Msg::PreparingBody));
    }
    for (i, s) in order.shipments.iter().enumerate() {
        parcel(&root, &order, s, i, n, l);
    }
    let units: u32 = order.unshipped.iter().map(|p| p.quantity).sum();
    if units > 0 {
        let sec = el(&root, "section", "card unshipped");
        txt(&sec, "h3", "", &t(l, Msg::NotShippedYet(units)));
        items(&sec, &order.items, &order.unshipped, l);
    }
}

fn time(parent: &web_sys::Element, ts: &Timestamp, text: &str) {
    set(&txt(parent, "time", "", text), "datetime", &ts.to_string());
}

fn items(parent: &web_sys::Element, lines: &[LineItem], parcel: &[ParcelItem], l: Locale) {
    let ul = el(parent, "ul", "items");
    for p in parcel {
        if let Some(li) = lines.iter().find(|li| li.id == p.line_item_id) {
            let row = el(&ul, "li", "");
            txt(&row, "span", "title", &li.title);
            if let Some(v) = &li.variant {
                txt(&row, "span", "muted", v);
            }
            txt(&row, "span", "muted", &t(l, Msg::Quantity(p.quantity)));
        }
    }
}

fn parcel(root: &web_sys::Element, order: &Order, s: &Shipment, i: usize, n: usize, l: Locale) {
    let sec = el(root, "section", "card parcel");
    set(&sec, "part", "parcel");
    let status = t(l, Msg::Status(s.status));
    let title = if n > 1 {
        format!("{}: {}", t(l, Msg::ParcelOf(i + 1, n)), status)
    } else {
        status
    };
    txt(
        &sec,
        "h3",
        if s.status.needs_attention() {
            "attention"
        } else {
            ""
        },
        &title,
    );
    let meta = el(&sec, "dl", "meta");
    let row = |label: Msg<'_>| {
        let d = el(&meta, "div", "");
        txt(&d, "dt", "", &t(l, label));
        el(&d, "dd", "")
    };
    txt(&row(Msg::Carrier), "span", "", &s.carrier.name);
    let dd = row(Msg::TrackingNumber);
    match s
        .tracking_url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        Some(href) => {
            let a = txt(&dd, "a", "", &s.tracking_number);
            set(&a, "href", href);
            set(&a, "target", "_blank");
            set(&a, "rel", "noopener noreferrer");
            txt(&a, "span", "vh", &format!(" {}", t(l, Msg::OpensNewTab)));
        }
        None => add(&dd, &s.tracking_number),
    }
    if let Some(w) = s.eta.filter(|_| !s.status.is_final()) {
        time(&row(Msg::Eta), &w.earliest, &i18n::eta(l, &w));
    }
    stepper(&sec, s.step, s.status, l);
    txt(&sec, "h4", "", &t(l, Msg::InThisParcel));
    items(&sec, &order.items, &s.items, l);
    txt(&sec, "h4", "", &t(l, Msg::History));
    let mut events = s.events.clone();
    tracking::newest_first(&mut events);
    if events.is_empty() {
        txt(&sec, "p", "muted", &t(l, Msg::NoEvents));
        return;
    }
    let ol = el(&sec, "ol", "timeline");
    set(&ol, "part", "timeline");
    for e in &events {
        let li = el(&ol, "li", "event");
        set(&li, "part", "event");
        txt(&li, "p", "ev-status", &t(l, Msg::Status(e.status)));
        txt(&li, "p", "", &e.description);
        if let Some(place) = e.location.as_ref().and_then(|loc| loc.display()) {
            txt(&li, "p", "muted", &place);
        }
        let when = el(&li, "p", "muted");
        time(&when, &e.occurred_at, &i18n::date_time(l, &e.occurred_at));
        if let Some(note) = i18n::local_time_note(l, &e.occurred_at) {
            txt(&when, "span", "local", &format!(" · {note}"));
        }
    }
}

/// The five-step progress bar; the current step is marked by text and `aria-current="step"`.
fn stepper(parent: &web_sys::Element, current: ProgressStep, status: TrackingStatus, l: Locale) {
    let ol = el(parent, "ol", "stepper");
    set(&ol, "part", "stepper");
    set(&ol, "aria-label", &t(l, Msg::Progress));
    for st in ProgressStep::ALL {
        let now = st == current;
        let class = match () {
            _ if st < current || current == ProgressStep::Delivered => "done",
            _ if now => "current",
            _ => "todo",
        };
        let li = el(&ol, "li", class);
        txt(&li, "span", "lbl", &t(l, Msg::Step(st)));
        if now {
            set(&li, "aria-current", "step");
            txt(
                &li,
                "span",
                if status.needs_attention() {
                    "now attention"
                } else {
                    "now"
                },
                &t(l, Msg::StepNow),
            );
        } else if class == "done" {
            txt(&li, "span", "vh", &format!(" {}", t(l, Msg::StepDone)));
        }
    }
}

/// A customer's orders as buttons; choosing one calls `on_pick` (one delegated listener).
pub fn order_list(
    orders: Vec<OrderSummary>,
    locale: Signal<Locale>,
    on_pick: Callback<OrderNumber>,
) -> impl IntoView {
    let pick = move |ev: leptos::ev::MouseEvent| {
        let number = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-order]").ok().flatten())
            .and_then(|b| b.get_attribute("data-order"))
            .and_then(|n| OrderNumber::parse(&n).ok());
        if let Some(n) = number {
            on_pick.run(n);
        }
    };
    view! { <ul class="orders" on:click=pick use:render_orders=(orders, locale.get())></ul> }
}

fn render_orders(root: web_sys::Element, (orders, l): (Vec<OrderSummary>, Locale)) {
    root.replace_children_with_node_0();
    if orders.is_empty() {
        txt(&root, "li", "card empty", &t(l, Msg::NoOrders));
    }
    for o in &orders {
        let status = t(l, Msg::OrderStatus(o.status));
        let label = t(
            l,
            Msg::OrderRow {
                number: o.order_number.as_str(),
                date: &i18n::date(l, &o.placed_at),
                status: &status,
                total: &i18n::money(l, &o.total),
            },
        );
        let b = txt(&el(&root, "li", ""), "button", "row", &label);
        set(&b, "type", "button");
        set(&b, "part", "button");
        set(&b, "data-order", o.order_number.as_str());
    }
}

/// The field a server `fields[].field` path names, if it is one of the lookup form's.
fn field_of(path: &str) -> Option<Field> {
    match path {
        "order_number" => Some(Field::OrderNumber),
        "email" => Some(Field::Email),
        _ => None,
    }
}

/// The error code an `aftercare:*` event reports for a client failure.
pub fn error_code(e: &ClientError) -> &'static str {
    match e {
        ClientError::Api { error, .. } => error.code.as_str(),
        ClientError::Network(_) => "network_error",
        ClientError::Decode(_) => "bad_response",
    }
}

/// The guest lookup form: validated with `shared::validate::lookup` before sending, server
/// field errors shown inline after; `order_not_found` is one message that reveals nothing.
#[component]
pub fn LookupForm(
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
        if let Err(e) = validate::lookup(&req) {
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
            <h2 part="heading">{tr(locale, Msg::TrackHeading)}</h2>
            <p class="muted">{tr(locale, Msg::TrackIntro)}</p>
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
                {move || t(locale.get(), if busy.get() { Msg::TrackBusy } else { Msg::TrackButton })}
            </button>
        </form>
    }
}
