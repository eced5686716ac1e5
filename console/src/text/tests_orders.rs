//! The Orders and Insights texts ([`O`]): every variant sampled (the samples join
//! `tests.rs`'s `every()`, so its checks — none empty, none left in English, punctuation
//! alike — cover them too), plurals and interpolated values in every language.

use super::{t, O, T};
use aftercare_shared::Locale;
use std::collections::BTreeSet;

/// How many variants [`O`] has; [`variant_index`] numbers them `0..VARIANTS`.
const VARIANTS: usize = 39;

/// A distinct number per variant; exhaustive, so a new variant does not compile until it is
/// numbered here (then raise [`VARIANTS`] and add a sample to [`every`]).
fn variant_index(m: &O<'_>) -> usize {
    match m {
        O::SearchLabel => 0,
        O::SearchHint => 1,
        O::Find => 2,
        O::NoOrders => 3,
        O::Newest => 4,
        O::Results(..) => 5,
        O::PlacedColumn => 6,
        O::TotalColumn => 7,
        O::ParcelsColumn => 8,
        O::BackToOrders => 9,
        O::StoreOnly => 10,
        O::CustomerId => 11,
        O::Guest => 12,
        O::ViewsLastDay => 13,
        O::OrderReturns => 14,
        O::NoOrderReturns => 15,
        O::OrderRequests => 16,
        O::NoOrderRequests => 17,
        O::ShopperView => 18,
        O::ShopperViewHint => 19,
        O::NeedsScript => 20,
        O::ProductsHeading => 21,
        O::ProductsHint => 22,
        O::NoProducts => 23,
        O::Rating(..) => 24,
        O::NoReviews => 25,
        O::Ordered(..) => 26,
        O::Returned(..) => 27,
        O::ReturnRate(..) => 28,
        O::ReasonsHeading => 29,
        O::ReasonUnits(..) => 30,
        O::CommentsHeading => 31,
        O::FeedbackChartAlt => 32,
        O::FeedbackChartCaption => 33,
        O::ReasonsChartAlt => 34,
        O::ReasonsChartCaption => 35,
        O::AnxietyHeading => 36,
        O::AnxietyHint(..) => 37,
        O::NoAnxious => 38,
    }
}

/// At least one sample of every variant, with the counts 0, 1 and many for plurals.
pub(super) fn every() -> Vec<O<'static>> {
    let mut all = vec![
        O::SearchLabel,
        O::SearchHint,
        O::Find,
        O::NoOrders,
        O::Newest,
        O::Results("ana@"),
        O::PlacedColumn,
        O::TotalColumn,
        O::ParcelsColumn,
        O::BackToOrders,
        O::StoreOnly,
        O::CustomerId,
        O::Guest,
        O::ViewsLastDay,
        O::OrderReturns,
        O::NoOrderReturns,
        O::OrderRequests,
        O::NoOrderRequests,
        O::ShopperView,
        O::ShopperViewHint,
        O::NeedsScript,
        O::ProductsHeading,
        O::ProductsHint,
        O::NoProducts,
        O::NoReviews,
        O::ReturnRate("12.5 %"),
        O::ReasonsHeading,
        O::CommentsHeading,
        O::FeedbackChartAlt,
        O::FeedbackChartCaption,
        O::ReasonsChartAlt,
        O::ReasonsChartCaption,
        O::AnxietyHeading,
        O::AnxietyHint(3, 24),
        O::NoAnxious,
    ];
    for n in [0, 1, 7] {
        all.extend([
            O::Rating("4.3", n),
            O::Ordered(n),
            O::Returned(n),
            O::ReasonUnits("Too small", n),
        ]);
    }
    all
}

#[test]
fn every_variant_has_a_sample() {
    let seen: BTreeSet<usize> = every().iter().map(variant_index).collect();
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen.contains(i)).collect();
    assert!(missing.is_empty(), "no sample of variants {missing:?}");
    assert_eq!(seen.len(), VARIANTS, "numbers beyond VARIANTS");
}

#[test]
fn counts_say_one_for_one_and_the_number_otherwise() {
    let counted: [fn(u32) -> O<'static>; 2] = [O::Ordered, O::Returned];
    for l in Locale::ALL {
        for make in counted {
            let [zero, one, many] = [0, 1, 7].map(|n| t(l, T::Orders(make(n))));
            assert!(
                one.starts_with("1 ") && many.starts_with("7 "),
                "{l:?}: {one}"
            );
            assert_ne!(one[2..], many[2..], "{l:?}: singular {many}");
            assert_eq!(zero[2..], many[2..], "{l:?}: singular {zero}");
        }
        let one = t(l, T::Orders(O::Rating("4.0", 1)));
        let many = t(l, T::Orders(O::Rating("4.0", 2)));
        assert!(
            one.contains("(1 ") && many.contains("(2 "),
            "{l:?}: {one} / {many}"
        );
        assert_ne!(one.replace("(1 ", ""), many.replace("(2 ", ""), "{l:?}");
    }
}

#[test]
fn interpolated_values_appear_in_every_language() {
    for l in Locale::ALL {
        let say = |o: O<'_>| t(l, T::Orders(o));
        assert!(say(O::Results("ana@")).contains("“ana@”"), "{l:?}");
        assert!(say(O::Rating("4,3", 3)).starts_with("4,3 "), "{l:?}");
        assert!(say(O::ReturnRate("12,5 %")).ends_with(" 12,5 %"), "{l:?}");
        assert!(say(O::ReasonUnits("Too small", 2)).starts_with("Too small: 2 "));
        let hint = say(O::AnxietyHint(3, 24));
        assert!(hint.contains(" 3 ") && hint.contains(" 24 "), "{hint}");
        assert!(say(O::ShopperViewHint).contains(" 15 "), "{l:?}");
    }
}
