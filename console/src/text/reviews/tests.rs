//! The review area's messages: every variant sampled (the console's catalog tests then check
//! each one in every language), plurals, interpolated values, and choices told apart.

use super::super::{t, T};
use super::Rv;
use crate::pages::review_import::ImportIssue;
use crate::ReviewFlash;
use aftercare_shared::review::{RejectReason, ReviewStatus};
use aftercare_shared::Locale;
use std::collections::BTreeSet;

const PRODUCT: &str = "Polarised Sunglasses";
const NAME: &str = "Dev P.";
const DATE: &str = "30 Nov 2026, 14:05 UTC";

fn issues() -> [ImportIssue; 11] {
    let _every_value_is_listed = |i: ImportIssue| match i {
        ImportIssue::Unreadable
        | ImportIssue::MissingColumn
        | ImportIssue::Rating
        | ImportIssue::Empty
        | ImportIssue::TooShort(_)
        | ImportIssue::TooLong(_)
        | ImportIssue::BadDate
        | ImportIssue::FutureDate
        | ImportIssue::UnknownProduct
        | ImportIssue::NoProduct
        | ImportIssue::Invalid => (),
    };
    [
        ImportIssue::Unreadable,
        ImportIssue::MissingColumn,
        ImportIssue::Rating,
        ImportIssue::Empty,
        ImportIssue::TooShort(10),
        ImportIssue::TooLong(120),
        ImportIssue::BadDate,
        ImportIssue::FutureDate,
        ImportIssue::UnknownProduct,
        ImportIssue::NoProduct,
        ImportIssue::Invalid,
    ]
}

/// How many variants [`Rv`] has.
const VARIANTS: usize = 44;

/// Each variant's number, in declaration order; exhaustive, so a new variant does not compile
/// until it is numbered here (then raise [`VARIANTS`] and add a sample to [`samples`]).
fn variant_index(m: &Rv<'_>) -> usize {
    match m {
        Rv::StatusTabs => 0,
        Rv::Tab(..) => 1,
        Rv::ImportTab => 2,
        Rv::Count(..) => 3,
        Rv::NoneIn(..) => 4,
        Rv::Product(..) => 5,
        Rv::By(..) => 6,
        Rv::NotVerified => 7,
        Rv::Written(..) => 8,
        Rv::Edited(..) => 9,
        Rv::RejectedBecause(..) => 10,
        Rv::Approve => 11,
        Rv::ReasonLabel => 12,
        Rv::ChooseReason => 13,
        Rv::Reason(..) => 14,
        Rv::ReasonsHeading => 15,
        Rv::NeutralHint => 16,
        Rv::ReasonNeeded => 17,
        Rv::ReplyHeading => 18,
        Rv::ReplyLabel => 19,
        Rv::ReplyHint(..) => 20,
        Rv::SaveReply => 21,
        Rv::DeleteReply => 22,
        Rv::ReplyUpdated(..) => 23,
        Rv::ReplyNeeded => 24,
        Rv::ReplyTooLong(..) => 25,
        Rv::TodayHeading => 26,
        Rv::ImportHeading => 27,
        Rv::ImportIntro => 28,
        Rv::FormatLabel => 29,
        Rv::CsvLabel => 30,
        Rv::CsvHint(..) => 31,
        Rv::ImportButton => 32,
        Rv::ImportRefused(..) => 33,
        Rv::ImportLine(..) => 34,
        Rv::TooBig(..) => 35,
        Rv::ResultHeading => 36,
        Rv::RowsRead => 37,
        Rv::ImportedCount => 38,
        Rv::VerifiedCount => 39,
        Rv::DuplicatesCount => 40,
        Rv::ExportHeading => 41,
        Rv::ExportHint => 42,
        Rv::ExportLink => 43,
    }
}

/// At least one sample of every variant, with every value of every enum a variant carries and
/// the counts 0, 1 and many; read by the console catalog's own tests too.
pub(in crate::text) fn samples() -> Vec<Rv<'static>> {
    let mut all = vec![Rv::StatusTabs, Rv::ImportTab];
    for st in ReviewStatus::ALL {
        all.extend([Rv::Tab(st), Rv::NoneIn(st)]);
        all.extend([0, 1, 3].map(|n| Rv::Count(st, n)));
    }
    all.extend([
        Rv::Product(PRODUCT),
        Rv::By(NAME),
        Rv::NotVerified,
        Rv::Written(DATE),
        Rv::Edited(DATE),
        Rv::Approve,
        Rv::ReasonLabel,
        Rv::ChooseReason,
        Rv::ReasonsHeading,
        Rv::NeutralHint,
        Rv::ReasonNeeded,
    ]);
    for r in RejectReason::ALL {
        all.extend([Rv::Reason(r), Rv::RejectedBecause(r)]);
    }
    all.extend([
        Rv::ReplyHeading,
        Rv::ReplyLabel,
        Rv::ReplyHint(2000),
        Rv::SaveReply,
        Rv::DeleteReply,
        Rv::ReplyUpdated(DATE),
        Rv::ReplyNeeded,
        Rv::ReplyTooLong(2000),
        Rv::TodayHeading,
        Rv::ImportHeading,
        Rv::ImportIntro,
        Rv::FormatLabel,
        Rv::CsvLabel,
        Rv::CsvHint(5),
        Rv::ImportButton,
        Rv::ImportRefused(1),
        Rv::ImportRefused(4),
        Rv::TooBig(5),
        Rv::ResultHeading,
        Rv::RowsRead,
        Rv::ImportedCount,
        Rv::VerifiedCount,
        Rv::DuplicatesCount,
        Rv::ExportHeading,
        Rv::ExportHint,
        Rv::ExportLink,
    ]);
    all.extend(issues().map(|i| Rv::ImportLine(3, "rating", i)));
    all
}

