//! Embed: the snippet a storefront pastes for one widget, written for this store (its
//! publishable key, this server's address, the theme stylesheet), with copy buttons, the
//! Content-Security-Policy the page then needs, and the widget running below as shoppers will
//! see it. The choices are a `GET` form, so a snippet has an address to share.

use crate::ctx::Ctx;
use crate::layout::page;
use crate::role::Area;
use crate::text::{Em, T};
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;
use maud::{html, Markup};

/// A widget a storefront can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WidgetKind {
    /// `<aftercare-tracking>`.
    Tracking,
    /// `<aftercare-returns>`.
    Returns,
    /// `<aftercare-account>`.
    Account,
    /// `<aftercare-reviews>` on a product page.
    Reviews,
    /// `<aftercare-nps>`.
    Survey,
    /// `<aftercare-review>`.
    ReviewPrompt,
}

impl WidgetKind {
    /// Every widget, in the order the form lists them.
    pub const ALL: [WidgetKind; 6] = [
        WidgetKind::Tracking,
        WidgetKind::Returns,
        WidgetKind::Account,
        WidgetKind::Reviews,
        WidgetKind::Survey,
        WidgetKind::ReviewPrompt,
    ];

    /// The custom element's name.
    pub fn tag(self) -> &'static str {
        match self {
            WidgetKind::Tracking => "aftercare-tracking",
            WidgetKind::Returns => "aftercare-returns",
            WidgetKind::Account => "aftercare-account",
            WidgetKind::Reviews => "aftercare-reviews",
            WidgetKind::Survey => "aftercare-nps",
            WidgetKind::ReviewPrompt => "aftercare-review",
        }
    }

    /// The form's value (`tracking`, `nps`…).
    pub fn code(self) -> &'static str {
        self.tag().trim_start_matches("aftercare-")
    }

    /// The widget whose form value is `code`.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }

    /// Whether guests can use it (the others need the signed-in customer's token).
    pub fn guests_too(self) -> bool {
        matches!(
            self,
            WidgetKind::Tracking | WidgetKind::Returns | WidgetKind::Account | WidgetKind::Reviews
        )
    }

    /// Whether it can float as a card over the page.
    pub fn floats(self) -> bool {
        matches!(self, WidgetKind::Survey | WidgetKind::ReviewPrompt)
    }
}

/// What the merchant chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedChoice {
    /// The widget.
    pub widget: WidgetKind,
    /// For signed-in customers (a token) rather than guests.
    pub signed_in: bool,
    /// A fixed language; `None` follows the page's `<html lang>`, then the browser.
    pub locale: Option<Locale>,
    /// The product page's SKU (reviews).
    pub product: Option<String>,
    /// The survey asked (NPS or CSAT).
    pub survey: SurveyKind,
    /// A floating card rather than one in the page's flow.
    pub floating: bool,
}

impl Default for EmbedChoice {
    fn default() -> Self {
        Self {
            widget: WidgetKind::Tracking,
            signed_in: false,
            locale: None,
            product: None,
            survey: SurveyKind::Nps,
            floating: false,
        }
    }
}

/// The placeholder the merchant's backend replaces with the customer's token.
pub const TOKEN_PLACEHOLDER: &str = "CUSTOMER_TOKEN";

/// The snippet's two parts: what goes once in the page's `<head>`, and the element.
pub fn snippet(origin: &str, key: &str, c: &EmbedChoice) -> (String, String) {
    let head = format!(
        "<link rel=\"stylesheet\" href=\"{origin}/theme/{key}.css\">\n\
         <script src=\"{origin}/sdk/aftercare.js\" data-key=\"{key}\" async></script>"
    );
    let mut attrs = String::new();
    let mut add = |name: &str, value: &str| {
        attrs.push_str(&format!(" {name}=\"{}\"", attribute(value)));
    };
    if c.widget == WidgetKind::Reviews {
        add("product", c.product.as_deref().unwrap_or("SKU"));
    } else if c.signed_in || !c.widget.guests_too() {
        add("token", TOKEN_PLACEHOLDER);
    }
    if c.widget == WidgetKind::Survey && c.survey == SurveyKind::Csat {
        add("kind", "csat");
    }
    if c.widget.floats() && c.floating {
        add("layout", "floating");
    }
    if let Some(l) = c.locale {
        add("locale", l.tag());
    }
    let tag = c.widget.tag();
    (head, format!("<{tag}{attrs}></{tag}>"))
}

/// The Content-Security-Policy directives a storefront with a policy adds for the widgets.
pub fn csp(origin: &str) -> String {
    format!(
        "script-src {origin} 'wasm-unsafe-eval'; style-src {origin}; connect-src {origin}; img-src {origin} data:"
    )
}

