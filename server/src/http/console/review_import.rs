//! `/console/reviews/import` and `/console/reviews/export.csv`: another app's review export
//! pasted in and imported by the same importer as `POST /v1/admin/reviews/import` (all lines
//! or none, each bad line named), and every review out as the same CSV as
//! `GET /v1/admin/reviews/export.csv`.

use super::extract::{Console, Posted};
use super::reject::ConsoleResult;
use crate::error::Error;
use crate::http::plumbing::{csv_response, CONSOLE_REVIEW_IMPORT_BYTES, REVIEW_IMPORT_BYTES};
use crate::repo::console::{audit, reviews as counts};
use crate::repo::reviews as repo;
use crate::state::AppState;
use aftercare_console::pages::review_import::{
    import_page, ImportForm, ImportIssue, ImportProblem, ImportRefusal,
};
use aftercare_console::{Area, Flash, ReviewFlash};
use aftercare_shared::api::{ImportFormat, ImportReport};
use aftercare_shared::review::{MAX_BODY, MAX_DISPLAY_NAME, MAX_REPLY, MAX_TITLE, MIN_BODY};
use aftercare_shared::{FieldError, FieldIssue};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The largest file, in megabytes, as the page states it.
const MAX_MB: usize = REVIEW_IMPORT_BYTES / (1024 * 1024);

/// Query of the import page: after an import, what it did (from the redirect).
#[derive(Debug, Default, Deserialize)]
pub struct ImportQuery {
    format: Option<String>,
    rows: Option<u32>,
    imported: Option<u32>,
    verified: Option<u32>,
    duplicates: Option<u32>,
}

impl ImportQuery {
    fn report(&self) -> Option<ImportReport> {
        Some(ImportReport {
            format: ImportFormat::from_wire(self.format.as_deref()?)?,
            rows: self.rows?,
            imported: self.imported?,
            verified: self.verified?,
            duplicates: self.duplicates?,
        })
    }
}

/// The import form, the export link, and the result of the import that led here.
pub async fn page(c: Console, Query(q): Query<ImportQuery>) -> ConsoleResult<Html<String>> {
    c.require(Area::Reviews)?;
    let report = (c.ctx.flash == Some(Flash::Review(ReviewFlash::Imported)))
        .then(|| q.report())
        .flatten();
    let form = ImportForm::default();
    Ok(Html(
        import_page(&c.ctx, &form, report.as_ref(), None, MAX_MB).into_string(),
    ))
}

/// Form of an import.
#[derive(Debug, Deserialize)]
pub struct ImportPost {
    #[serde(default)]
    format: String,
    #[serde(default)]
    csv: String,
}

/// What the console says about one of the importer's field errors (`lines[N].column`).
pub fn problem_of(e: &FieldError) -> ImportProblem {
    let (line, column) = e
        .field
        .strip_prefix("lines[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(n, col)| Some((n.parse::<u64>().ok()?, col.to_owned())))
        .unwrap_or((0, e.field.clone()));
    let max = |col: &str| match col {
        "body" => MAX_BODY,
        "title" => MAX_TITLE,
        "name" => MAX_DISPLAY_NAME,
        _ => MAX_REPLY,
    };
    let issue = match (column.as_str(), e.issue) {
        ("header" | "row", _) => ImportIssue::Unreadable,
        (_, FieldIssue::Required) if line == 1 => ImportIssue::MissingColumn,
        ("rating", _) => ImportIssue::Rating,
        ("sku", FieldIssue::UnknownReference) => ImportIssue::UnknownProduct,
        ("sku", FieldIssue::Required) => ImportIssue::NoProduct,
        ("date" | "reply_date", FieldIssue::OutOfRange) => ImportIssue::FutureDate,
        ("date" | "reply_date", _) => ImportIssue::BadDate,
        (_, FieldIssue::Required) => ImportIssue::Empty,
        ("body", FieldIssue::OutOfRange) => ImportIssue::TooShort(MIN_BODY),
        (col, FieldIssue::TooLong) => ImportIssue::TooLong(max(col)),
        _ => ImportIssue::Invalid,
    };
    ImportProblem {
        line,
        column,
        issue,
    }
}

/// Import a pasted export: on success back to the page with its result; refused, the page
/// again with the text kept and every bad line listed.
pub async fn import(
    State(state): State<AppState>,
    posted: Posted<ImportPost, CONSOLE_REVIEW_IMPORT_BYTES>,
) -> ConsoleResult<Response> {
    let Posted { console: c, form } = posted;
    c.require(Area::Reviews)?;
    let Some(format) = ImportFormat::from_wire(form.format.trim()) else {
        return Err(c.not_found(Area::Reviews));
    };
    let refuse = |status: StatusCode, csv: String, why: ImportRefusal| {
        let typed = ImportForm { format, csv };
        let html = import_page(&c.ctx, &typed, None, Some(&why), MAX_MB).into_string();
        Ok((status, Html(html)).into_response())
    };
    if form.csv.len() > REVIEW_IMPORT_BYTES {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            String::new(),
            ImportRefusal::TooBig(MAX_MB),
        );
    }
    let now = crate::util::now_ms();
    let mut conn = state.db.pool.acquire().await?;
    let before = counts::count(&mut conn, c.store.id).await?;
    drop(conn);
    // Browsers send a textarea's line breaks as CRLF whatever was pasted; the file had its own.
    let csv = form.csv.replace("\r\n", "\n");
    let report = match repo::import(&state.db, c.store.id, format, &csv, now).await {
        Ok(r) => r,
        Err(Error::Api(api)) if !api.fields.is_empty() => {
            let problems = api.fields.iter().map(problem_of).collect();
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                form.csv,
                ImportRefusal::Problems(problems),
            );
        }
        Err(e) => return Err(e.into()),
    };
    let mut conn = state.db.pool.acquire().await?;
    let after = counts::count(&mut conn, c.store.id).await?;
    drop(conn);
    let mut after_json =
        serde_json::to_value(&report).map_err(|e| Error::internal(e.to_string()))?;
    after_json["reviews"] = serde_json::json!(after);
    audit::record(
        &state.db,
        &c.actor(),
        "reviews.imported",
        &format!("{} CSV", format.as_str()),
        Some(serde_json::json!({ "reviews": before })),
        Some(after_json),
        now,
    )
    .await?;
    let to = format!(
        "/console/reviews/import?done={}&format={}&rows={}&imported={}&verified={}&duplicates={}",
        Flash::Review(ReviewFlash::Imported).code(),
        format.as_str(),
        report.rows,
        report.imported,
        report.verified,
        report.duplicates
    );
    Ok(Redirect::to(&to).into_response())
}

/// Every review of the store as CSV (the admin API's export).
pub async fn export(State(state): State<AppState>, c: Console) -> ConsoleResult<Response> {
    c.require(Area::Reviews)?;
    let mut conn = state.db.pool.acquire().await?;
    let csv = repo::export(&mut conn, c.store.id).await?;
    Ok(csv_response("reviews.csv", csv))
}
