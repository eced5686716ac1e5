//! Server-rendered SVG charts for the survey report: pure functions from report numbers to a
//! standalone SVG document, so a merchant's page (or an email) can show them with a plain
//! `<img>` and no charting script, under a strict CSP.
//!
//! Every chart is `role="img"` with a `<title>` and a `<desc>` that state the numbers in
//! words for screen readers; colours are never the only carrier of meaning (numbers are
//! printed on bars and points, and a legend names the categories).

use aftercare_shared::api::{ReturnsReport, WeeklyScore};
use aftercare_shared::survey::{Category, SurveyKind};
use std::fmt::Write;

/// Bar fill per category (red / amber / green, each dark enough for white-on-colour text
/// to be unnecessary: numbers sit above the bars in the text colour).
pub fn category_colour(c: Category) -> &'static str {
    match c {
        Category::Detractor => "#c0392b",
        Category::Passive => "#b7791f",
        Category::Promoter => "#2f855a",
    }
}

const TEXT: &str = "#1f2933";
const MUTED: &str = "#52606d";
const GRID: &str = "#d9e2ec";
const LINE: &str = "#1d4ed8";

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

fn kind_label(kind: SurveyKind) -> &'static str {
    match kind {
        SurveyKind::Nps => "NPS",
        SurveyKind::Csat => "CSAT",
    }
}

