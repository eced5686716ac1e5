//! QR codes for return labels, as inline SVG.
//!
//! A printed return label carries a QR code the carrier's or the shop's scanner reads at
//! drop-off. SVG rather than PNG: it is a few KB, stays sharp at any print resolution, and
//! needs no image library at render time. The path is rendered here from the module matrix
//! (rather than by `qrcode`'s own SVG renderer) so the image can carry a `<title>` for screen
//! readers and a `viewBox` independent of its display size.

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, in modules. 4 is what ISO/IEC 18004 requires; scanners
/// struggle to find the finder patterns with less, especially next to other label print.
const QUIET_ZONE: usize = 4;

/// Why a QR code could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// `text` does not fit the largest QR code (version 40) at error-correction level M:
    /// about 2 300 bytes of arbitrary text, fewer than any label URL should ever need.
    #[error("{bytes} bytes do not fit in a QR code at error-correction level M")]
    TooLong {
        /// Length of the refused text.
        bytes: usize,
    },
}

/// Render `text` as a QR code SVG (dark modules on white, a 4-module quiet zone,
/// `shape-rendering="crispEdges"`, a `<title>` with `title` for screen readers, viewBox-based
/// so it scales; width/height attributes `size_px`).
///
/// Error-correction level M (15% of the code may be damaged): a crumpled or smudged label
/// still scans, while a typical label URL still fits a small code (version 4, 33×33 modules).
/// `title` is XML-escaped; `text` is only encoded into modules, never written into the SVG.
///
/// # Panics
///
/// If `text` does not fit in a QR code (see [`QrError::TooLong`]). Label URLs are built by
/// the server and are far below the limit, so that is a bug; use [`try_svg`] for text whose
/// length is not under the server's control.
pub fn svg(text: &str, title: &str, size_px: u32) -> String {
    try_svg(text, title, size_px).unwrap_or_else(|e| panic!("QR code for a label: {e}"))
}

/// [`svg`] for text of any length: an error instead of a panic when `text` does not fit.
pub fn try_svg(text: &str, title: &str, size_px: u32) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong { bytes: text.len() })?;
    Ok(render(&code, title, size_px))
}

/// `text` as a QR code PNG, `scale` pixels per module with the quiet zone, black on white:
/// for email, where clients show PNG but not SVG. Error-correction level M like [`svg`].
pub fn png(text: &str, scale: u32) -> Result<Vec<u8>, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong { bytes: text.len() })?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = u32::try_from(modules + 2 * QUIET_ZONE).unwrap_or(u32::MAX) * scale.max(1);
    let scale = scale.max(1) as usize;
    let img = image::GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x as usize / scale, y as usize / scale);
        let dark = (QUIET_ZONE..QUIET_ZONE + modules).contains(&mx)
            && (QUIET_ZONE..QUIET_ZONE + modules).contains(&my)
            && colors[(my - QUIET_ZONE) * modules + (mx - QUIET_ZONE)] == Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|_| QrError::TooLong { bytes: text.len() })?;
    Ok(out.into_inner())
}

