//! The demo store's returns: its return settings (5 % restocking, €4.95 return shipping on
//! refunds, 10 % store-credit bonus, drop-off and pickup, EU withdrawal on), a catalog with
//! exchange variants and a final-sale tag, three orders made for trying returns (1029–1031)
//! and a handful of past returns in every kind of state for the merchant insights page.
//!
//! Past returns go through `repo::returns::create` and `transition` — the admin and shopper
//! code paths — at past instants, so their eligibility, values and histories are real. They
//! are created only for orders that have none yet, so re-seeding never duplicates them.

use super::*;
use crate::repo::returns as repo;
use aftercare_shared::api::{
    ExchangeOption, ProductInput, ReturnActor, ReturnLineInput, ReturnRequestInput, ReturnSettings,
};
use aftercare_shared::returns::{Resolution, ReturnMethod, ReturnPolicy, ReturnStatus};

const DAY: i64 = 24 * HOUR;

/// The demo store's return settings.
pub fn demo_return_settings() -> ReturnSettings {
    let mut s = repo::default_settings();
    s.policy = ReturnPolicy {
        window_days: 30,
        transit_buffer_days: 7,
        restocking_fee_bps: 500,
        return_shipping_fee_minor: 495,
        store_credit_bonus_bps: 1_000,
        methods: vec![ReturnMethod::DropOff, ReturnMethod::Pickup],
        withdrawal_enabled: true,
    };
    s.final_sale_tags = vec!["final-sale".into()];
    s.return_address = "Aurora Outfitters Returns, Calle de Alcalá 100, 28009 Madrid, Spain".into();
    s
}

fn v(sku: &str, label: &str, available: bool) -> ExchangeOption {
    ExchangeOption {
        sku: sku.into(),
        label: label.into(),
        available,
    }
}

