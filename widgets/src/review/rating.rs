//! The star rating input: five native radio buttons in a fieldset, which is the APG
//! radio-group pattern as browsers build it (Tab enters the group at the chosen star, arrow
//! keys move and choose, Space chooses). Each star is a shape (★ chosen and below, ☆ above)
//! and the chosen rating is also written out ("4 stars: Very good"), so nothing relies on
//! colour.

use crate::dom::uid;
use crate::i18n::{rv, tv, Rev};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// Five stars to choose from; `rating` holds the choice (`None` until one is made).
#[component]
pub fn StarInput(
    /// The chosen number of stars.
    rating: RwSignal<Option<u8>>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// The message under the stars when the form was sent without a rating.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let name = uid("stars");
    let err_id = uid("stars-err");
    let described = err_id.clone();
    let star = move |n: u8| {
        let name = name.clone();
        view! {
            <label class="star">
                <input
                    type="radio"
                    class="star-rad"
                    name=name
                    value=n
                    prop:checked=move || rating.get() == Some(n)
                    on:change=move |_| rating.set(Some(n))
                />
                <span class="star-shape" aria-hidden="true">
                    {move || if rating.get().is_some_and(|r| n <= r) { "★" } else { "☆" }}
                </span>
                <span class="vh">{move || rv(locale.get(), Rev::StarsName(n))}</span>
            </label>
        }
    };
    view! {
        <fieldset
            class="rating"
            aria-invalid=move || error.with(Option::is_some).then_some("true")
            aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
        >
            <legend>{tv(locale, Rev::RatingLegend)}</legend>
            <div class="star-row">
                {(1..=5).map(star).collect_view()}
                <span class="rating-word" aria-hidden="true">
                    {move || rating.get().map(|n| rv(locale.get(), Rev::RatingWord(n)))}
                </span>
            </div>
            <p class="field-error" id=err_id>{move || error.get()}</p>
        </fieldset>
    }
}
