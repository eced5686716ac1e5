//! The weekly survey score trend: a line with a labelled point per week with responses.

use super::svg::{esc, kind_label, open_svg, short_date, GRID, MUTED, TEXT};
use aftercare_shared::api::WeeklyScore;
use aftercare_shared::survey::SurveyKind;
use std::fmt::Write;

/// The trend line's colour.
const LINE: &str = "#1d4ed8";

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
    use crate::charts::test_support::{count_class, parse};
    use aftercare_shared::Timestamp;

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
}
