//! Shopper photo uploads for returns ("the zip is broken", "wrong colour"), made safe to
//! store and to show to merchants.
//!
//! An upload is hostile until proven otherwise: its name and declared content type are
//! ignored, the type is sniffed from the magic bytes, the dimensions are read from the header
//! and checked *before* any pixel is decoded (a 40 KB PNG can claim 20000×20000 pixels and
//! ask for 1.6 GB), and what is stored is never the uploaded file but a fresh JPEG encoded
//! from the decoded pixels. Re-encoding drops everything that is not pixels: EXIF (GPS
//! position of the shopper's home, camera serial number), XMP, IPTC, ICC profiles, comments
//! and any polyglot payload (HTML or script appended after the image data).
//!
//! [`process`] is CPU-bound (tens of milliseconds for a phone photo): call it from
//! `tokio::task::spawn_blocking`, never directly on the async runtime.

use std::io::Cursor;

use aftercare_shared::{ApiError, ErrorCode, FieldIssue};
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageFormat, ImageReader, Limits,
    RgbImage,
};

/// Largest upload accepted per file (10 MiB): a full-resolution phone photo is 2–6 MB, so this
/// leaves headroom while bounding the memory a single request can pin before it is refused.
/// Checked before anything else so an oversize body costs no parsing.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// Most pixels (width × height) accepted (40 MP, above any phone camera). Checked from the
/// header before decoding, so a decompression bomb (a 20000×20000 PNG of a few KB) is refused
/// without allocating its 1.6 GB pixel buffer.
pub const MAX_PIXELS: u64 = 40_000_000;

/// Longest side of the stored copy: merchants judge damage on screen, where 2048 px is
/// plenty, and it keeps stored photos around 200–600 KB whatever the shopper sent.
pub const STORED_MAX_SIDE: u32 = 2048;

/// Longest side the decoder is allowed to see. A second guard behind [`MAX_PIXELS`]: the
/// decoders enforce it themselves, so it holds even if a header were misread. Generous enough
/// for a 40 MP panorama (e.g. 30000×1300).
const MAX_DECODE_SIDE: u32 = 30_000;

/// Most bytes the decoder may allocate: [`MAX_PIXELS`] at the widest pixel type we decode
/// (16-bit RGBA, 8 bytes), so every image that passed the pixel check fits, nothing more.
const MAX_DECODE_ALLOC: u64 = MAX_PIXELS * 8;

/// JPEG quality of the stored copy: visually lossless for photos at a third of the size of 95.
const JPEG_QUALITY: u8 = 85;

/// The only image types accepted, recognised by their magic bytes. Deliberately excludes SVG
/// (can carry script), GIF (animation, palette tricks) and anything else a browser might
/// render in surprising ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoKind {
    /// `FF D8 FF`: what phone cameras produce.
    Jpeg,
    /// `89 50 4E 47 0D 0A 1A 0A`: screenshots.
    Png,
    /// `RIFF····WEBP`: what Android and some browsers produce when re-saving.
    Webp,
}

impl PhotoKind {
    /// The type of `bytes` judged from its first bytes only, never from a file name or a
    /// client-declared content type (both are trivially forged: `evil.svg` renamed `cat.jpg`).
    /// `None` for anything that is not JPEG, PNG or WebP.
    pub fn sniff(bytes: &[u8]) -> Option<PhotoKind> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.starts_with(PNG) {
            Some(Self::Png)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(Self::Webp)
        } else {
            None
        }
    }

    /// The MIME type of this kind, for logs and for telling the shopper what was received.
    /// (Stored copies are always JPEG; see [`StoredPhoto::content_type`].)
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            Self::Jpeg => ImageFormat::Jpeg,
            Self::Png => ImageFormat::Png,
            Self::Webp => ImageFormat::WebP,
        }
    }
}

