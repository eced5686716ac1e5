//! The review area in English.

use super::{plural, Rv};
use crate::ctx::ReviewFlash as F;
use crate::pages::review_import::ImportIssue as I;
use aftercare_shared::review::{RejectReason as R, ReviewStatus as S};

/// `msg` in English.
pub(in crate::text) fn en(msg: Rv<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        Rv::StatusTabs => s("Reviews by status"),
        Rv::Tab(st) => s(match st {
            S::Pending => "To moderate",
            S::Published => "Published",
            S::Rejected => "Rejected",
        }),
        Rv::ImportTab => s("Import and export"),
        Rv::Count(st, n) => match st {
            S::Pending => plural(n, "review waiting for moderation", "reviews waiting for moderation"),
            S::Published => plural(n, "published review", "published reviews"),
            S::Rejected => plural(n, "rejected review", "rejected reviews"),
        },
        Rv::NoneIn(st) => s(match st {
            S::Pending => "No reviews are waiting for moderation.",
            S::Published => "No reviews are published yet.",
            S::Rejected => "No reviews have been rejected.",
        }),
        Rv::Product(p) => format!("Product: {p}"),
        Rv::By(name) => format!("By {name}"),
        Rv::NotVerified => s("Not a verified buyer"),
        Rv::Written(d) => format!("Written {d}"),
        Rv::Edited(d) => format!("edited {d}"),
        Rv::RejectedBecause(r) => format!("Rejected: {}.", reason(r).to_lowercase()),
        Rv::Approve => s("Approve and publish"),
        Rv::ReasonLabel => s("Reason for not publishing"),
        Rv::ChooseReason => s("Choose a reason…"),
        Rv::Reason(r) => s(reason(r)),
        Rv::ReasonsHeading => s("What the author reads for each reason"),
        Rv::NeutralHint => s("Reviews are never rejected for being negative or for their rating: only for what is wrong with their content."),
        Rv::ReasonNeeded => s("Choose a reason: the author reads it."),
        Rv::ReplyHeading => s("Public reply"),
        Rv::ReplyLabel => s("Reply under this review"),
        Rv::ReplyHint(n) => format!("Shown on the product page under the review once it is published. Up to {n} characters."),
        Rv::SaveReply => s("Save reply"),
        Rv::DeleteReply => s("Delete reply"),
        Rv::ReplyUpdated(d) => format!("Last changed {d}"),
        Rv::ReplyNeeded => s("Write the reply first. To remove a reply, use Delete reply."),
        Rv::ReplyTooLong(n) => format!("The reply is too long: use at most {n} characters."),
        Rv::TodayHeading => s("Reviews waiting for moderation"),
        Rv::ImportHeading => s("Import reviews from another app"),
        Rv::ImportIntro => s("Paste the CSV export of Judge.me or Okendo. The whole file is checked first: if any line is wrong, nothing is imported and every wrong line is listed. Importing the same file again adds nothing."),
        Rv::FormatLabel => s("Exported from"),
        Rv::CsvLabel => s("Contents of the CSV file"),
        Rv::CsvHint(mb) => format!("Open the exported file in a text editor, copy everything, and paste it here. At most {mb} MB."),
        Rv::ImportButton => s("Import reviews"),
        Rv::ImportRefused(n) => format!(
            "Nothing was imported: {} in the file. Fix them and import it again.",
            plural(n, "problem", "problems")
        ),
        Rv::ImportLine(line, column, issue) => format!("Line {line}, column “{column}”: {}.", issue_text(issue)),
        Rv::TooBig(mb) => format!("The file is too large: at most {mb} MB per import. Split it and import each part."),
        Rv::ResultHeading => s("Result of the import"),
        Rv::RowsRead => s("Lines read"),
        Rv::ImportedCount => s("Reviews added"),
        Rv::VerifiedCount => s("Of those, verified buyers"),
        Rv::DuplicatesCount => s("Already here, left alone"),
        Rv::ExportHeading => s("Export"),
        Rv::ExportHint => s("Every review of the store in every status, with replies, oldest first."),
        Rv::ExportLink => s("Download every review (CSV)"),
    }
}

/// A review result in English.
pub(in crate::text) fn flash_en(f: F) -> String {
    match f {
        F::Approved => "Review approved: it is on the product page now.",
        F::Rejected => "Review rejected: the author sees the reason.",
        F::ReplySaved => "Reply saved: it shows under the review once it is published.",
        F::ReplyDeleted => "Reply deleted.",
        F::Imported => "Import finished: the result is below.",
    }
    .to_owned()
}

fn reason(r: R) -> &'static str {
    match r {
        R::Spam => "Spam or advertising",
        R::OffTopic => "Off topic",
        R::PersonalData => "Contains personal data",
        R::Offensive => "Offensive language",
        R::NotAboutProduct => "About delivery or the store",
    }
}

fn issue_text(i: I) -> String {
    match i {
        I::Unreadable => "the line cannot be read as CSV".to_owned(),
        I::MissingColumn => "the file has no such column".to_owned(),
        I::Rating => "the rating must be a whole number from 1 to 5".to_owned(),
        I::Empty => "it is empty".to_owned(),
        I::TooShort(n) => format!("it needs at least {n} characters"),
        I::TooLong(n) => format!("it has more than {n} characters"),
        I::BadDate => "the date is missing or cannot be read".to_owned(),
        I::FutureDate => "the date is in the future".to_owned(),
        I::UnknownProduct => "the store has no product with this SKU, handle or id".to_owned(),
        I::NoProduct => "the line names no SKU, handle or product id".to_owned(),
        I::Invalid => "the value is not valid".to_owned(),
    }
}
