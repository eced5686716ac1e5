//! The shared typed client against a real TCP server: what widgets and Rust backends do.

use crate::common;

use aftercare_shared::api::{
    LineItemInput, LookupRequest, OrderInput, ParcelItemInput, ShipmentInput, TrackingEventBatch,
    TrackingEventInput,
};
use aftercare_shared::client::{Client, ClientError, RetryPolicy};
use aftercare_shared::order::OrderStatus;
use aftercare_shared::{ErrorCode, OrderNumber, Timestamp, TrackingStatus};
use common::*;

#[tokio::test]
async fn typed_client_end_to_end() {
    let t = setup().await;
    let base = t.spawn().await;
    let shopper = Client::new(&base, PK).with_retry(RetryPolicy::NONE);

    let config = shopper.store_config().await.unwrap();
    assert_eq!(config.name, "Aurora Outfitters");

    // Guest lookup → order session → order.
    let session = shopper
        .lookup_order(&LookupRequest {
            order_number: "1002".into(),
            email: "ana@example.com".into(),
        })
        .await
        .unwrap();
    let order = shopper
        .with_token(&session.token)
        .order(&session.order_number)
        .await
        .unwrap();
    assert_eq!(order.status, OrderStatus::Shipped);
    assert_eq!(order.items.len(), 2);
    assert_eq!(order.shipments[0].carrier.name, "Correos");
    let err = shopper
        .lookup_order(&LookupRequest {
            order_number: "1002".into(),
            email: "nope@example.com".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OrderNotFound));

    // Customer history, paginated.
    let ana = shopper.with_token(&customer_token("cus_ana"));
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = ana.orders(cursor.as_deref()).await.unwrap();
        seen.extend(page.items.iter().map(|o| o.order_number.to_string()));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["1032", "1003", "1034", "1033", "1002", "1021", "1025", "1029", "1011", "1001", "1017"],
        "newest first"
    );

    // Admin: put an order, add a parcel, ingest events.
    let admin = Client::admin(&base, SK).with_retry(RetryPolicy::NONE);
    let input = OrderInput {
        order_number: "C-1".into(),
        email: "cli@example.com".into(),
        customer: None,
        currency: "USD".into(),
        placed_at: Timestamp::parse("2026-11-20T10:00:00-05:00").unwrap(),
        items: vec![LineItemInput {
            sku: "MUG".into(),
            title: "Camp Mug".into(),
            variant: None,
            quantity: 2,
            unit_price_minor: 1800,
            image_url: None,
            product_url: None,
        }],
        shipping_minor: 500,
        tax_minor: 0,
        discount_minor: 0,
        shipping_address: None,
        payment: None,
        refunded_minor: 0,
        cancelled: false,
        shipments: vec![],
        locale: None,
    };
    let created = admin.admin_put_order(&input).await.unwrap();
    assert_eq!(created.totals.total.amount_minor, 4100);
    let number = OrderNumber::parse("C-1").unwrap();
    let parcel = admin
        .admin_add_shipment(
            &number,
            &ShipmentInput {
                carrier_code: "usps".into(),
                carrier_name: Some("USPS".into()),
                tracking_number: "9400100000000000000001".into(),
                tracking_url: None,
                eta_earliest: None,
                eta_latest: None,
                shipped_at: None,
                pickup_point: None,
                items: vec![ParcelItemInput {
                    sku: "MUG".into(),
                    quantity: 2,
                }],
                events: vec![],
            },
        )
        .await
        .unwrap();
    let event = TrackingEventInput {
        carrier_event_id: Some("usps-1".into()),
        status: Some(TrackingStatus::InTransit),
        reason: None,
        raw_status: None,
        description: "Arrived at USPS Regional Facility".into(),
        location: None,
        occurred_at: Timestamp::parse("2026-11-21T06:00:00-05:00").unwrap(),
    };
    let batch = TrackingEventBatch {
        events: vec![event.clone(), event],
        eta: None,
    };
    let result = admin.admin_add_events(parcel.id, &batch).await.unwrap();
    assert_eq!((result.inserted, result.duplicates), (1, 1));
    // A retry of the same ingest (new idempotency key) dedupes by carrier event id.
    let result = admin.admin_add_events(parcel.id, &batch).await.unwrap();
    assert_eq!((result.inserted, result.duplicates), (0, 2));

    let session = shopper
        .lookup_order(&LookupRequest {
            order_number: "C-1".into(),
            email: "CLI@example.com".into(),
        })
        .await
        .unwrap();
    let order = shopper
        .with_token(&session.token)
        .order(&number)
        .await
        .unwrap();
    assert_eq!(order.status, OrderStatus::Shipped);
    assert_eq!(order.shipments[0].status, TrackingStatus::InTransit);

    // Errors decode into the shared shape.
    match shopper.with_token("garbage").order(&number).await {
        Err(ClientError::Api { status: 401, error }) => {
            assert_eq!(error.code, ErrorCode::InvalidToken);
        }
        other => panic!("expected 401, got {other:?}"),
    }
}