/// Why an upload was refused. Each variant maps to one client-facing error (see the
/// `From<PhotoError> for Error` impl) so the widget can say what to do differently.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    /// A zero-byte body: usually a client bug or a cancelled file picker.
    #[error("the upload is empty")]
    Empty,
    /// Over [`MAX_UPLOAD_BYTES`]; refused before any parsing.
    #[error("the upload is {bytes} bytes, over the {MAX_UPLOAD_BYTES}-byte limit")]
    TooLarge {
        /// Size of the refused body.
        bytes: usize,
    },
    /// Not JPEG, PNG or WebP by its magic bytes (SVG, GIF, HTML, PDF, text…).
    #[error("the upload is not a JPEG, PNG or WebP image")]
    UnsupportedType,
    /// The header claims more than [`MAX_PIXELS`] pixels (or a side the decoder refuses).
    #[error("the image is {width}×{height} pixels, over the {MAX_PIXELS}-pixel limit")]
    TooManyPixels {
        /// Width claimed by the header.
        width: u32,
        /// Height claimed by the header.
        height: u32,
    },
    /// Right magic bytes but the data is corrupt, truncated or uses an unsupported variant.
    #[error("the image could not be decoded")]
    Undecodable,
}

/// The copy of a photo that is stored and served: always a baseline JPEG with no metadata,
/// at most [`STORED_MAX_SIDE`] on its longest side, upright (EXIF orientation applied).
#[derive(Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    /// The encoded JPEG.
    pub bytes: Vec<u8>,
    /// Always `"image/jpeg"`, whatever was uploaded, so serving code need not sniff again.
    pub content_type: &'static str,
    /// Width of the stored copy in pixels.
    pub width: u32,
    /// Height of the stored copy in pixels.
    pub height: u32,
}

/// Shows the size instead of megabytes of bytes, so a stray `{:?}` in a log stays readable.
impl std::fmt::Debug for StoredPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredPhoto")
            .field("bytes", &format_args!("[{} bytes]", self.bytes.len()))
            .field("content_type", &self.content_type)
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

/// Check, decode and re-encode one uploaded photo; the result is what may be stored.
///
/// Order matters for safety: size, then magic bytes, then the header's dimensions, and only
/// then a full decode (itself bounded by decoder limits). The stored copy is flattened onto
/// white (JPEG has no alpha), turned upright, downscaled to fit [`STORED_MAX_SIDE`] and
/// encoded as JPEG with no metadata segments at all.
///
/// CPU-bound: run it on a blocking thread.
pub fn process(upload: &[u8]) -> Result<StoredPhoto, PhotoError> {
    if upload.is_empty() {
        return Err(PhotoError::Empty);
    }
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge {
            bytes: upload.len(),
        });
    }
    let kind = PhotoKind::sniff(upload).ok_or(PhotoError::UnsupportedType)?;

    // Header only: no width/height limit yet, so a bomb is reported as `TooManyPixels` (with
    // its dimensions) rather than as an opaque limit error. Constructing a decoder reads the
    // headers but allocates no pixel buffer; `max_alloc` also caps the PNG decoder's own
    // internal buffers, which are fixed at construction.
    let mut reader = ImageReader::with_format(Cursor::new(upload), kind.format());
    reader.limits(decode_limits(None));
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Undecodable)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(PhotoError::Undecodable);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    let too_many = PhotoError::TooManyPixels { width, height };
    // zune-jpeg fills a truncated scan with grey and reports success; a half-grey photo is
    // useless as evidence of damage, so ask the shopper to send it again instead.
    if kind == PhotoKind::Jpeg && !jpeg_has_end(upload) {
        return Err(PhotoError::Undecodable);
    }

    // Second guard: the decoders enforce these limits themselves while decoding.
    decoder
        .set_limits(decode_limits(Some(MAX_DECODE_SIDE)))
        .map_err(|e| image_error(e, &too_many))?;
    if decoder.total_bytes() > MAX_DECODE_ALLOC {
        return Err(too_many);
    }
    // A malformed EXIF block only costs the rotation, not the photo.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let decoded = DynamicImage::from_decoder(decoder).map_err(|e| image_error(e, &too_many))?;

    let mut rgb = DynamicImage::ImageRgb8(flatten_onto_white(decoded));
    if rgb.width() > STORED_MAX_SIDE || rgb.height() > STORED_MAX_SIDE {
        rgb = rgb.resize(STORED_MAX_SIDE, STORED_MAX_SIDE, FilterType::Triangle);
    }
    // After the downscale: the bounding box is square, so the result is the same and the
    // rotation touches at most 4 MP instead of up to 40.
    rgb.apply_orientation(orientation);
    let rgb = rgb.into_rgb8();

    let mut bytes = Vec::with_capacity(256 * 1024);
    JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|_| PhotoError::Undecodable)?;

    Ok(StoredPhoto {
        bytes,
        content_type: "image/jpeg",
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// Whether a JPEG's entropy-coded data is followed by an EOI marker (`FF D9`), i.e. the file
/// was not cut short. Segments before the first scan are skipped by their length, because an
/// EXIF thumbnail inside APP1 carries an EOI of its own; inside scan data a literal `FF` is
/// always stuffed as `FF 00`, so the first `FF D9` after SOS is the real end.
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let mut i = 2; // after SOI
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(0xFF), Some(0xDA)) => break,
            (Some(0xFF), Some(0xD9)) => return false, // EOI before any scan: no image
            (Some(0xFF), Some(&m)) if (0xD0..=0xD7).contains(&m) || m == 0x01 => i += 2,
            (Some(0xFF), Some(_)) => match bytes.get(i + 2..i + 4) {
                Some(&[hi, lo]) => i += 2 + usize::from(u16::from_be_bytes([hi, lo])),
                _ => return false,
            },
            _ => return false,
        }
    }
    bytes[i..].windows(2).any(|w| w == [0xFF, 0xD9])
}

