//! SQL lives here, behind plain async functions, so handlers, `seed-demo` and `import` share
//! one data path (the seed goes through the same validation and writes as the admin API).

pub mod branding;
pub mod calendar;
pub mod consent;
pub mod console;
pub mod demo_clock;
pub mod documents;
pub mod engagement;
pub mod idempotency;
pub mod insights;
pub mod miss_you;
pub mod notices;
pub mod orders;
pub mod outbox;
pub mod overview;
pub mod preferences;
pub mod privacy;
pub mod product_insights;
pub mod profile;
pub mod rate_limits;
pub mod requests;
pub mod returns;
pub mod reviews;
pub mod stores;
pub mod surveys;

/// A `LIKE … ESCAPE '\'` pattern matching text that contains `search` (lower-cased, as the
/// normalized columns it is used on): `%`, `_` and `\` in it are matched literally.
pub fn contains_pattern(search: &str) -> String {
    format!(
        "%{}%",
        search
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_wildcards_are_searched_literally() {
        assert_eq!(super::contains_pattern("A_b%c\\"), "%a\\_b\\%c\\\\%");
    }
}
