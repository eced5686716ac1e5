//! Server-rendered SVG charts for the survey and returns reports: pure functions from report
//! numbers to a standalone SVG document, so a merchant's page (or an email) can show them
//! with a plain `<img>` and no charting script, under a strict CSP.
//!
//! Every chart is `role="img"` with a `<title>` and a `<desc>` that state the numbers in
//! words for screen readers; colours are never the only carrier of meaning (numbers are
//! printed on bars and points, and a legend names the categories).
//!
//! One file per chart kind (`distribution`, `trend`, `returns`, `products`) and `svg` for what they
//! share; everything is re-exported here, so callers name `charts::…`.

mod distribution;
mod products;
mod returns;
mod svg;
#[cfg(test)]
mod test_support;
mod trend;

pub use distribution::{category_colour, distribution_svg};
pub use products::{
    product_feedback_size, product_feedback_svg, PRODUCT_CHART_ROWS, PRODUCT_CHART_WIDTH,
};
pub use returns::{
    returns_by_reason_svg, REASON_PALETTE, RETURNS_CHART_PRODUCTS, RETURNS_CHART_SIZE,
};
pub use svg::{contrast, esc, short_date, text_on};
pub use trend::trend_svg;
