//! The survey score distribution: one bar per score, coloured by category.

use super::svg::{kind_label, open_svg, MUTED, TEXT};
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
            .map(aftercare_shared::survey::Score::category)
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
            .map(aftercare_shared::survey::Score::category)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{count_class, parse};

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
}
