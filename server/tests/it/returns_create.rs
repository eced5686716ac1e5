//! Creating returns safely: idempotent creation, the oversubscription race, and hostile
//! photo uploads attached only by their uploader.

use crate::common;

use aftercare_shared::token::{self, Claims, TokenKind};
use axum::body::Body;
use axum::http::StatusCode;
use common::returns::*;
use common::*;
use serde_json::json;

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(t: &TestApp, auth: &str, bytes: Vec<u8>, content_type: &str) -> Reply {
    t.send(
        public("POST", "/v1/return-photos")
            .header("authorization", auth)
            .header("content-type", content_type)
            .body(Body::from(bytes))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn creating_is_idempotent_and_reduces_what_is_left() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let body = json!({"method": "pickup", "locale": "es", "lines": [
        {"item_id": socks, "quantity": 2, "reason": "too_small", "resolution": "refund"},
        {"item_id": sweater, "quantity": 1, "reason": "too_large", "resolution": "exchange", "exchange_sku": "MER-CREW-FG-S"},
    ]});
    let first = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &body,
        Some("draft-1"),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.json());
    let d = first.json();
    let rma = d["rma"].as_str().unwrap().to_owned();
    assert!(rma.starts_with("RMA-") && rma.len() == 12, "{rma}");
    assert_eq!(d["status"], "requested");
    assert_eq!(d["can_cancel"], true);
    assert_eq!(d["history"][0]["status"], "requested");
    // Lines come back in the order's line order.
    assert_eq!(d["lines"][0]["sku"], "MER-CREW-FG-M");
    assert_eq!(d["lines"][0]["exchange"]["label"], "Forest Green / S");
    assert_eq!(d["lines"][1]["reason_label"], "Demasiado pequeño");
    assert!(d["instructions"].as_str().unwrap().contains(&rma));
    assert!(d["label_url"].as_str().unwrap().contains("/label?t="));
    // The retry carries a token minted later (another expiry, so other text) for the same
    // customer, as after a page reload: it still replays instead of acting twice.
    let later = token::mint(
        &Claims {
            kind: TokenKind::Customer,
            store: PK.into(),
            sub: "cus_ana".into(),
            exp: now_s() + 900,
        },
        SK,
    );
    let again = post(
        &t,
        "/v1/orders/1029/returns",
        &format!("Bearer {later}"),
        &body,
        Some("draft-1"),
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.json());
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json()["rma"], rma.as_str());
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        1
    );
    assert_eq!(
        line(&o, "MER-CREW-FG-M")["returnability"]["blocked"],
        "already_returned"
    );
    assert_eq!(o["returns"][0]["rma"], rma.as_str());
    assert_eq!(o["returns"][0]["units"], 3);
}

#[tokio::test]
async fn concurrent_requests_never_return_more_units_than_were_bought() {
    let t = setup().await;
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    // Eight shoppers' tabs each try to return two of the three socks at once.
    let body = json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 2, "reason": "too_small", "resolution": "refund"},
    ]});
    let auth = ana();
    let attempts = (0..8).map(|i| {
        let t = &t;
        let body = &body;
        let auth = &auth;
        async move {
            post(
                t,
                "/v1/orders/1029/returns",
                auth,
                body,
                Some(&format!("race-{i}")),
            )
            .await
            .status
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{statuses:?}");
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT));
    let o = item_ids(&t, "1029", &ana()).await;
    assert_eq!(
        line(&o, "SOCK-WOOL-HIKE")["returnability"]["returnable_quantity"],
        1
    );
}

#[tokio::test]
async fn photos_are_sniffed_reencoded_and_attached_only_by_their_uploader() {
    let t = setup().await;
    let r = upload(&t, &ana(), png(64, 48), "image/png").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let photo = r.json();
    let id = photo["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (photo["width"].clone(), photo["height"].clone()),
        (json!(64), json!(48))
    );
    let url = photo["url"].as_str().unwrap();
    let path = &url[url.find("/v1/").unwrap()..];
    let got = t
        .send(axum::http::Request::get(path).body(Body::empty()).unwrap())
        .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.header("content-type"), Some("image/jpeg"));
    assert_eq!(&got.body[..3], &[0xFF, 0xD8, 0xFF]);

    // Hostile uploads: SVG with script, text named as an image, a pixel bomb header.
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec();
    let r = upload(&t, &ana(), svg, "image/png").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.code(), "unsupported_media_type");
    let r = upload(&t, &ana(), b"just text, honest".to_vec(), "image/jpeg").await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let mut bomb = png(1, 1);
    // Patch IHDR to claim 20 000 × 20 000 (the CRC no longer matches: refused either way,
    // before any pixel is allocated).
    bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    let r = upload(&t, &ana(), bomb, "image/png").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.json());
    let r = upload(&t, &ana(), vec![0u8; 11 * 1024 * 1024], "image/jpeg").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload_too_large");
    // Without a shopper token nothing is stored.
    let r = t
        .send(
            public("POST", "/v1/return-photos")
                .body(Body::from(png(4, 4)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Another shopper cannot attach Ana's photo.
    let o = item_ids(&t, "1029", &ana()).await;
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    let dev_photo = upload(
        &t,
        &format!("Bearer {}", customer_token("cus_dev")),
        png(8, 8),
        "image/png",
    )
    .await
    .json();
    let damaged = |photo: &str| {
        json!({"method": "drop_off", "lines": [
            {"item_id": socks, "quantity": 1, "reason": "damaged", "resolution": "refund", "photo_ids": [photo]},
        ]})
    };
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &damaged(dev_photo["id"].as_str().unwrap()),
        Some("p1"),
    )
    .await;
    assert_eq!(
        fields(&r),
        vec![("lines[0].photo_ids".into(), "unknown_reference".into())]
    );
    let r = post(
        &t,
        "/v1/orders/1029/returns",
        &ana(),
        &damaged(&id),
        Some("p2"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["lines"][0]["photos"][0]["id"], id.as_str());
}
