//! Demo feedback that crosses products: one review imported from a Judge.me export (through
//! the importer, so the product page shows an imported review beside native ones) and survey
//! comments on real demo orders, so the per-product insights pair ratings and returns with
//! what shoppers said. Idempotent: the importer skips what it imported before, and the
//! survey responses have fixed ids.

use crate::db::Db;
use crate::error::Result;
use crate::repo::reviews as review_repo;
use crate::repo::surveys::{self as survey_repo, SeedResponse};
use aftercare_shared::api::ImportFormat;
use aftercare_shared::survey::SurveyKind;

const DAY_MS: i64 = 86_400_000;

/// The imported review (a Judge.me export with one row).
const IMPORTED: &str = include_str!("imported_reviews.csv");

/// (id, order, its email, kind, score, comment, days ago)
const COMMENTS: [(&str, &str, &str, SurveyKind, u8, &str, i64); 3] = [
    (
        "seed_fb_1",
        "1023",
        "carla@example.com",
        SurveyKind::Nps,
        5,
        "The rain jacket runs small: I had to send it back for a bigger size.",
        9,
    ),
    (
        "seed_fb_2",
        "1028",
        "dev@example.com",
        SurveyKind::Csat,
        2,
        "The sunglasses in the parcel were not the ones I ordered.",
        6,
    ),
    (
        "seed_fb_3",
        "1027",
        "carla@example.com",
        SurveyKind::Nps,
        10,
        "Love the bottle: coffee stays hot through a whole shift.",
        4,
    ),
];

/// Seed the imported review and the product survey comments.
pub(super) async fn seed_feedback(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    review_repo::import(db, store_id, ImportFormat::Judgeme, IMPORTED, now_ms).await?;
    let list: Vec<SeedResponse> = COMMENTS
        .iter()
        .map(
            |(id, order, email, kind, score, comment, days)| SeedResponse {
                id: (*id).to_owned(),
                subject_key: format!("customer:{id}"),
                kind: *kind,
                score: *score,
                comment: Some((*comment).to_owned()),
                wants_contact: false,
                followed_up_at_ms: None,
                order_number: Some((*order).to_owned()),
                email: Some((*email).to_owned()),
                created_at_ms: now_ms - days * DAY_MS,
            },
        )
        .collect();
    survey_repo::upsert_seed_responses(db, store_id, &list).await
}
