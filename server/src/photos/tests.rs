//! What `process` accepts, refuses and stores.

use super::fixtures::*;
use super::*;
use crate::error::Error;
use image::codecs::webp::WebPEncoder;
use image::{ExtendedColorType, RgbaImage};

#[test]
fn sniffs_magic_bytes_only() {
    assert_eq!(PhotoKind::sniff(&jpeg(8, 8)), Some(PhotoKind::Jpeg));
    assert_eq!(PhotoKind::sniff(&png_bomb()), Some(PhotoKind::Png));
    assert_eq!(
        PhotoKind::sniff(b"RIFF\x10\0\0\0WEBPVP8L"),
        Some(PhotoKind::Webp)
    );
    for other in [
        &b""[..],
        b"\xFF\xD8",
        b"RIFF\x10\0\0\0WAVEfmt ",
        b"RIFF\x10\0\0\0WEB",
        b"GIF89a\x01\0\x01\0",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        b"<!DOCTYPE html><html><script>alert(1)</script>",
        b"%PDF-1.7\n",
        b"just some text saved as photo.jpg",
        b"\x89PNX\r\n\x1a\n",
    ] {
        assert_eq!(
            PhotoKind::sniff(other),
            None,
            "{:?}",
            String::from_utf8_lossy(other)
        );
    }
    assert_eq!(PhotoKind::Jpeg.mime(), "image/jpeg");
    assert_eq!(PhotoKind::Png.mime(), "image/png");
    assert_eq!(PhotoKind::Webp.mime(), "image/webp");
}

#[test]
fn empty_upload_is_refused() {
    assert_eq!(process(b""), Err(PhotoError::Empty));
}

#[test]
fn oversize_upload_is_refused_before_anything_else() {
    // Not even an image: the length is checked before the type.
    let zeros = vec![0u8; MAX_UPLOAD_BYTES + 1];
    assert_eq!(
        process(&zeros),
        Err(PhotoError::TooLarge {
            bytes: MAX_UPLOAD_BYTES + 1
        })
    );
    let mut padded = jpeg(16, 16);
    padded.resize(MAX_UPLOAD_BYTES + 1, 0);
    assert!(matches!(process(&padded), Err(PhotoError::TooLarge { .. })));
    // Exactly at the limit is not "too large" (here: a JPEG with junk after EOI).
    padded.truncate(MAX_UPLOAD_BYTES);
    assert!(!matches!(
        process(&padded),
        Err(PhotoError::TooLarge { .. })
    ));
}

#[test]
fn svg_html_gif_pdf_and_text_are_unsupported() {
    for body in [
        &br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>"#[..],
        b"<html><body><img src=x onerror=alert(1)></body></html>",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        b"%PDF-1.4\n1 0 obj<<>>endobj\n",
        b"this is not a photo.jpg\n",
    ] {
        assert_eq!(process(body), Err(PhotoError::UnsupportedType));
    }
}

#[test]
fn png_with_wrong_magic_bytes_is_unsupported() {
    let mut png = png_rgba(&RgbaImage::new(4, 4));
    png[1] = b'X'; // "\x89XNG…"
    assert_eq!(process(&png), Err(PhotoError::UnsupportedType));
}

#[test]
fn png_bomb_is_refused_from_its_header() {
    let bomb = png_bomb();
    assert!(bomb.len() < 100);
    assert_eq!(
        process(&bomb),
        Err(PhotoError::TooManyPixels {
            width: 20_000,
            height: 20_000
        })
    );
}

