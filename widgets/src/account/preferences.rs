//! The account's communication preferences: one switch per topic, each change saved at once
//! (`PUT /v1/me/preferences/{topic}`) and shown with the time it was made.

use crate::dom::uid;
use crate::i18n::{self, t, tr, Msg};
use crate::shell::{problem_card, skeleton, Events, Failure};
use aftercare_shared::api::{Preferences, Topic};
use aftercare_shared::client::Client;
use aftercare_shared::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// What the section shows.
#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed(Failure),
    Shown(Preferences),
}

/// The signed-in customer's communication preferences (see the module docs).
///
/// Emits `aftercare:preferences-saved` `{topic, enabled}` once the server has stored a change.
#[component]
pub fn PreferencesSection(
    /// Client signed in with the customer's token.
    client: Client,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
) -> impl IntoView {
    let loaded = RwSignal::new(Loaded::Loading);
    // The outcome of the latest change, for the live region.
    let outcome = RwSignal::new(None::<Msg<'static>>);
    let retry = RwSignal::new(());
    let load_client = client.clone();
    Effect::new(move |_| {
        retry.track();
        loaded.set(Loaded::Loading);
        let c = load_client.clone();
        spawn_local(async move {
            let next = match c.preferences().await {
                Ok(p) => Loaded::Shown(p),
                Err(e) => Loaded::Failed(Failure::of(&e)),
            };
            loaded.try_set(next);
        });
    });
    // One change: saved at once; if the server refuses, the switch goes back to what it holds.
    let client = StoredValue::new(client);
    let change = move |topic: Topic, input: web_sys::HtmlInputElement| {
        let enabled = input.checked();
        outcome.set(None);
        let Some(c) = client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            match c.set_preference(topic, enabled).await {
                Ok(p) => {
                    loaded.try_set(Loaded::Shown(p));
                    outcome.try_set(Some(Msg::PreferenceSaved));
                    events.emit(
                        "aftercare:preferences-saved",
                        &[
                            ("topic", JsValue::from_str(topic.as_str())),
                            ("enabled", JsValue::from_bool(enabled)),
                        ],
                    );
                }
                Err(e) => {
                    input.set_checked(!enabled);
                    outcome.try_set(Some(Msg::PreferenceFailed));
                    events.error(&e);
                }
            }
        });
    };
    let heading = uid("prefs");
    let labelled_by = heading.clone();
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
            p.topics
                .into_iter()
                .map(|pref| {
                    let id = uid("topic");
                    let hint = format!("{id}-hint");
                    let changed = pref
                        .changed_at
                        .map(|at| t(l, Msg::ChangedOn(&i18n::date(l, &at))));
                    let topic = pref.topic;
                    view! {
                        <div class="pref">
                            <input
                                id=id.clone()
                                type="checkbox"
                                part="input"
                                prop:checked=pref.enabled
                                aria-describedby=hint.clone()
                                on:change=move |ev| change(topic, event_target(&ev))
                            />
                            <div class="ptext">
                                <label for=id>{t(l, Msg::TopicName(topic))}</label>
                                <p id=hint class="muted">
                                    {t(l, Msg::TopicHint(topic))}
                                    {changed.map(|c| view! { <span class="changed">{format!(" · {c}")}</span> })}
                                </p>
                            </div>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <section class="card prefs" part="preferences" aria-labelledby=labelled_by>
            <h2 id=heading part="heading">{tr(locale, Msg::PreferencesHeading)}</h2>
            <p class="muted">{tr(locale, Msg::PreferencesIntro)}</p>
            <fieldset class="topics">
                <legend class="vh">{tr(locale, Msg::PreferencesHeading)}</legend>
                {body}
            </fieldset>
            <p
                class="saved"
                class:problem-text=move || outcome.get() == Some(Msg::PreferenceFailed)
                role="status"
            >
                {move || outcome.get().map(|m| t(locale.get(), m))}
            </p>
        </section>
    }
}
