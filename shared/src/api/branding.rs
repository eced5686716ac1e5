//! A store's look (`GET`/`PUT /v1/admin/store/branding`): the colours, corners and type its
//! widgets take on every storefront, through the theme stylesheet the server makes of it
//! (`/theme/{publishable_key}.css`), and its emails take as well. One document, one rule set:
//! the server, the console's form and its live preview all use the code here.
//!
//! Contrast is a rule, not advice: the widgets are read by shoppers who may see poorly, and a
//! brand colour that fails WCAG 2.2 AA (4.5:1 for text) would make every widget fail it.

use crate::error::{ApiError, FieldIssue};
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// The store's look, read and replaced as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Branding {
    /// The seven theme colours.
    pub colors: BrandColors,
    /// Corner radius of cards, buttons and inputs, in CSS pixels (0–24).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 24))]
    pub radius_px: u32,
    /// The typeface family.
    pub font: FontChoice,
    /// Base text size in CSS pixels (14–20); headings and small print scale from it.
    #[cfg_attr(feature = "openapi", schema(minimum = 14, maximum = 20))]
    pub font_size_px: u32,
}

/// Theme colours, each `#rrggbb`; each becomes a `--aftercare-color-*` property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BrandColors {
    /// Buttons, links and focus rings (`--aftercare-color-primary`); 4.5:1 against the
    /// background, since links are text.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub primary: String,
    /// Text on primary buttons (`--aftercare-color-on-primary`); 4.5:1 against primary.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub on_primary: String,
    /// Body text (`--aftercare-color-text`); 4.5:1 against the background.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub text: String,
    /// The widgets' background (`--aftercare-color-background`).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub background: String,
    /// Secondary text such as dates and hints (`--aftercare-color-muted`); 4.5:1 against
    /// the background.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub muted: String,
    /// Card and divider lines (`--aftercare-color-border`); decorative, no contrast rule.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub border: String,
    /// Quiet panels and loading placeholders (`--aftercare-color-surface`).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub surface: String,
}

/// A typeface family the widgets can rely on everywhere: system stacks only, since a web font
/// would mean another download on the shopper's page (and another CSP exception).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FontChoice {
    /// The device's interface font (the default).
    System,
    /// A humanist sans-serif (Segoe UI, Helvetica Neue, Arial…).
    Humanist,
    /// A book serif (Georgia, Times…).
    Serif,
    /// A rounded sans-serif where the device has one.
    Rounded,
}

impl FontChoice {
    /// Every choice, in the order a form lists them.
    pub const ALL: [FontChoice; 4] = [
        FontChoice::System,
        FontChoice::Humanist,
        FontChoice::Serif,
        FontChoice::Rounded,
    ];

    /// The wire name (`system`, `humanist`…), also the form's value.
    pub fn code(self) -> &'static str {
        match self {
            FontChoice::System => "system",
            FontChoice::Humanist => "humanist",
            FontChoice::Serif => "serif",
            FontChoice::Rounded => "rounded",
        }
    }

    /// The choice named `code`.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The CSS `font-family` stack.
    pub fn stack(self) -> &'static str {
        match self {
            FontChoice::System => {
                r#"system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif"#
            }
            FontChoice::Humanist => {
                r#""Segoe UI","Helvetica Neue",Helvetica,Arial,"Noto Sans",sans-serif"#
            }
            FontChoice::Serif => r#"Georgia,Cambria,"Times New Roman",Times,serif"#,
            FontChoice::Rounded => {
                r#"ui-rounded,"SF Pro Rounded","Hiragino Maru Gothic ProN",Quicksand,Nunito,system-ui,sans-serif"#
            }
        }
    }
}