fn attribute(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// What the preview runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedPreview {
    /// The widget as snipped, with `token` (an order pass for `order`) when it needs one.
    Live {
        /// The loader's address.
        loader: String,
        /// An order and a short pass for it, for a signed-in tracking preview.
        order: Option<(String, String)>,
    },
    /// A card that asks only when the store's rules allow (so a preview would spend a real
    /// shopper's ask); its look is previewed under Branding.
    AsksOnly,
}

/// Everything the page shows besides the choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedPage {
    /// Where shoppers' browsers reach this server.
    pub origin: String,
    /// The store's publishable key.
    pub key: String,
    /// `(sku, title)` of the store's products, for the reviews widget.
    pub products: Vec<(String, String)>,
    /// The preview.
    pub preview: EmbedPreview,
}

/// The Embed page.
pub fn embed(ctx: &Ctx, c: &EmbedChoice, p: &EmbedPage) -> Markup {
    let e = |m: Em<'_>| ctx.t(T::Embed(m));
    let title = ctx.t(T::AreaName(Area::Embed));
    let (head, element) = snippet(&p.origin, &p.key, c);
    let needs_token = c.widget != WidgetKind::Reviews && (c.signed_in || !c.widget.guests_too());
    let body = html! {
        p { (e(Em::Intro)) }
        form method="get" action=(Area::Embed.path()) class="stack wide" data-autosubmit {
            fieldset {
                legend { (e(Em::WidgetHeading)) }
                @for w in WidgetKind::ALL {
                    div class="choice" {
                        input type="radio" id={ "w-" (w.code()) } name="widget" value=(w.code()) checked[w == c.widget];
                        label for={ "w-" (w.code()) } { (e(Em::WidgetName(w))) " " code { "<" (w.tag()) ">" } }
                    }
                }
            }
            fieldset {
                legend { (e(Em::OptionsHeading)) }
                @if c.widget.guests_too() && c.widget != WidgetKind::Reviews {
                    div class="choice" {
                        input type="checkbox" id="signed-in" name="signed_in" value="on" checked[c.signed_in];
                        label for="signed-in" { (e(Em::SignedIn)) }
                    }
                }
                @if c.widget == WidgetKind::Reviews {
                    label for="product" { (e(Em::Product)) }
                    @if p.products.is_empty() {
                        p class="hint" { (e(Em::NoProducts)) }
                    } @else {
                        select id="product" name="product" {
                            @for (sku, name) in &p.products {
                                option value=(sku) selected[c.product.as_deref() == Some(sku.as_str())] { (name) " (" (sku) ")" }
                            }
                        }
                    }
                }
                @if c.widget == WidgetKind::Survey {
                    label for="survey" { (e(Em::Survey)) }
                    select id="survey" name="survey" {
                        option value="nps" selected[c.survey == SurveyKind::Nps] { (e(Em::Nps)) }
                        option value="csat" selected[c.survey == SurveyKind::Csat] { (e(Em::Csat)) }
                    }
                }
                @if c.widget.floats() {
                    div class="choice" {
                        input type="checkbox" id="floating" name="floating" value="on" checked[c.floating];
                        label for="floating" { (e(Em::Floating)) }
                    }
                }
                label for="locale" { (e(Em::Language)) }
                select id="locale" name="locale" {
                    option value="" selected[c.locale.is_none()] { (e(Em::FollowPage)) }
                    @for l in Locale::ALL {
                        option value=(l.tag()) selected[c.locale == Some(l)] { (ctx.t(T::LanguageName(l))) }
                    }
                }
            }
            button type="submit" { (e(Em::Update)) }
        }
        section aria-labelledby="snippet-h" {
            h2 id="snippet-h" { (e(Em::SnippetHeading)) }
            (copyable(ctx, "snippet-head", &e(Em::HeadLabel), &head, 4))
            (copyable(ctx, "snippet-element", &e(Em::ElementLabel), &element, 2))
            @if needs_token {
                p class="hint" { (e(Em::TokenHint(TOKEN_PLACEHOLDER))) }
            }
            @if !c.widget.guests_too() {
                p class="hint" { (e(Em::AsksOnlyHint)) }
            }
            h3 { (e(Em::BeforeHeading)) }
            ul {
                li {
                    (e(Em::OriginsNeeded)) " "
                    @if ctx.role.may(Area::Settings) {
                        a href={ (Area::Settings.path()) "#origins" } { (ctx.t(T::AreaName(Area::Settings))) }
                    } @else {
                        (ctx.t(T::AreaName(Area::Settings))) " (" (ctx.t(T::RoleName(crate::role::Role::Owner))) ")"
                    }
                }
                li { (e(Em::CspNeeded)) }
            }
            (copyable(ctx, "snippet-csp", &e(Em::CspLabel), &csp(&p.origin), 4))
        }
        section aria-labelledby="preview-h" {
            h2 id="preview-h" { (e(Em::PreviewHeading)) }
            @match &p.preview {
                EmbedPreview::Live { loader, order } => {
                    p class="hint" { (e(Em::PreviewHint)) }
                    div class="preview" {
                        (live(c, order.as_ref()))
                    }
                    script src=(loader) data-key=(p.key) async {}
                }
                EmbedPreview::AsksOnly => {
                    p class="empty" { (e(Em::NoPreview)) " " a href="/console/settings/branding" { (e(Em::BrandingLink)) } }
                }
            }
        }
    };
    page(ctx, Area::Embed, &title, body)
}

