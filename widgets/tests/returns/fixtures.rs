//! The order and the store rules the tests share: the demo store's reasons over a sweater
//! (exchangeable), socks and a final-sale beanie.

use aftercare_shared::api::{
    ExchangeOption, ReturnOptions, ReturnReasonOption, ReturnTerms, ReturnableLine,
};
use aftercare_shared::money::{Currency, Money};
use aftercare_shared::returns::{
    NotReturnable, Requirement, Resolution, ReturnMethod, Returnability,
};
use aftercare_shared::Timestamp;
use aftercare_widgets::returns::draft::{Chosen, Draft, Problem, Step, What};

pub(crate) const T0: i64 = 1_800_000_000_000;

pub(crate) fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::parse("EUR").unwrap())
}

pub(crate) fn line(
    item_id: i64,
    title: &str,
    quantity: u32,
    returnable: u32,
    blocked: Option<NotReturnable>,
) -> ReturnableLine {
    ReturnableLine {
        item_id,
        sku: format!("SKU-{item_id}"),
        title: title.into(),
        variant: Some("Blue / M".into()),
        image_url: None,
        unit_price: eur(8900),
        paid_per_unit: eur(8500),
        quantity,
        returnability: Returnability {
            returnable_quantity: returnable,
            blocked,
            window_closes_at: blocked.is_none().then(|| Timestamp::from_utc_ms(T0, 0)),
        },
        exchange_options: Vec::new(),
    }
}

pub(crate) fn reason(code: &str, comment: Requirement, photos: Requirement) -> ReturnReasonOption {
    ReturnReasonOption {
        code: code.into(),
        label: code.replace('_', " "),
        comment,
        photos,
    }
}

/// Sweater (1, exchangeable), socks (3), a final-sale beanie; the demo store's reasons.
pub(crate) fn options() -> ReturnOptions {
    use Requirement::*;
    let mut sweater = line(1, "Merino Crew Sweater", 1, 1, None);
    sweater.exchange_options = vec![
        ExchangeOption {
            sku: "FG-S".into(),
            label: "Forest Green / S".into(),
            available: true,
        },
        ExchangeOption {
            sku: "FG-XL".into(),
            label: "Forest Green / XL".into(),
            available: false,
        },
    ];
    ReturnOptions {
        order_number: "1029".into(),
        currency: "EUR".into(),
        lines: vec![
            sweater,
            line(2, "Wool Hiking Socks", 3, 3, None),
            line(3, "Ribbed Beanie", 1, 0, Some(NotReturnable::FinalSale)),
        ],
        reasons: vec![
            reason("too_small", Disabled, Disabled),
            reason("changed_mind", Optional, Disabled),
            reason("not_as_described", Required, Optional),
            reason("damaged", Optional, Required),
        ],
        resolutions: vec![
            Resolution::Refund,
            Resolution::StoreCredit,
            Resolution::Exchange,
        ],
        methods: vec![ReturnMethod::DropOff, ReturnMethod::Pickup],
        terms: ReturnTerms {
            window_days: 30,
            restocking_fee_bps: 500,
            return_shipping_fee: eur(495),
            store_credit_bonus_bps: 1000,
        },
        photo_max_bytes: 10 * 1024 * 1024,
        photo_max_count: 5,
        withdrawal: None,
        withdrawals: Vec::new(),
        returns: Vec::new(),
    }
}

pub(crate) fn chosen(item_id: i64, quantity: u32, reason: &str) -> Chosen {
    Chosen {
        item_id,
        quantity,
        reason: Some(reason.into()),
        ..Chosen::new(item_id)
    }
}

pub(crate) fn problems(d: &Draft, step: Step) -> Vec<(i64, What)> {
    d.problems(step, &options())
        .into_iter()
        .map(|Problem { item_id, what }| (item_id, what))
        .collect()
}
