//! What every step shares: "Step n of N" in the heading, the progress bar, the step's own
//! content inside a real `<form>`, the screen's alert line and Back / Continue (Submit on
//! Review); and the headings and alert lines of the other screens.

use super::draft::Step;
use super::fresh::IntoFresh;
use super::parts::{alert, context};
use super::state::{position, Flow};
use super::{items, photos, reasons, resolution, review};
use crate::i18n::{t, Msg};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// The step `step` of the flow, built from the options and draft as they are now.
pub(crate) fn step_frame(f: Flow, step: Step, l: Locale) -> AnyView {
    let Some(o) = f.options.get_untracked() else {
        return ().fresh();
    };
    let can_continue = step != Step::Items
        || o.lines
            .iter()
            .any(|x| x.returnability.returnable_quantity > 0);
    let label = if step == Step::Review {
        Msg::SubmitReturn
    } else {
        Msg::Continue
    };
    let (content, after) = match step {
        Step::Items => (items::items(f, &o, l), items::after(f, &o, l)),
        Step::Reasons => (reasons::reasons(f, &o, l), ().fresh()),
        Step::Photos => (photos::photos(f, &o, l), ().fresh()),
        Step::Resolution => (resolution::resolution(f, &o, l), ().fresh()),
        Step::Review => (review::review(f, &o, l), ().fresh()),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        f.submit();
    };
    view! {
        <form class="step" part="form" novalidate on:submit=on_submit>
            {context(f, l)}
            <h2 part="heading" tabindex="-1">
                <span class="stepno">{move || { let (n, of) = position(f, step); t(l, Msg::StepOf(n, of)) }}</span>
                <span class="vh">": "</span>
                {t(l, Msg::ReturnStep(step))}
            </h2>
            <ol class="bar" aria-hidden="true" part="stepper">
                {move || {
                    let (n, of) = position(f, step);
                    (1..=of).map(|k| view! { <li class=(k <= n).then_some("on")></li> }).map(IntoFresh::fresh).collect::<Vec<_>>()
                }}
            </ol>
            {content}
            {alert(f, l)}
            <div class="nav">
                {(step != Step::Items).then(|| view! {
                    <button class="btn secondary" type="button" part="button" on:click=move |_| f.back()>
                        {t(l, Msg::Back)}
                    </button>
                })}
                {can_continue.then(|| view! {
                    <button class="btn" type="submit" part="button" disabled=move || f.busy.get()>
                        {move || t(l, if f.busy.get() { Msg::Submitting } else { label })}
                    </button>
                })}
            </div>
        </form>
        {after}
    }
    .fresh()
}