#[test]
fn jpeg_claiming_huge_dimensions_is_refused_from_its_header() {
    let mut bomb = jpeg(16, 16);
    // Patch the baseline frame header (SOF0: FF C0 len precision height width).
    let sof = bomb.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bomb[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    bomb[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    assert_eq!(
        process(&bomb),
        Err(PhotoError::TooManyPixels {
            width: 60_000,
            height: 60_000
        })
    );
}

#[test]
fn truncated_or_corrupt_images_are_undecodable() {
    let good = jpeg(64, 64);
    // In the headers, in the scan data, and just before EOI (which zune-jpeg alone would
    // accept, filling the rest with grey).
    for cut in [3, 20, 100, good.len() / 2, good.len() - 2] {
        assert_eq!(
            process(&good[..cut]),
            Err(PhotoError::Undecodable),
            "cut at {cut}"
        );
    }
    assert!(jpeg_has_end(&good));
    // An EXIF thumbnail's EOI inside APP1 does not count as the end of the photo.
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&jpeg(8, 8));
    let with_thumb = with_app1(&good, &app1);
    assert!(process(&with_thumb).is_ok());
    assert_eq!(
        process(&with_thumb[..with_thumb.len() / 2]),
        Err(PhotoError::Undecodable)
    );
    let png = png_rgba(&RgbaImage::new(32, 32));
    assert_eq!(process(&png[..png.len() / 2]), Err(PhotoError::Undecodable));
    assert_eq!(
        process(b"RIFF\x10\0\0\0WEBPVP8 junk"),
        Err(PhotoError::Undecodable)
    );
}

#[test]
fn gps_exif_is_stripped_and_orientation_applied() {
    let exif = exif_with_gps();
    let upload = with_app1(&jpeg(40, 20), &exif);
    assert!(contains(&upload, b"GPS-SECRET"));
    assert_eq!(
        jpeg_markers(&upload)[0],
        0xE1,
        "the test input really carries APP1"
    );

    let stored = process(&upload).unwrap();
    assert_no_metadata(&stored);
    assert!(!contains(&stored.bytes, b"GPS-SECRET"));
    assert!(!contains(&stored.bytes, b"Exif"));
    // Orientation 6: a 40×20 sensor image is shown (and stored) 20×40.
    assert_eq!((stored.width, stored.height), (20, 40));
}

#[test]
fn bytes_after_the_image_are_not_kept() {
    let mut polyglot = jpeg(16, 16);
    polyglot.extend_from_slice(b"<html><script>alert(1)</script></html>");
    let stored = process(&polyglot).unwrap();
    assert_no_metadata(&stored);
    assert!(!contains(&stored.bytes, b"<script>"));
}

#[test]
fn jpeg_is_reencoded_at_its_size() {
    let stored = process(&jpeg(300, 200)).unwrap();
    assert_eq!((stored.width, stored.height), (300, 200));
    assert_no_metadata(&stored);
}

#[test]
fn webp_is_accepted_and_stored_as_jpeg() {
    let img = gradient(64, 48);
    let mut webp = Vec::new();
    WebPEncoder::new_lossless(&mut webp)
        .write_image(img.as_raw(), 64, 48, ExtendedColorType::Rgb8)
        .unwrap();
    assert_eq!(PhotoKind::sniff(&webp), Some(PhotoKind::Webp));
    let stored = process(&webp).unwrap();
    assert_eq!((stored.width, stored.height), (64, 48));
    assert_no_metadata(&stored);
}

#[test]
fn png_alpha_is_flattened_onto_white() {
    // Left half fully transparent (black underneath), right half opaque red.
    let img = RgbaImage::from_fn(64, 32, |x, _| {
        if x < 32 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([255, 0, 0, 255])
        }
    });
    let stored = process(&png_rgba(&img)).unwrap();
    assert_eq!((stored.width, stored.height), (64, 32));
    assert_no_metadata(&stored);
    let back = image::load_from_memory(&stored.bytes).unwrap().into_rgb8();
    let [r, g, b] = back.get_pixel(8, 16).0;
    assert!(
        r > 245 && g > 245 && b > 245,
        "transparent became white: {r} {g} {b}"
    );
    let [r, g, b] = back.get_pixel(56, 16).0;
    assert!(
        r > 230 && g < 30 && b < 30,
        "opaque red stays red: {r} {g} {b}"
    );
}

#[test]
fn large_images_are_downscaled_keeping_the_aspect_ratio() {
    let img = RgbaImage::from_fn(3000, 1000, |x, y| {
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 0, 255])
    });
    let stored = process(&png_rgba(&img)).unwrap();
    assert_eq!(stored.width, STORED_MAX_SIDE);
    assert!(
        stored.height == 682 || stored.height == 683,
        "{}",
        stored.height
    );
    assert_no_metadata(&stored);
}

#[test]
fn errors_map_to_client_errors() {
    let api = |e: PhotoError| Error::from(e).to_api_error();

    let e = api(PhotoError::Empty);
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert_eq!(e.fields[0].field, "photo");
    assert_eq!(e.fields[0].issue, FieldIssue::Required);
    assert_eq!(e.fields[0].message, "The file is empty.");

    let e = Error::from(PhotoError::TooLarge { bytes: 11 << 20 });
    assert!(matches!(e, Error::PayloadTooLarge));
    assert_eq!(e.status_code().as_u16(), 413);

    let e = Error::from(PhotoError::UnsupportedType);
    assert_eq!(e.status_code().as_u16(), 415);
    let body = e.to_api_error();
    assert_eq!(body.code, ErrorCode::UnsupportedMediaType);
    assert_eq!(body.message, "Only JPEG, PNG or WebP photos are accepted.");

    let e = api(PhotoError::TooManyPixels {
        width: 20_000,
        height: 20_000,
    });
    assert_eq!(e.fields[0].field, "photo");
    assert_eq!(e.fields[0].issue, FieldIssue::OutOfRange);
    assert!(
        e.fields[0].message.contains("20000×20000"),
        "{}",
        e.fields[0].message
    );
    assert!(e.fields[0].message.contains("40 megapixels"));

    let e = api(PhotoError::Undecodable);
    assert_eq!(e.fields[0].field, "photo");
    assert_eq!(e.fields[0].issue, FieldIssue::InvalidFormat);
    assert_eq!(e.fields[0].message, "The image could not be read.");
}
