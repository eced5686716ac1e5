//! The printable return label: one self-contained HTML page (inline styles only, the QR code
//! inline as SVG) that fits one A4 or Letter sheet, with the RMA large enough to read across a
//! counter. Every value is escaped; the page runs no script.

use crate::charts::esc;
use aftercare_shared::api::ReturnDetail;
use aftercare_shared::returns::{Resolution, ReturnMethod};
use aftercare_shared::Locale;
use std::fmt::Write;

struct Words {
    title: &'static str,
    to: &'static str,
    order: &'static str,
    items: &'static str,
    method: &'static str,
    drop_off: &'static str,
    pickup: &'static str,
    refund: &'static str,
    credit: &'static str,
    exchange: &'static str,
    print: &'static str,
    cut: &'static str,
}

const EN: Words = Words {
    title: "Return label",
    to: "Send to",
    order: "Order",
    items: "Items in this parcel",
    method: "How it goes back",
    drop_off: "Drop-off at a carrier point",
    pickup: "Courier pickup",
    refund: "refund",
    credit: "store credit",
    exchange: "exchange for",
    print: "Print this page (Ctrl+P or ⌘P), cut along the dashed line and stick the label on the parcel.",
    cut: "cut here",
};

const ES: Words = Words {
    title: "Etiqueta de devolución",
    to: "Enviar a",
    order: "Pedido",
    items: "Artículos en este paquete",
    method: "Cómo se devuelve",
    drop_off: "Entrega en un punto de la transportista",
    pickup: "Recogida a domicilio",
    refund: "reembolso",
    credit: "saldo en tienda",
    exchange: "cambio por",
    print: "Imprime esta página (Ctrl+P o ⌘P), recorta por la línea discontinua y pega la etiqueta en el paquete.",
    cut: "recortar aquí",
};

/// The label page for a return.
pub(super) fn page(
    store: &str,
    address: &str,
    d: &ReturnDetail,
    qr_svg: &str,
    locale: Locale,
) -> String {
    let w = if locale == Locale::Es { &ES } else { &EN };
    let mut items = String::new();
    for l in &d.lines {
        let outcome = match (l.resolution, &l.exchange) {
            (Resolution::Exchange, Some(x)) => format!("{} {}", w.exchange, esc(&x.label)),
            (Resolution::Exchange, None) => w.exchange.to_owned(),
            (Resolution::Refund, _) => w.refund.to_owned(),
            (Resolution::StoreCredit, _) => w.credit.to_owned(),
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
    let method = match d.method {
        ReturnMethod::DropOff => w.drop_off,
        ReturnMethod::Pickup => w.pickup,
    };
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
<p class=\"m\">{order} {order_number}</p>\
<h2>{to}</h2><p class=\"to\">{address}</p></div>\
<div class=\"qr\">{qr}</div></section>\
<p class=\"cut\" aria-hidden=\"true\">✂ {cut}</p>\
<h2>{items_h}</h2><ul>{items}</ul>\
<h2>{method_h}</h2><p>{method}</p>\
<p>{instructions}</p>\
</main></body></html>",
        lang = locale.tag(),
        title = w.title,
        rma = esc(&d.rma),
        store = esc(store),
        print = w.print,
        order = w.order,
        order_number = esc(&d.order_number),
        to = w.to,
        qr = qr_svg,
        cut = w.cut,
        items_h = w.items,
        method_h = w.method,
        instructions = esc(&d.instructions),
    )
}
