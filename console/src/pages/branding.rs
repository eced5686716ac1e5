//! Settings → Branding (owners): the colours, corners and type of the shoppers' widgets, with
//! the real widgets previewed under them. The rules (formats, ranges, 4.5:1 contrast) are the
//! shared `api::Branding::validate`; the preview follows the inputs as they change (the
//! console's script sets the same custom properties the theme stylesheet sets), and shows the
//! saved look without a script.

use super::form::{field, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{Br, Set, T};
use aftercare_shared::api::{BrandColors, Branding, FontChoice, Rgb};
use aftercare_shared::FieldIssue;
use maud::{html, Markup};
use serde::Deserialize;

/// The branding form as posted and as shown again: every value as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct BrandingForm {
    /// `colors.primary`.
    #[serde(default)]
    pub primary: String,
    /// `colors.on_primary`.
    #[serde(default)]
    pub on_primary: String,
    /// `colors.text`.
    #[serde(default)]
    pub text: String,
    /// `colors.background`.
    #[serde(default)]
    pub background: String,
    /// `colors.muted`.
    #[serde(default)]
    pub muted: String,
    /// `colors.border`.
    #[serde(default)]
    pub border: String,
    /// `colors.surface`.
    #[serde(default)]
    pub surface: String,
    /// `radius_px` as typed.
    #[serde(default)]
    pub radius: String,
    /// The font's code.
    #[serde(default)]
    pub font: String,
    /// `font_size_px` as typed.
    #[serde(default)]
    pub font_size: String,
}

/// One colour input: its form name, API path, theme property and label.
struct ColorInput {
    name: &'static str,
    path: &'static str,
    property: &'static str,
    label: Br<'static>,
}

const COLORS: [ColorInput; 7] = [
    ColorInput {
        name: "primary",
        path: "colors.primary",
        property: "--aftercare-color-primary",
        label: Br::Primary,
    },
    ColorInput {
        name: "on_primary",
        path: "colors.on_primary",
        property: "--aftercare-color-on-primary",
        label: Br::OnPrimary,
    },
    ColorInput {
        name: "text",
        path: "colors.text",
        property: "--aftercare-color-text",
        label: Br::Text,
    },
    ColorInput {
        name: "background",
        path: "colors.background",
        property: "--aftercare-color-background",
        label: Br::Background,
    },
    ColorInput {
        name: "muted",
        path: "colors.muted",
        property: "--aftercare-color-muted",
        label: Br::Muted,
    },
    ColorInput {
        name: "border",
        path: "colors.border",
        property: "--aftercare-color-border",
        label: Br::Border,
    },
    ColorInput {
        name: "surface",
        path: "colors.surface",
        property: "--aftercare-color-surface",
        label: Br::Surface,
    },
];

impl BrandingForm {
    /// The form showing `b`.
    pub fn from_branding(b: &Branding) -> Self {
        let c = &b.colors;
        Self {
            primary: c.primary.clone(),
            on_primary: c.on_primary.clone(),
            text: c.text.clone(),
            background: c.background.clone(),
            muted: c.muted.clone(),
            border: c.border.clone(),
            surface: c.surface.clone(),
            radius: b.radius_px.to_string(),
            font: b.font.code().to_owned(),
            font_size: b.font_size_px.to_string(),
        }
    }

    fn color(&self, name: &str) -> &str {
        match name {
            "primary" => &self.primary,
            "on_primary" => &self.on_primary,
            "text" => &self.text,
            "background" => &self.background,
            "muted" => &self.muted,
            "border" => &self.border,
            _ => &self.surface,
        }
    }

    /// The document, or the fields that are not numbers or not a known font; the
    /// document's own rules are `Branding::validate` (run by the server before saving).
    pub fn to_branding(&self) -> Result<Branding, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |path: &str, raw: &str| {
            raw.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push((path.to_owned(), FieldIssue::InvalidFormat));
                0
            })
        };
        let radius_px = number("radius_px", &self.radius);
        let font_size_px = number("font_size_px", &self.font_size);
        let font = FontChoice::parse(self.font.trim());
        if font.is_none() {
            problems.push(("font".to_owned(), FieldIssue::InvalidFormat));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let hex = |v: &str| v.trim().to_ascii_lowercase();
        Ok(Branding {
            colors: BrandColors {
                primary: hex(&self.primary),
                on_primary: hex(&self.on_primary),
                text: hex(&self.text),
                background: hex(&self.background),
                muted: hex(&self.muted),
                border: hex(&self.border),
                surface: hex(&self.surface),
            },
            radius_px,
            font: font.unwrap_or(FontChoice::System),
            font_size_px,
        })
    }
}

/// The shoppers' widgets the preview runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandPreview {
    /// The loader's address.
    pub loader: String,
    /// The store's publishable key.
    pub key: String,
    /// The theme stylesheet's address (the saved look).
    pub stylesheet: String,
    /// An order to track, with a short pass for it; `None` for a store without orders.
    pub order: Option<(String, String)>,
}

