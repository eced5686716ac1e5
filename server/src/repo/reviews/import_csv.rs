//! Reading review exports of other apps (Judge.me, Okendo) into rows the importer can store,
//! checking every row by the shared review rules first, so a bad file is refused whole with
//! every bad line named.
//!
//! Columns are found by header name, case-insensitively and ignoring spaces, `_` and `-`
//! (`Reviewer Name` = `reviewer_name`), each under several aliases, because neither app
//! publishes a stable schema:
//! - Judge.me's "Export reviews" CSV (as documented by Judge.me's help centre and seen in
//!   merchants' exports): `title, body, rating, review_date, source, curated, reviewer_name,
//!   reviewer_email, product_id, product_handle, reply, reply_date, picture_urls, ip_address,
//!   location`. It has no review id, so a row's identity is a hash of its content. `curated`
//!   `ok` means published.
//! - Okendo's export: NOT verified against a real export (only Okendo's import template,
//!   `name, body, handle, productId, rating, sku, dateCreated, email, title, …`, and its API's
//!   field names `reviewId, productId, productName, rating, title, body, reviewer.name,
//!   reviewer.email, dateCreated, status, reply.body`, could be checked). The aliases accept
//!   both spellings (`Review ID` / `reviewId`, `Reviewer Name` / `name`, …). `Status`
//!   `approved` or `published` means published.
//!
//! Anything else (pending, spam, not-yet, hidden, no status column) is imported `pending`,
//! for the store to moderate.

use aftercare_shared::api::ImportFormat;
use aftercare_shared::review::{MAX_BODY, MAX_DISPLAY_NAME, MAX_REPLY, MAX_TITLE, MIN_BODY};
use aftercare_shared::time::days_from_civil;
use aftercare_shared::{FieldError, FieldIssue, Timestamp};
use sha2::{Digest, Sha256};

/// The display name stored when a row has none (the feed marks such reviewers anonymous).
pub const ANONYMOUS: &str = "Anonymous";

/// One review read from a file, checked, its product not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Line of the file it starts on (1 = the header).
    pub line: u64,
    /// Its id in the source, or `h:` and a hash of its content.
    pub external_id: String,
    /// `sku` column.
    pub sku: Option<String>,
    /// `product_handle` / `handle` column.
    pub handle: Option<String>,
    /// `product_id` column.
    pub product_id: Option<String>,
    /// 1–5.
    pub rating: u8,
    /// Headline (the body's first words when the export has none).
    pub title: String,
    /// Text.
    pub body: String,
    /// Shown name ([`ANONYMOUS`] when blank).
    pub display_name: String,
    /// Reviewer's email, lower-cased (decides "verified").
    pub email: Option<String>,
    /// Written at (Unix ms).
    pub created_at_ms: i64,
    /// The source had it published.
    pub published: bool,
    /// The store's public reply.
    pub reply: Option<String>,
    /// When the reply was written (Unix ms).
    pub reply_at_ms: Option<i64>,
}

/// The logical columns and the header names (normalised) each may have.
const ALIASES: &[(&str, &[&str])] = &[
    ("id", &["reviewid", "id", "externalid"]),
    ("sku", &["sku", "productsku", "variantsku"]),
    ("handle", &["producthandle", "handle"]),
    ("product_id", &["productid", "shopifyproductid"]),
    ("rating", &["rating", "stars", "reviewrating"]),
    ("title", &["title", "reviewtitle"]),
    ("body", &["body", "reviewbody", "content", "review"]),
    (
        "name",
        &[
            "reviewername",
            "name",
            "reviewerdisplayname",
            "displayname",
            "author",
        ],
    ),
    ("email", &["revieweremail", "email"]),
    ("date", &["reviewdate", "datecreated", "createdat", "date"]),
    ("status", &["curated", "status", "moderationstatus"]),
    (
        "reply",
        &["reply", "replybody", "merchantreply", "replycontent"],
    ),
    (
        "reply_date",
        &["replydate", "replydatecreated", "replycreatedat"],
    ),
];

fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each logical column is in the file's header.
struct Columns(Vec<(&'static str, usize)>);

impl Columns {
    fn new(headers: &csv::StringRecord) -> Self {
        let names: Vec<String> = headers.iter().map(normalise).collect();
        Self(
            ALIASES
                .iter()
                .filter_map(|(logical, aliases)| {
                    aliases
                        .iter()
                        .find_map(|a| names.iter().position(|n| n == a))
                        .map(|i| (*logical, i))
                })
                .collect(),
        )
    }

    fn has(&self, logical: &str) -> bool {
        self.0.iter().any(|(l, _)| *l == logical)
    }

    fn get<'r>(&self, rec: &'r csv::StringRecord, logical: &str) -> Option<&'r str> {
        let i = self.0.iter().find(|(l, _)| *l == logical)?.1;
        rec.get(i).map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A date as exports write them: RFC 3339, `YYYY-MM-DD HH:MM[:SS][ UTC]` (taken as UTC),
/// `YYYY-MM-DD` or `YYYY/MM/DD` (midnight UTC).
pub fn parse_date(raw: &str) -> Option<i64> {
    let s = raw.trim();
    if let Ok(t) = Timestamp::parse(s) {
        return Some(t.utc_ms);
    }
    let s = s.strip_suffix(" UTC").unwrap_or(s).trim();
    let (date, time) = s.split_once(['T', ' ']).unwrap_or((s, ""));
    let mut d = date.split(['-', '/']).map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    if d.next().is_some() || !(1970..=9999).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut t = time.split(':').filter(|p| !p.is_empty()).map(|p| {
        p.split('.')
            .next()
            .and_then(|whole| whole.parse::<i64>().ok())
    });
    let h = t.next().map_or(Some(0), |v| v)?;
    let mi = t.next().map_or(Some(0), |v| v)?;
    let sec = t.next().map_or(Some(0), |v| v)?;
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    Some((days_from_civil(y, m, day) * 86_400 + h * 3600 + mi * 60 + sec) * 1000)
}

fn published(format: ImportFormat, status: Option<&str>) -> bool {
    let s = status.unwrap_or_default().trim().to_ascii_lowercase();
    match format {
        ImportFormat::Judgeme => matches!(s.as_str(), "ok" | "published" | "true" | "yes"),
        ImportFormat::Okendo => matches!(s.as_str(), "approved" | "published"),
    }
}

/// The body's first words as a title, for exports without one (Judge.me allows none): its
/// first sentence, cut at a word boundary to at most 60 characters.
fn title_from(body: &str) -> String {
    let first = body
        .split(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(body)
        .trim();
    if first.chars().count() <= 60 {
        return first.to_owned();
    }
    let cut: String = first.chars().take(59).collect();
    let head = cut.rsplit_once(' ').map_or(cut.as_str(), |(h, _)| h);
    format!("{}…", head.trim_end())
}

fn content_id(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let hex: String = h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("h:{hex}")
}

/// Collects a file's problems as `lines[N].column` fields.
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, line: u64, column: &str, issue: FieldIssue, msg: impl Into<String>) {
        self.0.push(FieldError::new(
            format!("lines[{line}].{column}"),
            issue,
            format!("line {line}: {}", msg.into()),
        ));
    }
}

fn length(p: &mut Problems, line: u64, column: &str, value: &str, min: usize, max: usize) {
    let n = value.chars().count();
    if n < min {
        p.add(
            line,
            column,
            if n == 0 {
                FieldIssue::Required
            } else {
                FieldIssue::OutOfRange
            },
            format!("{column} needs at least {min} characters"),
        );
    } else if n > max {
        p.add(
            line,
            column,
            FieldIssue::TooLong,
            format!("{column} has more than {max} characters"),
        );
    }
}

/// Read `text` as `format`'s export: every row checked, or every problem found (at least
/// one when the file is empty or cannot be read).
pub fn parse(format: ImportFormat, text: &str) -> Result<Vec<ImportRow>, Vec<FieldError>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut p = Problems(Vec::new());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            p.add(1, "header", FieldIssue::InvalidFormat, e.to_string());
            return Err(p.0);
        }
    };
    let cols = Columns::new(&headers);
    for needed in ["rating", "body"] {
        if !cols.has(needed) {
            p.add(
                1,
                needed,
                FieldIssue::Required,
                format!("no {needed} column"),
            );
        }
    }
    if !(cols.has("sku") || cols.has("handle") || cols.has("product_id")) {
        p.add(
            1,
            "sku",
            FieldIssue::Required,
            "no sku, product_handle or product_id column",
        );
    }
    if !p.0.is_empty() {
        return Err(p.0);
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                p.add(line, "row", FieldIssue::InvalidFormat, e.to_string());
                continue;
            }
        };
        let line = rec.position().map_or(0, csv::Position::line);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = p.0.len();
        let get = |c: &str| cols.get(&rec, c);
        let rating = get("rating")
            .and_then(|r| r.parse::<f64>().ok())
            .filter(|r| r.fract() == 0.0 && (1.0..=5.0).contains(r))
            .map(|r| r as u8);
        if rating.is_none() {
            p.add(
                line,
                "rating",
                FieldIssue::OutOfRange,
                "rating must be 1 to 5",
            );
        }
        let body = get("body").unwrap_or_default().to_owned();
        length(&mut p, line, "body", &body, MIN_BODY, MAX_BODY);
        let title = get("title").map_or_else(|| title_from(&body), str::to_owned);
        length(&mut p, line, "title", &title, 1, MAX_TITLE);
        let display_name = get("name").unwrap_or(ANONYMOUS).to_owned();
        length(&mut p, line, "name", &display_name, 1, MAX_DISPLAY_NAME);
        let (sku, handle, product_id) = (get("sku"), get("handle"), get("product_id"));
        if sku.or(handle).or(product_id).is_none() {
            p.add(
                line,
                "sku",
                FieldIssue::Required,
                "no sku, handle or product id",
            );
        }
        let created_at_ms = get("date").and_then(parse_date);
        if created_at_ms.is_none() {
            p.add(
                line,
                "date",
                FieldIssue::InvalidFormat,
                "missing or unreadable date",
            );
        }
        let reply = get("reply").map(str::to_owned);
        if let Some(r) = &reply {
            length(&mut p, line, "reply", r, 1, MAX_REPLY);
        }
        let reply_at_ms = match get("reply_date") {
            None => None,
            Some(d) => {
                let ms = parse_date(d);
                if ms.is_none() {
                    p.add(
                        line,
                        "reply_date",
                        FieldIssue::InvalidFormat,
                        "unreadable date",
                    );
                }
                ms
            }
        };
        let email = get("email").map(str::to_lowercase);
        if p.0.len() > before {
            continue;
        }
        let (Some(rating), Some(created_at_ms)) = (rating, created_at_ms) else {
            continue;
        };
        let external_id = get("id").map_or_else(
            || {
                content_id(&[
                    sku.or(handle).or(product_id).unwrap_or_default(),
                    email.as_deref().unwrap_or_default(),
                    get("date").unwrap_or_default(),
                    &rating.to_string(),
                    &title,
                    &body,
                ])
            },
            str::to_owned,
        );
        rows.push(ImportRow {
            line,
            external_id,
            sku: sku.map(str::to_owned),
            handle: handle.map(str::to_owned),
            product_id: product_id.map(str::to_owned),
            rating,
            title,
            body,
            display_name,
            email,
            created_at_ms,
            published: published(format, get("status")),
            reply,
            reply_at_ms,
        });
    }
    if p.0.is_empty() {
        Ok(rows)
    } else {
        Err(p.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_export_formats() {
        let day = parse_date("2024-03-05").unwrap();
        assert_eq!(parse_date("2024/03/05"), Some(day));
        assert_eq!(parse_date("2024-03-05 00:00:00 UTC"), Some(day));
        assert_eq!(parse_date("2024-03-05T01:00:00+01:00"), Some(day));
        assert_eq!(parse_date("2024-03-05 10:30"), Some(day + 37_800_000));
        assert_eq!(parse_date("2024-13-05"), None);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn headers_match_case_and_punctuation_insensitively() {
        let csv = "\u{feff}Review ID,SKU,Rating,Title,Body,Reviewer Name,Reviewer Email,Date Created,Status\n\
                   r1,A-1,5,Nice,Really nice and warm.,Jo,JO@X.COM,2024-01-02,approved\n";
        let rows = parse(ImportFormat::Okendo, csv).unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (r.external_id.as_str(), r.sku.as_deref(), r.email.as_deref()),
            ("r1", Some("A-1"), Some("jo@x.com"))
        );
        assert!(r.published);
        assert_eq!(r.line, 2);
    }

    #[test]
    fn every_bad_line_is_named() {
        let csv = "title,body,rating,review_date,curated,reviewer_name,product_handle\n\
                   ,Fine product overall.,4,2024-01-02,ok,,bottle\n\
                   Bad,short,9,never,ok,Al,bottle\n\
                   Ok,Long enough text.,3,2024-01-02,not-yet,Al,\n";
        let errs = parse(ImportFormat::Judgeme, csv).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "lines[3].rating",
                "lines[3].body",
                "lines[3].date",
                "lines[4].sku"
            ]
        );
    }

    #[test]
    fn missing_title_and_name_are_derived_and_identity_is_stable() {
        let csv = "title,body,rating,review_date,curated,reviewer_name,product_handle\n\
                   ,Fine product overall. Would buy again,4,2024-01-02,ok,,bottle\n";
        let a = parse(ImportFormat::Judgeme, csv).unwrap();
        let b = parse(ImportFormat::Judgeme, csv).unwrap();
        assert_eq!(a[0].title, "Fine product overall");
        assert_eq!(a[0].display_name, ANONYMOUS);
        assert!(a[0].external_id.starts_with("h:"));
        assert_eq!(a[0].external_id, b[0].external_id);
        assert!(a[0].published);
    }
}
