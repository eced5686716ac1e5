//! Pure views of the tracking widget: data in, DOM out, no network. The timeline takes an
//! [`Order`] value, so it renders the same in tests, in the gallery and in the live widget.

mod help;
mod notices;

use crate::dom::{add, el, set, txt, uid};
use crate::i18n::{self, t, Msg};
use crate::shell::contacts;
use aftercare_shared::api::StoreConfig;
use aftercare_shared::order::{LineItem, Order, OrderStatus, ParcelItem, PickupPoint, Shipment};
use aftercare_shared::tracking::{
    self, ExceptionReason, NextStep, ProgressStep, TrackingEvent, TrackingStatus,
};
use aftercare_shared::{Locale, Timestamp};
use help::{render_help, stepper};
use leptos::prelude::*;
use leptos::task::spawn_local;
use notices::{action, carrier_link, notices, pickup};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// One order's tracking: headline, a block per parcel, unshipped items, or "preparing"; with
/// a store config also the "Need help with your delivery?" section the notices link to.
///
/// Pure: renders from the values alone (no network), so tests and the gallery can use it.
/// Given signals, it updates in place: open histories and keyboard focus survive a new value.
#[component]
pub fn OrderTimeline(
    /// The order to show (as `GET /v1/orders/{number}` returns it).
    #[prop(into)]
    order: Signal<Order>,
    /// The shopper's language.
    #[prop(into)]
    locale: Signal<Locale>,
    /// The store's public configuration (`GET /v1/store?locale=…`): contact channels in the
    /// notices and the help section. Without it both are simply left out.
    #[prop(into, optional)]
    store: Signal<Option<StoreConfig>>,
) -> impl IntoView {
    timeline(Signal::derive(move || Some(order.get())), locale, store)
}

