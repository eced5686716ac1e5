//! Feedback cross-referenced per product: each product's rating (published reviews), its
//! return rate and top return reasons, and the survey comments of orders that contained it,
//! side by side, most in need of attention first.
//!
//! A product is its catalog product when the catalog knows the SKU (variants together),
//! else the SKU alone: the same key reviews are kept under.

use crate::error::Result;
use crate::repo::reviews::key_of;
use aftercare_shared::api::{ProductComment, ProductInsight, ReasonCount};
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Timestamp;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Return reasons and comments shown per product.
pub const TOP_PER_PRODUCT: usize = 3;

#[derive(Default)]
struct Acc {
    title: Option<String>,
    ordered: i64,
    returned: i64,
    reasons: HashMap<String, i64>,
    reviews: i64,
    stars: i64,
    comments: Vec<(String, ProductComment)>,
}

/// Every product of the store with any feedback (a published review, a return or a survey
/// comment on an order containing it), most in need of attention first: highest return rate,
/// then lowest average rating (unrated after rated), then title.
pub async fn product_insights(
    conn: &mut AnyConnection,
    store_id: i64,
) -> Result<Vec<ProductInsight>> {
    let catalog: HashMap<String, (String, String)> = sqlx::query_as::<_, (String, String, String)>(
        "SELECT v.sku, p.external_id, p.title FROM product_variants v \
             JOIN products p ON p.id = v.product_id WHERE v.store_id = $1",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(sku, id, title)| (sku, (id, title)))
    .collect();
    let key = |sku: &str| key_of(sku, catalog.get(sku).map(|(id, _)| id.as_str()));
    let mut acc: HashMap<String, Acc> = HashMap::new();

    let lines: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT oi.sku, oi.title, CAST(SUM(oi.quantity) AS BIGINT) FROM order_items oi \
         JOIN orders o ON o.id = oi.order_id WHERE o.store_id = $1 AND o.cancelled = 0 \
         GROUP BY oi.sku, oi.title",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    for (sku, title, units) in lines {
        let a = acc.entry(key(&sku)).or_default();
        a.ordered += units;
        a.title.get_or_insert(title);
    }

    let returns: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT oi.sku, ri.reason, CAST(SUM(ri.quantity) AS BIGINT) FROM return_items ri \
         JOIN returns r ON r.id = ri.return_id JOIN order_items oi ON oi.id = ri.order_item_id \
         WHERE r.store_id = $1 AND r.status NOT IN ('rejected', 'cancelled') \
         GROUP BY oi.sku, ri.reason",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    for (sku, reason, units) in returns {
        let a = acc.entry(key(&sku)).or_default();
        a.returned += units;
        *a.reasons.entry(reason).or_default() += units;
    }

    let reviews: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT product_key, COUNT(*), CAST(SUM(rating) AS BIGINT) FROM reviews \
         WHERE store_id = $1 AND status = 'published' GROUP BY product_key",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    for (product, n, stars) in reviews {
        let a = acc.entry(product).or_default();
        a.reviews += n;
        a.stars += stars;
    }

    // Survey responses name their order by id, or (seeded and imported ones) by number.
    let comments: Vec<(String, String, String, i64, String, String, i64)> = sqlx::query_as(
        "SELECT oi.sku, sr.id, sr.kind, sr.score, sr.comment, o.order_number, sr.created_at_ms \
         FROM survey_responses sr JOIN orders o ON o.store_id = sr.store_id \
           AND (o.id = sr.order_id OR (sr.order_id IS NULL AND o.order_number = sr.order_number)) \
         JOIN order_items oi ON oi.order_id = o.id \
         WHERE sr.store_id = $1 AND sr.comment IS NOT NULL AND sr.comment <> '' \
         ORDER BY sr.created_at_ms DESC, sr.id",
    )
    .bind(store_id)
    .fetch_all(&mut *conn)
    .await?;
    for (sku, id, kind, score, comment, order_number, at) in comments {
        let Some(kind) = SurveyKind::from_wire(&kind) else {
            continue;
        };
        let a = acc.entry(key(&sku)).or_default();
        if a.comments.len() >= TOP_PER_PRODUCT || a.comments.iter().any(|(i, _)| *i == id) {
            continue;
        }
        a.comments.push((
            id,
            ProductComment {
                kind,
                score: u8::try_from(score).unwrap_or(0),
                comment,
                order_number,
                created_at: Timestamp::from_utc_ms(at, 0),
            },
        ));
    }

    let u = |n: i64| u32::try_from(n).unwrap_or(0);
    let mut out: Vec<ProductInsight> = acc
        .into_iter()
        .filter(|(_, a)| a.reviews > 0 || a.returned > 0 || !a.comments.is_empty())
        .map(|(product, a)| {
            let mut reasons: Vec<ReasonCount> = a
                .reasons
                .into_iter()
                .map(|(reason, n)| ReasonCount {
                    reason,
                    units: u(n),
                })
                .collect();
            reasons.sort_by(|x, y| y.units.cmp(&x.units).then(x.reason.cmp(&y.reason)));
            reasons.truncate(TOP_PER_PRODUCT);
            let catalog_title = product
                .strip_prefix("p:")
                .and_then(|id| catalog.values().find(|(pid, _)| pid == id))
                .map(|(_, t)| t.clone());
            let fallback = product.get(2..).unwrap_or_default().to_owned();
            ProductInsight {
                title: catalog_title
                    .or(a.title)
                    .unwrap_or_else(|| fallback.clone()),
                units_ordered: u(a.ordered),
                units_returned: u(a.returned),
                return_rate: if a.ordered > 0 {
                    a.returned as f64 / a.ordered as f64
                } else {
                    0.0
                },
                reviews: u(a.reviews),
                average_rating: (a.reviews > 0).then(|| a.stars as f64 / a.reviews as f64),
                top_return_reasons: reasons,
                comments: a.comments.into_iter().map(|(_, c)| c).collect(),
                product: fallback,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.return_rate
            .total_cmp(&a.return_rate)
            .then_with(|| {
                let r = |p: &ProductInsight| p.average_rating.unwrap_or(f64::INFINITY);
                r(a).total_cmp(&r(b))
            })
            .then_with(|| a.title.cmp(&b.title))
    });
    Ok(out)
}