/// The Branding page; `problems` from the last refused save.
pub fn branding(
    ctx: &Ctx,
    f: &BrandingForm,
    problems: &[Problem],
    preview: &BrandPreview,
) -> Markup {
    let b = |m: Br<'_>| ctx.t(T::Branding(m));
    let title = title(ctx, SettingsTab::Branding);
    let label_of = |path: &str| {
        COLORS
            .iter()
            .find(|c| c.path == path)
            .map(|c| b(c.label))
            .unwrap_or_else(|| {
                b(match path {
                    "radius_px" => Br::Radius,
                    "font_size_px" => Br::FontSize,
                    _ => Br::Font,
                })
            })
    };
    let measured = f.to_branding().ok().map(|doc| doc.contrast_pairs());
    let body = html! {
        (tabs(ctx, SettingsTab::Branding))
        p { (b(Br::Intro)) }
        (summary(ctx, problems, label_of))
        div class="brand-layout" {
        form method="post" action=(SettingsTab::Branding.path()) class="stack wide" novalidate data-brand {
            (csrf(ctx))
            fieldset {
                legend { (b(Br::ColorsHeading)) }
                div class="swatches" {
                    @for c in &COLORS { (color_input(ctx, f, c, problems)) }
                }
                @if let Some(pairs) = measured {
                    h3 id="contrast-h" { (b(Br::ContrastHeading)) }
                    p class="hint" { (b(Br::ContrastHint)) }
                    ul class="items" aria-labelledby="contrast-h" {
                        @for pair in &pairs {
                            @if let Some(r) = pair.ratio {
                                li class=[(!pair.passes()).then_some("field-error")] {
                                    (label_of(pair.field)) " / " (label_of(pair.against)) ": "
                                    strong { (crate::format::contrast_ratio(ctx.locale, r)) } " — "
                                    @if pair.passes() { (b(Br::Readable)) } @else { (b(Br::TooLow)) }
                                }
                            }
                        }
                    }
                }
            }
            fieldset {
                legend { (b(Br::ShapeHeading)) }
                (field(ctx, Input { path: "radius_px", name: "radius", label: b(Br::Radius), hint: Some(b(Br::RadiusHint)), value: &f.radius, kind: "number" }, problems))
                label for="f-font" { (b(Br::Font)) }
                select id="f-font" name="font" data-var="--aftercare-font-family" {
                    @for font in FontChoice::ALL {
                        option value=(font.code()) data-stack=(font.stack()) selected[f.font == font.code()] { (b(Br::FontName(font))) }
                    }
                }
                (field(ctx, Input { path: "font_size_px", name: "font_size", label: b(Br::FontSize), hint: Some(b(Br::FontSizeHint)), value: &f.font_size, kind: "number" }, problems))
            }
            button type="submit" class="primary" { (b(Br::Save)) }
        }
        section class="brand-preview" aria-labelledby="preview-h" {
            h2 id="preview-h" { (b(Br::PreviewHeading)) }
            p class="hint" { (b(Br::PreviewHint)) }
            p class="hint" { (b(Br::StylesheetHint)) " " a href=(Area::Embed.path()) { (ctx.t(T::AreaName(Area::Embed))) } }
            link rel="stylesheet" href=(preview.stylesheet);
            div class="preview" data-brand-preview {
                @if let Some((number, pass)) = &preview.order {
                    h3 { (b(Br::PreviewTracking(number))) }
                    aftercare-tracking data-widget order=(number) token=(pass) locale=(ctx.locale.tag()) {}
                } @else {
                    p class="empty" { (b(Br::PreviewNoOrders)) }
                }
                h3 { (b(Br::PreviewReturns)) }
                aftercare-returns data-widget locale=(ctx.locale.tag()) {}
            }
            script src=(preview.loader) data-key=(preview.key) async {}
        }
        }
    };
    page(ctx, Area::Settings, &title, body)
}

fn color_input(ctx: &Ctx, f: &BrandingForm, c: &ColorInput, problems: &[Problem]) -> Markup {
    let value = f.color(c.name);
    let id = super::form::field_id(c.path);
    let problem = super::form::issue(problems, c.path);
    let err = format!("{id}-error");
    // A picker can only hold `#rrggbb`: anything else typed stays in a text box to be fixed.
    let kind = if Rgb::parse(value).is_some() {
        "color"
    } else {
        "text"
    };
    let message = problem.map(|i| match i {
        FieldIssue::OutOfRange => ctx.t(T::Branding(Br::ContrastProblem)),
        i => ctx.t(T::Settings(Set::Issue(*i))),
    });
    html! {
        div class="swatch" {
            label for=(id) { (ctx.t(T::Branding(c.label))) }
            @if let Some(m) = &message { p class="field-error" id=(err) { (m) } }
            input id=(id) name=(c.name) type=(kind) value=(value) data-var=(c.property)
                aria-describedby=[message.as_ref().map(|_| err.as_str())]
                aria-invalid=[problem.map(|_| "true")];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_round_trips_and_names_what_is_not_a_number() {
        let doc = Branding::default();
        let f = BrandingForm::from_branding(&doc);
        assert_eq!(f.to_branding().unwrap(), doc);
        let typed = BrandingForm {
            primary: " #1D4ED8 ".into(),
            radius: "round".into(),
            font: "comic".into(),
            ..f.clone()
        };
        let problems = typed.to_branding().unwrap_err();
        assert_eq!(
            problems,
            [
                ("radius_px".to_owned(), FieldIssue::InvalidFormat),
                ("font".to_owned(), FieldIssue::InvalidFormat)
            ]
        );
        let fixed = BrandingForm {
            radius: "4".into(),
            font: "serif".into(),
            ..typed
        };
        let b = fixed.to_branding().unwrap();
        assert_eq!(b.colors.primary, "#1d4ed8");
        assert_eq!((b.radius_px, b.font), (4, FontChoice::Serif));
    }

    #[test]
    fn every_colour_input_names_the_theme_property_the_stylesheet_sets() {
        let css = Branding::default().declarations();
        for c in &COLORS {
            assert!(css.contains(&format!("{}:", c.property)), "{}", c.property);
            assert_eq!(c.path, format!("colors.{}", c.name));
        }
        assert!(css.contains("--aftercare-font-family:") && css.contains("--aftercare-radius:"));
    }
}
