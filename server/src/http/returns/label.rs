//! The printable return label: one self-contained HTML page (inline styles only, the QR code
//! inline as SVG) that fits one A4 or Letter sheet, with the RMA large enough to read across a
//! counter. Every value is escaped; the page runs no script.

use crate::charts::esc;
use aftercare_shared::api::ReturnDetail;
use aftercare_shared::i18n::{self, Msg};
use aftercare_shared::returns::Resolution;
use aftercare_shared::Locale;
use std::fmt::Write;

/// The label page for a return.
pub(super) fn page(
    store: &str,
    address: &str,
    d: &ReturnDetail,
    qr_svg: &str,
    locale: Locale,
) -> String {
    let w = |msg| i18n::t(locale, msg);
    let mut items = String::new();
    for l in &d.lines {
        let outcome = match (l.resolution, &l.exchange) {
            (Resolution::Exchange, Some(x)) => {
                format!("{} {}", w(Msg::LabelOutcome(l.resolution)), esc(&x.label))
            }
            _ => w(Msg::LabelOutcome(l.resolution)),
        };
        let _ = write!(
            items,
            "<li><strong>{}×</strong> {}{} <span class=\"m\">({} · {})</span></li>",
            l.quantity,
            esc(&l.title),
            l.variant
                .as_deref()
                .map(|v| format!(" — {}", esc(v)))
                .unwrap_or_default(),
            esc(&l.reason_label),
            outcome
        );
    }
    let method = w(Msg::LabelMethod(d.method));
    let address = if address.trim().is_empty() {
        esc(store)
    } else {
        esc(address.trim()).replace(", ", "<br>")
    };
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} {rma} — {store}</title><style>\
body{{font-family:system-ui,sans-serif;color:#1f2933;margin:0;padding:24px;background:#fff}}\
main{{max-width:720px;margin:0 auto}}\
.label{{border:2px solid #1f2933;border-radius:8px;padding:24px;display:grid;grid-template-columns:1fr auto;gap:16px 24px}}\
h1{{font-size:1.1rem;margin:0 0 4px;text-transform:uppercase;letter-spacing:.08em}}\
.rma{{font:700 2.4rem/1.1 ui-monospace,monospace;letter-spacing:.06em;margin:0 0 12px}}\
.to{{font-size:1.15rem;line-height:1.4}}\
.qr svg{{display:block;width:200px;height:200px}}\
h2{{font-size:.95rem;margin:16px 0 4px}}ul{{margin:0;padding-left:1.2em}}.m{{color:#52606d}}\
.cut{{border-top:2px dashed #52606d;margin:24px 0 8px;text-align:center;color:#52606d;font-size:.8rem}}\
.help{{color:#52606d}}@media print{{body{{padding:0}}.help{{display:none}}}}\
</style></head><body><main>\
<p class=\"help\">{print}</p>\
<section class=\"label\" aria-label=\"{title}\"><div>\
<h1>{title} · {store}</h1><p class=\"rma\">{rma}</p>\
<p class=\"m\">{order}</p>\
<h2>{to}</h2><p class=\"to\">{address}</p></div>\
<div class=\"qr\">{qr}</div></section>\
<p class=\"cut\" aria-hidden=\"true\">✂ {cut}</p>\
<h2>{items_h}</h2><ul>{items}</ul>\
<h2>{method_h}</h2><p>{method}</p>\
<p>{instructions}</p>\
</main></body></html>",
        lang = locale.tag(),
        title = w(Msg::LabelTitle),
        rma = esc(&d.rma),
        store = esc(store),
        print = w(Msg::LabelPrintHint),
        order = w(Msg::OrderHeading(&esc(&d.order_number))),
        to = w(Msg::LabelSendTo),
        qr = qr_svg,
        cut = w(Msg::LabelCut),
        items_h = w(Msg::LabelItems),
        method_h = w(Msg::LabelMethodHeading),
        instructions = esc(&d.instructions),
    )
}
