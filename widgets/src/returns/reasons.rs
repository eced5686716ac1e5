//! Step 2, "Tell us why": per chosen item a reason from the store's list and, when the reason
//! asks for one, a comment box (required ones are checked before continuing). The comment is
//! kept in memory only.

use super::draft::{reason_rules, Chosen};
use super::items::thumb;
use super::{After, Flow, Inner};
use crate::dom::{el, set, txt, uid};
use crate::i18n::{t, Msg};
use aftercare_shared::api::{ReturnOptions, ReturnableLine, MAX_RETURN_COMMENT};
use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;

/// A chosen line's legend: picture, "Title · Variant × 2"; returns the text, for a suffix.
pub(super) fn legend(
    set_el: &web_sys::Element,
    line: &ReturnableLine,
    c: &Chosen,
) -> web_sys::Element {
    let lg = el(set_el, "legend", "item");
    thumb(&lg, line.image_url.as_deref());
    let mut text = line.title.clone();
    if let Some(v) = &line.variant {
        text.push_str(" · ");
        text.push_str(v);
    }
    text.push_str(&format!(" × {}", c.quantity));
    txt(&lg, "span", "title", &text)
}

/// A labelled control with its error slot (`data-err`/`data-ctl` = `key`); returns the control.
pub(super) fn field(
    parent: &web_sys::Element,
    tag: &str,
    label: &str,
    context: &str,
    key: &str,
) -> web_sys::Element {
    let wrap = el(parent, "div", "field");
    let id = uid("f");
    let err = uid("err");
    let lab = txt(&wrap, "label", "", label);
    set(&lab, "for", &id);
    if !context.is_empty() {
        txt(&lab, "span", "vh", &format!(" ({context})"));
    }
    let ctl = el(&wrap, tag, "");
    set(&ctl, "id", &id);
    set(&ctl, "part", "input");
    set(&ctl, "data-ctl", key);
    set(&ctl, "data-k", key);
    set(&ctl, "aria-describedby", &err);
    let e = txt(&wrap, "p", "field-error", "");
    set(&e, "id", &err);
    set(&e, "data-err", key);
    ctl
}

pub(super) fn render(
    form: &web_sys::Element,
    i: &Inner,
    o: &ReturnOptions,
    l: Locale,
) -> Option<After> {
    for c in &i.draft.lines {
        let Some(line) = o.lines.iter().find(|x| x.item_id == c.item_id) else {
            continue;
        };
        let set_el = el(form, "fieldset", "item-set");
        legend(&set_el, line, c);
        let id = c.item_id.to_string();
        let select = field(
            &set_el,
            "select",
            &t(l, Msg::ReasonLabel),
            &line.title,
            &format!("reason:{id}"),
        );
        set(&select, "data-f", "reason");
        set(&select, "data-id", &id);
        set(&select, "required", "");
        set(
            &txt(&select, "option", "", &t(l, Msg::ChooseReason)),
            "value",
            "",
        );
        for r in &o.reasons {
            let opt = txt(&select, "option", "", &r.label);
            set(&opt, "value", &r.code);
            if c.reason.as_deref() == Some(r.code.as_str()) {
                set(&opt, "selected", "");
            }
        }
        let cm = el(&set_el, "div", "cm");
        set(&cm, "data-cm", &id);
        comment_block(&cm, c, o, &line.title, l);
    }
    None
}

/// The comment box (and the photo hint) for a line's reason; empty when it asks for neither.
fn comment_block(cm: &web_sys::Element, c: &Chosen, o: &ReturnOptions, title: &str, l: Locale) {
    cm.replace_children_with_node_0();
    let Some((comment, photos)) = reason_rules(o, c.reason.as_deref()) else {
        return;
    };
    if comment != Requirement::Disabled {
        let ta = field(
            cm,
            "textarea",
            &t(l, Msg::CommentLabel(comment)),
            title,
            &format!("comment:{}", c.item_id),
        );
        set(&ta, "data-id", &c.item_id.to_string());
        set(&ta, "rows", "3");
        set(&ta, "maxlength", &MAX_RETURN_COMMENT.to_string());
        if comment == Requirement::Required {
            set(&ta, "required", "");
        }
        ta.set_text_content(Some(&c.comment));
    }
    if photos != Requirement::Disabled {
        txt(cm, "p", "muted", &t(l, Msg::PhotosNext(photos)));
    }
}

/// A reason was chosen: keep it and show the comment box it asks for.
pub(super) fn reason(f: Flow, item_id: i64, code: String) {
    f.io(|i| {
        if let Some(c) = i.draft.line_mut(item_id) {
            c.reason = (!code.is_empty()).then_some(code);
        }
    });
    if let Some(cm) = f.find(&format!("[data-cm=\"{item_id}\"]")) {
        let l = f.lang();
        f.with(|i| {
            if let (Some(o), Some(c)) = (&i.options, i.draft.line(item_id)) {
                let title = o
                    .lines
                    .iter()
                    .find(|x| x.item_id == item_id)
                    .map(|x| x.title.as_str())
                    .unwrap_or_default();
                comment_block(&cm, c, o, title, l);
            }
        });
    }
    f.changed();
}

/// The comment changed (memory only: never stored).
pub(super) fn comment(f: Flow, item_id: i64, text: String) {
    f.io(|i| {
        if let Some(c) = i.draft.line_mut(item_id) {
            c.comment = text;
        }
    });
    if f.with(|i| i.tried) == Some(true) {
        f.changed();
    }
}
