//! (c) Tracking floor with the real typed client and types from aftercare-shared.
//! With feature `lookup` (variant d) it adds the guest lookup form as a second screen.
use aftercare_shared::client::{Client, Fetched};
use aftercare_shared::order::{Order, OrderStatus};
use aftercare_shared::time::Timestamp;
use aftercare_shared::OrderNumber;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn status_text(s: OrderStatus) -> &'static str {
    match s {
        OrderStatus::Processing => "Processing",
        OrderStatus::PartiallyShipped => "Partially shipped",
        OrderStatus::Shipped => "Shipped",
        OrderStatus::OutForDelivery => "Out for delivery",
        OrderStatus::Delivered => "Delivered",
        OrderStatus::Exception => "Needs attention",
        OrderStatus::Cancelled => "Cancelled",
    }
}

fn format_date(ts: &Timestamp) -> String {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en".into()), &opts);
    f.format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(ts.utc_ms as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn client() -> Client {
    Client::new("", "pk_demo_aftercare")
}

/// The same call the tracking widget makes for one order (token mode).
async fn fetch_order(token: String, number: String) -> Result<Order, String> {
    let number = OrderNumber::parse(&number).map_err(|e| format!("{e:?}"))?;
    match client()
        .with_token(&token)
        .order_if_changed(&number, None)
        .await
    {
        Ok(Fetched::Changed { value, .. }) => Ok(value),
        Ok(Fetched::NotModified) => Err("unexpected 304".into()),
        Err(e) => Err(e.to_string()),
    }
}

#[component]
fn OrderView(order: Order) -> impl IntoView {
    let events = order.shipments.into_iter().flat_map(|s| s.events);
    view! {
        <h2>"Order " {order.order_number.to_string()}</h2>
        <p class="status">{status_text(order.status)}</p>
        <ol>
            {events
                .map(|e| {
                    view! {
                        <li>
                            <time>{format_date(&e.occurred_at)}</time>
                            " "
                            <strong>{e.status.as_str()}</strong>
                            " "
                            <span>{e.description}</span>
                            {e.location.and_then(|l| l.display()).map(|l| view! { <small>" · " {l}</small> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn Tracking(token: String, number: String) -> impl IntoView {
    let order = LocalResource::new(move || fetch_order(token.clone(), number.clone()));
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                order
                    .get()
                    .map(|r| match r {
                        Ok(o) => view! { <OrderView order=o /> }.into_any(),
                        Err(e) => view! { <p role="alert">"Could not load the order: " {e}</p> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[cfg_attr(feature = "lookup", allow(dead_code))]
const TOKEN: &str = "v1.eyJjIjoiY3VzX2FuYSJ9.c2lnbmF0dXJl";

#[cfg(not(feature = "lookup"))]
#[component]
fn App() -> impl IntoView {
    view! { <Tracking token=TOKEN.to_owned() number="1002".to_owned() /> }
}

#[cfg(feature = "lookup")]
mod lookup {
    use super::*;
    use aftercare_shared::api::{LookupRequest, OrderSession};
    use aftercare_shared::client::ClientError;
    use aftercare_shared::error::FieldIssue;
    use leptos::task::spawn_local;

    fn issue_text(i: FieldIssue) -> &'static str {
        match i {
            FieldIssue::Required => "This field is required.",
            FieldIssue::InvalidFormat => "This doesn't look right.",
            FieldIssue::TooLong => "This is too long.",
            _ => "Please check this field.",
        }
    }

    /// Guest lookup: order number + email, field errors inline, then the order screen.
    #[component]
    pub(crate) fn Lookup() -> impl IntoView {
        let number = RwSignal::new(String::new());
        let email = RwSignal::new(String::new());
        let errors = RwSignal::new(Vec::<(String, FieldIssue)>::new());
        let form_error = RwSignal::new(None::<String>);
        let session = RwSignal::new(None::<OrderSession>);
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let req = LookupRequest {
                order_number: number.get_untracked(),
                email: email.get_untracked(),
            };
            form_error.set(None);
            if let Err(e) = req.validate() {
                errors.set(e.fields.into_iter().map(|f| (f.field, f.issue)).collect());
                return;
            }
            errors.set(Vec::new());
            spawn_local(async move {
                match client().lookup_order(&req).await {
                    Ok(s) => session.set(Some(s)),
                    Err(ClientError::Api { error, .. }) if !error.fields.is_empty() => {
                        errors.set(
                            error
                                .fields
                                .into_iter()
                                .map(|f| (f.field, f.issue))
                                .collect(),
                        );
                    }
                    Err(e) => form_error.set(Some(e.to_string())),
                }
            });
        };
        let field_error = move |name: &'static str| {
            move || {
                errors.with(|es| {
                    es.iter()
                        .find(|(f, _)| f == name)
                        .map(|(_, i)| view! { <p class="field-error">{issue_text(*i)}</p> })
                })
            }
        };
        view! {
            {move || match session.get() {
                Some(s) => view! {
                    <Tracking token=s.token number=s.order_number.to_string() />
                }.into_any(),
                None => view! {
                    <form on:submit=on_submit>
                        <label>"Order number"
                            <input type="text" prop:value=move || number.get()
                                on:input=move |ev| number.set(event_target_value(&ev)) />
                        </label>
                        {field_error("order_number")}
                        <label>"Email"
                            <input type="email" prop:value=move || email.get()
                                on:input=move |ev| email.set(event_target_value(&ev)) />
                        </label>
                        {field_error("email")}
                        {move || form_error.get().map(|m| view! { <p role="alert">{m}</p> })}
                        <button type="submit">"Track"</button>
                    </form>
                }.into_any(),
            }}
        }
    }
}

#[cfg(feature = "lookup")]
#[component]
fn App() -> impl IntoView {
    // Token mode when the page has a token, guest lookup otherwise (both screens reachable).
    let has_token = js_sys::Reflect::get(&js_sys::global(), &"AFTERCARE_TOKEN".into())
        .ok()
        .and_then(|v| v.as_string());
    match has_token {
        Some(t) => view! { <Tracking token=t number="1002".to_owned() /> }.into_any(),
        None => view! { <lookup::Lookup /> }.into_any(),
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}
