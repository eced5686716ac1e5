//! One address form for the account: the address book's add and edit, and the delivery-address
//! change request. Labels follow the chosen country ("ZIP code" and "State" in the US, "CEP" in
//! Brazil), and the country's rules from the shared crate run before anything is sent, so the
//! shopper sees the server's verdict at once. Problems the server still finds come back through
//! `errors` and show the same way.

use crate::dom::uid;
use crate::i18n::{at, t, ta, Acc, Msg};
use aftercare_shared::address::{Address, Country};
use aftercare_shared::validate::Problems;
use aftercare_shared::{FieldIssue, Locale};
use leptos::ev::SubmitEvent;
use leptos::html::Form;
use leptos::prelude::*;

/// A field's problem: its name within the address (`postal_code`) and the issue.
pub type FieldProblem = (String, FieldIssue);

/// The fields in the order they are shown (also the order focus goes to the first problem).
const FIELDS: [&str; 7] = [
    "name",
    "country",
    "line1",
    "line2",
    "postal_code",
    "city",
    "region",
];

/// An address form (see the module docs). The parent sends what `on_submit` hands it and puts
/// the server's field problems (paths under `address.`, or bare) into `errors`.
#[component]
pub fn AddressForm(
    /// The heading above the fields.
    heading: Acc<'static>,
    /// The address to start from (editing), if any.
    #[prop(optional)]
    initial: Option<Address>,
    /// The country a new address starts with (ISO code).
    #[prop(into)]
    country: String,
    /// The submit button's text.
    submit: Msg<'static>,
    /// Whether a submission is in flight (the button says so and ignores clicks).
    busy: Signal<bool>,
    /// Field problems to show: the form's own checks and the server's.
    errors: RwSignal<Vec<FieldProblem>>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Called with the address, normalised by the country's rules, once it passes them.
    on_submit: Callback<Address>,
    /// Called when the shopper closes the form without sending.
    on_cancel: Callback<()>,
    /// Anything shown between the fields and the buttons (e.g. "make default").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let a = initial.unwrap_or_default();
    let id = uid("addr");
    let form = NodeRef::<Form>::new();
    let name = RwSignal::new(a.name);
    let line1 = RwSignal::new(a.line1);
    let line2 = RwSignal::new(a.line2.unwrap_or_default());
    let city = RwSignal::new(a.city);
    let region = RwSignal::new(a.region.unwrap_or_default());
    let postal = RwSignal::new(a.postal_code);
    let country = RwSignal::new(if a.country.is_empty() {
        country
    } else {
        a.country
    });
    let known = Memo::new(move |_| Country::from_code(&country.get()));
    let field_id = {
        let id = id.clone();
        move |f: &str| format!("{id}-{f}")
    };
    let problem = move |f: &'static str| {
        errors.with(|e| {
            e.iter()
                .find(|(field, _)| field.strip_prefix("address.").unwrap_or(field) == f)
                .map(|(_, issue)| *issue)
        })
    };
    let region_label = move |l: Locale| {
        let (required, kind) = known.get().map_or(
            (false, aftercare_shared::address::RegionKind::Region),
            Country::region,
        );
        let label = at(l, Acc::Region(kind));
        if required {
            label
        } else {
            at(l, Acc::Optional(&label))
        }
    };
    let postal_label = move |l: Locale| {
        known.get().map_or_else(
            || {
                at(
                    l,
                    Acc::Postal(aftercare_shared::address::PostalKind::PostalCode),
                )
            },
            |c| at(l, Acc::Postal(c.postal_kind())),
        )
    };
    let message = move |f: &'static str, issue: FieldIssue, l: Locale| -> String {
        match (f, issue) {
            ("country", _) => at(l, Acc::BadCountry),
            (_, FieldIssue::TooLong) => at(l, Acc::FieldTooLong),
            ("postal_code", FieldIssue::InvalidFormat) => {
                let example = known.get().map_or("", Country::postal_example);
                at(l, Acc::BadPostal(&postal_label(l), example))
            }
            ("region", FieldIssue::InvalidFormat) => at(l, Acc::BadRegion(&region_label(l))),
            _ => at(l, Acc::FieldRequired),
        }
    };
    // One labelled input with its problem underneath, tied together for screen readers.
    let input = {
        let field_id = field_id.clone();
        move |f: &'static str,
              value: RwSignal<String>,
              label: Box<dyn Fn(Locale) -> String + Send + Sync>,
              autocomplete: &'static str| {
            let iid = field_id(f);
            let eid = format!("{iid}-e");
            let hint = (f == "postal_code").then(|| {
                let hid = format!("{iid}-h");
                view! {
                    <p class="muted hint" id=hid>
                        {move || known.get().map(|c| at(locale.get(), Acc::PostalExample(c.postal_example())))}
                    </p>
                }
            });
            let described = if f == "postal_code" {
                format!("{iid}-h {eid}")
            } else {
                eid.clone()
            };
            view! {
                <div class="field">
                    <label for=iid.clone()>{move || label(locale.get())}</label>
                    <input
                        id=iid
                        name=f
                        autocomplete=autocomplete
                        aria-describedby=described
                        aria-invalid=move || problem(f).is_some().then_some("true")
                        bind:value=value
                    />
                    {hint}
                    <p class="field-error" id=eid>
                        {move || problem(f).map(|i| message(f, i, locale.get()))}
                    </p>
                </div>
            }
        }
    };
    let options = move || {
        let l = locale.get();
        let current = country.get_untracked();
        let mut list: Vec<(String, String)> = Country::ALL
            .iter()
            .map(|c| (c.code().to_string(), at(l, Acc::Country(*c))))
            .collect();
        if !current.is_empty() && Country::from_code(&current).is_none() {
            list.push((current.clone(), current));
        }
        list.into_iter()
            .map(|(code, label)| {
                let selected = code.eq_ignore_ascii_case(&country.get_untracked());
                view! { <option value=code selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let country_id = field_id("country");
    let country_err = format!("{country_id}-e");
    let country_described = country_err.clone();
    let country_for = country_id.clone();
    let submit_form = {
        let field_id = field_id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let line2v = line2.get_untracked();
            let regionv = region.get_untracked();
            let address = Address {
                name: name.get_untracked(),
                line1: line1.get_untracked(),
                line2: (!line2v.trim().is_empty()).then_some(line2v),
                city: city.get_untracked(),
                region: (!regionv.trim().is_empty()).then_some(regionv),
                postal_code: postal.get_untracked(),
                country: country.get_untracked(),
            };
            let mut p = Problems::default();
            let checked = p.address("", &address);
            match p.finish() {
                Ok(()) => {
                    errors.set(Vec::new());
                    if let Some(a) = checked {
                        on_submit.run(a);
                    }
                }
                Err(e) => {
                    let found: Vec<FieldProblem> =
                        e.fields.into_iter().map(|f| (f.field, f.issue)).collect();
                    let first = FIELDS
                        .into_iter()
                        .find(|f| found.iter().any(|(field, _)| field == f));
                    errors.set(found);
                    if let Some(f) = first {
                        focus_by_id(form, &field_id(f));
                    }
                }
            }
        }
    };
    let heading_id = format!("{id}-h");
    let labelled_by = heading_id.clone();
    view! {
        <form class="card addr-form" node_ref=form novalidate aria-labelledby=labelled_by on:submit=submit_form>
            <h3 id=heading_id>{ta(locale, heading)}</h3>
            {input("name", name, Box::new(move |l| at(l, Acc::FieldName)), "name")}
            <div class="field">
                <label for=country_for>{ta(locale, Acc::FieldCountry)}</label>
                <select
                    id=country_id
                    name="country"
                    autocomplete="country"
                    aria-describedby=country_described
                    aria-invalid=move || problem("country").is_some().then_some("true")
                    on:change=move |ev| {
                        country.set(event_target_value(&ev));
                        errors.update(|e| e.retain(|(f, _)| !f.ends_with("postal_code") && !f.ends_with("region")));
                    }
                >
                    {options}
                </select>
                <p class="field-error" id=country_err>
                    {move || problem("country").map(|i| message("country", i, locale.get()))}
                </p>
            </div>
            {input("line1", line1, Box::new(move |l| at(l, Acc::FieldLine1)), "address-line1")}
            {input("line2", line2, Box::new(move |l| at(l, Acc::Optional(&at(l, Acc::FieldLine2)))), "address-line2")}
            <div class="addr-row">
                {input("postal_code", postal, Box::new(postal_label), "postal-code")}
                {input("city", city, Box::new(move |l| at(l, Acc::FieldCity)), "address-level2")}
            </div>
            {input("region", region, Box::new(region_label), "address-level1")}
            {children.map(|c| c())}
            <div class="nav">
                <button type="submit" class="btn" part="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { at(locale.get(), Acc::Saving) } else { t(locale.get(), submit) }}
                </button>
                <button type="button" class="link" part="button" on:click=move |_| on_cancel.run(())>
                    {ta(locale, Acc::CancelForm)}
                </button>
            </div>
        </form>
    }
}

/// Move focus to the field with `id` inside `form` (ids are unique per form, see [`uid`]).
fn focus_by_id(form: NodeRef<Form>, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(form) = form.get_untracked() else {
        return;
    };
    if let Ok(Some(el)) = form.query_selector(&format!("#{id}")) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Text for an address as one line ("Ana Souza, Rua Augusta 100, 1100-148 Lisboa, PT").
pub fn one_line(a: &Address) -> String {
    a.lines().join(", ")
}

/// A field-problem list from the server's error, for [`AddressForm`]'s `errors`.
pub fn server_problems(e: &aftercare_shared::client::ClientError) -> Vec<FieldProblem> {
    match e {
        aftercare_shared::client::ClientError::Api { error, .. } => error
            .fields
            .iter()
            .map(|f| (f.field.clone(), f.issue))
            .collect(),
        _ => Vec::new(),
    }
}
