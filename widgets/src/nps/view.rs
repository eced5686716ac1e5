//! The survey card's views: the scale (a native radio group), the follow-up by category, the
//! thank-you line. State and network live in [`Survey`]; these only render and forward.
//!
//! Each part re-renders only when what it is keyed on changes (stage, whether the store's
//! question is there, the score's category); texts, the counter, Send's label and the checked
//! radio are fine-grained. So the radio group survives a change of score (arrow keys keep
//! working), the comment box keeps its caret while the status lines change, and a change of
//! language rewrites texts in place without moving focus.

use super::{category, Stage, Survey, MAX_COMMENT};
use crate::dom::uid;
use crate::i18n::{t, Msg};
use crate::shell::ContactLinks;
use aftercare_shared::survey::Category;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The card: nothing while deciding or hidden; the scale and follow-up, or "Thank you".
pub(crate) fn card(s: Survey, floating: Signal<bool>) -> impl IntoView {
    let stage = Memo::new(move |_| s.ui.with(|u| u.stage));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            s.close();
        }
    };
    let text = move |m: Msg<'static>| move || t(s.locale.get(), m);
    let body = move || {
        let stage = stage.get();
        matches!(stage, Stage::Card | Stage::Thanks).then(|| {
            let close = move || {
                floating.get().then(|| {
                    view! {
                        <button
                            type="button"
                            class="x"
                            part="dismiss"
                            aria-label=text(Msg::Close)
                            on:click=move |_| s.close()
                        >
                            <span aria-hidden="true">"×"</span>
                        </button>
                    }
                })
            };
            let inside = if stage == Stage::Thanks {
                Either::Left(view! {
                    <p class="thanks" part="thanks" role="status" tabindex="-1">
                        {text(Msg::NpsThanks)}
                    </p>
                })
            } else {
                Either::Right(view! {
                    {scale(s)}
                    {followup(s)}
                    <p class="problem" role="alert">
                        {move || s.ui.with(|u| u.failed).then(|| t(s.locale.get(), Msg::NpsSaveFailed))}
                    </p>
                })
            };
            view! {
                <section
                    class=move || if floating.get() { "card nps float" } else { "card nps" }
                    part="nps"
                    aria-label=text(Msg::NpsRegion)
                >
                    {close}
                    {inside}
                    <p class="muted offline" role="status">
                        {move || s.ui.with(|u| u.offline).then(|| t(s.locale.get(), Msg::SavedOffline))}
                    </p>
                </section>
            }
        })
    };
    view! { <div on:keydown=on_key>{body}</div> }
}

