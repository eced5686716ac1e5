//! The shared typed client against a real TCP server: what widgets and Rust backends do.

mod common;

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
        ["1003", "1002", "1021", "1025", "1029", "1011", "1001", "1017"],
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
        }],
        shipping_minor: 500,
        tax_minor: 0,
        discount_minor: 0,
        shipping_address: None,
        payment: None,
        cancelled: false,
        shipments: vec![],
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
            assert_eq!(error.code, ErrorCode::InvalidToken)
        }
        other => panic!("expected 401, got {other:?}"),
    }
}