fn decode_limits(max_side: Option<u32>) -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = max_side;
    limits.max_image_height = max_side;
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

/// Limit errors mean "too big" (reported with the header's dimensions); anything else means
/// the data is broken.
fn image_error(e: ImageError, too_many: &PhotoError) -> PhotoError {
    match e {
        ImageError::Limits(_) => too_many.clone(),
        _ => PhotoError::Undecodable,
    }
}

/// JPEG has no alpha: composite transparent pixels onto white (what a screenshot with a
/// transparent background looks like in a browser) rather than letting them turn black.
fn flatten_onto_white(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let a = u16::from(a);
        let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

impl From<PhotoError> for crate::error::Error {
    /// Each refusal becomes the error a widget can act on: 413 and 415 for the body as a
    /// whole, `validation_failed` on the `photo` field for the rest. The `Api` variants are
    /// sent as is by `Error::to_api_error`, so these messages reach the client.
    fn from(e: PhotoError) -> Self {
        use crate::error::Error;
        match e {
            PhotoError::Empty => Error::field("photo", FieldIssue::Required, "The file is empty."),
            PhotoError::TooLarge { .. } => Error::PayloadTooLarge,
            PhotoError::UnsupportedType => Error::Api(ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "Only JPEG, PNG or WebP photos are accepted.",
            )),
            PhotoError::TooManyPixels { width, height } => Error::field(
                "photo",
                FieldIssue::OutOfRange,
                format!(
                    "The image is {width}×{height} pixels; at most {} megapixels are accepted.",
                    MAX_PIXELS / 1_000_000
                ),
            ),
            PhotoError::Undecodable => Error::field(
                "photo",
                FieldIssue::InvalidFormat,
                "The image could not be read.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use image::codecs::png::PngEncoder;
    use image::codecs::webp::WebPEncoder;
    use image::{ExtendedColorType, RgbaImage};

    fn gradient(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
        })
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = gradient(w, h);
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    fn png_rgba(img: &RgbaImage) -> Vec<u8> {
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
    fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
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
    fn assert_no_metadata(stored: &StoredPhoto) {
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

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    /// An APP1 Exif payload: little-endian TIFF, IFD0 with Orientation = 6 (rotate 90° CW to
    /// view) and a GPS IFD (version, latitude 52°31'12" N, and a recognisable processing
    /// method string).
    fn exif_with_gps() -> Vec<u8> {
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
    fn with_app1(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&(payload.len() as u16 + 2).to_be_bytes());
        out.extend_from_slice(payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn crc32(data: &[u8]) -> u32 {
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

    fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }

    /// A 57-byte PNG whose valid IHDR claims 20000×20000 RGBA (1.6 GB decoded).
    fn png_bomb() -> Vec<u8> {
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
}
