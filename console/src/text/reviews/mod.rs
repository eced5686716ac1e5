//! The review area's texts (`/console/reviews` and its line on Today), kept in one enum of
//! their own so the area grows without crowding the console's main catalog; reached through
//! [`T::Reviews`](super::T::Reviews). Shopper-facing words (stars, "verified buyer", what a
//! rejected author reads) come from the shared catalog instead.

mod en;
mod es;
mod pt_br;

pub(super) use en::{en, flash_en};
pub(super) use es::{es, flash_es};
pub(super) use pt_br::{flash_pt_br, pt_br};

use crate::pages::review_import::ImportIssue;
use aftercare_shared::review::{RejectReason, ReviewStatus};

/// Every message of the review area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's name says what it is; the English file is its text.
pub enum Rv<'a> {
    // The queue.
    StatusTabs,
    Tab(ReviewStatus),
    ImportTab,
    Count(ReviewStatus, u64),
    NoneIn(ReviewStatus),
    Product(&'a str),
    By(&'a str),
    NotVerified,
    Written(&'a str),
    Edited(&'a str),
    RejectedBecause(RejectReason),
    Approve,
    ReasonLabel,
    ChooseReason,
    Reason(RejectReason),
    ReasonsHeading,
    NeutralHint,
    ReasonNeeded,
    ReplyHeading,
    ReplyLabel,
    ReplyHint(usize),
    SaveReply,
    DeleteReply,
    ReplyUpdated(&'a str),
    ReplyNeeded,
    ReplyTooLong(usize),
    // Today.
    TodayHeading,
    // Import and export.
    ImportHeading,
    ImportIntro,
    FormatLabel,
    CsvLabel,
    CsvHint(usize),
    ImportButton,
    ImportRefused(u64),
    ImportLine(u64, &'a str, ImportIssue),
    TooBig(usize),
    ResultHeading,
    RowsRead,
    ImportedCount,
    VerifiedCount,
    DuplicatesCount,
    ExportHeading,
    ExportHint,
    ExportLink,
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
pub(super) mod tests;
