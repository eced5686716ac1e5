//! The survey card's views: the scale (a native radio group), the follow-up by category, the
//! thank-you line. State and network live in the parent module; these only render and forward.
//!
//! Built with the shared DOM builder plus one delegated listener per event type (like the
//! tracking timeline): the same DOM as typed views for a fraction of the wasm. Measured on the
//! returns widget, which moved from this builder to `view!` on 2026-11-30: its chunk went from
//! 64.6 to 108.1 KB brotli (+67 %); this card's chunk is 24.4 KB. Each part is
//! rebuilt from the current state by its own render effect, and only when what it shows
//! changed, so the radio group survives a change of score (arrow keys keep working) and the
//! comment box keeps its caret while the status lines change.

use super::{category, Stage, Survey, Ui, MAX_COMMENT};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{t, Msg};
use crate::shell::contacts;
use aftercare_shared::survey::Category;
use aftercare_shared::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The card's container: one element whose content the render effects own.
pub(crate) fn card(s: Survey, floating: Signal<bool>) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-act]").ok().flatten())
            .and_then(|b| b.get_attribute("data-act"));
        match act.as_deref() {
            Some("dismiss") => s.dismiss(),
            Some("close") => s.close(),
            Some("review") => s.invite_review(),
            Some("send") => s.submit(),
            _ => {}
        }
    };
    // Radios (arrow keys select too) and the contact checkbox.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if input.type_() == "checkbox" {
            s.set_contact(input.checked());
        } else if let Ok(v) = input.value().parse::<u8>() {
            s.choose(v);
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(ta) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            s.draft(ta.value());
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            s.close();
        }
    };
    view! {
        <div
            on:click=on_click
            on:change=on_change
            on:input=on_input
            on:keydown=on_key
            use:live_card=(s, floating)
        ></div>
    }
}

