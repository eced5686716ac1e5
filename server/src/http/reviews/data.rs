//! Published reviews as data for search engines: the schema.org JSON-LD a storefront prints
//! into its product page (fetched server-side with the publishable key), and the Google
//! Product Ratings feed (schema 2.4), at a URL that carries the publishable key so Google can
//! fetch it without secrets. Only published reviews appear; both are public anyway.

use super::super::plumbing::path_segment;
use super::super::returns::public_base;
use crate::auth::PublicStore;
use crate::error::{Error, Result};
use crate::repo::reviews::{self as repo, PublishedReview, ANONYMOUS};
use crate::repo::stores;
use crate::state::AppState;
use aftercare_shared::{ApiError, Timestamp};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::fmt::Write;

/// Reviews in the JSON-LD (Google reads a handful; the page shows the rest).
pub const JSONLD_REVIEWS: u32 = 10;

fn with_headers(body: String, content_type: &'static str, cache: &'static str) -> Response {
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    resp
}

fn date(ms: i64) -> String {
    Timestamp::from_utc_ms(ms, 0)
        .to_string()
        .get(..10)
        .unwrap_or_default()
        .to_owned()
}

/// The schema.org `Product` of a product's published reviews: one `aggregateRating` and the
/// newest reviews, or neither when it has none (an `aggregateRating` of zero reviews is an
/// error for Google).
pub fn product_jsonld(
    facts: &repo::ProductFacts,
    count: u32,
    average: Option<f64>,
    reviews: &[PublishedReview],
) -> Value {
    let mut product = Map::new();
    product.insert("@context".into(), json!("https://schema.org"));
    product.insert("@type".into(), json!("Product"));
    product.insert("name".into(), json!(facts.name));
    product.insert("sku".into(), json!(facts.sku));
    if let Some(url) = &facts.url {
        product.insert("url".into(), json!(url));
    }
    if let (true, Some(avg)) = (count > 0, average) {
        product.insert(
            "aggregateRating".into(),
            json!({
                "@type": "AggregateRating",
                "ratingValue": (avg * 10.0).round() / 10.0,
                "reviewCount": count,
                "bestRating": 5,
                "worstRating": 1,
            }),
        );
        let list: Vec<Value> = reviews
            .iter()
            .map(|r| {
                json!({
                    "@type": "Review",
                    "author": {"@type": "Person", "name": shown_name(&r.display_name).0},
                    "datePublished": date(r.created_at_ms),
                    "name": r.title,
                    "reviewBody": r.body,
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": r.rating,
                        "bestRating": 5,
                        "worstRating": 1,
                    },
                })
            })
            .collect();
        product.insert("review".into(), Value::Array(list));
    }
    Value::Object(product)
}

/// The schema.org JSON-LD of a product's published reviews, for the storefront to print
/// server-side in a `<script type="application/ld+json">` on the product page: a `Product`
/// (name from the catalog or the latest order line, `sku`, `url` when known) with one
/// `aggregateRating` (average to one decimal, count of published reviews, scale 1–5) and
/// the 10 newest published reviews; with no published review, neither. A variant's SKU
/// answers its catalog product's reviews. Cacheable for 5 minutes.
#[utoipa::path(get, path = "/v1/products/{sku}/reviews/jsonld", tag = "reviews",
    security(("publishable_key" = [])),
    params(("sku" = String, Path, description = "The product (any variant's SKU)")),
    responses(
        (status = 200, description = "A schema.org `Product` object", content_type = "application/ld+json", body = Object),
        (status = 401, description = "`unauthorized` / `invalid_key`", body = ApiError),
        (status = 403, description = "`origin_not_allowed`", body = ApiError),
        (status = 404, description = "`not_found`: an empty SKU", body = ApiError),
    ))]
pub async fn product_jsonld_route(
    State(state): State<AppState>,
    PublicStore(store): PublicStore,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let sku = path_segment(path)?;
    let mut conn = state.db.pool.acquire().await?;
    let facts = repo::product_facts(&mut conn, store.id, &sku).await?;
    let (count, average, reviews) =
        repo::product_published(&mut conn, store.id, &facts.key, JSONLD_REVIEWS).await?;
    let doc = product_jsonld(&facts, count, average, &reviews);
    let body = serde_json::to_string(&doc).map_err(|e| Error::internal(e.to_string()))?;
    Ok(with_headers(
        body,
        "application/ld+json",
        "public, max-age=300",
    ))
}

/// XML text and attribute escaping for the feed; characters XML 1.0 cannot carry become a
/// space.
pub fn xml_escape(s: &str) -> String {
    crate::charts::esc(s)
}

