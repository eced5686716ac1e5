//! `aftercare-server seed-demo`: the "Aurora Outfitters" demo store, its tracking settings
//! (72 h stall threshold, shipping FAQ in English and Spanish), 34 realistic orders that
//! cover every tracking state a shopper can meet, one customer's 40-order history (Olivia,
//! orders 2001–2040, so the account page has pages to turn), survey answers, its returns
//! (settings, catalog, past returns), the customers' saved addresses, and cancellation and
//! address-change requests.
//!
//! The demo is data, not code: the JSON files next to this module (`seed/*.json`, embedded in
//! the binary) say what the store holds, and the small loaders in `seed/` turn them into the
//! inputs of the admin API. Times are relative to the moment of seeding, with the carriers'
//! real offsets (+01:00 Spain, -05:00 US East, +08:00 China…): see [`format`] for the notation.
//! Newer orders send carriers' raw status codes, as merchants forward them, so the demo
//! exercises the shared normaliser. Everything goes through `repo::orders::put_order` and
//! `ingest_events`, the code paths of the admin API (validation included), so re-running
//! replaces orders by number and never duplicates anything. docs/CONTRACTS.md lists the state
//! of every written-out order (1001–1034); Olivia's are described in `seed/orders.json`.

mod console;
mod feedback;
mod format;
mod orders;
mod profiles;
mod requests;
mod returns;
mod reviews;
mod surveys;

pub use orders::{demo_eta_revisions, demo_orders, product_url};
pub use profiles::{demo_address_books, seed_address_books};
pub use returns::{demo_products, demo_return_settings};
pub use surveys::{demo_survey_responses, demo_survey_settings, seed_surveys};

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::{orders as order_repo, stores};
use aftercare_shared::api::{LocalizedFaq, StoreSettings, SupportContacts, TrackingEventBatch};
use aftercare_shared::tracking::TrackingPolicy;
use aftercare_shared::{Locale, OrderNumber};
pub use console::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use serde::Deserialize;

/// The demo store's publishable key.
pub const DEMO_PUBLISHABLE_KEY: &str = "pk_demo_aurora";
/// The demo store's secret key.
pub const DEMO_SECRET_KEY: &str = "sk_demo_aurora_secret";

/// Where the demo storefront is served when nothing else is said (`serve`'s default address);
/// product images are `{public_url}/img/{slug}.svg` from `demo-site/img/`.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// `store.json`: the store and its tracking settings.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreFile {
    #[serde(rename = "about")]
    _about: String,
    name: String,
    default_locale: Locale,
    support: SupportContacts,
    origins: Vec<String>,
    tracking_policy: TrackingPolicy,
    faq: Vec<LocalizedFaq>,
}

fn store_file() -> Result<StoreFile> {
    format::parse("store.json", include_str!("seed/store.json"))
}

/// The demo store: name, keys, support contacts and local-development origins.
pub fn demo_store() -> Result<stores::StoreInput> {
    let file = store_file()?;
    Ok(stores::StoreInput {
        name: file.name,
        publishable_key: DEMO_PUBLISHABLE_KEY.into(),
        secret_key: DEMO_SECRET_KEY.into(),
        default_locale: file.default_locale,
        support: file.support,
        origins: file.origins,
    })
}

/// The demo store's tracking settings: a 72 h stall threshold, 30 days to expiry, the
/// support contacts and a five-question shipping FAQ in English and Spanish.
pub fn demo_settings() -> Result<StoreSettings> {
    let file = store_file()?;
    Ok(StoreSettings {
        tracking_policy: file.tracking_policy,
        faq: file.faq,
        support: file.support,
        changes: Default::default(),
    })
}

/// What `seed-demo` wrote.
#[derive(Debug)]
pub struct SeedReport {
    /// The demo store's id.
    pub store_id: i64,
    /// Orders created or replaced.
    pub orders: usize,
}

/// Create or refresh the demo store and its orders (idempotent), with product images served
/// from [`DEFAULT_PUBLIC_URL`].
pub async fn seed_demo(db: &Db) -> Result<SeedReport> {
    seed_demo_with(db, DEFAULT_PUBLIC_URL).await
}

/// Create or refresh the demo store, its settings and its orders (idempotent), with product
/// images under `public_url` (the address the demo storefront is served from).
///
/// Delivery windows move with the seeding time, so each order's ETA history is cleared before
/// it is replaced: a re-seed leaves exactly the revisions one seed writes.
pub async fn seed_demo_with(db: &Db, public_url: &str) -> Result<SeedReport> {
    seed_demo_at(db, public_url, crate::util::now_ms()).await
}

