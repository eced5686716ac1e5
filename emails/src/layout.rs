//! The frame every message shares: a preheader, the store's name, one card in the store's
//! colours, and the footer saying why the message was sent. Tables and inline styles, since
//! that is what mail clients render; real text (no text in images); a base size of at least
//! 16 px; and a dark-mode palette for the clients that honour `prefers-color-scheme`.

use crate::Sender;
use aftercare_shared::Locale;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// The dark palette, for clients that switch (the store's colours are for light backgrounds).
const DARK: &str = "@media (prefers-color-scheme: dark){\
.ac-bg{background:#0d1117 !important}\
.ac-card{background:#161b22 !important;color:#e6edf3 !important;border-color:#30363d !important}\
.ac-muted{color:#9da7b3 !important}\
.ac-card a{color:#79b8ff !important}\
.ac-brand{color:#e6edf3 !important}}";

/// What a message puts into the frame.
pub struct Frame<'a> {
    /// The message's language.
    pub locale: Locale,
    /// The subject (also the document's title).
    pub subject: &'a str,
    /// The line inboxes show after the subject.
    pub preheader: &'a str,
    /// The message's heading.
    pub heading: &'a str,
    /// The message's body.
    pub body: Markup,
    /// Why the shopper gets this message.
    pub footer: &'a str,
    /// An optional message's way out (transactional ones have none).
    pub unsubscribe: Option<&'a Unsubscribe>,
}

/// The one-click unsubscribe link of an optional message, shown under its footer (and sent
/// in its `List-Unsubscribe` header by the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsubscribe {
    /// The signed link.
    pub url: String,
    /// Its text ("Unsubscribe from “Shipping updates”").
    pub label: String,
}

/// The whole HTML document of a message.
pub fn document(sender: &Sender<'_>, f: Frame<'_>) -> String {
    let b = sender.branding;
    let c = &b.colors;
    let card = format!(
        "max-width:600px;width:100%;background:{};color:{};border:1px solid {};border-radius:{}px;\
         font-family:{};font-size:{}px;line-height:1.5",
        c.background,
        c.text,
        c.border,
        b.radius_px,
        b.font.stack().replace('"', "'"),
        b.font_size_px.max(16)
    );
    html! {
        (DOCTYPE)
        html lang=(f.locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                meta name="supported-color-schemes" content="light dark";
                title { (f.subject) }
                style { (PreEscaped(DARK)) }
            }
            body class="ac-bg" style={ "margin:0;padding:0;background:" (c.surface) } {
                div style="display:none;max-height:0;overflow:hidden;opacity:0" { (f.preheader) }
                table role="presentation" class="ac-bg" width="100%" cellpadding="0" cellspacing="0"
                    style={ "background:" (c.surface) } {
                    tr { td align="center" style="padding:24px 12px" {
                        table role="presentation" class="ac-card" width="100%" cellpadding="0" cellspacing="0" style=(card) {
                            tr { td style="padding:24px" {
                                p class="ac-brand" style={ "margin:0 0 16px;font-weight:700;color:" (c.primary) } { (sender.store) }
                                h1 style="margin:0 0 12px;font-size:1.4em;line-height:1.25" { (f.heading) }
                                (f.body)
                            } }
                        }
                        p class="ac-muted" style={ "max-width:600px;margin:16px auto 0;font-family:" (b.font.stack().replace('"', "'")) ";font-size:13px;line-height:1.5;color:" (c.muted) } {
                            (f.footer)
                            @if let Some(u) = f.unsubscribe {
                                " "
                                a href=(u.url) style={ "color:" (c.muted) ";text-decoration:underline" } { (u.label) }
                            }
                        }
                    } }
                }
            }
        }
    }
    .into_string()
}

/// A paragraph in the card.
pub fn para(text: &str) -> Markup {
    html! { p style="margin:0 0 12px" { (text) } }
}

/// A sub-heading in the card.
pub fn heading(text: &str) -> Markup {
    html! { h2 style="margin:20px 0 8px;font-size:1.1em;line-height:1.3" { (text) } }
}

/// The message's one call to action: a bulletproof button (a padded link in a table cell,
/// which every client renders, Outlook included) in the store's primary colours, and under it
/// the address itself for clients that block or mangle the button.
pub fn button(sender: &Sender<'_>, href: &str, label: &str, fallback: &str) -> Markup {
    let c = &sender.branding.colors;
    let radius = sender.branding.radius_px;
    html! {
        table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0 8px" {
            tr { td style={ "background:" (c.primary) ";border-radius:" (radius) "px" } {
                a href=(href) style={ "display:inline-block;padding:12px 20px;font-weight:700;text-decoration:none;color:" (c.on_primary) ";border-radius:" (radius) "px" } { (label) }
            } }
        }
        p class="ac-muted" style={ "margin:0 0 12px;font-size:13px;word-break:break-all;color:" (c.muted) } {
            (fallback) " " a href=(href) style={ "color:" (c.primary) } { (href) }
        }
    }
}

/// A label and value table (totals, a parcel's facts): the label muted, the value right.
pub fn facts(sender: &Sender<'_>, rows: &[(String, String)], strong_last: bool) -> Markup {
    let muted = &sender.branding.colors.muted;
    let n = rows.len();
    html! {
        table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 12px" {
            @for (i, (label, value)) in rows.iter().enumerate() {
                @let strong = strong_last && i + 1 == n;
                tr {
                    td class="ac-muted" style={ "padding:4px 0;color:" (muted) @if strong { ";font-weight:700" } } { (label) }
                    td align="right" style={ "padding:4px 0" @if strong { ";font-weight:700" } } { (value) }
                }
            }
        }
    }
}

/// A list of lines (items, address lines, opening hours).
pub fn lines(items: &[String]) -> Markup {
    html! {
        p style="margin:0 0 12px" {
            @for (i, l) in items.iter().enumerate() {
                @if i > 0 { br; }
                (l)
            }
        }
    }
}

/// [`facts`] as plain text: `label: value` per line.
pub fn facts_text(rows: &[(String, String)]) -> String {
    rows.iter()
        .map(|(l, v)| format!("{l}: {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Plain text: blocks separated by a blank line, each wrapped at 72 columns (RFC 3676's
/// reading width), the footer after a signature separator, and an optional message's
/// unsubscribe link last.
pub fn text(
    sender: &Sender<'_>,
    blocks: &[String],
    footer: &str,
    unsubscribe: Option<&Unsubscribe>,
) -> String {
    let mut out = String::new();
    out.push_str(sender.store);
    out.push_str("\n\n");
    for block in blocks {
        out.push_str(&wrap(block, 72));
        out.push_str("\n\n");
    }
    out.push_str("-- \n");
    out.push_str(&wrap(footer, 72));
    out.push('\n');
    if let Some(u) = unsubscribe {
        out.push_str(&format!("{}:\n{}\n", u.label, u.url));
    }
    out
}

/// `s` wrapped at `width` columns on spaces, keeping its own line breaks.
pub fn wrap(s: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in s.lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_72_and_keeps_long_words_whole() {
        let long = "word ".repeat(30);
        for line in wrap(long.trim(), 72).lines() {
            assert!(line.chars().count() <= 72, "{line}");
        }
        let url = format!("see https://{}", "x".repeat(90));
        assert_eq!(wrap(&url, 72).lines().count(), 2);
        assert_eq!(wrap("a\nb", 72), "a\nb");
    }
}