/// A colour as red, green and blue (0–255), for the contrast rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (either case), or `None`.
    pub fn parse(hex: &str) -> Option<Self> {
        let digits = hex.strip_prefix('#')?;
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG 2.2 relative luminance (0 black … 1 white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio with `other` (1 … 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// Text contrast WCAG 2.2 AA asks for (1.4.3).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// The custom elements the theme stylesheet styles.
pub const ELEMENTS: [&str; 6] = [
    "aftercare-tracking",
    "aftercare-returns",
    "aftercare-account",
    "aftercare-reviews",
    "aftercare-nps",
    "aftercare-review",
];

/// The elements that always render, so their space is kept from the first paint (the others
/// may decide not to show at all and must not leave a hole).
pub const RESERVED: [&str; 4] = [
    "aftercare-tracking",
    "aftercare-returns",
    "aftercare-account",
    "aftercare-reviews",
];

/// A pair the contrast rule checks: the field reported, the other field, and the pair's
/// colours.
pub struct ContrastPair {
    /// The colour reported when the pair fails (`colors.on_primary`).
    pub field: &'static str,
    /// The colour it is read against (`colors.primary`).
    pub against: &'static str,
    /// The ratio, or `None` when either colour is not `#rrggbb`.
    pub ratio: Option<f64>,
}

impl ContrastPair {
    /// Whether the pair meets [`MIN_TEXT_CONTRAST`] (a pair that cannot be measured fails on
    /// its format instead).
    pub fn passes(&self) -> bool {
        self.ratio.is_none_or(|r| r >= MIN_TEXT_CONTRAST)
    }
}

impl Default for Branding {
    /// The widgets' built-in look (the fallbacks in their stylesheets).
    fn default() -> Self {
        Self {
            colors: BrandColors {
                primary: "#1d4ed8".into(),
                on_primary: "#ffffff".into(),
                text: "#1f2328".into(),
                background: "#ffffff".into(),
                muted: "#57606a".into(),
                border: "#d0d7de".into(),
                surface: "#f6f8fa".into(),
            },
            radius_px: 8,
            font: FontChoice::System,
            font_size_px: 16,
        }
    }
}

impl Branding {
    /// Allowed corner radius.
    pub const RADIUS_PX: std::ops::RangeInclusive<u32> = 0..=24;
    /// Allowed base text size.
    pub const FONT_SIZE_PX: std::ops::RangeInclusive<u32> = 14..=20;

    /// The colours by field path, in form order.
    pub fn colors(&self) -> [(&'static str, &str); 7] {
        let c = &self.colors;
        [
            ("colors.primary", c.primary.as_str()),
            ("colors.on_primary", c.on_primary.as_str()),
            ("colors.text", c.text.as_str()),
            ("colors.background", c.background.as_str()),
            ("colors.muted", c.muted.as_str()),
            ("colors.border", c.border.as_str()),
            ("colors.surface", c.surface.as_str()),
        ]
    }

    /// The text pairs WCAG asks 4.5:1 of, each measured.
    pub fn contrast_pairs(&self) -> [ContrastPair; 4] {
        let c = &self.colors;
        let ratio = |a: &str, b: &str| Some(Rgb::parse(a)?.contrast(Rgb::parse(b)?));
        [
            ContrastPair {
                field: "colors.text",
                against: "colors.background",
                ratio: ratio(&c.text, &c.background),
            },
            ContrastPair {
                field: "colors.muted",
                against: "colors.background",
                ratio: ratio(&c.muted, &c.background),
            },
            ContrastPair {
                field: "colors.primary",
                against: "colors.background",
                ratio: ratio(&c.primary, &c.background),
            },
            ContrastPair {
                field: "colors.on_primary",
                against: "colors.primary",
                ratio: ratio(&c.on_primary, &c.primary),
            },
        ]
    }

    /// Every rule, all problems at once: colours are `#rrggbb`, sizes in range, and each text
    /// pair meets 4.5:1 (reported as `out_of_range` on the text colour, with the ratio).
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut p = Problems::default();
        for (field, value) in self.colors() {
            if Rgb::parse(value).is_none() {
                p.add(field, FieldIssue::InvalidFormat);
            }
        }
        p.in_range("radius_px", self.radius_px, &Self::RADIUS_PX);
        p.in_range("font_size_px", self.font_size_px, &Self::FONT_SIZE_PX);
        for pair in self.contrast_pairs() {
            if let Some(r) = pair.ratio.filter(|_| !pair.passes()) {
                p.add_with_message(
                    pair.field,
                    FieldIssue::OutOfRange,
                    format!(
                        "{} has a contrast of {r:.2}:1 with {}; at least {MIN_TEXT_CONTRAST}:1 is needed",
                        pair.field, pair.against
                    ),
                );
            }
        }
        p.finish()
    }

    /// The CSS custom properties, `--aftercare-…:value;` each (colours in lower case).
    pub fn declarations(&self) -> String {
        let mut css = String::new();
        for (field, value) in self.colors() {
            let name = field.trim_start_matches("colors.").replace('_', "-");
            css.push_str(&format!(
                "--aftercare-color-{name}:{};",
                value.to_ascii_lowercase()
            ));
        }
        css.push_str(&format!(
            "--aftercare-radius:{}px;--aftercare-font-family:{};--aftercare-font-size:{}px;",
            self.radius_px,
            self.font.stack(),
            self.font_size_px
        ));
        css
    }

    /// The theme stylesheet a storefront links: the look on every Aftercare element (and on
    /// the `aftercare-page` body of the pages Aftercare hosts: the order page, the unsubscribe
    /// page) with no specificity (`:where`), so any rule of the page's own still wins, and the
    /// space the always-rendering elements keep until the async loader has defined them.
    pub fn stylesheet(&self) -> String {
        let reserved: Vec<String> = RESERVED
            .iter()
            .map(|e| format!("{e}:not(:defined)"))
            .collect();
        format!(
            "/* Aftercare theme: edit it in the console (Settings, Branding). */\n\
             :where({},.aftercare-page){{{}}}\n\
             {}{{display:block;min-height:var(--aftercare-min-height,360px)}}\n",
            ELEMENTS.join(","),
            self.declarations(),
            reserved.join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_look_is_valid_and_matches_the_widgets_fallbacks() {
        let b = Branding::default();
        assert_eq!(b.validate(), Ok(()));
        let css = b.stylesheet();
        assert!(css.contains("--aftercare-color-primary:#1d4ed8;"));
        assert!(css.contains("--aftercare-color-on-primary:#ffffff;"));
        assert!(css.contains("--aftercare-radius:8px;"));
        assert!(css.starts_with("/* Aftercare theme"));
        assert!(css.contains(":where(aftercare-tracking,aftercare-returns,"));
        assert!(css.contains("aftercare-reviews:not(:defined){display:block;"));
        assert!(!css.contains("aftercare-nps:not(:defined)"));
    }

    #[test]
    fn contrast_follows_wcag() {
        let white = Rgb::parse("#FFFFFF").unwrap();
        let black = Rgb::parse("#000000").unwrap();
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        let grey = Rgb::parse("#767676").unwrap();
        assert!((grey.contrast(white) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("123456"), None);
        assert_eq!(Rgb::parse("#12345g"), None);
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let mut b = Branding::default();
        b.colors.primary = "#ffeb3b".into(); // yellow on white: 1.2:1
        b.colors.surface = "blue".into();
        b.radius_px = 40;
        b.font_size_px = 12;
        let err = b.validate().unwrap_err();
        let fields: Vec<(&str, FieldIssue)> = err
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.issue))
            .collect();
        assert_eq!(
            fields,
            [
                ("colors.surface", FieldIssue::InvalidFormat),
                ("radius_px", FieldIssue::OutOfRange),
                ("font_size_px", FieldIssue::OutOfRange),
                ("colors.primary", FieldIssue::OutOfRange),
                ("colors.on_primary", FieldIssue::OutOfRange),
            ]
        );
        assert!(err.fields[3].message.contains(":1 with colors.background"));
    }

    #[test]
    fn fonts_round_trip_their_codes() {
        for f in FontChoice::ALL {
            assert_eq!(FontChoice::parse(f.code()), Some(f));
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                serde_json::json!(f.code())
            );
        }
    }
}
