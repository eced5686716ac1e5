//! Images built in memory for the tests: ordinary photos, metadata-laden JPEGs and hostile
//! files (pixel bombs), plus checks on what a stored copy may contain.

use super::{PhotoKind, StoredPhoto};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, ImageFormat, RgbImage, RgbaImage};

/// A smooth RGB image (compresses like a photo, not like a flat colour).
pub(super) fn gradient(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
    })
}

/// An ordinary JPEG of that size, as a phone would upload it.
pub(super) fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = gradient(w, h);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A PNG with an alpha channel.
pub(super) fn png_rgba(img: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            ExtendedColorType::Rgba8,
        )
        .unwrap();
    out
}

/// The marker bytes of every segment before the scan data (SOI excluded).
pub(super) fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(&bytes[..2], [0xFF, 0xD8], "starts with SOI");
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() {
        assert_eq!(bytes[i], 0xFF, "segment at {i}");
        let marker = bytes[i + 1];
        markers.push(marker);
        if marker == 0xDA {
            break; // SOS: entropy-coded data follows
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        i += 2 + len;
    }
    markers
}

/// Stored copies may carry the JFIF APP0 header and nothing else from the APPn/COM family.
pub(super) fn assert_no_metadata(stored: &StoredPhoto) {
    assert_eq!(stored.content_type, "image/jpeg");
    assert_eq!(PhotoKind::sniff(&stored.bytes), Some(PhotoKind::Jpeg));
    for m in jpeg_markers(&stored.bytes) {
        assert!(
            !(0xE1..=0xEF).contains(&m) && m != 0xFE,
            "metadata segment FF{m:02X} in the stored copy"
        );
    }
    for needle in [&b"Exif\0"[..], b"http://ns.adobe.com/xap", b"ICC_PROFILE"] {
        assert!(!contains(&stored.bytes, needle));
    }
    let back = image::load_from_memory_with_format(&stored.bytes, ImageFormat::Jpeg).unwrap();
    assert_eq!((back.width(), back.height()), (stored.width, stored.height));
}

/// Whether `needle` occurs in `haystack` (looking for metadata left in a stored copy).
pub(super) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An APP1 Exif payload: little-endian TIFF, IFD0 with Orientation = 6 (rotate 90° CW to
/// view) and a GPS IFD (version, latitude 52°31'12" N, and a recognisable processing
/// method string).
pub(super) fn exif_with_gps() -> Vec<u8> {
    fn entry(t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    }
    const SECRET: &[u8] = b"ASCII\0\0\0GPS-SECRET-52.5200N-13.4050E";
    let mut t = b"II\x2A\x00\x08\x00\x00\x00".to_vec();
    // IFD0 at 8: 2 entries → 2 + 24 + 4 = 30 bytes, so the GPS IFD starts at 38.
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0112, 3, 1, 6); // Orientation (SHORT, left-justified)
    entry(&mut t, 0x8825, 4, 1, 38); // GPSInfo IFD pointer
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 38);
    // GPS IFD: 4 entries → 2 + 48 + 4 = 54 bytes; data from 92.
    t.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut t, 0x0000, 1, 4, u32::from_le_bytes([2, 3, 0, 0])); // GPSVersionID
    entry(&mut t, 0x0001, 2, 2, u32::from_le_bytes([b'N', 0, 0, 0])); // GPSLatitudeRef
    entry(&mut t, 0x0002, 5, 3, 92); // GPSLatitude (3 RATIONALs)
    entry(&mut t, 0x001B, 7, SECRET.len() as u32, 116); // GPSProcessingMethod
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 92);
    for (num, den) in [(52u32, 1u32), (31, 1), (12, 1)] {
        t.extend_from_slice(&num.to_le_bytes());
        t.extend_from_slice(&den.to_le_bytes());
    }
    t.extend_from_slice(SECRET);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&t);
    payload
}

/// `jpeg` with an APP1 segment holding `payload` inserted right after SOI.
pub(super) fn with_app1(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(payload.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The CRC-32 PNG chunks carry, so hand-made chunks are accepted by the decoder.
pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Append one PNG chunk (length, type, data, CRC).
pub(super) fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A 57-byte PNG whose valid IHDR claims 20000×20000 RGBA (1.6 GB decoded).
pub(super) fn png_bomb() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no filter, no interlace
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    png_chunk(&mut out, b"IEND", &[]);
    out
}