/// The timeline over an optional order (the live widget's current value); see [`OrderTimeline`].
pub(crate) fn timeline(
    order: Signal<Option<Order>>,
    locale: Signal<Locale>,
    store: Signal<Option<StoreConfig>>,
) -> impl IntoView {
    // Parcels whose whole history the shopper opened: kept across refreshes and languages.
    let open = StoredValue::new(Vec::<i64>::new());
    // Built histories, reused by the next rebuild while unchanged (see [`History`]).
    let kept = StoredValue::new_local(Vec::<History>::new());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-act]").ok().flatten())
        else {
            return;
        };
        let l = locale.get_untracked();
        let v = b.get_attribute("data-v").unwrap_or_default();
        match b.get_attribute("data-act").as_deref() {
            Some("copy") => copy(&b, &v, l),
            Some("more") => toggle(&b, &v, l, open, kept),
            Some("help") => {
                if let Some(h) = b
                    .closest(".tl")
                    .ok()
                    .flatten()
                    .and_then(|w| w.query_selector("[data-help]").ok().flatten())
                {
                    h.scroll_into_view();
                    let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="tl" on:click=on_click use:live_timeline=(order, locale, store, open, kept)></div>
    }
}

/// What the timeline renders from: the order, language, store config and the open histories.
type TimelineInputs = (
    Signal<Option<Order>>,
    Signal<Locale>,
    Signal<Option<StoreConfig>>,
    StoredValue<Vec<i64>>,
    StoredValue<Vec<History>, LocalStorage>,
);

/// Two render effects: the order part rebuilds when the order, language or store change; the
/// help part only when the language or store change (so open FAQ answers stay open).
fn live_timeline(root: web_sys::Element, (order, locale, store, open, kept): TimelineInputs) {
    // A rebuild of the same view runs this again on the same element: start empty.
    root.replace_children_with_node_0();
    kept.set_value(Vec::new());
    let art = el(&root, "article", "order");
    let help = el(&root, "div", "");
    let order_fx = RenderEffect::new(move |_| {
        let l = locale.get();
        store.with(|cfg| {
            order.with(|o| {
                if let Some(o) = o {
                    // Rebuilding replaces the focused control: put focus back on its twin.
                    let key = art
                        .query_selector(":focus")
                        .ok()
                        .flatten()
                        .and_then(|f| f.get_attribute("data-k"));
                    let prev = kept.try_update_value(std::mem::take).unwrap_or_default();
                    let now =
                        open.with_value(|open| render_order(&art, o, l, cfg.as_ref(), open, prev));
                    kept.set_value(now);
                    if let Some(f) = key.and_then(|k| {
                        art.query_selector(&format!("[data-k=\"{k}\"]"))
                            .ok()
                            .flatten()
                    }) {
                        let _ = f.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
            });
        });
    });
    let help_fx = RenderEffect::new(move |_| {
        let l = locale.get();
        store.with(|cfg| render_help(&help, cfg.as_ref(), l));
    });
    // Render effects live as long as they are held: hold them as long as the view's owner.
    StoredValue::new_local((order_fx, help_fx));
}

/// Whether the store gave anything to put in the help section.
fn has_help(cfg: Option<&StoreConfig>) -> bool {
    cfg.is_some_and(|c| {
        !c.faq.is_empty()
            || c.support.email.is_some()
            || c.support.phone.is_some()
            || c.support.chat_url.is_some()
    })
}

/// `navigator.clipboard` and its `writeText`, when this page may use them (secure contexts).
fn clipboard() -> Option<(JsValue, js_sys::Function)> {
    let nav = web_sys::window()?.navigator();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(JsValue::is_object)?;
    let write = js_sys::Reflect::get(&clip, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((clip, write))
}

/// Copy `text`, then say so in the button's live region (or say how to copy by hand).
fn copy(button: &web_sys::Element, text: &str, l: Locale) {
    let Some(live) = button.next_element_sibling() else {
        return;
    };
    let say = move |ok: bool| {
        live.set_text_content(Some(&t(l, if ok { Msg::Copied } else { Msg::CopyFailed })));
        let live = live.clone();
        set_timeout(
            move || live.set_text_content(None),
            std::time::Duration::from_secs(4),
        );
    };
    let promise = clipboard().and_then(|(clip, write)| {
        write
            .call1(&clip, &JsValue::from_str(text))
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match promise {
        Some(p) => spawn_local(async move {
            say(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
        }),
        None => say(false),
    }
}

/// Open or close a parcel's full history in place (no rebuild: focus stays on the button).
/// The older checkpoints are built the first time the history is opened.
fn toggle(
    b: &web_sys::Element,
    v: &str,
    l: Locale,
    open: StoredValue<Vec<i64>>,
    kept: StoredValue<Vec<History>, LocalStorage>,
) {
    let Ok(id) = v.parse::<i64>() else { return };
    let now_open = b.get_attribute("aria-expanded").as_deref() != Some("true");
    open.update_value(|o| {
        o.retain(|x| *x != id);
        if now_open {
            o.push(id);
        }
    });
    let ol_id = b.get_attribute("aria-controls").unwrap_or_default();
    let ol = b
        .parent_element()
        .and_then(|p| p.query_selector(&format!("#{ol_id}")).ok()?);
    if let Some(ol) = ol.as_ref().filter(|_| now_open) {
        kept.try_update_value(|hs| {
            if let Some(h) = hs.iter_mut().find(|h| h.id == ol_id && !h.full) {
                let rest = checkpoints(&h.events[RECENT..], RECENT, h.locale);
                let _ = ol.insert_adjacent_html("beforeend", &rest);
                h.full = true;
            }
        });
    }
    let (from, to) = if now_open {
        (".old[hidden]", false)
    } else {
        (".old:not([hidden])", true)
    };
    // One query, not one per checkpoint (that was quadratic in the history's length).
    if let Some(list) = ol.and_then(|ol| ol.query_selector_all(from).ok()) {
        for i in 0..list.length() {
            if let Some(li) = list.item(i) {
                let _ = li
                    .unchecked_into::<web_sys::Element>()
                    .toggle_attribute_with_force("hidden", to);
            }
        }
    }
    set(b, "aria-expanded", if now_open { "true" } else { "false" });
    let n = b
        .get_attribute("data-n")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    b.set_text_content(Some(&t(
        l,
        if now_open {
            Msg::ShowFewer
        } else {
            Msg::ShowAll(n)
        },
    )));
}

/// Builds the timeline into `root` (re-run when the order, language or store change), reusing
/// the histories in `kept` that did not change; returns the histories now on screen.
fn render_order(
    root: &web_sys::Element,
    order: &Order,
    l: Locale,
    store: Option<&StoreConfig>,
    open: &[i64],
    kept: Vec<History>,
) -> Vec<History> {
    root.replace_children_with_node_0();
    let head = el(root, "header", "head");
    set(
        &txt(
            &head,
            "h2",
            "",
            &t(l, Msg::OrderHeading(order.order_number.as_str())),
        ),
        "part",
        "heading",
    );
    let attention = matches!(
        order.status,
        OrderStatus::Exception | OrderStatus::Cancelled
    );
    txt(
        &head,
        "p",
        if attention {
            "headline attention"
        } else {
            "headline"
        },
        &t(l, Msg::OrderStatus(order.status)),
    );
    let placed = el(&head, "p", "muted");
    time(
        &placed,
        &order.placed_at,
        &t(l, Msg::PlacedOn(&i18n::date(l, &order.placed_at))),
    );
    let n = order.shipments.len();
    if n > 1 {
        txt(&head, "p", "ships", &t(l, Msg::ShipsIn(n)));
    }
    if n == 0 && order.status != OrderStatus::Cancelled {
        txt(root, "p", "card empty", &t(l, Msg::PreparingBody));
    }
    let ctx = Ctx {
        l,
        store,
        help: has_help(store),
        kept: RefCell::new(kept),
        built: RefCell::new(Vec::new()),
    };
    for (i, s) in order.shipments.iter().enumerate() {
        parcel(root, order, s, i, n, &ctx, open.contains(&s.id));
    }
    let units: u32 = order.unshipped.iter().map(|p| p.quantity).sum();
    if units > 0 {
        let sec = el(root, "section", "card unshipped");
        txt(&sec, "h3", "", &t(l, Msg::NotShippedYet(units)));
        items(&sec, &order.items, &order.unshipped, l);
    }
    ctx.built.into_inner()
}

/// What every part of a parcel needs besides the parcel.
struct Ctx<'a> {
    l: Locale,
    store: Option<&'a StoreConfig>,
    help: bool,
    /// The previous render's histories, taken out as they are reused.
    kept: RefCell<Vec<History>>,
    /// The histories of this render.
    built: RefCell<Vec<History>>,
}

/// A parcel's built history (`<ol>`, newest first). A rebuild that leaves the parcel's
/// checkpoints and the language alone (the store config arriving, a refresh that changed
/// something else) moves this element into the new DOM instead of rebuilding hundreds of
/// checkpoints; its collapsed/expanded state is kept in step with `open` by [`toggle`].
struct History {
    parcel: i64,
    locale: Locale,
    events: Vec<TrackingEvent>,
    ol: web_sys::Element,
    /// The `<ol>`'s id, which "Show all" names in `aria-controls`.
    id: String,
    /// Whether every checkpoint is built: a closed history holds only the [`RECENT`] ones
    /// until "Show all" first opens it.
    full: bool,
}

fn time(parent: &web_sys::Element, ts: &Timestamp, text: &str) {
    set(&txt(parent, "time", "", text), "datetime", &ts.to_string());
}

/// One script-free handler for every item image: a broken image leaves an empty tile.
fn hide_on_error() -> js_sys::Function {
    thread_local! {
        static HIDE: js_sys::Function = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            |e: web_sys::Event| {
                if let Some(img) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    set(&img, "hidden", "");
                }
            },
        )
        .into_js_value()
        .unchecked_into();
    }
    HIDE.with(Clone::clone)
}

fn items(parent: &web_sys::Element, lines: &[LineItem], parcel: &[ParcelItem], l: Locale) {
    let ul = el(parent, "ul", "items");
    for p in parcel {
        if let Some(li) = lines.iter().find(|li| li.id == p.line_item_id) {
            let row = el(&ul, "li", "");
            // A fixed-size tile, with or without a picture: rows never shift when images load.
            let tile = el(&row, "span", "thumb");
            if let Some(src) = li.image_url.as_deref().filter(|u| !u.trim().is_empty()) {
                let img = el(&tile, "img", "");
                for (k, v) in [
                    ("alt", li.title.as_str()),
                    ("width", "56"),
                    ("height", "56"),
                    ("loading", "lazy"),
                    ("decoding", "async"),
                ] {
                    set(&img, k, v);
                }
                img.unchecked_ref::<web_sys::HtmlElement>()
                    .set_onerror(Some(&hide_on_error()));
                set(&img, "src", src);
            }
            let text = el(&row, "span", "itext");
            txt(&text, "span", "title", &li.title);
            if let Some(v) = &li.variant {
                txt(&text, "span", "muted", v);
            }
            txt(&text, "span", "muted", &t(l, Msg::Quantity(p.quantity)));
        }
    }
}

/// How many checkpoints a history shows before "Show all N updates".
const RECENT: usize = 3;

fn parcel(
    root: &web_sys::Element,
    order: &Order,
    s: &Shipment,
    i: usize,
    n: usize,
    ctx: &Ctx,
    open: bool,
) {
    let l = ctx.l;
    let sec = el(root, "section", "card parcel");
    set(&sec, "part", "parcel");
    let mut status = t(l, Msg::Status(s.status));
    if let Some(r) = s.reason.filter(|_| {
        matches!(
            s.status,
            TrackingStatus::Exception | TrackingStatus::ReturnedToSender
        )
    }) {
        status = format!("{status}: {}", t(l, Msg::Reason(r)));
    }
    let title = if n > 1 {
        format!("{}: {}", t(l, Msg::ParcelOf(i + 1, n)), status)
    } else {
        status
    };
    txt(
        &sec,
        "h3",
        if s.status.needs_attention() {
            "attention"
        } else {
            ""
        },
        &title,
    );
    notices(&sec, s, ctx);
    let meta = el(&sec, "dl", "meta");
    let row = |label: Msg<'_>| {
        let d = el(&meta, "div", "");
        txt(&d, "dt", "", &t(l, label));
        el(&d, "dd", "")
    };
    txt(&row(Msg::Carrier), "span", "", &s.carrier.name);
    let dd = row(Msg::TrackingNumber);
    match carrier_link(&dd, s, &s.tracking_number, l) {
        Some(a) => set(&a, "data-k", &format!("track-{}", s.id)),
        None => add(&dd, &s.tracking_number),
    }
    if clipboard().is_some() {
        let b = action(
            &dd,
            "copy",
            &s.tracking_number,
            "link copy",
            &t(l, Msg::Copy),
        );
        set(&b, "part", "copy");
        set(&b, "aria-label", &t(l, Msg::CopyLabel));
        set(&el(&dd, "span", "copied"), "aria-live", "polite");
    }
    if let Some(w) = s.eta.filter(|_| !s.status.is_final()) {
        let dd = row(Msg::Eta);
        let now = i18n::eta(l, &w);
        time(&dd, &w.earliest, &now);
        if let Some(was) = &s.eta_original {
            txt(
                &dd,
                "span",
                "was",
                &t(l, Msg::EtaRevised(&i18n::eta(l, was), &now)),
            );
        }
    }
    if s.status == TrackingStatus::AvailableForPickup {
        if let Some(p) = &s.pickup_point {
            pickup(&sec, p, l);
        }
    }
    stepper(&sec, s.step, s.status, l);
    txt(&sec, "h4", "", &t(l, Msg::InThisParcel));
    items(&sec, &order.items, &s.items, l);
    txt(&sec, "h4", "", &t(l, Msg::History));
    let mut events = s.events.clone();
    tracking::newest_first(&mut events);
    if events.is_empty() {
        txt(&sec, "p", "muted", &t(l, Msg::NoEvents));
        return;
    }
    let reused = {
        let mut kept = ctx.kept.borrow_mut();
        kept.iter()
            .position(|h| h.parcel == s.id && h.locale == l && h.events == events)
            .map(|i| kept.swap_remove(i))
    };
    let history = match reused {
        Some(h) => {
            let _ = sec.append_child(&h.ol);
            h
        }
        None => {
            let ol = el(&sec, "ol", "timeline");
            set(&ol, "part", "timeline");
            let id = uid("history");
            set(&ol, "id", &id);
            let full = open || events.len() <= RECENT;
            let built = if full { &events[..] } else { &events[..RECENT] };
            ol.set_inner_html(&checkpoints(built, 0, l));
            History {
                parcel: s.id,
                locale: l,
                events,
                ol,
                id,
                full,
            }
        }
    };
    let count = history.events.len();
    let ol_id = history.id.clone();
    ctx.built.borrow_mut().push(history);
    if count > RECENT {
        let label = t(
            l,
            if open {
                Msg::ShowFewer
            } else {
                Msg::ShowAll(count)
            },
        );
        let b = action(&sec, "more", &s.id.to_string(), "link more", &label);
        set(&b, "part", "button");
        set(&b, "aria-controls", &ol_id);
        set(&b, "aria-expanded", if open { "true" } else { "false" });
        set(&b, "data-n", &count.to_string());
    }
}

/// The checkpoints of a history as markup for one `innerHTML`: a long history is thousands of
/// elements, and building them one call at a time from wasm costs ~25 JS calls per checkpoint
/// (a 500-event history took longer than a frame). Same DOM as the builder in `dom.rs` would
/// make; every piece of data goes through [`escape`], so feed text is never parsed as markup.
/// `events` starts at position `first` of the history (newest first); all come out visible.
fn checkpoints(events: &[TrackingEvent], first: usize, l: Locale) -> String {
    let mut h = String::with_capacity(events.len() * 240);
    for (k, e) in events.iter().enumerate() {
        h.push_str(if first + k < RECENT {
            "<li class=\"event\" part=\"event\">"
        } else {
            "<li class=\"event old\" part=\"event\">"
        });
        h.push_str("<p class=\"ev-status\">");
        escape(&mut h, &t(l, Msg::Status(e.status)));
        h.push_str("</p><p>");
        escape(&mut h, &e.description);
        h.push_str("</p>");
        if let Some(place) = e.location.as_ref().and_then(tracking::Location::display) {
            h.push_str("<p class=\"muted\">");
            escape(&mut h, &place);
            h.push_str("</p>");
        }
        h.push_str("<p class=\"muted\"><time datetime=\"");
        escape(&mut h, &e.occurred_at.to_string());
        h.push_str("\">");
        escape(&mut h, &i18n::date_time(l, &e.occurred_at));
        h.push_str("</time>");
        if let Some(note) = i18n::local_time_note(l, &e.occurred_at) {
            h.push_str("<span class=\"local\"> · ");
            escape(&mut h, &note);
            h.push_str("</span>");
        }
        h.push_str("</p></li>");
    }
    h
}

/// Append `text` to markup as text (element content or a quoted attribute value).
fn escape(out: &mut String, text: &str) {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
