//! Returned units by product and reason: horizontal stacked bars for the returns insights.

use super::svg::{
    esc, nice_step, open_svg, plural, text_on, text_width, truncate, GRID, MUTED, TEXT,
};
use aftercare_shared::api::ReturnsReport;
use std::fmt::Write;

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), in the
/// order reasons take them; a ninth reason starts the list again.
pub const REASON_PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];
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
    use super::super::svg::contrast;
    use super::*;
    use crate::charts::test_support::{count_class, parse};

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
}