#[test]
fn every_review_variant_has_a_sample() {
    let seen: BTreeSet<usize> = samples().iter().map(variant_index).collect();
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen.contains(i)).collect();
    assert!(
        missing.is_empty(),
        "no sample of review variants {missing:?}"
    );
    assert_eq!(seen.len(), VARIANTS, "numbers beyond VARIANTS");
    assert_eq!(variant_index(&Rv::ExportLink), VARIANTS - 1);
}

#[test]
fn review_results_are_written_out_in_every_language() {
    for l in Locale::ALL {
        for f in ReviewFlash::ALL {
            let text = t(l, T::Flash(crate::Flash::Review(f)));
            assert!(text.ends_with('.'), "{l:?} {f:?}: {text}");
        }
    }
}

#[test]
fn review_counts_say_one_for_one_and_the_number_otherwise() {
    for l in Locale::ALL {
        for st in ReviewStatus::ALL {
            let [zero, one, many] = [0, 1, 7].map(|n| t(l, T::Reviews(Rv::Count(st, n))));
            assert!(
                one.starts_with("1 ") && many.starts_with("7 "),
                "{l:?}: {one}"
            );
            assert!(zero.starts_with("0 "), "{l:?}: {zero}");
            assert_ne!(one[2..], many[2..], "{l:?}: singular {many}");
            assert_eq!(zero[2..], many[2..], "{l:?}: singular {zero}");
        }
        let [one, many] = [1, 4].map(|n| t(l, T::Reviews(Rv::ImportRefused(n))));
        assert!(
            one.contains(" 1 ") && many.contains(" 4 "),
            "{l:?}: {one} / {many}"
        );
        assert_ne!(one.replace(" 1 ", " "), many.replace(" 4 ", " "), "{l:?}");
    }
}

#[test]
fn review_values_appear_in_every_language() {
    for l in Locale::ALL {
        let m = |msg: Rv<'static>| t(l, T::Reviews(msg));
        assert!(m(Rv::Product(PRODUCT)).contains(PRODUCT), "{l:?}");
        assert!(m(Rv::By(NAME)).contains(NAME), "{l:?}");
        for msg in [Rv::Written(DATE), Rv::Edited(DATE), Rv::ReplyUpdated(DATE)] {
            assert!(m(msg).contains(DATE), "{l:?} {msg:?}");
        }
        assert!(m(Rv::ReplyHint(2000)).contains(" 2000 "), "{l:?}");
        assert!(m(Rv::ReplyTooLong(2000)).contains(" 2000 "), "{l:?}");
        assert!(m(Rv::CsvHint(5)).contains(" 5 MB"), "{l:?}");
        assert!(m(Rv::TooBig(5)).contains(" 5 MB"), "{l:?}");
        for i in issues() {
            let line = m(Rv::ImportLine(17, "body", i));
            assert!(line.contains(" 17,") && line.contains("“body”"), "{line}");
        }
        assert!(m(Rv::ImportLine(3, "body", ImportIssue::TooShort(10))).contains(" 10 "));
        assert!(m(Rv::ImportLine(3, "body", ImportIssue::TooLong(120))).contains(" 120 "));
        for r in RejectReason::ALL {
            let label = m(Rv::Reason(r)).to_lowercase();
            assert!(m(Rv::RejectedBecause(r)).contains(&label), "{l:?} {r:?}");
        }
    }
}

#[test]
fn review_choices_shown_together_are_told_apart() {
    let groups: Vec<Vec<Rv<'static>>> = vec![
        RejectReason::ALL.map(Rv::Reason).to_vec(),
        ReviewStatus::ALL
            .map(Rv::Tab)
            .into_iter()
            .chain([Rv::ImportTab])
            .collect(),
        issues().map(|i| Rv::ImportLine(2, "body", i)).to_vec(),
        vec![
            Rv::Approve,
            Rv::SaveReply,
            Rv::DeleteReply,
            Rv::ImportButton,
        ],
    ];
    for l in Locale::ALL {
        for group in &groups {
            let texts: Vec<String> = group.iter().map(|m| t(l, T::Reviews(*m))).collect();
            let unique: BTreeSet<&String> = texts.iter().collect();
            assert_eq!(unique.len(), texts.len(), "{l:?}: {texts:?}");
        }
        let flashes: BTreeSet<String> = ReviewFlash::ALL
            .map(|f| t(l, T::Flash(crate::Flash::Review(f))))
            .into_iter()
            .collect();
        assert_eq!(flashes.len(), ReviewFlash::ALL.len(), "{l:?}");
    }
}
