//! Importing another app's review export (pasted CSV; the same importer as the admin API's
//! `POST /v1/admin/reviews/import`) and exporting every review as CSV. A file with any bad
//! line is refused whole, so the page lists every bad line and imports nothing.

use super::reviews::tabs;
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{Rv, T};
use aftercare_shared::api::{ImportFormat, ImportReport};
use maud::{html, Markup};

/// What is wrong with one line of an imported file, in words the console translates (the
/// importer names each problem by column and kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportIssue {
    /// The line is not readable CSV.
    Unreadable,
    /// The header lacks a column the importer needs.
    MissingColumn,
    /// The rating is not a whole number from 1 to 5.
    Rating,
    /// A needed value is empty.
    Empty,
    /// A text is shorter than this many characters.
    TooShort(usize),
    /// A text is longer than this many characters.
    TooLong(usize),
    /// The date is missing or unreadable.
    BadDate,
    /// The date is in the future.
    FutureDate,
    /// No product of the store matches the line.
    UnknownProduct,
    /// The line names no product at all.
    NoProduct,
    /// Anything else.
    Invalid,
}

/// One bad line of a refused file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Line of the file (1 = the header).
    pub line: u64,
    /// The column, as the importer names it (`rating`, `body`, `date`, …).
    pub column: String,
    /// What is wrong.
    pub issue: ImportIssue,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefusal {
    /// These lines are wrong.
    Problems(Vec<ImportProblem>),
    /// The text is larger than this many megabytes.
    TooBig(usize),
}

/// The form as the reader filled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportForm {
    /// Which app the export comes from.
    pub format: ImportFormat,
    /// The pasted CSV.
    pub csv: String,
}

impl Default for ImportForm {
    fn default() -> Self {
        Self {
            format: ImportFormat::Judgeme,
            csv: String::new(),
        }
    }
}

/// The brand name of an export format (the same in every language).
pub fn format_name(f: ImportFormat) -> &'static str {
    match f {
        ImportFormat::Judgeme => "Judge.me",
        ImportFormat::Okendo => "Okendo",
    }
}

/// The import and export page: the form (with what was typed when refused), the result of
/// the import that led here, and the export link. `max_mb` is the largest file accepted.
pub fn import_page(
    ctx: &Ctx,
    form: &ImportForm,
    report: Option<&ImportReport>,
    refused: Option<&ImportRefusal>,
    max_mb: usize,
) -> Markup {
    let r = |m: Rv<'_>| ctx.t(T::Reviews(m));
    let title = ctx.t(T::AreaName(Area::Reviews));
    let body = html! {
        (tabs(ctx, None))
        @if let Some(rep) = report {
            section aria-labelledby="result-h" {
                h2 id="result-h" { (r(Rv::ResultHeading)) }
                dl class="facts" {
                    dt { (r(Rv::FormatLabel)) } dd { (format_name(rep.format)) }
                    dt { (r(Rv::RowsRead)) } dd { (rep.rows) }
                    dt { (r(Rv::ImportedCount)) } dd { (rep.imported) }
                    dt { (r(Rv::VerifiedCount)) } dd { (rep.verified) }
                    dt { (r(Rv::DuplicatesCount)) } dd { (rep.duplicates) }
                }
            }
        }
        section aria-labelledby="import-h" {
            h2 id="import-h" { (r(Rv::ImportHeading)) }
            p class="hint" { (r(Rv::ImportIntro)) }
            @match refused {
                Some(ImportRefusal::Problems(list)) => {
                    div class="alert" role="alert" {
                        p { (r(Rv::ImportRefused(list.len() as u64))) }
                        ul {
                            @for p in list { li { (r(Rv::ImportLine(p.line, &p.column, p.issue))) } }
                        }
                    }
                }
                Some(ImportRefusal::TooBig(mb)) => { div class="alert" role="alert" { (r(Rv::TooBig(*mb))) } }
                None => {}
            }
            form method="post" action="/console/reviews/import" class="stack wide" {
                (csrf(ctx))
                label for="format" { (r(Rv::FormatLabel)) }
                select id="format" name="format" {
                    @for f in [ImportFormat::Judgeme, ImportFormat::Okendo] {
                        option value=(f.as_str()) selected[f == form.format] { (format_name(f)) }
                    }
                }
                label for="csv" { (r(Rv::CsvLabel)) }
                textarea id="csv" name="csv" rows="12" required spellcheck="false"
                    aria-describedby="csv-hint" aria-invalid=[refused.map(|_| "true")] { (form.csv) }
                p class="hint" id="csv-hint" { (r(Rv::CsvHint(max_mb))) }
                button type="submit" class="primary" { (r(Rv::ImportButton)) }
            }
        }
        section aria-labelledby="export-h" {
            h2 id="export-h" { (r(Rv::ExportHeading)) }
            p class="hint" { (r(Rv::ExportHint)) }
            p { a href="/console/reviews/export.csv" download { (r(Rv::ExportLink)) } }
        }
    };
    page(ctx, Area::Reviews, &title, body)
}