fn render(code: &QrCode, title: &str, size_px: u32) -> String {
    let modules = code.width();
    let side = modules + 2 * QUIET_ZONE;
    let colors = code.to_colors();

    let mut out = String::with_capacity(600 + modules * modules * 4);
    // `write!` into a String cannot fail.
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{size_px}" height="{size_px}" viewBox="0 0 {side} {side}" shape-rendering="crispEdges" role="img"><title>{title}</title><rect width="{side}" height="{side}" fill="#fff"/><path fill="#000" d=""##,
        title = crate::charts::esc(title),
    );
    // One subpath per horizontal run of dark modules: ~4× shorter than one per module.
    for (y, row) in colors.chunks(modules).enumerate() {
        let mut x = 0;
        while x < modules {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                out,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    out.push_str(r#""/></svg>"#);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_is_a_square_black_and_white_code_with_its_quiet_zone() {
        let bytes = png(URL, 4).unwrap();
        let img = image::load_from_memory(&bytes).unwrap().to_luma8();
        assert_eq!(img.width(), img.height());
        let modules = QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::M)
            .unwrap()
            .width() as u32;
        assert_eq!(img.width(), (modules + 8) * 4);
        assert!(img.pixels().all(|p| p.0[0] == 0 || p.0[0] == 255));
        // The quiet zone is white; the top-left finder pattern's corner is black.
        assert_eq!(img.get_pixel(15, 15).0[0], 255);
        assert_eq!(img.get_pixel(16, 16).0[0], 0);
    }

    const URL: &str = "https://shop.example/v1/returns/RMA-7K3M9Q2X/label?t=abc";

    /// The dark modules the SVG's path paints, as (x, y) in viewBox units, parsed back from
    /// the `M x y h n v1 h-n z` subpaths `render` writes.
    fn painted(doc: &roxmltree::Document) -> Vec<(usize, usize)> {
        let path = doc
            .descendants()
            .find(|n| n.has_tag_name("path"))
            .expect("a <path>");
        let mut cells = Vec::new();
        for sub in path
            .attribute("d")
            .unwrap()
            .split('z')
            .filter(|s| !s.is_empty())
        {
            let (head, rest) = sub[1..].split_once('h').expect("M x yh…");
            let (x, y) = head.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let (run, tail) = rest.split_once('v').unwrap();
            let run: usize = run.parse().unwrap();
            assert_eq!(tail, format!("1h-{run}"), "unexpected subpath {sub}");
            cells.extend((x..x + run).map(|x| (x, y)));
        }
        cells
    }

    fn side_of(doc: &roxmltree::Document) -> usize {
        let view_box = doc.root_element().attribute("viewBox").unwrap();
        let parts: Vec<&str> = view_box.split(' ').collect();
        assert_eq!(parts[..2], ["0", "0"]);
        assert_eq!(parts[2], parts[3], "square");
        parts[2].parse().unwrap()
    }

    #[test]
    fn svg_is_well_formed_with_title_size_and_crisp_edges() {
        let out = svg(URL, "Return label QR code for RMA-7K3M9Q2X", 240);
        let doc = roxmltree::Document::parse(&out).expect("valid XML");
        let root = doc.root_element();
        assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
        assert_eq!(root.attribute("width"), Some("240"));
        assert_eq!(root.attribute("height"), Some("240"));
        assert_eq!(root.attribute("shape-rendering"), Some("crispEdges"));
        let first = root.first_element_child().unwrap();
        assert!(first.has_tag_name("title"), "the title comes first");
        assert_eq!(first.text(), Some("Return label QR code for RMA-7K3M9Q2X"));
        let rect = doc.descendants().find(|n| n.has_tag_name("rect")).unwrap();
        assert_eq!(rect.attribute("fill"), Some("#fff"));
    }

    #[test]
    fn title_is_escaped() {
        let title = r#"Return <RMA-1> & "quotes" 'too' </title><script>alert(1)</script>"#;
        let out = svg(URL, title, 100);
        assert!(!out.contains("<script>"));
        let doc = roxmltree::Document::parse(&out).expect("valid XML");
        let t = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(t.text(), Some(title));
        assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    }

    #[test]
    fn module_count_matches_the_version_and_the_matrix() {
        let code = QrCode::with_error_correction_level(URL, EcLevel::M).unwrap();
        // 56 bytes at level M: version 4, 4·4 + 17 = 33 modules a side.
        assert_eq!(code.version(), qrcode::Version::Normal(4));
        assert_eq!(code.width(), 33);

        let out = svg(URL, "label", 200);
        let doc = roxmltree::Document::parse(&out).unwrap();
        let side = side_of(&doc);
        assert_eq!(side, 33 + 2 * QUIET_ZONE);

        let cells = painted(&doc);
        let mut expected = Vec::new();
        for y in 0..33 {
            for x in 0..33 {
                if code[(x, y)] == Color::Dark {
                    expected.push((x + QUIET_ZONE, y + QUIET_ZONE));
                }
            }
        }
        assert_eq!(
            cells, expected,
            "every dark module, and only those, is painted"
        );
        // The quiet zone stays white.
        assert!(cells
            .iter()
            .all(|&(x, y)| (QUIET_ZONE..side - QUIET_ZONE).contains(&x)
                && (QUIET_ZONE..side - QUIET_ZONE).contains(&y)));
    }

    #[test]
    fn decodes_back_to_the_text() {
        for text in [
            URL,
            "RMA-1",
            "https://shop.example/v1/returns/RMA-ÄÖÜ?t=é&x=<1>",
        ] {
            let out = svg(text, "label", 200);
            let doc = roxmltree::Document::parse(&out).unwrap();
            let side = side_of(&doc);
            let dark: std::collections::HashSet<_> = painted(&doc).into_iter().collect();
            // Rasterise the SVG's own path at 4 px per module and scan it.
            const PX: usize = 4;
            let mut img =
                rqrr::PreparedImage::prepare_from_greyscale(side * PX, side * PX, |x, y| {
                    if dark.contains(&(x / PX, y / PX)) {
                        0
                    } else {
                        255
                    }
                });
            let grids = img.detect_grids();
            assert_eq!(grids.len(), 1, "one QR code found");
            let (_, content) = grids[0].decode().expect("decodes");
            assert_eq!(content, text);
        }
    }

    #[test]
    fn different_inputs_give_different_svgs() {
        let a = svg(URL, "label", 200);
        let b = svg(&URL.replace("abc", "abd"), "label", 200);
        assert_ne!(a, b);
        assert_eq!(a, svg(URL, "label", 200), "deterministic");
    }

    #[test]
    fn too_long_text_is_an_error_not_a_panic() {
        let long = "x".repeat(5000);
        assert_eq!(
            try_svg(&long, "label", 200),
            Err(QrError::TooLong { bytes: 5000 })
        );
        assert!(std::panic::catch_unwind(|| svg(&long, "label", 200)).is_err());
    }
}