fn open_svg(out: &mut String, id: &str, w: u32, h: u32, title: &str, desc: &str) {
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

/// Bar chart of responses per score (`distribution[score]`, as in `SurveyReport`), one bar per
/// score of the kind's scale, coloured by category, with the count above each bar and a
/// legend.
pub fn distribution_svg(kind: SurveyKind, distribution: &[u64]) -> String {
    let (lo, hi) = kind.range();
    let scores: Vec<u8> = (lo..=hi).collect();
    let count = |s: u8| distribution.get(usize::from(s)).copied().unwrap_or(0);
    let max = scores.iter().map(|s| count(*s)).max().unwrap_or(0).max(1);
    let total: u64 = scores.iter().map(|s| count(*s)).sum();
    let (w, h) = (640u32, 320u32);
    let (left, right, top, bottom) = (24.0, 16.0, 56.0, 44.0);
    let plot_w = f64::from(w) - left - right;
    let plot_h = f64::from(h) - top - bottom;
    let slot = plot_w / scores.len() as f64;
    let bar_w = slot * 0.7;
    let title = format!("{} score distribution", kind_label(kind));
    let mut per_cat = [0u64; 3];
    for s in &scores {
        let c = kind
            .score(i64::from(*s))
            .map(|x| x.category())
            .unwrap_or(Category::Passive);
        per_cat[c as usize] += count(*s);
    }
    let listing: Vec<String> = scores
        .iter()
        .map(|s| format!("{s}: {}", count(*s)))
        .collect();
    let desc = format!(
        "{total} responses. Responses per score — {}. Detractors {}, passives {}, promoters {}.",
        listing.join(", "),
        per_cat[Category::Detractor as usize],
        per_cat[Category::Passive as usize],
        per_cat[Category::Promoter as usize]
    );
    let mut out = String::new();
    open_svg(&mut out, "distribution", w, h, &title, &desc);
    // Legend.
    out.push_str("<g class=\"legend\">");
    let mut x = left;
    for (c, name) in [
        (Category::Detractor, "Detractors"),
        (Category::Passive, "Passives"),
        (Category::Promoter, "Promoters"),
    ] {
        let _ = write!(
            out,
            "<rect class=\"legend-swatch\" x=\"{x:.1}\" y=\"14\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"26\" fill=\"{TEXT}\">{name} ({})</text>",
            category_colour(c),
            x + 20.0,
            per_cat[c as usize]
        );
        x += 150.0;
    }
    out.push_str("</g>");
    // Baseline.
    let base_y = top + plot_h;
    let _ = write!(
        out,
        "<line x1=\"{left}\" y1=\"{base_y:.1}\" x2=\"{:.1}\" y2=\"{base_y:.1}\" stroke=\"{MUTED}\"/>",
        left + plot_w
    );
    out.push_str("<g class=\"bars\">");
    for (i, s) in scores.iter().enumerate() {
        let n = count(*s);
        let c = kind
            .score(i64::from(*s))
            .map(|x| x.category())
            .unwrap_or(Category::Passive);
        let bar_h = plot_h * n as f64 / max as f64;
        let x = left + slot * i as f64 + (slot - bar_w) / 2.0;
        let y = base_y - bar_h;
        let cx = x + bar_w / 2.0;
        let _ = write!(
            out,
            "<rect class=\"bar\" data-score=\"{s}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar_w:.1}\" height=\"{bar_h:.1}\" fill=\"{}\">\
             <title>Score {s}: {n} responses ({})</title></rect>\
             <text class=\"value\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\">{n}</text>\
             <text class=\"tick\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{s}</text>",
            category_colour(c),
            c.as_str(),
            y - 4.0,
            base_y + 16.0
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">Score</text></svg>",
        left + plot_w / 2.0,
        h - 8
    );
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Jan 8" for a UTC instant (axis labels).
pub fn short_date(ms: i64) -> String {
    let (_, m, d) = aftercare_shared::time::civil_from_days(ms.div_euclid(86_400_000));
    format!("{} {d}", MONTHS[((m - 1).clamp(0, 11)) as usize])
}

/// Line chart of the weekly score, oldest week first: a point (with its value) for every week
/// that had responses, the line broken across weeks without any, y axis −100…100 for NPS and
/// 0…100 (% satisfied) for CSAT, week labels on the x axis.
pub fn trend_svg(kind: SurveyKind, weekly: &[WeeklyScore]) -> String {
    let (w, h) = (640u32, 300u32);
    let (left, right, top, bottom) = (48.0, 20.0, 20.0, 56.0);
    let plot_w = f64::from(w) - left - right;
    let plot_h = f64::from(h) - top - bottom;
    let (ymin, ymax, ticks): (f64, f64, &[i32]) = match kind {
        SurveyKind::Nps => (-100.0, 100.0, &[-100, -50, 0, 50, 100]),
        SurveyKind::Csat => (0.0, 100.0, &[0, 25, 50, 75, 100]),
    };
    let y_of = |v: f64| top + plot_h * (ymax - v) / (ymax - ymin);
    let n = weekly.len().max(1);
    let x_of = |i: usize| {
        if n == 1 {
            left + plot_w / 2.0
        } else {
            left + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let label = match kind {
        SurveyKind::Nps => "NPS",
        SurveyKind::Csat => "% satisfied",
    };
    let title = format!("Weekly {} trend", kind_label(kind));
    let parts: Vec<String> = weekly
        .iter()
        .map(|wk| match wk.score {
            Some(s) => format!(
                "week of {}: {s} ({} responses)",
                short_date(wk.week_start.utc_ms),
                wk.responses
            ),
            None => format!("week of {}: no responses", short_date(wk.week_start.utc_ms)),
        })
        .collect();
    let desc = if parts.is_empty() {
        "No weeks to show.".to_owned()
    } else {
        format!("{label} per week, oldest first — {}.", parts.join("; "))
    };
    let mut out = String::new();
    open_svg(&mut out, "trend", w, h, &title, &desc);
    out.push_str("<g class=\"axis y\">");
    for t in ticks {
        let y = y_of(f64::from(*t));
        let _ = write!(
            out,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{t}</text>",
            left + plot_w,
            if *t == 0 { MUTED } else { GRID },
            left - 6.0,
            y + 4.0
        );
    }
    let _ = write!(
        out,
        "<text x=\"12\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\" transform=\"rotate(-90 12 {:.1})\">{}</text></g>",
        top + plot_h / 2.0,
        top + plot_h / 2.0,
        esc(label)
    );
    let every = weekly.len().div_ceil(13).max(1);
    out.push_str("<g class=\"axis x\">");
    for (i, wk) in weekly.iter().enumerate() {
        if i % every == 0 || i + 1 == weekly.len() {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
                x_of(i),
                top + plot_h + 18.0,
                short_date(wk.week_start.utc_ms)
            );
        }
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">Week starting (Monday, UTC)</text></g>",
        left + plot_w / 2.0,
        h - 8
    );
    // Line segments through consecutive weeks that have a score.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, wk) in weekly.iter().enumerate() {
        match wk.score {
            Some(s) => runs
                .last_mut()
                .map(|r| r.push((x_of(i), y_of(f64::from(s)))))
                .unwrap_or(()),
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.iter().filter(|r| r.len() > 1) {
        let pts: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            out,
            "<polyline class=\"line\" points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"/>",
            pts.join(" ")
        );
    }
    out.push_str("<g class=\"points\">");
    for (i, wk) in weekly.iter().enumerate() {
        if let Some(s) = wk.score {
            let (x, y) = (x_of(i), y_of(f64::from(s)));
            let _ = write!(
                out,
                "<circle class=\"point\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"{LINE}\">\
                 <title>Week of {}: {label} {s}, {} responses</title></circle>\
                 <text class=\"value\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\">{s}</text>",
                short_date(wk.week_start.utc_ms),
                wk.responses,
                y - 8.0
            );
        }
    }
    out.push_str("</g>");
    if weekly.iter().all(|wk| wk.score.is_none()) {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">No responses yet</text>",
            left + plot_w / 2.0,
            top + plot_h / 2.0 - 10.0
        );
    }
    out.push_str("</svg>");
    out
}

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), in the
/// order reasons take them; a ninth reason starts the list again.
pub const REASON_PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

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
fn text_width(s: &str, size: f64) -> f64 {
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
fn truncate(s: &str, max: usize) -> String {
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
fn nice_step(max: u32) -> u32 {
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

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Size of [`returns_by_reason_svg`]'s document, whatever the data (pages reserve it).
pub const RETURNS_CHART_SIZE: (u32, u32) = (720, 420);

/// Most products [`returns_by_reason_svg`] draws (the most returned ones).
pub const RETURNS_CHART_PRODUCTS: usize = 10;

/// Horizontal stacked bars of returned units: one bar per product (the
/// [`RETURNS_CHART_PRODUCTS`] most returned, in the report's order), one segment per reason in
/// the store's reason order, coloured from [`REASON_PALETTE`] with thin white separators. The
/// product's total is printed at the end of its bar and each segment's units inside it when
/// they fit; the legend names every reason drawn with its units, and `<desc>` states each
/// product's total and main reason in words. Always [`RETURNS_CHART_SIZE`]; an empty report
/// says "No returns yet".
pub fn returns_by_reason_svg(report: &ReturnsReport) -> String {
    let (w, h) = RETURNS_CHART_SIZE;
    let (wf, hf) = (f64::from(w), f64::from(h));
    let products: Vec<_> = report
        .reasons_by_product
        .iter()
        .filter(|p| p.reasons.iter().any(|r| r.units > 0))
        .collect();
    let shown = &products[..products.len().min(RETURNS_CHART_PRODUCTS)];
    // Reasons drawn, in the store's order, then any code the store no longer lists.
    let mut codes: Vec<&str> = Vec::new();
    for code in report.reasons.iter().map(|r| r.code.as_str()).chain(
        shown
            .iter()
            .flat_map(|p| p.reasons.iter().map(|r| r.reason.as_str())),
    ) {
        let used = shown
            .iter()
            .any(|p| p.reasons.iter().any(|r| r.reason == code && r.units > 0));
        if used && !codes.contains(&code) {
            codes.push(code);
        }
    }
    let label_of = |code: &str| {
        report
            .reasons
            .iter()
            .find(|r| r.code == code)
            .map_or_else(|| code.to_owned(), |r| r.label.clone())
    };
    let colour_of = |code: &str| {
        let i = codes.iter().position(|c| *c == code).unwrap_or(0);
        REASON_PALETTE[i % REASON_PALETTE.len()]
    };
    let units_of = |p: &aftercare_shared::api::ProductReasons, code: &str| -> u32 {
        p.reasons
            .iter()
            .filter(|r| r.reason == code)
            .map(|r| r.units)
            .sum()
    };
    let reason_totals: Vec<u32> = codes
        .iter()
        .map(|c| shown.iter().map(|p| units_of(p, c)).sum())
        .collect();
    let total_units: u32 = shown.iter().map(|p| p.units).sum();

    let title = "Returned units by product and reason";
    let desc = if shown.is_empty() {
        "No returns yet: no units have been returned.".to_owned()
    } else {
        let per_product: Vec<String> = shown
            .iter()
            .map(|p| {
                let top = codes.iter().map(|c| units_of(p, c)).max().unwrap_or(0);
                let leaders: Vec<String> = codes
                    .iter()
                    .filter(|c| units_of(p, c) == top)
                    .map(|c| label_of(c))
                    .collect();
                let main = if leaders.len() == 1 {
                    format!("top reason {} ({top})", leaders[0])
                } else {
                    format!("top reasons {} ({top} each)", leaders.join(" and "))
                };
                format!("{}: {}, {main}", p.title, plural(p.units, "unit", "units"))
            })
            .collect();
        let by_reason: Vec<String> = codes
            .iter()
            .zip(&reason_totals)
            .map(|(c, n)| format!("{} {n}", label_of(c)))
            .collect();
        let scope = if products.len() > shown.len() {
            format!(
                "the {} most returned of {} products",
                shown.len(),
                products.len()
            )
        } else {
            plural(shown.len() as u32, "product", "products")
        };
        format!(
            "{} returned across {scope}. {}. By reason: {}.",
            plural(total_units, "unit", "units"),
            per_product.join("; "),
            by_reason.join(", ")
        )
    };
    let mut out = String::new();
    open_svg(&mut out, "returns-reasons", w, h, title, &desc);

    // Legend, wrapping onto further rows when the labels do not fit on one.
    let (left, right) = (16.0, 16.0);
    let mut legend_rows = 0u32;
    out.push_str("<g class=\"legend\">");
    let mut x = left;
    for (code, n) in codes.iter().zip(&reason_totals) {
        let text = format!("{} ({n})", label_of(code));
        let drawn_w = 20.0 + text_width(&text, 12.0);
        if legend_rows == 0 || (x + drawn_w > wf - right && x > left) {
            legend_rows += 1;
            x = left;
        }
        let y = 12.0 + f64::from(legend_rows - 1) * 22.0;
        let _ = write!(
            out,
            "<rect class=\"legend-swatch\" data-reason=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEXT}\">{}</text>",
            esc(code),
            colour_of(code),
            x + 20.0,
            y + 12.0,
            esc(&text)
        );
        x += drawn_w + 18.0;
    }
    out.push_str("</g>");

    if shown.is_empty() {
        let _ = write!(
            out,
            "<text class=\"empty\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"18\" fill=\"{MUTED}\">No returns yet</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">Returned units will appear here by product and reason.</text></svg>",
            wf / 2.0,
            hf / 2.0 - 6.0,
            wf / 2.0,
            hf / 2.0 + 18.0
        );
        return out;
    }

    // Bars: product names on the left, the scale below, totals after each bar.
    let label_w = 190.0;
    let total_w = 44.0;
    let top = 12.0 + f64::from(legend_rows) * 22.0 + 12.0;
    let bottom = 44.0;
    let plot_x = left + label_w;
    let plot_w = wf - right - total_w - plot_x;
    let plot_h = hf - top - bottom;
    let max_units = shown
        .iter()
        .map(|p| p.units.max(p.reasons.iter().map(|r| r.units).sum()))
        .max()
        .unwrap_or(1)
        .max(1);
    let step = nice_step(max_units);
    let axis_max = max_units.div_ceil(step) * step;
    let x_of = |units: u32| plot_x + plot_w * f64::from(units) / f64::from(axis_max);
    // Rows fill the plot from 5 products up; fewer keep the height of five and sit on top.
    let slot = plot_h / shown.len().max(5) as f64;
    let bar_h = (slot * 0.62).min(30.0);
    let block_h = slot * shown.len() as f64;
    let axis_y = top + block_h;

    out.push_str("<g class=\"axis x\">");
    let mut t = 0;
    while t <= axis_max {
        let gx = x_of(t);
        let _ = write!(
            out,
            "<line x1=\"{gx:.1}\" y1=\"{top:.1}\" x2=\"{gx:.1}\" y2=\"{axis_y:.1}\" stroke=\"{}\"/>\
             <text x=\"{gx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{t}</text>",
            if t == 0 { MUTED } else { GRID },
            axis_y + 16.0
        );
        t += step;
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">Units returned</text></g>",
        plot_x + plot_w / 2.0,
        axis_y + 34.0
    );

    out.push_str("<g class=\"bars\">");
    for (i, p) in shown.iter().enumerate() {
        let y = top + slot * i as f64 + (slot - bar_h) / 2.0;
        let cy = y + bar_h / 2.0 + 4.0;
        let _ = write!(
            out,
            "<g class=\"product\" data-title=\"{}\" data-units=\"{}\">\
             <text class=\"product-label\" x=\"{:.1}\" y=\"{cy:.1}\" text-anchor=\"end\" fill=\"{TEXT}\">{}<title>{}</title></text>",
            esc(&p.title),
            p.units,
            plot_x - 8.0,
            esc(&truncate(&p.title, 28)),
            esc(&p.title)
        );
        let mut acc = 0u32;
        for code in &codes {
            let n = units_of(p, code);
            if n == 0 {
                continue;
            }
            let (x0, x1) = (x_of(acc), x_of(acc + n));
            acc += n;
            let fill = colour_of(code);
            let label = label_of(code);
            let _ = write!(
                out,
                "<rect class=\"segment\" data-reason=\"{}\" data-units=\"{n}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bar_h:.1}\" \
                 fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{}: {} — {}</title></rect>",
                esc(code),
                x1 - x0,
                esc(&p.title),
                esc(&label),
                plural(n, "unit", "units")
            );
            if x1 - x0 >= text_width(&n.to_string(), 12.0) + 10.0 {
                let _ = write!(
                    out,
                    "<text class=\"segment-value\" x=\"{:.1}\" y=\"{cy:.1}\" text-anchor=\"middle\" fill=\"{}\">{n}</text>",
                    (x0 + x1) / 2.0,
                    text_on(fill)
                );
            }
        }
        let _ = write!(
            out,
            "<text class=\"value\" x=\"{:.1}\" y=\"{cy:.1}\" font-weight=\"700\" fill=\"{TEXT}\">{}</text></g>",
            x_of(acc.max(p.units)) + 6.0,
            p.units
        );
    }
    out.push_str("</g>");
    if products.len() > shown.len() {
        let _ = write!(
            out,
            "<text class=\"more\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{} not shown</text>",
            wf - right,
            hf - 8.0,
            plural(
                (products.len() - shown.len()) as u32,
                "more product",
                "more products"
            )
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::Timestamp;

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"))
    }

    fn count_class(doc: &roxmltree::Document<'_>, tag: &str, class: &str) -> usize {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
            .count()
    }

    #[test]
    fn distribution_has_one_bar_per_score_coloured_by_category() {
        let svg = distribution_svg(SurveyKind::Nps, &[0, 0, 1, 0, 0, 0, 1, 2, 1, 3, 2]);
        let doc = parse(&svg);
        assert_eq!(count_class(&doc, "rect", "bar"), 11);
        assert_eq!(count_class(&doc, "rect", "legend-swatch"), 3);
        let fill = |score: &str| {
            doc.descendants()
                .find(|n| n.attribute("data-score") == Some(score))
                .and_then(|n| n.attribute("fill"))
                .unwrap()
                .to_owned()
        };
        assert_eq!(fill("6"), category_colour(Category::Detractor));
        assert_eq!(fill("7"), category_colour(Category::Passive));
        assert_eq!(fill("9"), category_colour(Category::Promoter));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name("desc"))
            .unwrap()
            .text()
            .unwrap();
        assert!(
            desc.contains("10 responses") && desc.contains("Detractors 2, passives 3, promoters 5"),
            "{desc}"
        );
        let csat = distribution_svg(SurveyKind::Csat, &[0, 1, 0, 0, 0, 4]);
        assert_eq!(count_class(&parse(&csat), "rect", "bar"), 5);
        // No responses at all still renders.
        assert_eq!(
            count_class(
                &parse(&distribution_svg(SurveyKind::Nps, &[])),
                "rect",
                "bar"
            ),
            11
        );
    }

    #[test]
    fn trend_has_a_point_per_week_with_responses() {
        let week = |i: i64, score: Option<i32>| WeeklyScore {
            week_start: Timestamp::from_utc_ms(1_704_067_200_000 + i * 7 * 86_400_000, 0),
            responses: u64::from(score.is_some()) * 3,
            score,
        };
        let weekly = vec![
            week(0, Some(20)),
            week(1, Some(-40)),
            week(2, None),
            week(3, Some(100)),
            week(4, Some(0)),
        ];
        let doc_text = trend_svg(SurveyKind::Nps, &weekly);
        let doc = parse(&doc_text);
        assert_eq!(count_class(&doc, "circle", "point"), 4);
        assert_eq!(
            count_class(&doc, "polyline", "line"),
            2,
            "the gap week splits the line"
        );
        assert!(doc_text.contains(">Jan 1<") && doc_text.contains(">Jan 29<"));
        let empty = trend_svg(SurveyKind::Csat, &[week(0, None)]);
        assert!(empty.contains("No responses yet"));
        assert_eq!(count_class(&parse(&empty), "circle", "point"), 0);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<a & 'b'>\""), "&lt;a &amp; &apos;b&apos;&gt;&quot;");
        assert_eq!(esc("a\u{0}b\u{1b}c\td"), "a b c\td");
    }

    fn reason(code: &str, label: &str) -> aftercare_shared::api::ReturnReasonOption {
        aftercare_shared::api::ReturnReasonOption {
            code: code.into(),
            label: label.into(),
            comment: aftercare_shared::returns::Requirement::Optional,
            photos: aftercare_shared::returns::Requirement::Disabled,
        }
    }

    fn product(title: &str, reasons: &[(&str, u32)]) -> aftercare_shared::api::ProductReasons {
        aftercare_shared::api::ProductReasons {
            title: title.into(),
            reasons: reasons
                .iter()
                .map(|(r, n)| aftercare_shared::api::ReasonUnits {
                    reason: (*r).into(),
                    units: *n,
                })
                .collect(),
            units: reasons.iter().map(|(_, n)| n).sum(),
        }
    }

    fn returns_report(products: Vec<aftercare_shared::api::ProductReasons>) -> ReturnsReport {
        ReturnsReport {
            by_status: Vec::new(),
            reasons_by_product: products,
            reasons: vec![
                reason("too_small", "Too small"),
                reason("too_large", "Too large"),
                reason("damaged", "Arrived damaged"),
                reason("not_as_described", "Not as described"),
                reason("changed_mind", "Changed my mind"),
            ],
        }
    }

    fn desc_of(doc: &roxmltree::Document<'_>) -> String {
        doc.descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn returns_chart_draws_a_segment_per_product_and_reason_with_its_units() {
        let report = returns_report(vec![
            product(
                "Merino Crew Sweater",
                &[("too_small", 3), ("changed_mind", 1)],
            ),
            product("Trail Running Shoes", &[("too_large", 2)]),
            product(
                "Packable Rain Jacket",
                &[("damaged", 1), ("not_as_described", 1)],
            ),
        ]);
        let svg = returns_by_reason_svg(&report);
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let (w, h) = RETURNS_CHART_SIZE;
        assert_eq!(root.attribute("width"), Some(w.to_string().as_str()));
        assert_eq!(root.attribute("height"), Some(h.to_string().as_str()));
        assert_eq!(count_class(&doc, "g", "product"), 3);
        assert_eq!(count_class(&doc, "rect", "segment"), 5);
        // Every product's segments add up to its printed total, in the store's reason order.
        for p in &report.reasons_by_product {
            let g = doc
                .descendants()
                .find(|n| n.attribute("data-title") == Some(p.title.as_str()))
                .unwrap();
            let segs: Vec<(String, u32)> = g
                .children()
                .filter(|n| n.attribute("class") == Some("segment"))
                .map(|n| {
                    (
                        n.attribute("data-reason").unwrap().to_owned(),
                        n.attribute("data-units").unwrap().parse().unwrap(),
                    )
                })
                .collect();
            let want: Vec<(String, u32)> = p
                .reasons
                .iter()
                .map(|r| (r.reason.clone(), r.units))
                .collect();
            assert_eq!(segs, want, "{}", p.title);
            let value = g
                .children()
                .find(|n| n.attribute("class") == Some("value"))
                .and_then(|n| n.text())
                .unwrap();
            assert_eq!(value, p.units.to_string());
        }
        // Widths are proportional: 3 units are three times as wide as 1.
        let width = |title: &str, code: &str| -> f64 {
            doc.descendants()
                .find(|n| n.attribute("data-title") == Some(title))
                .unwrap()
                .children()
                .find(|n| n.attribute("data-reason") == Some(code))
                .unwrap()
                .attribute("width")
                .unwrap()
                .parse()
                .unwrap()
        };
        let ratio = width("Merino Crew Sweater", "too_small")
            / width("Merino Crew Sweater", "changed_mind");
        assert!((ratio - 3.0).abs() < 0.05, "{ratio}");
        // One colour per reason, all different, legend names them by label with units.
        let swatches: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("legend-swatch"))
            .map(|n| {
                (
                    n.attribute("data-reason").unwrap().to_owned(),
                    n.attribute("fill").unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            swatches.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
            [
                "too_small",
                "too_large",
                "damaged",
                "not_as_described",
                "changed_mind"
            ]
        );
        let fills: std::collections::HashSet<_> = swatches.iter().map(|(_, f)| f).collect();
        assert_eq!(fills.len(), 5);
        for (code, fill) in &swatches {
            for seg in doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("segment"))
                .filter(|n| n.attribute("data-reason") == Some(code.as_str()))
            {
                assert_eq!(seg.attribute("fill"), Some(fill.as_str()));
            }
        }
        for legend in [
            "Too small (3)",
            "Too large (2)",
            "Arrived damaged (1)",
            "Changed my mind (1)",
        ] {
            assert!(svg.contains(&format!(">{legend}<")), "{legend}");
        }
        let desc = desc_of(&doc);
        assert!(
            desc.starts_with("8 units returned across 3 products."),
            "{desc}"
        );
        assert!(
            desc.contains("Merino Crew Sweater: 4 units, top reason Too small (3)")
                && desc.contains("Trail Running Shoes: 2 units, top reason Too large (2)")
                && desc.contains(
                    "Packable Rain Jacket: 2 units, top reasons Arrived damaged and Not as described (1 each)"
                )
                && desc.contains("By reason: Too small 3, Too large 2, Arrived damaged 1, Not as described 1, Changed my mind 1."),
            "{desc}"
        );
        // Wide segments carry their number, in black or white, whichever reads better.
        let inside: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("segment-value"))
            .map(|n| n.text().unwrap().to_owned())
            .collect();
        assert!(inside.contains(&"3".to_owned()), "{inside:?}");
    }

    #[test]
    fn returns_chart_shows_the_ten_most_returned_products() {
        let products: Vec<_> = (0..13u32)
            .map(|i| product(&format!("Product {i}"), &[("too_small", 20 - i)]))
            .collect();
        let doc_text = returns_by_reason_svg(&returns_report(products));
        let doc = parse(&doc_text);
        assert_eq!(count_class(&doc, "g", "product"), RETURNS_CHART_PRODUCTS);
        assert!(doc_text.contains("Product 9") && !doc_text.contains("Product 10"));
        assert!(doc_text.contains(">3 more products not shown<"));
        let desc = desc_of(&doc);
        assert!(
            desc.contains("the 10 most returned of 13 products"),
            "{desc}"
        );
        // The legend only names reasons that appear.
        assert_eq!(count_class(&doc, "rect", "legend-swatch"), 1);
    }

    #[test]
    fn returns_chart_escapes_hostile_titles_and_codes() {
        let hostile = "<script>alert(\"x\")</script> & 'Co' \u{0}\u{1b}";
        let report = ReturnsReport {
            reasons: vec![reason("too_small", "<b>Too</b> small")],
            ..returns_report(vec![product(
                hostile,
                &[("too_small", 2), ("\"><svg onload=x>", 1)],
            )])
        };
        let svg = returns_by_reason_svg(&report);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>") && !svg.contains("<svg onload"));
        let doc = parse(&svg);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("script"))
                .count(),
            0
        );
        // The text survives (as text), and the unknown code is named by its code.
        let desc = desc_of(&doc);
        assert!(
            desc.contains("<script>alert(\"x\")</script> & 'Co'"),
            "{desc}"
        );
        assert!(desc.contains("top reason <b>Too</b> small (2)"), "{desc}");
        assert!(desc.contains("\"><svg onload=x> 1"), "{desc}");
        let g = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("product"))
            .unwrap();
        assert!(g.attribute("data-title").unwrap().starts_with("<script>"));
    }

    #[test]
    fn a_long_legend_wraps_above_the_bars() {
        let codes: Vec<String> = (0..9).map(|i| format!("reason_{i}")).collect();
        let report = ReturnsReport {
            by_status: Vec::new(),
            reasons: codes
                .iter()
                .map(|c| reason(c, &format!("A rather long reason label {c}")))
                .collect(),
            reasons_by_product: vec![product(
                "Linen Shirt",
                &codes.iter().map(|c| (c.as_str(), 1)).collect::<Vec<_>>(),
            )],
        };
        let svg = returns_by_reason_svg(&report);
        let doc = parse(&svg);
        let num = |n: roxmltree::Node<'_, '_>, a: &str| -> f64 {
            n.attribute(a).unwrap().parse().unwrap()
        };
        let swatches: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("legend-swatch"))
            .collect();
        assert_eq!(swatches.len(), 9);
        let rows: std::collections::BTreeSet<i64> =
            swatches.iter().map(|n| num(*n, "y") as i64).collect();
        assert!(rows.len() >= 3, "{rows:?}");
        let legend_bottom = swatches
            .iter()
            .map(|n| num(*n, "y") + 14.0)
            .fold(0.0, f64::max);
        let (w, _) = RETURNS_CHART_SIZE;
        for n in doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("segment"))
        {
            assert!(num(n, "y") > legend_bottom, "bars start below the legend");
            assert!(num(n, "x") + num(n, "width") <= f64::from(w));
        }
        // The ninth reason reuses the first colour (the palette has eight).
        assert_eq!(swatches[8].attribute("fill"), swatches[0].attribute("fill"));
    }

    #[test]
    fn empty_returns_report_says_so() {
        let svg = returns_by_reason_svg(&returns_report(Vec::new()));
        let doc = parse(&svg);
        assert_eq!(count_class(&doc, "rect", "segment"), 0);
        assert_eq!(count_class(&doc, "rect", "legend-swatch"), 0);
        assert!(svg.contains(">No returns yet<"));
        assert!(desc_of(&doc).starts_with("No returns yet"));
        let (w, h) = RETURNS_CHART_SIZE;
        assert_eq!(
            doc.root_element().attribute("width"),
            Some(w.to_string().as_str())
        );
        assert_eq!(
            doc.root_element().attribute("height"),
            Some(h.to_string().as_str())
        );
        // Products whose reasons are all zero count as nothing returned.
        let zero =
            returns_by_reason_svg(&returns_report(vec![product("Tee", &[("too_small", 0)])]));
        assert!(zero.contains(">No returns yet<"));
    }

    #[test]
    fn numbers_inside_segments_are_readable_on_every_palette_colour() {
        for fill in REASON_PALETTE {
            let c = contrast(fill, text_on(fill));
            assert!(c >= 4.5, "{fill}: {c:.2}");
        }
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
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