/// The demo catalog: `(external id, title, tags, variants)`. Bought SKUs are among the
/// variants, so exchanges offer the others.
pub fn demo_products() -> Vec<(&'static str, ProductInput)> {
    let p = |title: &str, tags: &[&str], variants: Vec<ExchangeOption>| ProductInput {
        title: title.into(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        variants,
    };
    vec![
        (
            "merino-crew",
            p(
                "Merino Crew Sweater",
                &["knitwear"],
                vec![
                    v("MER-CREW-FG-S", "Forest Green / S", true),
                    v(SWEATER.0, "Forest Green / M", true),
                    v("MER-CREW-FG-L", "Forest Green / L", true),
                    v("MER-CREW-FG-XL", "Forest Green / XL", false),
                ],
            ),
        ),
        (
            "trail-runner",
            p(
                "Trail Running Shoes",
                &["footwear"],
                vec![
                    v("TRAIL-RUN-SL-41", "Slate / EU 41", true),
                    v(SHOES.0, "Slate / EU 42", true),
                    v("TRAIL-RUN-SL-43", "Slate / EU 43", true),
                    v("TRAIL-RUN-SL-44", "Slate / EU 44", false),
                ],
            ),
        ),
        (
            "packable-rain",
            p(
                "Packable Rain Jacket",
                &["outerwear"],
                vec![
                    v("RAIN-PACK-NV-S", "Navy / S", true),
                    v(JACKET.0, "Navy / M", true),
                    v("RAIN-PACK-NV-L", "Navy / L", true),
                    v("RAIN-PACK-NV-XL", "Navy / XL", false),
                ],
            ),
        ),
        (
            "linen-shirt",
            p(
                "Linen Shirt",
                &[],
                vec![
                    v("LIN-SHIRT-WH-M", "White / M", true),
                    v(LINEN.0, "White / L", true),
                ],
            ),
        ),
        (
            "ribbed-beanie",
            p(
                "Ribbed Beanie",
                &["final-sale", "clearance"],
                vec![v(BEANIE.0, "Charcoal", true)],
            ),
        ),
        (
            "hiking-socks",
            p("Wool Hiking Socks", &[], vec![v(SOCKS.0, "One size", true)]),
        ),
    ]
}

fn delivered_parcel(
    c: &Clock,
    carrier: &str,
    number: &str,
    delivered_days_ago: i64,
    items: &[(Product, u32)],
) -> ShipmentInput {
    use TrackingStatus::*;
    let d = -delivered_days_ago;
    parcel(
        carrier,
        number,
        Some(c.days(d - 2, ES)),
        Some((c.days(d, ES), c.days(d, ES))),
        items,
        vec![
            ev(
                InfoReceived,
                "Shipment information received",
                MADRID,
                c.at((d - 2) * 24 - 4, ES),
            ),
            ev(
                InTransit,
                "Accepted at the sorting centre",
                COSLADA,
                c.days(d - 2, ES),
            ),
            ev(
                OutForDelivery,
                "Out for delivery",
                MADRID,
                c.at(d * 24 - 5, ES),
            ),
            ev(Delivered, "Delivered", MADRID, c.at(d * 24 - 2, ES)),
        ],
    )
}

/// Orders 1029–1031, made for trying returns (docs/CONTRACTS.md).
pub(super) fn demo_return_orders(c: &Clock) -> Vec<OrderInput> {
    vec![
        // 1029 — Ana: delivered five days ago; a final-sale beanie; €10 off the order.
        order(
            "1029",
            "ana@example.com",
            Some("cus_ana"),
            "EUR",
            c.days(-8, ES),
            &[(SWEATER, 1), (SOCKS, 3), (BEANIE, 1)],
            (0, 0, 1000),
            "ana",
            card("visa", Some("4242")),
            vec![delivered_parcel(
                c,
                "correos",
                "PQ4F6P0700123450290012R",
                5,
                &[(SWEATER, 1), (SOCKS, 3), (BEANIE, 1)],
            )],
        ),
        // 1030 — a guest: delivered three days ago; shoes and a jacket with exchange sizes.
        order(
            "1030",
            "returns@example.com",
            None,
            "EUR",
            c.days(-6, ES),
            &[(SHOES, 1), (JACKET, 1)],
            (495, 0, 0),
            "marta",
            card("mastercard", Some("5100")),
            vec![delivered_parcel(
                c,
                "seur",
                "SEUR7788300",
                3,
                &[(SHOES, 1), (JACKET, 1)],
            )],
        ),
        // 1031 — Carla: delivered 45 days ago, the 30-day window has closed.
        order(
            "1031",
            "carla@example.com",
            Some("cus_carla"),
            "EUR",
            c.days(-48, ES),
            &[(FLANNEL, 1)],
            (0, 0, 0),
            "carla",
            card("amex", Some("0005")),
            vec![delivered_parcel(
                c,
                "correos",
                "PQ4F6P0700123450310098K",
                45,
                &[(FLANNEL, 1)],
            )],
        ),
    ]
}

/// A line of a past return: `(sku, qty, reason, comment, resolution, exchange sku)`.
type PastLine = (
    &'static str,
    u32,
    &'static str,
    Option<&'static str>,
    Resolution,
    Option<&'static str>,
);

/// One past return: order, owner subject, lines, method, days after `now` it was requested,
/// then `(status, days, note)`.
struct PastReturn {
    order: &'static str,
    owner: &'static str,
    lines: Vec<PastLine>,
    method: ReturnMethod,
    requested: i64,
    steps: Vec<(ReturnStatus, i64, Option<&'static str>)>,
}

fn past_returns() -> Vec<PastReturn> {
    use ReturnStatus::*;
    vec![
        PastReturn {
            order: "1001",
            owner: "customer:cus_ana",
            lines: vec![(
                JACKET.0,
                1,
                "too_small",
                None,
                Resolution::Exchange,
                Some("RAIN-PACK-NV-L"),
            )],
            method: ReturnMethod::DropOff,
            requested: -11,
            steps: vec![
                (Approved, -11, None),
                (InTransit, -10, None),
                (Received, -7, None),
                (Exchanged, -6, None),
            ],
        },
        PastReturn {
            order: "1006",
            owner: "customer:cus_carla",
            lines: vec![(
                LINEN.0,
                1,
                "not_as_described",
                Some("The colour is cream, not white as in the photos."),
                Resolution::Refund,
                None,
            )],
            method: ReturnMethod::Pickup,
            requested: -1,
            steps: vec![(Approved, -1, None)],
        },
        PastReturn {
            order: "1017",
            owner: "customer:cus_ana",
            lines: vec![(
                DAYPACK.0,
                1,
                "changed_mind",
                None,
                Resolution::Refund,
                None,
            )],
            method: ReturnMethod::DropOff,
            requested: -36,
            steps: vec![
                (Approved, -36, None),
                (Received, -30, None),
                (
                    Rejected,
                    -29,
                    Some("The daypack came back used and without its tags, so we cannot accept it. We have sent it back to you."),
                ),
            ],
        },
        PastReturn {
            order: "1013",
            owner: "customer:cus_carla",
            lines: vec![(
                CHINOS.0,
                2,
                "too_large",
                None,
                Resolution::StoreCredit,
                None,
            )],
            method: ReturnMethod::DropOff,
            requested: -190,
            steps: vec![
                (Approved, -190, None),
                (InTransit, -189, None),
                (Received, -186, None),
                (Refunded, -185, None),
            ],
        },
        PastReturn {
            order: "1028",
            owner: "customer:cus_dev",
            lines: vec![(
                SUNGLASSES.0,
                1,
                "wrong_item",
                Some("These are black frames; I ordered tortoise."),
                Resolution::Refund,
                None,
            )],
            method: ReturnMethod::DropOff,
            requested: -2,
            steps: vec![],
        },
        PastReturn {
            order: "1014",
            owner: "customer:cus_dev",
            lines: vec![(
                "RAIN-PACK-NV-M",
                1,
                "too_small",
                None,
                Resolution::Refund,
                None,
            )],
            method: ReturnMethod::DropOff,
            requested: -2,
            steps: vec![(Cancelled, -1, None)],
        },
    ]
}

/// Settings, catalog and past returns of the demo store (idempotent).
pub(super) async fn seed_returns(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    repo::put_settings(db, store_id, &demo_return_settings()).await?;
    for (id, product) in demo_products() {
        repo::put_product(db, store_id, id, &product).await?;
    }
    for past in past_returns() {
        let number =
            OrderNumber::parse(past.order).map_err(|_| Error::internal("demo order number"))?;
        let mut conn = db.pool.acquire().await?;
        let order_id = orders::order_id_by_number(&mut conn, store_id, &number)
            .await?
            .ok_or_else(|| Error::internal("demo order for a past return"))?;
        let (existing,): (i64,) =
            sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM returns WHERE order_id = $1")
                .bind(order_id)
                .fetch_one(&mut *conn)
                .await?;
        if existing > 0 {
            continue;
        }
        let order = orders::load_order(&mut conn, order_id).await?;
        drop(conn);
        let mut lines = Vec::new();
        for (sku, quantity, reason, comment, resolution, exchange) in &past.lines {
            let item = order.items.iter().find(|i| i.sku == *sku).ok_or_else(|| {
                Error::internal(format!("demo order {} has no {sku}", past.order))
            })?;
            lines.push(ReturnLineInput {
                item_id: item.id,
                quantity: *quantity,
                reason: (*reason).into(),
                comment: comment.map(Into::into),
                photo_ids: vec![],
                resolution: *resolution,
                exchange_sku: exchange.map(Into::into),
            });
        }
        let input = ReturnRequestInput {
            lines,
            method: past.method,
            locale: Some(Locale::En),
        };
        let at = |days: i64| now_ms + days * DAY;
        let rma = repo::create(
            db,
            store_id,
            order_id,
            past.owner,
            &input,
            at(past.requested),
        )
        .await?;
        for (i, (status, days, note)) in past.steps.iter().enumerate() {
            let mut conn = db.pool.acquire().await?;
            let row = repo::find(&mut conn, store_id, &rma)
                .await?
                .ok_or_else(|| Error::internal("seeded return vanished"))?;
            drop(conn);
            let by = if *status == ReturnStatus::Cancelled {
                ReturnActor::Shopper
            } else {
                ReturnActor::Merchant
            };
            // Steps on the same day are an hour apart, in order.
            let when = at(*days) + (i as i64 + 1) * HOUR;
            repo::transition(db, &row, *status, *note, by, when).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_return_settings_and_catalog_are_valid() {
        demo_return_settings().validate().unwrap();
        for (id, p) in demo_products() {
            repo::validate_product(id, &p).unwrap();
        }
    }
}
