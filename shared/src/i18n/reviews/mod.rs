//! The review widgets' texts (`<aftercare-review>`, the prompt and form, and
//! `<aftercare-reviews>`, a product's reviews): a catalog of their own, reached through
//! [`Msg::Reviews`] and fetched with the same language chunks. "How reviews work" is not here:
//! the server writes it from the store's settings, so product pages do not carry it.
//!
//! [`Msg::Reviews`]: super::Msg::Reviews

#[cfg(test)]
pub(super) mod coverage;
mod en;
mod es;
mod pt_br;

pub(super) use en::en;
pub(super) use es::es;
pub(super) use pt_br::pt_br;

use crate::api::{Fit, ReviewSort};
use crate::review::{RejectReason, ReviewStatus};

/// Every review-widget message, with the data it interpolates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rev<'a> {
    /// Heading of the prompt's list.
    PromptHeading,
    /// Under the heading: why a review helps.
    PromptIntro,
    /// Opens the form for one item.
    WriteReview,
    /// Postpones the ask: the parcel is not here yet.
    NotArrived,
    /// After "not arrived yet" ("We'll ask again after {date}").
    Postponed(&'a str),
    /// Which order an item came with.
    FromOrder(&'a str),
    /// Heading of the form ("Review {product}").
    FormHeading(&'a str),
    /// Heading of the form when editing (the product's name).
    EditHeading(&'a str),
    /// Legend of the star radio group.
    RatingLegend,
    /// One star's accessible name ("3 stars").
    StarsName(u8),
    /// The word for a rating ("Good").
    RatingWord(u8),
    /// No star chosen yet.
    RatingMissing,
    /// Label of the headline.
    TitleLabel,
    /// Label of the review text.
    BodyLabel,
    /// Hint under the text, with its shortest length.
    BodyHint(usize),
    /// The text is shorter than the shortest length.
    BodyTooShort(usize),
    /// A field is longer than its limit.
    TooLong(usize),
    /// A required field is empty.
    Required,
    /// Legend of the fit question.
    FitLegend,
    /// A fit answer.
    Fit(Fit),
    /// Legend of "would you recommend it?".
    RecommendLegend,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Label of the photos field.
    PhotosLabel,
    /// Hint on photos ("Up to 4 …").
    PhotosHint(usize),
    /// Accessible name of a photo's remove button ("Remove photo 2").
    RemovePhoto(usize),
    /// A photo is on its way.
    Uploading,
    /// Label of the display name.
    NameLabel,
    /// Hint on the display name.
    NameHint,
    /// Sends a new review.
    Submit,
    /// Saves an edited review.
    SaveChanges,
    /// While sending.
    Sending,
    /// Closes the form without sending.
    Cancel,
    /// The request's reward, the same whatever the rating.
    IncentiveOffer(&'a str),
    /// The reward's code, after sending.
    RewardCode(&'a str),
    /// After sending.
    Thanks,
    /// A review now waiting for the store's check.
    ThanksPending,
    /// A review published at once.
    ThanksPublished,
    /// The form could not be sent.
    SendFailed,
    /// Heading of the customer's own reviews.
    YourReviews,
    /// Where a review stands.
    Status(ReviewStatus),
    /// Why the store did not publish it.
    Rejected(RejectReason),
    /// Opens the form on one's own review.
    EditReview,
    /// Editing sends the review back to the store's check.
    EditNote,
    /// Nothing waiting for a review.
    NothingToReview,
    /// Closes the floating prompt.
    Close,
    /// Heading of a product's reviews.
    ReviewsHeading,
    /// The average ("4.3 out of 5").
    AverageOutOf(&'a str),
    /// A rating as text for screen readers ("4 out of 5 stars").
    StarsOutOf(u8),
    /// How many published reviews ("12 reviews").
    ReviewCount(u64),
    /// A product without reviews.
    NoReviewsYet,
    /// One histogram bar's accessible name ("5 stars: 8 reviews").
    Bar(u8, u64),
    /// Legend of the filters.
    FilterLegend,
    /// Filter: only reviews with photos.
    WithPhotos,
    /// Filter: only verified buyers.
    VerifiedOnly,
    /// What the star filter shows ("Showing 5-star reviews").
    ShowingStars(u8),
    /// Clears every filter.
    ClearFilters,
    /// No review matches the filters.
    NoMatch,
    /// Label of the sort menu.
    SortLabel,
    /// A sort's name.
    Sort(ReviewSort),
    /// The badge of a review tied to a delivered order.
    VerifiedBuyer,
    /// The disclosure on a review whose request carried a reward.
    Incentivized,
    /// The fit answer on a review.
    FitIs(Fit),
    /// The recommendation on a review.
    Recommends(bool),
    /// "Helpful" button with its count.
    Helpful(u32),
    /// After voting.
    HelpfulThanks,
    /// Heading of the store's reply.
    StoreReply,
    /// Loads the next page of reviews.
    MoreReviews,
    /// A photo's accessible name ("Photo 2 of 3 by Ana").
    PhotoOf(usize, usize, &'a str),
    /// Next photo.
    NextPhoto,
    /// Previous photo.
    PreviousPhoto,
    /// Reviews could not be loaded.
    LoadFailed,
}
