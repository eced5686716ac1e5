//! A burst of photo uploads meets the photo worker limit: whatever cannot run or wait is
//! refused with `503 unavailable` and a `Retry-After` (never another 5xx), and every upload
//! that was accepted is stored and readable.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::returns::ana;
use common::*;
use std::time::Duration;

/// A PNG big enough that re-encoding it takes a while (so uploads overlap).
fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x ^ y) & 0xFF) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_gets_503_with_retry_after_and_the_rest_are_stored() {
    let t = std::sync::Arc::new(
        setup_with(aftercare_server::Config {
            photo_workers: 1,
            photo_queue: 0,
            photo_wait: Duration::from_millis(100),
            ..aftercare_server::Config::default()
        })
        .await,
    );
    let photo = axum::body::Bytes::from(png(1600, 1200));
    let uploads = (0..6).map(|i| {
        let (t, photo) = (t.clone(), photo.clone());
        // Half as return photos, half as review photos: one limit for both.
        let path = if i % 2 == 0 {
            "/v1/return-photos"
        } else {
            "/v1/review-photos"
        };
        tokio::spawn(async move {
            let r = t
                .send(
                    public("POST", path)
                        .header("authorization", ana())
                        .header("content-type", "image/png")
                        .body(Body::from(photo))
                        .unwrap(),
                )
                .await;
            (path, r)
        })
    });
    let replies = futures::future::join_all(uploads).await;
    let (mut stored, mut refused) = (0, 0);
    for reply in replies {
        let (path, r) = reply.unwrap();
        match r.status {
            StatusCode::CREATED => {
                stored += 1;
                let id = r.json()["id"].as_str().unwrap().to_owned();
                let got = t
                    .send(
                        axum::http::Request::get(format!("{path}/{id}"))
                            .body(Body::empty())
                            .unwrap(),
                    )
                    .await;
                assert_eq!(got.status, StatusCode::OK, "{path}/{id}");
                assert_eq!(got.header("content-type"), Some("image/jpeg"));
                assert!(image::load_from_memory(&got.body).is_ok());
            }
            StatusCode::SERVICE_UNAVAILABLE => {
                refused += 1;
                assert_eq!(r.code(), "unavailable");
                let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
                assert!((1..=30).contains(&retry), "Retry-After: {retry}");
                assert_eq!(r.json()["retry_after_seconds"], retry);
            }
            other => panic!(
                "{path}: unexpected {other}: {}",
                String::from_utf8_lossy(&r.body)
            ),
        }
    }
    assert!(stored >= 1, "at least the first upload runs");
    assert!(
        refused >= 1,
        "one worker, no queue: overlapping uploads are refused"
    );
    // Everything was released: the next upload runs.
    assert_eq!(t.state.photo_limit.in_flight(), 0);
    assert_eq!(t.state.photo_limit.queued(), 0);
}

#[tokio::test]
async fn a_queued_upload_waits_for_the_worker() {
    let t = setup_with(aftercare_server::Config {
        photo_workers: 1,
        photo_queue: 1,
        photo_wait: Duration::from_secs(30),
        ..aftercare_server::Config::default()
    })
    .await;
    // Hold the only worker, let one upload queue behind it, then free the worker.
    let held = t.state.photo_limit.acquire().await.unwrap();
    let upload = t.send(
        public("POST", "/v1/return-photos")
            .header("authorization", ana())
            .body(Body::from(png(64, 48)))
            .unwrap(),
    );
    let release = async {
        while t.state.photo_limit.queued() == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        // The queue (one slot) is full now: a third upload is refused at once.
        assert!(t.state.photo_limit.acquire().await.is_err());
        drop(held);
    };
    let (r, ()) = tokio::join!(upload, release);
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}

#[tokio::test]
async fn uploads_declare_503_in_the_openapi_document() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    for path in ["/v1/return-photos", "/v1/review-photos"] {
        let answer = &doc["paths"][path]["post"]["responses"]["503"];
        assert!(answer["content"]["application/json"].is_object(), "{path}");
        assert!(answer["headers"]["Retry-After"].is_object(), "{path}");
    }
}
