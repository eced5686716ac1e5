//! The responses CSV export: RFC 4180, and safe to open in a spreadsheet.

use super::report::ResponseRecord;
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Timestamp;

/// One CSV cell: RFC 4180 quoting (quotes doubled, quoted when it holds a comma, quote or line
/// break) and spreadsheet-formula neutralising (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` in front, so Excel or Sheets never evaluates a shopper's comment).
pub fn csv_cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The CSV header row's columns.
pub const CSV_COLUMNS: [&str; 12] = [
    "response_id",
    "created_at",
    "updated_at",
    "kind",
    "score",
    "category",
    "comment",
    "wants_contact",
    "followed_up_at",
    "order_number",
    "email",
    "subject",
];

/// The export's file name (`nps-responses.csv`).
pub fn csv_filename(kind: SurveyKind) -> String {
    format!("{}-responses.csv", kind.as_str())
}

/// Every response as CSV (header row, CRLF line ends, RFC 4180), oldest first.
pub fn to_csv(kind: SurveyKind, rows: &[ResponseRecord]) -> String {
    let ts = |ms: i64| Timestamp::from_utc_ms(ms, 0).to_string();
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.id.clone(),
            ts(r.created_at_ms),
            ts(r.updated_at_ms),
            kind.as_str().to_owned(),
            r.score.to_string(),
            r.category.clone(),
            r.comment.clone().unwrap_or_default(),
            if r.wants_contact != 0 { "yes" } else { "no" }.to_owned(),
            r.followed_up_at_ms.map(ts).unwrap_or_default(),
            r.order_number.clone().unwrap_or_default(),
            r.email.clone().unwrap_or_default(),
            r.subject_key.clone(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(
            csv_cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_cell("a=b"), "a=b");
    }
}
