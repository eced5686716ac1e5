//! Step 2, "Tell us why": per chosen item a reason from the store's list and, when the reason
//! asks for one, a comment box (required ones are checked before continuing). The comment is
//! kept in memory only.

use super::draft::{reason_rules, Chosen};
use super::fresh::IntoFresh;
use super::items::thumb;
use super::parts::field_error;
use super::state::Flow;
use crate::dom::uid;
use crate::i18n::{t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine, MAX_RETURN_COMMENT};
use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;
use leptos::prelude::*;

/// A chosen line's legend: picture, "Title · Variant × 2" (and what the step asks of it).
pub(crate) fn legend(line: &ReturnableLine, c: &Chosen, req: Option<String>) -> impl IntoView {
    let mut text = line.title.clone();
    if let Some(v) = &line.variant {
        text.push_str(" · ");
        text.push_str(v);
    }
    text.push_str(" × ");
    text.push_str(&c.quantity.to_string());
    view! {
        <legend class="item">
            {thumb(line.image_url.clone())}
            <span class="title">{text}{req.map(|r| view! { <span class="req">{r}</span> })}</span>
        </legend>
    }
}

/// A labelled control's frame: its label (with the item for screen readers), the control
/// (given the ids) and its error line.
pub(crate) fn field<V: IntoView>(
    f: Flow,
    label: String,
    context: &str,
    slot: &'static str,
    item_id: i64,
    control: impl FnOnce(String, String) -> V,
) -> impl IntoView {
    let (id, err) = (uid("f"), uid("err"));
    let context = (!context.is_empty()).then(|| format!(" ({context})"));
    view! {
        <div class="field">
            <label for=id.clone()>
                {label}
                {context.map(|c| view! { <span class="vh">{c}</span> })}
            </label>
            {control(id, err.clone())}
            {field_error(f, err, slot, item_id)}
        </div>
    }
}

/// A line's required `<select>` ("Choose…" first, then `options`) inside a [`field`]; `set`
/// writes the chosen value, or none for the empty choice, into the draft's line.
pub(crate) fn line_select<O: IntoView + 'static>(
    f: Flow,
    (label, context): (String, &str),
    (slot, id): (&'static str, i64),
    placeholder: String,
    options: O,
    set: fn(&mut Chosen, Option<String>),
) -> impl IntoView {
    field(f, label, context, slot, id, move |fid, err| {
        view! {
            <select
                id=fid
                part="input"
                aria-describedby=err
                aria-invalid=f.invalid(slot, id)
                data-id=id
                required
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    f.edit(|d| {
                        if let Some(c) = d.line_mut(id) {
                            set(c, (!value.is_empty()).then_some(value));
                        }
                    });
                }
            >
                <option value="">{placeholder}</option>
                {options}
            </select>
        }
    })
}

/// The form's content: a reason (and maybe a comment) per chosen line.
pub(crate) fn reasons(f: Flow, o: &ReturnOptions, l: Locale) -> AnyView {
    let lines = f.draft.with_untracked(|d| d.lines.clone());
    lines
        .into_iter()
        .filter_map(|c| {
            let line = o.lines.iter().find(|x| x.item_id == c.item_id)?;
            let id = c.item_id;
            let choices = o
                .reasons
                .iter()
                .map(|r| {
                    let on = c.reason.as_deref() == Some(r.code.as_str());
                    view! { <option value=r.code.clone() selected=on>{r.label.clone()}</option> }
                })
                .map(IntoFresh::fresh)
                .collect::<Vec<_>>();
            let select = line_select(
                f,
                (t(l, Msg::ReasonLabel), &line.title),
                ("reason", id),
                t(l, Msg::ChooseReason),
                choices,
                |c, code| c.reason = code,
            );
            let reason =
                Memo::new(move |_| f.draft.with(|d| d.line(id).and_then(|c| c.reason.clone())));
            let title = line.title.clone();
            let block = move || comment_block(f, id, reason.get(), &title, l);
            Some(view! {
                <fieldset class="item-set">
                    {legend(line, &c, None)}
                    {select}
                    <div class="cm">{block}</div>
                </fieldset>
            })
        })
        .map(IntoFresh::fresh)
        .collect::<Vec<_>>()
        .fresh()
}

/// The comment box (and the photo hint) for a line's reason; nothing when it asks for neither.
fn comment_block(
    f: Flow,
    id: i64,
    reason: Option<String>,
    title: &str,
    l: Locale,
) -> Option<AnyView> {
    let (comment, photos) = f
        .options
        .with_untracked(|o| reason_rules(o.as_ref()?, reason.as_deref()))?;
    let text = f
        .draft
        .with_untracked(|d| d.line(id).map(|c| c.comment.clone()))
        .unwrap_or_default();
    let area = (comment != Requirement::Disabled).then(|| {
        field(
            f,
            t(l, Msg::CommentLabel(comment)),
            title,
            "comment",
            id,
            move |fid, err| {
                view! {
                    <textarea
                        id=fid
                        part="input"
                        aria-describedby=err
                        aria-invalid=f.invalid("comment", id)
                        data-id=id
                        rows="3"
                        maxlength=MAX_RETURN_COMMENT
                        required=comment == Requirement::Required
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            f.draft.update(|d| {
                                if let Some(c) = d.line_mut(id) {
                                    c.comment = text;
                                }
                            });
                            // Memory only: kept in the draft, never stored.
                            if f.tried.get_untracked() {
                                f.changed();
                            }
                        }
                    >
                        {text}
                    </textarea>
                }
            },
        )
    });
    let hint = (photos != Requirement::Disabled)
        .then(|| view! { <p class="muted">{t(l, Msg::PhotosNext(photos))}</p> });
    Some(view! { {area} {hint} }.fresh())
}