/// [`seed_demo_with`] as if seeding at `now` (ms since the epoch).
async fn seed_demo_at(db: &Db, public_url: &str, now: i64) -> Result<SeedReport> {
    let store = stores::upsert(db, &demo_store()?).await?;
    stores::put_settings(db, store.id, &demo_settings()?).await?;
    // A fresh demo starts at the real time (the offsets outlive restarts in the database).
    crate::repo::demo_clock::reset(db).await?;
    let list = demo_orders(now, public_url)?;
    for order in &list {
        let number = OrderNumber::parse(&order.order_number)
            .map_err(|_| Error::internal("demo order number"))?;
        order_repo::reset_eta_history(db, store.id, &number).await?;
        order_repo::put_order(db, store.id, order).await?;
    }
    for (number, tracking_number, eta) in demo_eta_revisions(now)? {
        let number =
            OrderNumber::parse(&number).map_err(|_| Error::internal("revised demo order"))?;
        let mut conn = db.pool.acquire().await?;
        let id = order_repo::order_id_by_number(&mut conn, store.id, &number)
            .await?
            .ok_or_else(|| Error::internal("seeded order vanished"))?;
        let shipment = order_repo::load_order(&mut conn, id)
            .await?
            .shipments
            .into_iter()
            .find(|s| s.tracking_number == tracking_number)
            .ok_or_else(|| Error::internal("seeded parcel vanished"))?;
        drop(conn);
        let batch = TrackingEventBatch {
            events: vec![],
            eta: Some(eta),
        };
        order_repo::ingest_events(db, store.id, shipment.id, &batch).await?;
    }
    seed_surveys(db, store.id, now).await?;
    returns::seed_returns(db, store.id, now).await?;
    seed_address_books(db, store.id, now).await?;
    requests::seed_requests(db, store.id, now).await?;
    console::seed_console_users(db, store.id, now).await?;
    reviews::seed_reviews(db, store.id, now).await?;
    feedback::seed_feedback(db, store.id, now).await?;
    Ok(SeedReport {
        store_id: store.id,
        orders: list.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::survey::SurveyKind;

    #[test]
    fn every_demo_order_is_valid_and_numbered_1001_to_1034_then_2001_to_2040() {
        let orders = demo_orders(1_800_000_000_000, DEFAULT_PUBLIC_URL).unwrap();
        let numbers: Vec<_> = orders.iter().map(|o| o.order_number.as_str()).collect();
        let expected: Vec<String> = (1001..=1034)
            .chain(2001..=2040)
            .map(|n| n.to_string())
            .collect();
        assert_eq!(
            numbers,
            expected.iter().map(String::as_str).collect::<Vec<_>>()
        );
        for o in &orders {
            o.validate()
                .unwrap_or_else(|e| panic!("{}: {e:?}", o.order_number));
        }
        assert!(orders[27].validate().is_ok());
        assert_eq!(orders[27].shipments[0].events.len(), 40);
        assert!(demo_settings().unwrap().validate().is_ok());
    }

    #[test]
    fn olivias_history_spans_two_years_newest_last() {
        let now = 1_800_000_000_000;
        let orders = demo_orders(now, DEFAULT_PUBLIC_URL).unwrap();
        let olivia: Vec<_> = orders
            .iter()
            .filter(|o| {
                o.customer
                    .as_ref()
                    .is_some_and(|c| c.external_id == "cus_olivia")
            })
            .collect();
        assert_eq!(olivia.len(), 40);
        let placed: Vec<i64> = olivia.iter().map(|o| o.placed_at.utc_ms).collect();
        assert!(
            placed.windows(2).all(|w| w[0] < w[1]),
            "numbered oldest first"
        );
        let days = |ms: i64| (now - ms) / 86_400_000;
        assert_eq!((days(placed[0]), days(placed[39])), (720, 1));
        let cancelled = olivia.iter().filter(|o| o.cancelled).count();
        let unshipped = olivia
            .iter()
            .filter(|o| !o.cancelled && o.shipments.is_empty())
            .count();
        assert_eq!((cancelled, unshipped), (4, 1));
        let lines: Vec<usize> = olivia.iter().map(|o| o.items.len()).collect();
        assert_eq!(lines.iter().max(), Some(&6));
        for o in &olivia {
            for s in &o.shipments {
                assert!(s.events.iter().all(|e| e.occurred_at.utc_ms <= now));
            }
        }
    }

    #[test]
    fn demo_survey_history_is_realistic_and_leaves_demo_customers_alone() {
        let now = 1_800_000_000_000;
        let list = demo_survey_responses(now).unwrap();
        let nps: Vec<_> = list.iter().filter(|r| r.kind == SurveyKind::Nps).collect();
        assert_eq!(nps.len(), 60);
        assert_eq!(list.len() - nps.len(), 6);
        for r in &list {
            assert!(
                r.subject_key.starts_with("customer:seed_"),
                "{}",
                r.subject_key
            );
            assert!(r.created_at_ms <= now && r.created_at_ms > now - 77 * 86_400_000);
            assert!(r.kind.score(i64::from(r.score)).is_ok());
        }
        let cat = |r: &&crate::repo::surveys::SeedResponse| {
            r.kind.score(i64::from(r.score)).unwrap().category()
        };
        use aftercare_shared::survey::Category;
        for c in [Category::Promoter, Category::Passive, Category::Detractor] {
            assert!(
                nps.iter()
                    .filter(|r| cat(r) == c)
                    .any(|r| r.comment.is_some()),
                "{c:?}"
            );
        }
        let detractors: Vec<_> = nps
            .iter()
            .filter(|r| cat(r) == Category::Detractor)
            .collect();
        assert!(detractors.iter().filter(|r| r.wants_contact).count() >= 4);
        assert!(detractors
            .iter()
            .any(|r| r.wants_contact && r.followed_up_at_ms.is_some()));
        assert!(detractors
            .iter()
            .any(|r| r.wants_contact && r.followed_up_at_ms.is_none()));
        let ids: std::collections::HashSet<_> = list.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), list.len());
        assert_eq!(list, demo_survey_responses(now).unwrap(), "deterministic");
        for kind in [SurveyKind::Nps, SurveyKind::Csat] {
            assert!(demo_survey_settings(kind).validate().is_ok());
        }
    }

    #[test]
    fn every_product_image_is_a_demo_site_svg() {
        let orders = demo_orders(1_800_000_000_000, "http://shop.test:9000/").unwrap();
        let img_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo-site/img");
        for item in orders.iter().flat_map(|o| &o.items) {
            let url = item
                .image_url
                .as_deref()
                .expect("every demo item has an image");
            let file = url
                .strip_prefix("http://shop.test:9000/img/")
                .unwrap_or_else(|| panic!("{url} is not under the public URL"));
            assert!(
                img_dir.join(file).is_file(),
                "demo-site/img/{file} is missing"
            );
        }
    }

    #[test]
    fn every_product_links_to_the_demo_product_page_and_ana_has_a_partial_refund() {
        let orders = demo_orders(1_800_000_000_000, "http://shop.test:9000/").unwrap();
        let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo-site");
        assert!(site.join("product.html").is_file());
        for item in orders.iter().flat_map(|o| &o.items) {
            assert_eq!(
                item.product_url.as_deref(),
                Some(format!("http://shop.test:9000/product.html?sku={}", item.sku).as_str())
            );
        }
        let refunded: Vec<_> = orders.iter().filter(|o| o.refunded_minor > 0).collect();
        assert_eq!(refunded.len(), 1);
        let o = refunded[0];
        assert_eq!(o.order_number, "1017");
        assert_eq!(o.customer.as_ref().unwrap().external_id, "cus_ana");
        let paid: i64 = o
            .items
            .iter()
            .map(|i| i.unit_price_minor * i64::from(i.quantity))
            .sum();
        assert!(o.refunded_minor < paid, "a partial refund");
        let ana = orders
            .iter()
            .find_map(|o| o.customer.as_ref().filter(|c| c.external_id == "cus_ana"))
            .unwrap();
        assert_eq!(ana.phone.as_deref(), Some("+34 612 345 678"));
    }

    #[test]
    fn demo_address_books_follow_the_country_rules() {
        let now = 1_800_000_000_000;
        let books = demo_address_books(now).unwrap();
        let summary: Vec<(&str, String, bool)> = books
            .iter()
            .map(|(c, input, at)| {
                assert!(*at < now);
                let a = input.validate().unwrap();
                (c.as_str(), a.country, input.make_default)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("cus_ana", "ES".to_string(), true),
                ("cus_ana", "PT".to_string(), false),
                ("cus_olivia", "ES".to_string(), true),
            ]
        );
    }
}
