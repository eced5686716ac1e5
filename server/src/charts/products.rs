//! Rating against return rate per product: two aligned horizontal bar panels, so the
//! products shoppers rate low and send back stand out together.

use super::svg::{esc, open_svg, truncate, GRID, MUTED, TEXT};
use aftercare_shared::api::ProductInsight;
use std::fmt::Write;

/// Most products [`product_feedback_svg`] draws (the first ones: most in need of attention).
pub const PRODUCT_CHART_ROWS: usize = 8;
/// Width of [`product_feedback_svg`]'s document; its height grows with the rows drawn.
pub const PRODUCT_CHART_WIDTH: u32 = 720;

/// The width and height of [`product_feedback_svg`]'s document for `products` products, so
/// a page can size its `<img>` before the chart arrives (nothing shifts when it does).
pub fn product_feedback_size(products: usize) -> (u32, u32) {
    let rows = products.clamp(1, PRODUCT_CHART_ROWS);
    (PRODUCT_CHART_WIDTH, (TOP + ROW * rows as f64 + 24.0) as u32)
}

const RATING: &str = "#0072B2";
const RETURNS: &str = "#D55E00";
const ROW: f64 = 34.0;
const TOP: f64 = 64.0;

fn pct(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

/// One row per product (the first [`PRODUCT_CHART_ROWS`] of `products`, in their order):
/// on the left its average rating on a 0–5 scale (blue, "no reviews" when none), on the
/// right its return rate (vermillion) on a scale up to the highest rate drawn. Values are
/// printed beside every bar, both panels are labelled, and `<desc>` states each product's
/// rating, review count and return rate in words. An empty list says "No product feedback
/// yet".
pub fn product_feedback_svg(products: &[ProductInsight]) -> String {
    let shown = &products[..products.len().min(PRODUCT_CHART_ROWS)];
    let (w, h) = product_feedback_size(products.len());
    let rows = shown.len().max(1);
    let title = "Rating and return rate per product";
    let desc = if shown.is_empty() {
        "No product feedback yet.".to_owned()
    } else {
        shown
            .iter()
            .map(|p| {
                let rating = p.average_rating.map_or_else(
                    || "no reviews".to_owned(),
                    |a| format!("rated {a:.1} of 5 from {} reviews", p.reviews),
                );
                format!(
                    "{}: {rating}, {} of {} units returned ({})",
                    p.title,
                    p.units_returned,
                    p.units_ordered,
                    pct(p.return_rate)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
            + "."
    };
    let mut out = String::new();
    open_svg(&mut out, "product-feedback", w, h, title, &desc);
    if shown.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\" font-size=\"14\">No product feedback yet</text></svg>",
            w / 2,
            h / 2
        );
        return out;
    }
    let label_w = 200.0;
    let panel = (f64::from(w) - label_w - 40.0) / 2.0 - 50.0;
    let left = label_w;
    let right = left + panel + 70.0;
    let max_rate = shown
        .iter()
        .map(|p| p.return_rate)
        .fold(0.0_f64, f64::max)
        .max(0.1);
    let _ = write!(
        out,
        "<text x=\"{left}\" y=\"28\" fill=\"{TEXT}\" font-weight=\"600\">Average rating (0–5)</text>\
         <text x=\"{right}\" y=\"28\" fill=\"{TEXT}\" font-weight=\"600\">Return rate (up to {})</text>",
        pct(max_rate)
    );
    for x in [left, right] {
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/>",
            TOP - 20.0,
            TOP + ROW * rows as f64
        );
    }
    for (i, p) in shown.iter().enumerate() {
        let y = TOP + ROW * i as f64 - 14.0;
        let mid = y + 10.0;
        let _ = write!(
            out,
            "<g class=\"product-row\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
            left - 8.0,
            mid + 4.0,
            esc(&truncate(&p.title, 28))
        );
        match p.average_rating {
            Some(avg) => {
                let bw = panel * avg / 5.0;
                let _ = write!(
                    out,
                    "<rect class=\"rating-bar\" x=\"{left}\" y=\"{y}\" width=\"{bw:.1}\" height=\"20\" fill=\"{RATING}\"/>\
                     <text x=\"{:.1}\" y=\"{}\" fill=\"{TEXT}\">{avg:.1} ({})</text>",
                    left + bw + 6.0,
                    mid + 4.0,
                    p.reviews
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" fill=\"{MUTED}\">no reviews</text>",
                    left + 6.0,
                    mid + 4.0
                );
            }
        }
        let bw = panel * p.return_rate.min(max_rate) / max_rate;
        let _ = write!(
            out,
            "<rect class=\"return-bar\" x=\"{right}\" y=\"{y}\" width=\"{bw:.1}\" height=\"20\" fill=\"{RETURNS}\"/>\
             <text x=\"{:.1}\" y=\"{}\" fill=\"{TEXT}\">{} ({}/{})</text></g>",
            right + bw + 6.0,
            mid + 4.0,
            pct(p.return_rate),
            p.units_returned,
            p.units_ordered
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{count_class, parse};
    use super::*;

    fn product(title: &str, rating: Option<f64>, returned: u32) -> ProductInsight {
        ProductInsight {
            product: title.to_lowercase(),
            title: title.to_owned(),
            units_ordered: 10,
            units_returned: returned,
            return_rate: f64::from(returned) / 10.0,
            reviews: u32::from(rating.is_some()) * 2,
            average_rating: rating,
            top_return_reasons: Vec::new(),
            comments: Vec::new(),
        }
    }

    #[test]
    fn one_row_per_product_with_accessible_words() {
        let svg = product_feedback_svg(&[
            product("Rain <Jacket>", Some(2.5), 4),
            product("Socks & more", None, 0),
        ]);
        let doc = parse(&svg);
        assert_eq!(count_class(&doc, "g", "product-row"), 2);
        assert_eq!(count_class(&doc, "rect", "rating-bar"), 1);
        assert_eq!(count_class(&doc, "rect", "return-bar"), 2);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap();
        assert!(desc.contains(
            "Rain <Jacket>: rated 2.5 of 5 from 2 reviews, 4 of 10 units returned (40%)"
        ));
        assert!(desc.contains("Socks & more: no reviews"));
    }

    #[test]
    fn empty_and_many() {
        let doc_svg = product_feedback_svg(&[]);
        assert!(parse(&doc_svg)
            .descendants()
            .any(|n| n.text() == Some("No product feedback yet")));
        let many: Vec<_> = (0..12)
            .map(|i| product(&format!("P{i}"), Some(4.0), i))
            .collect();
        let svg = product_feedback_svg(&many);
        assert_eq!(
            count_class(&parse(&svg), "g", "product-row"),
            PRODUCT_CHART_ROWS
        );
    }
}
