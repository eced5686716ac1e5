//! What every chart shares: the colours, XML escaping, the accessible document opening,
//! colour contrast, and layout helpers (text width, truncation, axis steps, labels).

use aftercare_shared::survey::SurveyKind;
use std::fmt::Write;

/// Text colour.
pub(super) const TEXT: &str = "#1f2933";
/// Secondary text and axes.
pub(super) const MUTED: &str = "#52606d";
/// Grid lines.
pub(super) const GRID: &str = "#d9e2ec";

/// Escape text for XML content and attribute values (characters XML 1.0 cannot carry at
/// all, such as NUL or other control characters, become a space).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\t' | '\n' | '\r' => out.push(ch),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// "NPS" / "CSAT" in titles.
pub(super) fn kind_label(kind: SurveyKind) -> &'static str {
    match kind {
        SurveyKind::Nps => "NPS",
        SurveyKind::Csat => "CSAT",
    }
}

/// Start a standalone, accessible SVG document: `role="img"`, `<title>` and `<desc>`, white
/// background.
pub(super) fn open_svg(out: &mut String, id: &str, w: u32, h: u32, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>",
        esc(title),
        esc(desc)
    );
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Jan 8" for a UTC instant (axis labels).
pub fn short_date(ms: i64) -> String {
    let (_, m, d) = aftercare_shared::time::civil_from_days(ms.div_euclid(86_400_000));
    format!("{} {d}", MONTHS[((m - 1).clamp(0, 11)) as usize])
}

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
            / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `fill` (numbers printed inside segments).
pub fn text_on(fill: &str) -> &'static str {
    if contrast(fill, "#ffffff") >= contrast(fill, "#000000") {
        "#ffffff"
    } else {
        "#000000"
    }
}

/// Rough width of `s` in 12 px system-ui, for layout decisions only (the browser does the
/// real text rendering).
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ' ' | '\'' | '(' | ')' => 0.33,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.62,
            _ => 0.55,
        })
        .sum::<f64>()
        * size
}

/// `s` cut to `max` characters with an ellipsis.
pub(super) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.truncate(t.trim_end().len());
        t.push('…');
        t
    }
}

/// A "nice" axis step (1, 2 or 5 × 10ⁿ) giving at most about five intervals up to `max`.
pub(super) fn nice_step(max: u32) -> u32 {
    let mut magnitude = 1u32;
    loop {
        for m in [1u32, 2, 5] {
            let step = m.saturating_mul(magnitude);
            if max.div_ceil(step) <= 5 {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// "1 unit", "3 units".
pub(super) fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<a & 'b'>\""), "&lt;a &amp; &apos;b&apos;&gt;&quot;");
        assert_eq!(esc("a\u{0}b\u{1b}c\td"), "a b c\td");
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(5), 1);
        assert_eq!(nice_step(6), 2);
        assert_eq!(nice_step(23), 5);
        assert_eq!(nice_step(260), 100);
        assert_eq!(truncate("Packable Rain Jacket", 8), "Packabl…");
        assert_eq!(truncate("Ñandú ñandú", 6), "Ñandú…");
    }
}