/// The scale as one native radio group: `<fieldset>` + `<legend>` (the store's question), one
/// radio per score under one name, so arrow keys move, wrap and select as browsers do. The end
/// labels describe the first and last radio. Nothing before the store's wording arrived (a
/// restored draft has its score already).
fn scale(s: Survey) -> impl IntoView {
    let asked = Memo::new(move |_| s.ui.with(|u| u.prompt.is_some()));
    let wording = move |f: fn(&aftercare_shared::api::SurveyPrompt) -> &String| {
        move || s.ui.with(|u| u.prompt.as_ref().map(|p| f(p).clone()))
    };
    move || {
        asked.get().then(|| {
            let (lo, hi) = s.kind.range();
            let (name, low_id, high_id) = (uid("score"), uid("low"), uid("high"));
            let radios = (lo..=hi)
                .map(|v| {
                    let describedby = (v == lo)
                        .then(|| low_id.clone())
                        .or_else(|| (v == hi).then(|| high_id.clone()));
                    view! {
                        <label class="opt">
                            <input
                                class="rad"
                                type="radio"
                                name=name.clone()
                                value=v.to_string()
                                aria-describedby=describedby
                                prop:checked=move || s.ui.with(|u| u.score == Some(v))
                                on:change=move |_| s.choose(v)
                            />
                            <span class="num" part="score">{v.to_string()}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="scale-set">
                    <legend class="q">{wording(|p| &p.question)}</legend>
                    <div class=format!("scale n{}", hi - lo + 1) part="scale">{radios}</div>
                    <div class="ends">
                        <span id=low_id.clone()>{wording(|p| &p.low_label)}</span>
                        <span id=high_id.clone()>{wording(|p| &p.high_label)}</span>
                    </div>
                </fieldset>
            }
        })
    }
}

/// Before a score: "Not now". After: the follow-up for the score's category — a comment box
/// with a live counter, for detractors "contact me" (with the store's channels), for promoters
/// the review invitation, and Send.
fn followup(s: Survey) -> impl IntoView {
    let cat = Memo::new(move |_| s.ui.with(|u| u.score.map(|v| category(s.kind, v))));
    let text = move |m: Msg<'static>| move || t(s.locale.get(), m);
    move || {
        let Some(cat) = cat.get() else {
            return Either::Left(view! {
                <div class="fu">
                    <button
                        type="button"
                        class="link notnow"
                        part="button dismiss"
                        on:click=move |_| s.dismiss()
                    >
                        {text(Msg::NotNow)}
                    </button>
                </div>
            });
        };
        let id = uid("comment");
        let count_id = format!("{id}-n");
        // The draft so far (restored, or kept across a change of category).
        let draft = s.shown(|u| u.comment.clone()).unwrap_or_default();
        let extra = match cat {
            Category::Detractor => EitherOf3::A(view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || s.ui.with(|u| u.contact)
                        on:change=move |ev| s.set_contact(event_target_checked(&ev))
                    />
                    <span>{text(Msg::ContactMe)}</span>
                </label>
                <div class="contact" aria-live="polite">{contact_block(s)}</div>
            }),
            Category::Promoter => EitherOf3::B(view! {
                <p class="invite">{text(Msg::ReviewInvite)}</p>
                <button
                    type="button"
                    class="btn secondary"
                    part="button"
                    on:click=move |_| s.invite_review()
                >
                    {text(Msg::WriteReview)}
                </button>
            }),
            Category::Passive => EitherOf3::C(()),
        };
        let busy = move || s.ui.with(|u| u.busy);
        Either::Right(view! {
            <div class="fu followup" part="followup">
                <label class="fq" for=id.clone()>
                    {move || t(s.locale.get(), Msg::FollowUp(s.kind, cat))}
                </label>
                <textarea
                    id=id
                    part="textarea"
                    rows="4"
                    maxlength=MAX_COMMENT.to_string()
                    aria-describedby=count_id.clone()
                    on:input=move |ev| s.draft(event_target_value(&ev))
                >
                    {draft}
                </textarea>
                <p class="muted count" id=count_id>
                    {move || {
                        let used = s.ui.with(|u| u.comment.encode_utf16().count());
                        t(s.locale.get(), Msg::CharsLeft(MAX_COMMENT.saturating_sub(used)))
                    }}
                </p>
                {extra}
                <button
                    type="button"
                    class="btn"
                    part="button"
                    aria-disabled=move || busy().then_some("true")
                    on:click=move |_| s.submit()
                >
                    {move || t(s.locale.get(), if busy() { Msg::Sending } else { Msg::Send })}
                </button>
            </div>
        })
    }
}

/// After "contact me": the note, and the store's channels (mailto / tel / chat links) once
/// its configuration arrived.
fn contact_block(s: Survey) -> impl IntoView {
    let shown = Memo::new(move |_| s.ui.with(|u| u.contact.then(|| u.store.clone())));
    move || {
        shown.get().map(|store| {
            view! {
                <p>{move || t(s.locale.get(), Msg::ContactNote)}</p>
                {store.map(|cfg| view! { <p class="acts"><ContactLinks config=cfg locale=s.locale /></p> })}
            }
        })
    }
}
