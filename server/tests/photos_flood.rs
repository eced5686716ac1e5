//! A flood of large photo uploads against a small photo worker pool: the process's peak
//! memory stays bounded, because at most `workers` uploads are read and decoded at once and
//! the rest wait briefly or are refused with 503. Prints the figures it measured.
//!
//! Alone in its test binary so the peak (`VmHWM`) is this test's own. 3 MP photos keep it
//! quick in a debug build; measured on a busy 2-core machine, the peak grew by ~80 MB with
//! 2 workers and by ~250 MB with the limit lifted (20 workers), and by ~310 MB with 2 workers
//! for 12 MP (4000×3000) photos.

#[path = "it/common/mod.rs"]
mod common;

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use common::returns::ana;
use common::*;
use std::time::Instant;

/// Uploads sent at once.
const FLOOD: usize = 20;
/// Peak resident memory the whole test process may reach (server, client and test data).
const PEAK_LIMIT_BYTES: u64 = 1_200 * 1024 * 1024;
/// How much the flood may raise the peak: about four 3 MP jobs' worth. Two workers stay well
/// under it; running all twenty at once does not.
const GROWTH_LIMIT_BYTES: u64 = 160 * 1024 * 1024;

/// A kernel figure of this process from `/proc/self/status`, in bytes (Linux only).
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A 3 MP JPEG (2000×1500) with detail everywhere, so it decodes like a photo.
fn large_jpeg() -> Vec<u8> {
    let (w, h) = (2000, 1500);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x ^ y) & 0xFF) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&img)
        .unwrap();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_large_uploads_stays_within_memory() {
    let t = std::sync::Arc::new(
        setup_with(aftercare_server::Config {
            photo_workers: 2,
            photo_queue: 2,
            ..aftercare_server::Config::default()
        })
        .await,
    );
    let photo = Bytes::from(large_jpeg());
    assert!(photo.len() < aftercare_server::photos::MAX_UPLOAD_BYTES);

    let before = status_bytes("VmHWM:");

    let started = Instant::now();
    let uploads = (0..FLOOD).map(|_| {
        let (t, photo) = (t.clone(), photo.clone());
        tokio::spawn(async move {
            let started = Instant::now();
            let r = upload(&t, photo).await;
            (r, started.elapsed())
        })
    });
    let replies = futures::future::join_all(uploads).await;
    let flood = started.elapsed();
    let (mut stored, mut refused) = (0, 0);
    let mut slowest_refusal = std::time::Duration::ZERO;
    let mut reencode = Vec::new();
    for reply in replies {
        let (r, took) = reply.unwrap();
        match r.status {
            StatusCode::CREATED => {
                stored += 1;
                reencode.push(took.as_secs_f64());
                let id = r.json()["id"].as_str().unwrap().to_owned();
                let got = t
                    .send(
                        axum::http::Request::get(format!("/v1/return-photos/{id}"))
                            .body(Body::empty())
                            .unwrap(),
                    )
                    .await;
                assert_eq!(got.status, StatusCode::OK);
            }
            StatusCode::SERVICE_UNAVAILABLE => {
                refused += 1;
                slowest_refusal = slowest_refusal.max(took);
                assert!(r.header("retry-after").is_some());
            }
            other => panic!("unexpected {other}: {}", String::from_utf8_lossy(&r.body)),
        }
    }
    let peak = status_bytes("VmHWM:");
    println!(
        "photo flood: {} KB JPEG 2000x1500, {FLOOD} at once, 2 workers + 2 queued: {stored} \
         stored (upload to 201: {reencode:.2?} s), {refused} refused with 503 (slowest \
         refusal {:.2} s), all done in {:.2} s; peak RSS {} MB before the flood, {} MB after",
        photo.len() / 1024,
        slowest_refusal.as_secs_f64(),
        flood.as_secs_f64(),
        before.map_or(0, |b| b / 1024 / 1024),
        peak.map_or(0, |b| b / 1024 / 1024),
    );
    assert!(stored >= 2, "the workers ran");
    assert!(
        refused >= 1,
        "a flood of {FLOOD} over 2 + 2 slots is partly refused"
    );
    assert_eq!(stored + refused, FLOOD);
    if let (Some(before), Some(peak)) = (before, peak) {
        assert!(
            peak - before < GROWTH_LIMIT_BYTES,
            "the flood raised the peak by {} MB",
            (peak - before) / 1024 / 1024
        );
        assert!(
            peak < PEAK_LIMIT_BYTES,
            "peak RSS {} MB over {} MB",
            peak / 1024 / 1024,
            PEAK_LIMIT_BYTES / 1024 / 1024
        );
    }
}

async fn upload(t: &TestApp, photo: Bytes) -> Reply {
    t.send(
        public("POST", "/v1/return-photos")
            .header("authorization", ana())
            .header("content-type", "image/jpeg")
            .body(Body::from(photo))
            .unwrap(),
    )
    .await
}
