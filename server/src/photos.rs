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
//! [`process`] is CPU-bound (tens of milliseconds for a phone photo, about a second and up to
//! ~320 MB for a 40 MP one): call it from `tokio::task::spawn_blocking`, never directly on the
//! async runtime, and behind a [`limit::PhotoLimiter`] permit so a burst cannot run them all.

pub mod limit;

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
mod fixtures;
#[cfg(test)]
mod tests;