#[tokio::test]
async fn typed_client_returns_flow() {
    use aftercare_shared::api::{
        ReturnLineInput, ReturnRequestInput, ReturnStatusInput, WithdrawalInput,
    };
    use aftercare_shared::returns::{Resolution, ReturnMethod, ReturnStatus};
    use aftercare_shared::Locale;

    let t = setup().await;
    let base = t.spawn().await;
    let session = Client::new(&base, PK)
        .with_retry(RetryPolicy::NONE)
        .lookup_order(&LookupRequest {
            order_number: "1030".into(),
            email: "returns@example.com".into(),
        })
        .await
        .unwrap();
    let guest = Client::new(&base, PK)
        .with_retry(RetryPolicy::NONE)
        .with_token(&session.token);
    let number = OrderNumber::parse("1030").unwrap();
    let options = guest.return_options(&number, Locale::Es).await.unwrap();
    let shoes = options
        .lines
        .iter()
        .find(|l| l.sku == "TRAIL-RUN-SL-42")
        .unwrap();
    let jacket = options
        .lines
        .iter()
        .find(|l| l.sku == "RAIN-PACK-NV-M")
        .unwrap();
    let input = ReturnRequestInput {
        lines: vec![
            ReturnLineInput {
                item_id: shoes.item_id,
                quantity: 1,
                reason: "too_small".into(),
                comment: None,
                photo_ids: vec![],
                resolution: Resolution::Exchange,
                exchange_sku: Some("TRAIL-RUN-SL-43".into()),
            },
            ReturnLineInput {
                item_id: jacket.item_id,
                quantity: 1,
                reason: "changed_mind".into(),
                comment: Some("Too warm for Sevilla.".into()),
                photo_ids: vec![],
                resolution: Resolution::Refund,
                exchange_sku: None,
            },
        ],
        method: ReturnMethod::DropOff,
        locale: Some(Locale::Es),
    };
    let estimate = guest.estimate_return(&number, &input).await.unwrap();
    // 129.00 − 5 % (6.45) − 4.95 shipping.
    assert_eq!(estimate.refund_total.amount_minor, 12_900 - 645 - 495);
    assert_eq!(estimate.exchange_items.amount_minor, 11_900);
    let created = guest
        .create_return(&number, &input, "draft-key-1")
        .await
        .unwrap();
    let replayed = guest
        .create_return(&number, &input, "draft-key-1")
        .await
        .unwrap();
    assert_eq!(created.rma, replayed.rma, "same key, same return");
    assert_eq!(created.estimate, estimate);
    let err = guest
        .create_return(&number, &input, "draft-key-2")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::Conflict), "{err:?}");

    let admin = Client::admin(&base, SK).with_retry(RetryPolicy::NONE);
    let approved = admin
        .admin_set_return_status(
            &created.rma,
            &ReturnStatusInput {
                status: ReturnStatus::Approved,
                note: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(approved.detail.status, ReturnStatus::Approved);
    let queue = admin.admin_returns(Some("approved"), None).await.unwrap();
    assert!(queue.items.iter().any(|r| r.detail.rma == created.rma));
    let seen = guest.return_detail(&created.rma, Locale::Es).await.unwrap();
    assert_eq!(seen.status, ReturnStatus::Approved);
    let cancelled = guest.cancel_return(&created.rma, Locale::Es).await.unwrap();
    assert_eq!(cancelled.status, ReturnStatus::Cancelled);
    assert!(!cancelled.can_cancel);

    let declared = guest
        .withdraw(
            &number,
            &WithdrawalInput {
                confirm: true,
                locale: Some(Locale::Es),
            },
        )
        .await
        .unwrap();
    assert!(declared.reference.starts_with("WD-"));
}
