//! The account's profile and address book: name, email and phone as the store's data holds
//! them (read-only: the store's own account owns them), and saved addresses — add, edit,
//! remove, make default — each checked with the country's rules before it is sent
//! (`/v1/me/profile`, `/v1/me/addresses`).

use crate::account::address_form::{one_line, server_problems, AddressForm, FieldProblem};
use crate::dom::uid;
use crate::i18n::{at, ta, Acc, Msg};
use crate::returns::draft::random_key;
use crate::shell::{problem_card, skeleton, Events, Failure};
use aftercare_shared::address::Address;
use aftercare_shared::api::{AddressInput, Profile, SavedAddress};
use aftercare_shared::client::{Client, ClientError};
use aftercare_shared::{ErrorCode, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// What the section shows.
#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed(Failure),
    Shown(Profile),
}

/// Which address form is open.
#[derive(Clone, Copy, PartialEq)]
enum Editing {
    Nothing,
    New,
    Address(i64),
    Removing(i64),
}

/// The profile and address book (see the module docs).
///
/// Emits `aftercare:address-saved` `{id}` and `aftercare:address-removed` `{id}`.
#[component]
pub fn ProfileSection(
    /// Client signed in with the customer's token.
    client: Client,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
) -> impl IntoView {
    let loaded = RwSignal::new(Loaded::Loading);
    let editing = RwSignal::new(Editing::Nothing);
    let outcome = RwSignal::new(None::<(Acc<'static>, bool)>);
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let busy = RwSignal::new(false);
    let make_default = RwSignal::new(false);
    let key = StoredValue::new(random_key());
    let retry = RwSignal::new(());
    let client = StoredValue::new(client);
    Effect::new(move |_| {
        retry.track();
        loaded.set(Loaded::Loading);
        let Some(c) = client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            let next = match c.profile().await {
                Ok(p) => Loaded::Shown(p),
                Err(e) => Loaded::Failed(Failure::of(&e)),
            };
            loaded.try_set(next);
        });
    });
    let open = move |e: Editing| {
        problems.set(Vec::new());
        outcome.set(None);
        make_default.set(false);
        key.set_value(random_key());
        editing.set(e);
    };
    // One answer from the server: the whole profile on success.
    let settle =
        move |r: Result<Profile, ClientError>, done: Acc<'static>, event: (&'static str, i64)| {
            busy.set(false);
            match r {
                Ok(p) => {
                    let id = if event.1 == 0 {
                        p.addresses.iter().map(|a| a.id).max().unwrap_or(0)
                    } else {
                        event.1
                    };
                    events.emit(event.0, &[("id", JsValue::from_f64(id as f64))]);
                    loaded.set(Loaded::Shown(p));
                    editing.set(Editing::Nothing);
                    outcome.set(Some((done, false)));
                }
                // The book already holds the most addresses it can (`409 conflict`).
                Err(e) if e.code() == Some(ErrorCode::Conflict) => {
                    outcome.set(Some((Acc::AddressBookFull, true)));
                }
                Err(e) if e.code() == Some(ErrorCode::ValidationFailed) => {
                    problems.set(server_problems(&e));
                    if problems.with_untracked(Vec::is_empty) {
                        outcome.set(Some((Acc::PrivacyFailed, true)));
                    }
                }
                Err(e) => {
                    events.error(&e);
                    outcome.set(Some((Acc::PrivacyFailed, true)));
                }
            }
        };
    let save = move |id: Option<i64>, address: Address| {
        let Some(c) = client.try_get_value() else {
            return;
        };
        let input = AddressInput {
            address,
            make_default: make_default.get_untracked(),
        };
        let k = key.get_value();
        busy.set(true);
        spawn_local(async move {
            let r = match id {
                Some(id) => c.update_address(id, &input).await,
                None => c.add_address(&input, &k).await,
            };
            settle(
                r,
                Acc::AddressSaved,
                ("aftercare:address-saved", id.unwrap_or(0)),
            );
        });
    };
    let remove = move |id: i64| {
        let Some(c) = client.try_get_value() else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let r = c.remove_address(id).await;
            settle(r, Acc::AddressRemoved, ("aftercare:address-removed", id));
        });
    };
    let set_default = move |s: SavedAddress| {
        let Some(c) = client.try_get_value() else {
            return;
        };
        outcome.set(None);
        busy.set(true);
        spawn_local(async move {
            let input = AddressInput {
                address: s.address,
                make_default: true,
            };
            let r = c.update_address(s.id, &input).await;
            settle(r, Acc::DefaultChanged, ("aftercare:address-saved", s.id));
        });
    };
    let default_box = move || {
        let id = uid("def");
        view! {
            <div class="pref">
                <input id=id.clone() type="checkbox" part="input" bind:checked=make_default />
                <label for=id>{ta(locale, Acc::MakeDefault)}</label>
            </div>
        }
    };
    let heading = uid("profile");
    let labelled_by = heading.clone();
    let book = uid("book");
    let book_labelled = book.clone();
    let body = move || match loaded.get() {
        Loaded::Loading => skeleton(locale).into_any(),
        Loaded::Failed(f) => problem_card(
            locale,
            f,
            Msg::Unreachable,
            Callback::new(move |_| retry.set(())),
        )
        .into_any(),
        Loaded::Shown(p) => {
            let l = locale.get();
            let detail = |label: Acc<'static>, v: Option<String>| {
                let missing = v.is_none();
                view! {
                    <div>
                        <dt>{at(l, label)}</dt>
                        <dd class:muted=missing>{v.unwrap_or_else(|| at(l, Acc::NotOnFile))}</dd>
                    </div>
                }
            };
            let country = p
                .addresses
                .first()
                .map_or_else(|| "ES".to_string(), |a| a.address.country.clone());
            let cards = p
                .addresses
                .iter()
                .cloned()
                .map(|s| address_card(s, l, editing, busy, open, remove, set_default))
                .collect_view();
            let empty = p
                .addresses
                .is_empty()
                .then(|| view! { <p class="muted">{at(l, Acc::NoAddresses)}</p> });
            let saved = p.addresses.clone();
            let country_new = country.clone();
            let edited = move || match editing.get() {
                Editing::Address(id) => {
                    let current = saved.iter().find(|a| a.id == id)?.address.clone();
                    Some(
                        view! {
                            <AddressForm
                                heading=Acc::EditAddressHeading
                                initial=current
                                country=country.clone()
                                submit=Msg::Account(Acc::SaveAddress)
                                busy=busy.into()
                                errors=problems
                                locale=locale
                                on_submit=Callback::new(move |a| save(Some(id), a))
                                on_cancel=Callback::new(move |_| editing.set(Editing::Nothing))
                            >
                                {default_box()}
                            </AddressForm>
                        }
                        .into_any(),
                    )
                }
                Editing::New => Some(
                    view! {
                        <AddressForm
                            heading=Acc::NewAddressHeading
                            country=country_new.clone()
                            submit=Msg::Account(Acc::SaveAddress)
                            busy=busy.into()
                            errors=problems
                            locale=locale
                            on_submit=Callback::new(move |a| save(None, a))
                            on_cancel=Callback::new(move |_| editing.set(Editing::Nothing))
                        >
                            {default_box()}
                        </AddressForm>
                    }
                    .into_any(),
                ),
                _ => None,
            };
            view! {
                <dl class="profile-facts">
                    {detail(Acc::ProfileName, p.name.clone())}
                    {detail(Acc::ProfileEmail, p.email.clone())}
                    {detail(Acc::ProfilePhone, p.phone.clone())}
                </dl>
                <p class="muted">{at(l, Acc::ProfileManaged)}</p>
                <section class="book" aria-labelledby=book_labelled.clone()>
                    <h3 id=book.clone()>{at(l, Acc::AddressBook)}</h3>
                    {empty}
                    <ul class="addrs">{cards}</ul>
                    {edited}
                    {move || (editing.get() == Editing::Nothing).then(|| view! {
                        <button type="button" class="btn secondary" part="button" on:click=move |_| open(Editing::New)>
                            {ta(locale, Acc::AddAddress)}
                        </button>
                    })}
                </section>
            }
            .into_any()
        }
    };
    view! {
        <section class="card profile" part="profile" aria-labelledby=labelled_by>
            <h2 id=heading part="heading">{ta(locale, Acc::ProfileHeading)}</h2>
            {body}
            <p class="saved" class:problem-text=move || outcome.get().is_some_and(|(_, bad)| bad) role="status">
                {move || outcome.get().map(|(m, _)| at(locale.get(), m))}
            </p>
        </section>
    }
}