/// The previewed element: the snippet's, except that a signed-in shopper is played by a pass
/// for one order (a customer's own token would show that customer's data).
fn live(c: &EmbedChoice, order: Option<&(String, String)>) -> Markup {
    let locale = c.locale.map(Locale::tag);
    match c.widget {
        WidgetKind::Tracking => html! {
            @match order.filter(|_| c.signed_in) {
                Some((number, pass)) => aftercare-tracking order=(number) token=(pass) locale=[locale] {},
                None => aftercare-tracking locale=[locale] {},
            }
        },
        WidgetKind::Returns => html! { aftercare-returns locale=[locale] {} },
        WidgetKind::Account => html! { aftercare-account locale=[locale] {} },
        WidgetKind::Reviews => html! {
            @if let Some(sku) = &c.product { aftercare-reviews product=(sku) locale=[locale] {} }
        },
        WidgetKind::Survey | WidgetKind::ReviewPrompt => html! {},
    }
}

fn copyable(ctx: &Ctx, id: &str, label: &str, value: &str, rows: usize) -> Markup {
    html! {
        div class="copyable" {
            label for=(id) { (label) }
            textarea id=(id) readonly rows=(rows) spellcheck="false" { (value) }
            button type="button" data-copy=(id) data-copied=(ctx.t(T::Embed(Em::Copied))) { (ctx.t(T::Embed(Em::Copy))) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: &str = "https://care.shop.example";

    #[test]
    fn the_snippet_is_this_stores_and_asks_for_a_token_only_when_needed() {
        let (head, el) = snippet(O, "pk_live_1", &EmbedChoice::default());
        assert_eq!(
            head,
            "<link rel=\"stylesheet\" href=\"https://care.shop.example/theme/pk_live_1.css\">\n\
             <script src=\"https://care.shop.example/sdk/aftercare.js\" data-key=\"pk_live_1\" async></script>"
        );
        assert_eq!(el, "<aftercare-tracking></aftercare-tracking>");
        let signed = EmbedChoice {
            widget: WidgetKind::Account,
            signed_in: true,
            locale: Some(Locale::PtBr),
            ..Default::default()
        };
        assert_eq!(
            snippet(O, "pk", &signed).1,
            "<aftercare-account token=\"CUSTOMER_TOKEN\" locale=\"pt-BR\"></aftercare-account>"
        );
        // A survey needs a token even when "signed in" was not ticked.
        let csat = EmbedChoice {
            widget: WidgetKind::Survey,
            survey: SurveyKind::Csat,
            floating: true,
            ..Default::default()
        };
        assert_eq!(
            snippet(O, "pk", &csat).1,
            "<aftercare-nps token=\"CUSTOMER_TOKEN\" kind=\"csat\" layout=\"floating\"></aftercare-nps>"
        );
        let reviews = EmbedChoice {
            widget: WidgetKind::Reviews,
            signed_in: true,
            product: Some("A\"B".into()),
            ..Default::default()
        };
        assert_eq!(
            snippet(O, "pk", &reviews).1,
            "<aftercare-reviews product=\"A&quot;B\"></aftercare-reviews>"
        );
        // Floating is only for the cards that can float.
        let floating_tracking = EmbedChoice {
            floating: true,
            ..Default::default()
        };
        assert_eq!(
            snippet(O, "pk", &floating_tracking).1,
            "<aftercare-tracking></aftercare-tracking>"
        );
    }

    #[test]
    fn codes_round_trip_and_the_csp_names_this_origin() {
        for w in WidgetKind::ALL {
            assert_eq!(WidgetKind::parse(w.code()), Some(w));
        }
        assert_eq!(WidgetKind::parse("nps"), Some(WidgetKind::Survey));
        assert!(csp(O).contains("script-src https://care.shop.example 'wasm-unsafe-eval'"));
    }
}
