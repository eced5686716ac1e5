//! "Your data": the customer downloads everything Aftercare holds about them as one JSON file
//! (`GET /v1/me/data`), or has it erased after typing a confirmation word
//! (`POST /v1/me/erasure`). Erasure is irreversible; afterwards the same sign-in shows an
//! empty account.

use crate::dom::uid;
use crate::i18n::{at, ta, Acc};
use crate::shell::Events;
use aftercare_shared::api::{DataExport, ErasureInput, ERASURE_CONFIRMATION};
use aftercare_shared::client::Client;
use aftercare_shared::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// Where the erasure stands.
#[derive(Clone, Copy, PartialEq)]
enum Erase {
    Closed,
    Confirming,
    Busy,
    Done,
}

/// The privacy section (see the module docs).
///
/// Emits `aftercare:data-exported` once the file is handed to the browser and
/// `aftercare:data-deleted` `{orders_kept, returns_kept}` once the data is erased.
#[component]
pub fn PrivacySection(
    /// Client signed in with the customer's token.
    client: Client,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
    /// Called once the data is erased (the account shows itself empty again).
    #[prop(optional, into)]
    on_erased: Option<Callback<()>>,
) -> impl IntoView {
    let client = StoredValue::new(client);
    let exporting = RwSignal::new(false);
    let export_outcome = RwSignal::new(None::<(Acc<'static>, bool)>);
    let erase = RwSignal::new(Erase::Closed);
    let word = RwSignal::new(String::new());
    let word_problem = RwSignal::new(false);
    let erase_outcome = RwSignal::new(None::<(Acc<'static>, bool)>);
    let id = uid("priv");
    let word_id = format!("{id}-w");
    let word_err = format!("{id}-we");
    let confirm_input = NodeRef::<leptos::html::Input>::new();

    let download = move |_| {
        if exporting.get_untracked() {
            return;
        }
        let Some(c) = client.try_get_value() else {
            return;
        };
        exporting.set(true);
        export_outcome.set(None);
        spawn_local(async move {
            let r = c.export_data_file().await;
            exporting.try_set(false);
            match r {
                Ok((data, json)) => {
                    if save_file(&data, &json).is_ok() {
                        events.emit("aftercare:data-exported", &[]);
                        export_outcome.try_set(Some((Acc::Downloaded, false)));
                    } else {
                        export_outcome.try_set(Some((Acc::PrivacyFailed, true)));
                    }
                }
                Err(e) => {
                    events.error(&e);
                    export_outcome.try_set(Some((Acc::PrivacyFailed, true)));
                }
            }
        });
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if erase.get_untracked() == Erase::Busy {
            return;
        }
        let input = ErasureInput {
            confirm: word.get_untracked(),
        };
        if input.validate().is_err() {
            word_problem.set(true);
            if let Some(i) = confirm_input.get_untracked() {
                let _ = i.focus();
            }
            return;
        }
        word_problem.set(false);
        let Some(c) = client.try_get_value() else {
            return;
        };
        erase.set(Erase::Busy);
        erase_outcome.set(None);
        spawn_local(async move {
            match c.erase_data(&input.confirm).await {
                Ok(receipt) => {
                    events.emit(
                        "aftercare:data-deleted",
                        &[
                            ("orders_kept", JsValue::from(receipt.orders_kept)),
                            ("returns_kept", JsValue::from(receipt.returns_kept)),
                        ],
                    );
                    erase.try_set(Erase::Done);
                    erase_outcome.try_set(Some((Acc::Deleted, false)));
                    if let Some(f) = on_erased {
                        f.run(());
                    }
                }
                Err(e) => {
                    events.error(&e);
                    erase.try_set(Erase::Confirming);
                    erase_outcome.try_set(Some((Acc::PrivacyFailed, true)));
                }
            }
        });
    };
    let heading = uid("privacy");
    let labelled_by = heading.clone();
    let erase_part = move || {
        match erase.get() {
        Erase::Closed => view! {
            <button type="button" class="btn secondary" part="button" on:click=move |_| {
                word.set(String::new());
                erase.set(Erase::Confirming);
                request_animation_frame(move || if let Some(i) = confirm_input.get_untracked() { let _ = i.focus(); });
            }>
                {ta(locale, Acc::DeleteStart)}
            </button>
        }
        .into_any(),
        Erase::Done => ().into_any(),
        state => {
            let (word_id, word_err) = (word_id.clone(), word_err.clone());
            let described = word_err.clone();
            view! {
                <form class="erase" novalidate on:submit=confirm>
                    <div class="field">
                        <label for=word_id.clone()>{move || at(locale.get(), Acc::DeleteConfirmLabel(ERASURE_CONFIRMATION))}</label>
                        <input id=word_id node_ref=confirm_input autocomplete="off" spellcheck="false"
                            aria-describedby=described aria-invalid=move || word_problem.get().then_some("true")
                            bind:value=word />
                        <p class="field-error" id=word_err>
                            {move || word_problem.get().then(|| at(locale.get(), Acc::DeleteMismatch(ERASURE_CONFIRMATION)))}
                        </p>
                    </div>
                    <div class="nav">
                        <button type="submit" class="btn danger" part="button" aria-disabled=(state == Erase::Busy).then_some("true")>
                            {move || if erase.get() == Erase::Busy { at(locale.get(), Acc::Deleting) } else { at(locale.get(), Acc::DeleteNow) }}
                        </button>
                        <button type="button" class="link" part="button" on:click=move |_| erase.set(Erase::Closed)>
                            {ta(locale, Acc::CancelForm)}
                        </button>
                    </div>
                </form>
            }
            .into_any()
        }
    }
    };
    let status = move |o: RwSignal<Option<(Acc<'static>, bool)>>| {
        view! {
            <p class="saved" class:problem-text=move || o.get().is_some_and(|(_, bad)| bad) role="status">
                {move || o.get().map(|(m, _)| at(locale.get(), m))}
            </p>
        }
    };
    view! {
        <section class="card privacy" part="privacy" aria-labelledby=labelled_by>
            <h2 id=heading part="heading">{ta(locale, Acc::PrivacyHeading)}</h2>
            <p class="muted">{ta(locale, Acc::PrivacyIntro)}</p>
            <h3>{ta(locale, Acc::DownloadHeading)}</h3>
            <p>{ta(locale, Acc::DownloadHint)}</p>
            <button type="button" class="btn" part="button" aria-disabled=move || exporting.get().then_some("true") on:click=download>
                {move || if exporting.get() { at(locale.get(), Acc::Preparing) } else { at(locale.get(), Acc::Download) }}
            </button>
            {status(export_outcome)}
            <h3>{ta(locale, Acc::DeleteHeading)}</h3>
            <p>{ta(locale, Acc::DeleteHint)}</p>
            {erase_part}
            {status(erase_outcome)}
        </section>
    }
}

/// Hand the export to the browser as a JSON file download.
fn save_file(data: &DataExport, json: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    let day = data.generated_at.to_string();
    a.set_download(&format!(
        "my-data-{}.json",
        day.get(..10).unwrap_or("export")
    ));
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