/// One saved address: its lines, "Default", and its actions (or its form while edited, or the
/// removal's confirmation).
fn address_card(
    s: SavedAddress,
    l: Locale,
    editing: RwSignal<Editing>,
    busy: RwSignal<bool>,
    open: impl Fn(Editing) + Copy + Send + Sync + 'static,
    remove: impl Fn(i64) + Copy + Send + Sync + 'static,
    set_default: impl Fn(SavedAddress) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let id = s.id;
    let who = s.address.name.clone();
    let summary = one_line(&s.address);
    let lines = super::detail::address_lines(&s.address);
    let default_badge = s
        .is_default
        .then(|| view! { <span class="badge">{at(l, Acc::DefaultBadge)}</span> });
    let make_default = (!s.is_default).then(|| {
        let s = s.clone();
        let who = who.clone();
        view! {
            <button type="button" class="link" part="button" on:click=move |_| set_default(s.clone())>
                {at(l, Acc::MakeDefault)}<span class="vh">{format!(" ({who})")}</span>
            </button>
        }
    });
    view! {
        <li class="addr card" aria-label=summary>
            <address>{lines}</address>
            {default_badge}
            {move || match editing.get() {
                Editing::Removing(e) if e == id => view! {
                    <div class="nav" role="group">
                        <span>{at(l, Acc::RemoveConfirm)}</span>
                        <button type="button" class="btn danger" part="button" aria-disabled=move || busy.get().then_some("true")
                            on:click=move |_| if !busy.get_untracked() { remove(id) }>
                            {at(l, Acc::Remove)}<span class="vh">{format!(" ({})", who.clone())}</span>
                        </button>
                        <button type="button" class="link" part="button" on:click=move |_| editing.set(Editing::Nothing)>
                            {at(l, Acc::KeepIt)}
                        </button>
                    </div>
                }.into_any(),
                _ => view! {
                    <p class="acts">
                        <button type="button" class="link" part="button" on:click=move |_| open(Editing::Address(id))>
                            {at(l, Acc::Edit)}<span class="vh">{format!(" ({})", who.clone())}</span>
                        </button>
                        <button type="button" class="link" part="button" on:click=move |_| open(Editing::Removing(id))>
                            {at(l, Acc::Remove)}<span class="vh">{format!(" ({})", who.clone())}</span>
                        </button>
                        {make_default.clone()}
                    </p>
                }.into_any(),
            }}
        </li>
    }
}
