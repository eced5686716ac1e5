//! Every review message with every value of its enums, for the catalog's coverage test.

use super::*;

/// Which variant a message is (a new variant breaks this `match` until it gets a number).
pub(in crate::i18n) fn variant(m: &Rev<'_>) -> usize {
    match m {
        Rev::PromptHeading => 0,
        Rev::PromptIntro => 1,
        Rev::WriteReview => 2,
        Rev::NotArrived => 3,
        Rev::Postponed(..) => 4,
        Rev::FromOrder(..) => 5,
        Rev::FormHeading(..) => 6,
        Rev::EditHeading(..) => 7,
        Rev::RatingLegend => 8,
        Rev::StarsName(..) => 9,
        Rev::RatingWord(..) => 10,
        Rev::RatingMissing => 11,
        Rev::TitleLabel => 12,
        Rev::BodyLabel => 13,
        Rev::BodyHint(..) => 14,
        Rev::BodyTooShort(..) => 15,
        Rev::TooLong(..) => 16,
        Rev::Required => 17,
        Rev::FitLegend => 18,
        Rev::Fit(..) => 19,
        Rev::RecommendLegend => 20,
        Rev::Yes => 21,
        Rev::No => 22,
        Rev::PhotosLabel => 23,
        Rev::PhotosHint(..) => 24,
        Rev::RemovePhoto(..) => 25,
        Rev::Uploading => 26,
        Rev::NameLabel => 27,
        Rev::NameHint => 28,
        Rev::Submit => 29,
        Rev::SaveChanges => 30,
        Rev::Sending => 31,
        Rev::Cancel => 32,
        Rev::IncentiveOffer(..) => 33,
        Rev::RewardCode(..) => 34,
        Rev::Thanks => 35,
        Rev::ThanksPending => 36,
        Rev::ThanksPublished => 37,
        Rev::SendFailed => 38,
        Rev::YourReviews => 39,
        Rev::Status(..) => 40,
        Rev::Rejected(..) => 41,
        Rev::EditReview => 42,
        Rev::EditNote => 43,
        Rev::NothingToReview => 44,
        Rev::Close => 45,
        Rev::ReviewsHeading => 46,
        Rev::AverageOutOf(..) => 47,
        Rev::StarsOutOf(..) => 48,
        Rev::ReviewCount(..) => 49,
        Rev::NoReviewsYet => 50,
        Rev::Bar(..) => 51,
        Rev::FilterLegend => 52,
        Rev::WithPhotos => 53,
        Rev::VerifiedOnly => 54,
        Rev::ShowingStars(..) => 55,
        Rev::ClearFilters => 56,
        Rev::NoMatch => 57,
        Rev::SortLabel => 58,
        Rev::Sort(..) => 59,
        Rev::VerifiedBuyer => 60,
        Rev::Incentivized => 61,
        Rev::FitIs(..) => 62,
        Rev::Recommends(..) => 63,
        Rev::Helpful(..) => 64,
        Rev::HelpfulThanks => 65,
        Rev::StoreReply => 66,
        Rev::MoreReviews => 67,
        Rev::PhotoOf(..) => 68,
        Rev::NextPhoto => 69,
        Rev::PreviousPhoto => 70,
        Rev::LoadFailed => 71,
    }
}

/// How many variants [`Rev`] has.
pub(in crate::i18n) const VARIANTS: usize = 72;

/// A sample of every message.
#[rustfmt::skip] // one sample per line
pub(in crate::i18n) fn samples() -> Vec<Rev<'static>> {
    let mut v = Vec::new();
    {
        v.push(Rev::PromptHeading);
        v.push(Rev::PromptIntro);
        v.push(Rev::WriteReview);
        v.push(Rev::NotArrived);
        v.push(Rev::Postponed("X1"));
        v.push(Rev::FromOrder("X1"));
        v.push(Rev::FormHeading("X1"));
        v.push(Rev::EditHeading("X1"));
        v.push(Rev::RatingLegend);
        for n in 1..=5 { v.push(Rev::StarsName(n)); }
        for n in 1..=5 { v.push(Rev::RatingWord(n)); }
        v.push(Rev::RatingMissing);
        v.push(Rev::TitleLabel);
        v.push(Rev::BodyLabel);
        v.push(Rev::BodyHint(2));
        v.push(Rev::BodyTooShort(2));
        v.push(Rev::TooLong(2));
        v.push(Rev::Required);
        v.push(Rev::FitLegend);
        for f in [Fit::RunsSmall, Fit::TrueToSize, Fit::RunsLarge] { v.push(Rev::Fit(f)); }
        v.push(Rev::RecommendLegend);
        v.push(Rev::Yes);
        v.push(Rev::No);
        v.push(Rev::PhotosLabel);
        v.push(Rev::PhotosHint(2));
        v.push(Rev::RemovePhoto(2));
        v.push(Rev::Uploading);
        v.push(Rev::NameLabel);
        v.push(Rev::NameHint);
        v.push(Rev::Submit);
        v.push(Rev::SaveChanges);
        v.push(Rev::Sending);
        v.push(Rev::Cancel);
        v.push(Rev::IncentiveOffer("X1"));
        v.push(Rev::RewardCode("X1"));
        v.push(Rev::Thanks);
        v.push(Rev::ThanksPending);
        v.push(Rev::ThanksPublished);
        v.push(Rev::SendFailed);
        v.push(Rev::YourReviews);
        for s in ReviewStatus::ALL { v.push(Rev::Status(s)); }
        for r in RejectReason::ALL { v.push(Rev::Rejected(r)); }
        v.push(Rev::EditReview);
        v.push(Rev::EditNote);
        v.push(Rev::NothingToReview);
        v.push(Rev::Close);
        v.push(Rev::ReviewsHeading);
        v.push(Rev::AverageOutOf("X1"));
        for n in 1..=5 { v.push(Rev::StarsOutOf(n)); }
        for n in [0, 1, 12] { v.push(Rev::ReviewCount(n)); }
        v.push(Rev::NoReviewsYet);
        for n in 1..=5 { v.push(Rev::Bar(n, 1)); v.push(Rev::Bar(n, 7)); }
        v.push(Rev::FilterLegend);
        v.push(Rev::WithPhotos);
        v.push(Rev::VerifiedOnly);
        for n in 1..=5 { v.push(Rev::ShowingStars(n)); }
        v.push(Rev::ClearFilters);
        v.push(Rev::NoMatch);
        v.push(Rev::SortLabel);
        for s in ReviewSort::ALL { v.push(Rev::Sort(s)); }
        v.push(Rev::VerifiedBuyer);
        v.push(Rev::Incentivized);
        for f in [Fit::RunsSmall, Fit::TrueToSize, Fit::RunsLarge] { v.push(Rev::FitIs(f)); }
        for b in [true, false] { v.push(Rev::Recommends(b)); }
        for n in [0, 1, 3] { v.push(Rev::Helpful(n)); }
        v.push(Rev::HelpfulThanks);
        v.push(Rev::StoreReply);
        v.push(Rev::MoreReviews);
        v.push(Rev::PhotoOf(2, 2, "X1"));
        v.push(Rev::NextPhoto);
        v.push(Rev::PreviousPhoto);
        v.push(Rev::LoadFailed);
    }
    v
}