/// The name a reviewer is shown under, and whether that is "anonymous" (blank, or the
/// importer's stand-in).
fn shown_name(name: &str) -> (&str, bool) {
    let n = name.trim();
    if n.is_empty() || n.eq_ignore_ascii_case(ANONYMOUS) {
        (ANONYMOUS, true)
    } else {
        (n, false)
    }
}

/// One review of the feed with what Google needs about its product.
pub struct FeedEntry<'a> {
    /// The review.
    pub review: &'a PublishedReview,
    /// Its product.
    pub product: &'a repo::ProductFacts,
    /// Its photos' URLs.
    pub images: Vec<String>,
}

/// The Google Product Ratings feed (schema 2.4) of `entries`, by `store_name`.
pub fn feed_xml(store_name: &str, entries: &[FeedEntry<'_>]) -> String {
    let e = xml_escape;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns:vc=\"http://www.w3.org/2007/XMLSchema-versioning\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd\">\n\
         <version>2.4</version>\n",
    );
    let _ = write!(
        out,
        "<aggregator><name>Aftercare</name></aggregator>\n<publisher><name>{}</name></publisher>\n<reviews>\n",
        e(store_name)
    );
    for entry in entries {
        let (r, p) = (entry.review, entry.product);
        let (name, anonymous) = shown_name(&r.display_name);
        let url = p.url.as_deref().unwrap_or_default();
        let _ = write!(
            out,
            "<review><review_id>{}</review_id>\
             <reviewer><name is_anonymous=\"{anonymous}\">{}</name></reviewer>\
             <review_timestamp>{}</review_timestamp>\
             <title>{}</title><content>{}</content>\
             <review_url type=\"group\">{}</review_url>",
            r.id,
            e(name),
            Timestamp::from_utc_ms(r.created_at_ms, 0),
            e(&r.title),
            e(&r.body),
            e(url),
        );
        if !entry.images.is_empty() {
            out.push_str("<reviewer_images>");
            for img in &entry.images {
                let _ = write!(
                    out,
                    "<reviewer_image><url>{}</url></reviewer_image>",
                    e(img)
                );
            }
            out.push_str("</reviewer_images>");
        }
        let _ = write!(
            out,
            "<ratings><overall min=\"1\" max=\"5\">{}</overall></ratings>\
             <products><product><product_ids><skus><sku>{}</sku></skus></product_ids>\
             <product_name>{}</product_name><product_url>{}</product_url></product></products>\
             <is_spam>false</is_spam></review>",
            r.rating,
            e(&r.sku),
            e(&p.name),
            e(url),
        );
        out.push('\n');
    }
    out.push_str("</reviews>\n</feed>\n");
    out
}

/// The store's Google Product Ratings feed (XML, schema 2.4): every published review whose
/// product has a known page URL (Google requires `product_url`; it comes from order lines),
/// newest first, with the SKU as product id, the product page as the group `review_url`,
/// and "Anonymous" (`is_anonymous="true"`) for reviewers without a name. The URL holds the
/// publishable key, not a secret, so it can be registered in Merchant Center as a scheduled
/// fetch; an unknown key is `404`. Cacheable for an hour.
#[utoipa::path(get, path = "/v1/feeds/{publishable_key}/product-reviews.xml", tag = "reviews",
    security(()),
    params(("publishable_key" = String, Path, description = "The store's publishable key (`pk_…`)")),
    responses(
        (status = 200, description = "Google Product Ratings feed, schema 2.4", content_type = "application/xml", body = String),
        (status = 404, description = "`not_found`: no store has this publishable key", body = ApiError),
    ))]
pub async fn product_reviews_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response> {
    let key = path_segment(path)?;
    let store = stores::by_publishable_key(&state.db, &key)
        .await?
        .ok_or(Error::NotFound)?;
    let mut conn = state.db.pool.acquire().await?;
    let reviews = repo::all_published(&mut conn, store.id).await?;
    let mut products: HashMap<String, repo::ProductFacts> = HashMap::new();
    for r in &reviews {
        if !products.contains_key(&r.sku) {
            let facts = repo::product_facts(&mut conn, store.id, &r.sku).await?;
            products.insert(r.sku.clone(), facts);
        }
    }
    let ids: Vec<i64> = reviews.iter().map(|r| r.id).collect();
    let mut images = repo::review_image_urls(
        &mut conn,
        &ids,
        &public_base(&headers, state.config.trust_proxy),
    )
    .await?;
    let entries: Vec<FeedEntry<'_>> = reviews
        .iter()
        .map(|r| (r, images.remove(&r.id).unwrap_or_default()))
        .filter_map(|(review, images)| {
            let product = products.get(&review.sku)?;
            product.url.as_ref()?;
            Some(FeedEntry {
                review,
                product,
                images,
            })
        })
        .collect();
    Ok(with_headers(
        feed_xml(&store.name, &entries),
        "application/xml; charset=utf-8",
        "public, max-age=3600",
    ))
}
