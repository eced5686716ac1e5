//! The "Need help with your delivery?" section and the parcel's progress stepper.

use super::*;

/// "Need help with your delivery?": the store's FAQ as disclosures and its contact channels.
/// Omitted when the store config did not load (or has nothing to say).
pub(super) fn render_help(root: &web_sys::Element, cfg: Option<&StoreConfig>, l: Locale) {
    root.replace_children_with_node_0();
    let Some(cfg) = cfg.filter(|c| has_help(Some(c))) else {
        return;
    };
    let sec = el(root, "section", "card help");
    set(&sec, "part", "help");
    let id = uid("help");
    set(&sec, "aria-labelledby", &id);
    let h = txt(&sec, "h3", "", &t(l, Msg::HelpHeading));
    set(&h, "id", &id);
    set(&h, "tabindex", "-1");
    set(&h, "data-help", "");
    for f in &cfg.faq {
        let d = el(&sec, "details", "faq");
        txt(&d, "summary", "", &f.question);
        txt(&d, "p", "", &f.answer);
    }
    let s = &cfg.support;
    if s.email.is_some() || s.phone.is_some() || s.chat_url.is_some() {
        txt(&sec, "h4", "", &t(l, Msg::ContactUs));
        contacts(&el(&sec, "p", "acts"), cfg, l);
    }
}

/// The five-step progress bar; the current step is marked by text and `aria-current="step"`.
pub(super) fn stepper(
    parent: &web_sys::Element,
    current: ProgressStep,
    status: TrackingStatus,
    l: Locale,
) {
    let ol = el(parent, "ol", "stepper");
    set(&ol, "part", "stepper");
    set(&ol, "aria-label", &t(l, Msg::Progress));
    for st in ProgressStep::ALL {
        let now = st == current;
        let class = match () {
            _ if st < current || current == ProgressStep::Delivered => "done",
            _ if now => "current",
            _ => "todo",
        };
        let li = el(&ol, "li", class);
        txt(&li, "span", "lbl", &t(l, Msg::Step(st)));
        if now {
            set(&li, "aria-current", "step");
            txt(
                &li,
                "span",
                if status.needs_attention() {
                    "now attention"
                } else {
                    "now"
                },
                &t(l, Msg::StepNow),
            );
        } else if class == "done" {
            txt(&li, "span", "vh", &format!(" {}", t(l, Msg::StepDone)));
        }
    }
}
