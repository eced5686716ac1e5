//! A parcel's history: the latest checkpoints, "Show all N updates", and the markup of a long
//! history built in one piece (the tracking widget's one hot path).

use super::Ctx;
use crate::dom::uid;
use crate::i18n::{self, t, Msg};
use aftercare_shared::order::Shipment;
use aftercare_shared::tracking::{self, TrackingEvent};
use aftercare_shared::Locale;
use leptos::either::Either;
use leptos::prelude::*;

/// How many checkpoints a history shows before "Show all N updates".
pub(super) const RECENT: usize = 3;

/// What the markup of one history was made from.
#[derive(PartialEq)]
struct Key {
    parcel: i64,
    locale: Locale,
    events: Vec<TrackingEvent>,
    full: bool,
    open: bool,
}

/// The histories of one timeline: which the shopper opened (kept across refreshes and
/// languages), and the markup last made for each, reused while nothing it shows changed (a
/// refresh that changed something else, the store's configuration arriving).
#[derive(Clone, Copy)]
pub(super) struct Histories {
    /// `(parcel, open now)`; a parcel is listed once its whole history was first opened, and
    /// from then on closing only hides the older checkpoints.
    pub(super) opened: RwSignal<Vec<(i64, bool)>>,
    made: StoredValue<Vec<(Key, String)>>,
    /// Prefix of the `<ol>` ids "Show all" names in `aria-controls` (unique on the page).
    prefix: StoredValue<String>,
}

impl Histories {
    pub(super) fn new() -> Self {
        Self {
            opened: RwSignal::new(Vec::new()),
            made: StoredValue::new(Vec::new()),
            prefix: StoredValue::new(uid("history")),
        }
    }

    fn toggle(self, parcel: i64) {
        self.opened
            .update(|o| match o.iter_mut().find(|e| e.0 == parcel) {
                Some(e) => e.1 = !e.1,
                None => o.push((parcel, true)),
            });
    }

    /// The markup for `key`, made again only when something in it changed.
    fn markup(self, key: Key) -> String {
        self.made
            .try_update_value(|made| {
                if let Some((_, html)) = made.iter().find(|(k, _)| *k == key) {
                    return html.clone();
                }
                let html = checkpoints(&key);
                made.retain(|(k, _)| k.parcel != key.parcel);
                made.push((key, html.clone()));
                html
            })
            .unwrap_or_default()
    }
}

/// The history of `s`, newest first: the latest [`RECENT`] checkpoints and a toggle for the
/// rest, which are built the first time the shopper opens them.
pub(super) fn history(s: &Shipment, ctx: &Ctx, opened: &[(i64, bool)]) -> impl IntoView {
    let (l, h) = (ctx.l, ctx.histories);
    let mut events = s.events.clone();
    tracking::newest_first(&mut events);
    if events.is_empty() {
        return Either::Left(view! { <p class="muted">{t(l, Msg::NoEvents)}</p> });
    }
    let count = events.len();
    let state = opened.iter().find(|e| e.0 == s.id).map(|e| e.1);
    let open = state == Some(true);
    let id = format!("{}-{}", h.prefix.get_value(), s.id);
    let parcel = s.id;
    let html = h.markup(Key {
        parcel,
        locale: l,
        events,
        full: state.is_some() || count <= RECENT,
        open,
    });
    let more = (count > RECENT).then(|| {
        view! {
            <button
                type="button"
                class="link more"
                part="button"
                aria-controls=id.clone()
                aria-expanded=if open { "true" } else { "false" }
                on:click=move |_| h.toggle(parcel)
            >
                {t(l, if open { Msg::ShowFewer } else { Msg::ShowAll(count) })}
            </button>
        }
    });
    Either::Right(view! {
        <ol class="timeline" part="timeline" id=id inner_html=html></ol>
        {more}
    })
}

/// The checkpoints of a history as markup for one `innerHTML`: a long history is thousands of
/// elements, and building them one call at a time from wasm costs ~25 JS calls per checkpoint
/// (a 500-event history took longer than a frame; `cargo xtask bench` measures "Show all" on
/// one). Every piece of data goes through [`escape`], so feed text is never parsed as markup.
/// A history not yet opened holds only the latest checkpoints; an opened one that was closed
/// again keeps the older ones, hidden.
fn checkpoints(k: &Key) -> String {
    let (l, events) = (k.locale, &k.events);
    let built = if k.full {
        &events[..]
    } else {
        &events[..RECENT.min(events.len())]
    };
    let mut h = String::with_capacity(built.len() * 240);
    for (i, e) in built.iter().enumerate() {
        h.push_str(match (i < RECENT, k.open) {
            (true, _) => "<li class=\"event\" part=\"event\">",
            (false, true) => "<li class=\"event old\" part=\"event\">",
            (false, false) => "<li class=\"event old\" part=\"event\" hidden>",
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
