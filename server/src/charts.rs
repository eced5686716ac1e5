//! Server-rendered SVG charts for the survey report: pure functions from report numbers to a
//! standalone SVG document, so a merchant's page (or an email) can show them with a plain
//! `<img>` and no charting script, under a strict CSP.
//!
//! Every chart is `role="img"` with a `<title>` and a `<desc>` that state the numbers in
//! words for screen readers; colours are never the only carrier of meaning (numbers are
//! printed on bars and points, and a legend names the categories).

use aftercare_shared::api::WeeklyScore;
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

/// Escape text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
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
    }
}