/// The element with `class` inside `root`, if it is there (the card may be hidden).
fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Rebuild `f` inside `root`, putting focus back on the rebuilt twin (`data-k`) of the
/// control that had it.
fn keep_focus(root: &web_sys::Element, f: impl FnOnce()) {
    let key = find(root, ":focus").and_then(|e| e.get_attribute("data-k"));
    f();
    if let Some(e) = key.and_then(|k| find(root, &format!("[data-k=\"{k}\"]"))) {
        let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// What the card's parts were last rendered from: the frame (stage, layout, language, whether
/// there is a scale), the follow-up (category) and the contact block (asked, store known).
type Keys = (
    (Stage, bool, Locale, Option<String>),
    Option<Category>,
    (bool, bool),
);

/// The card's one render effect (see the module docs): compares what each part shows with
/// what it was rendered from, rebuilds only the parts that changed, and always refreshes the
/// status texts (counter, Send, error and offline lines).
fn live_card(root: web_sys::Element, (s, floating): (Survey, Signal<bool>)) {
    root.replace_children_with_node_0();
    let fx = RenderEffect::new(move |prev: Option<Keys>| {
        let (l, float) = (s.locale.get(), floating.get());
        s.ui.track();
        let keys: Keys = s
            .shown(|u| {
                (
                    (
                        u.stage,
                        float,
                        l,
                        u.prompt.as_ref().map(|p| p.question.clone()),
                    ),
                    u.score.map(|v| category(s.kind, v)),
                    (u.contact, u.store.is_some()),
                )
            })
            .unwrap_or(((Stage::Hidden, float, l, None), None, (false, false)));
        let (frame, cat, _) = keys.clone();
        match prev {
            Some(p) if p.0 == frame => {
                if p.1 != cat {
                    if let Some(fu) = find(&root, ".fu") {
                        keep_focus(&root, || followup(&fu, s, cat, l));
                    }
                } else if p.2 != keys.2 {
                    if let Some(box_) = find(&root, ".contact") {
                        s.shown(|u| contact_block(&box_, u, l));
                    }
                }
            }
            _ => keep_focus(&root, || build(&root, s, frame.0, float, l)),
        }
        s.shown(|u| status_lines(&root, u, l));
        keys
    });
    // A render effect lives as long as it is held: hold it as long as the view's owner.
    StoredValue::new_local(fx);
}

/// The whole card for `stage`: frame, close button, scale (or thank-you), the follow-up slot
/// and the status lines, all from the current state.
fn build(root: &web_sys::Element, s: Survey, stage: Stage, float: bool, l: Locale) {
    root.replace_children_with_node_0();
    if !matches!(stage, Stage::Card | Stage::Thanks) {
        return;
    }
    let card = el(
        root,
        "section",
        if float { "card nps float" } else { "card nps" },
    );
    set(&card, "part", "nps");
    set(&card, "aria-label", &t(l, Msg::NpsRegion));
    if float {
        let x = el(&card, "button", "x");
        set(&x, "type", "button");
        set(&x, "part", "dismiss");
        set(&x, "data-act", "close");
        set(&x, "data-k", "close");
        set(&x, "aria-label", &t(l, Msg::Close));
        set(&txt(&x, "span", "", "×"), "aria-hidden", "true");
    }
    if stage == Stage::Thanks {
        let p = txt(&card, "p", "thanks", &t(l, Msg::NpsThanks));
        set(&p, "part", "thanks");
        set(&p, "role", "status");
        set(&p, "tabindex", "-1");
    } else {
        s.shown(|u| {
            if let Some(p) = &u.prompt {
                scale(&card, s, u.score, &p.question, &p.low_label, &p.high_label);
            }
        });
        let fu = el(&card, "div", "fu");
        let c = s.shown(|u| u.score.map(|v| category(s.kind, v))).flatten();
        followup(&fu, s, c, l);
        set(&txt(&card, "p", "problem", ""), "role", "alert");
    }
    set(&txt(&card, "p", "muted offline", ""), "role", "status");
    s.shown(|u| status_lines(root, u, l));
}

/// The scale as one native radio group: `<fieldset>` + `<legend>` (the store's question), one
/// radio per score under one name, so arrow keys move, wrap and select as browsers do. The end
/// labels describe the first and last radio.
fn scale(
    card: &web_sys::Element,
    s: Survey,
    chosen: Option<u8>,
    question: &str,
    low: &str,
    high: &str,
) {
    let (lo, hi) = s.kind.range();
    let (name, low_id, high_id) = (uid("score"), uid("low"), uid("high"));
    let set_el = el(card, "fieldset", "scale-set");
    txt(&set_el, "legend", "q", question);
    let row = el(&set_el, "div", &format!("scale n{}", hi - lo + 1));
    set(&row, "part", "scale");
    for v in lo..=hi {
        let label = el(&row, "label", "opt");
        let input = el(&label, "input", "rad");
        let value = v.to_string();
        set(&input, "type", "radio");
        set(&input, "name", &name);
        set(&input, "value", &value);
        set(&input, "data-k", &format!("r{v}"));
        if v == lo || v == hi {
            set(
                &input,
                "aria-describedby",
                if v == lo { &low_id } else { &high_id },
            );
        }
        if chosen == Some(v) {
            input
                .unchecked_ref::<web_sys::HtmlInputElement>()
                .set_checked(true);
        }
        set(&txt(&label, "span", "num", &value), "part", "score");
    }
    let ends = el(&set_el, "div", "ends");
    set(&txt(&ends, "span", "", low), "id", &low_id);
    set(&txt(&ends, "span", "", high), "id", &high_id);
}

/// A `<button type=button>` with its action (handled by the card's delegated click listener).
fn button(parent: &web_sys::Element, class: &str, part: &str, act: &str, text: &str) {
    let b = txt(parent, "button", class, text);
    set(&b, "type", "button");
    set(&b, "part", part);
    set(&b, "data-act", act);
    set(&b, "data-k", act);
}

/// Before a score: "Not now". After: the follow-up for the score's category — a comment box
/// with a live counter, for detractors "contact me" (with the store's channels), for promoters
/// the review invitation, and Send.
fn followup(fu: &web_sys::Element, s: Survey, cat: Option<Category>, l: Locale) {
    fu.replace_children_with_node_0();
    let Some(cat) = cat else {
        button(
            fu,
            "link notnow",
            "button dismiss",
            "dismiss",
            &t(l, Msg::NotNow),
        );
        return;
    };
    fu.set_class_name("fu followup");
    set(fu, "part", "followup");
    let id = uid("comment");
    set(
        &txt(fu, "label", "fq", &t(l, Msg::FollowUp(s.kind, cat))),
        "for",
        &id,
    );
    // The draft so far (restored, or kept across a change of category) as the default value.
    let ta = txt(
        fu,
        "textarea",
        "",
        &s.shown(|u| u.comment.clone()).unwrap_or_default(),
    );
    for (k, v) in [
        ("id", id.as_str()),
        ("part", "textarea"),
        ("rows", "4"),
        ("maxlength", "2000"),
        ("data-k", "comment"),
        ("aria-describedby", &format!("{id}-n")),
    ] {
        set(&ta, k, v);
    }
    set(&txt(fu, "p", "muted count", ""), "id", &format!("{id}-n"));
    match cat {
        Category::Detractor => {
            let label = el(fu, "label", "check");
            let input = el(&label, "input", "");
            set(&input, "type", "checkbox");
            set(&input, "data-k", "contact");
            input
                .unchecked_ref::<web_sys::HtmlInputElement>()
                .set_checked(s.shown(|u| u.contact) == Some(true));
            txt(&label, "span", "", &t(l, Msg::ContactMe));
            let box_ = el(fu, "div", "contact");
            set(&box_, "aria-live", "polite");
            s.shown(|u| contact_block(&box_, u, l));
        }
        Category::Promoter => {
            txt(fu, "p", "invite", &t(l, Msg::ReviewInvite));
            button(
                fu,
                "btn secondary",
                "button",
                "review",
                &t(l, Msg::WriteReview),
            );
        }
        Category::Passive => {}
    }
    button(fu, "btn", "button", "send", "");
    if let Some(root) = fu.closest(".nps").ok().flatten() {
        s.shown(|u| status_lines(&root, u, l));
    }
}

/// The parts that change while the shopper is on the card: counter, Send's label, the error
/// and offline lines. Text only: focus and the comment's caret stay where they are.
fn status_lines(root: &web_sys::Element, u: &Ui, l: Locale) {
    let put = |sel: &str, text: Option<String>| {
        if let Some(e) = find(root, sel) {
            e.set_text_content(text.as_deref());
        }
    };
    let used = u.comment.encode_utf16().count();
    put(
        ".count",
        Some(t(l, Msg::CharsLeft(MAX_COMMENT.saturating_sub(used)))),
    );
    put(".problem", u.failed.then(|| t(l, Msg::NpsSaveFailed)));
    put(".offline", u.offline.then(|| t(l, Msg::SavedOffline)));
    if let Some(b) = find(root, "[data-act=send]") {
        b.set_text_content(Some(&t(l, if u.busy { Msg::Sending } else { Msg::Send })));
        if u.busy {
            set(&b, "aria-disabled", "true");
        } else {
            let _ = b.remove_attribute("aria-disabled");
        }
    }
}

/// After "contact me": the note, and the store's channels (mailto / tel / chat links) once
/// its configuration arrived.
fn contact_block(box_: &web_sys::Element, u: &Ui, l: Locale) {
    box_.replace_children_with_node_0();
    if u.contact {
        txt(box_, "p", "", &t(l, Msg::ContactNote));
        if let Some(cfg) = &u.store {
            contacts(&el(box_, "p", "acts"), cfg, l);
        }
    }
}
