//! The Branding page's texts (Settings → Branding), reached through
//! [`T::Branding`](super::T::Branding), one exhaustive `match` per language.

use aftercare_shared::api::{FontChoice, MIN_TEXT_CONTRAST};
use aftercare_shared::Locale;

/// Every message of the Branding page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum Br<'a> {
    Intro,
    ColorsHeading,
    Primary,
    OnPrimary,
    Text,
    Background,
    Muted,
    Border,
    Surface,
    ContrastHeading,
    ContrastHint,
    Readable,
    TooLow,
    ContrastProblem,
    ShapeHeading,
    Radius,
    RadiusHint,
    Font,
    FontName(FontChoice),
    FontSize,
    FontSizeHint,
    Save,
    PreviewHeading,
    PreviewHint,
    StylesheetHint,
    PreviewTracking(&'a str),
    PreviewNoOrders,
    PreviewReturns,
}

/// `m` in `locale`.
pub(super) fn br(locale: Locale, m: Br<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn ratio(locale: Locale, x: f64) -> String {
    crate::format::contrast_ratio(locale, x)
}

fn en(m: Br<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Br::Intro => s("How the widgets look on your storefront and in your emails. A saved change reaches shoppers' pages within 5 minutes."),
        Br::ColorsHeading => s("Colours"),
        Br::Primary => s("Buttons and links"),
        Br::OnPrimary => s("Text on buttons"),
        Br::Text => s("Text"),
        Br::Background => s("Background"),
        Br::Muted => s("Secondary text"),
        Br::Border => s("Lines and card edges"),
        Br::Surface => s("Quiet panels"),
        Br::ContrastHeading => s("Contrast"),
        Br::ContrastHint => s("Text must stand out at least 4.5 to 1 (WCAG 2.2 AA), so every shopper can read it. Measured when you save."),
        Br::Readable => s("readable"),
        Br::TooLow => s("too low"),
        Br::ContrastProblem => format!("Too little contrast: at least {}.", ratio(Locale::En, MIN_TEXT_CONTRAST)),
        Br::ShapeHeading => s("Type and shape"),
        Br::Radius => s("Corner radius (px)"),
        Br::RadiusHint => s("0 to 24; 0 gives square corners."),
        Br::Font => s("Typeface"),
        Br::FontName(f) => s(match f {
            FontChoice::System => "The device's own (system)",
            FontChoice::Humanist => "Humanist sans-serif",
            FontChoice::Serif => "Serif",
            FontChoice::Rounded => "Rounded",
        }),
        Br::FontSize => s("Text size (px)"),
        Br::FontSizeHint => s("14 to 20. Headings grow with it."),
        Br::Save => s("Save branding"),
        Br::PreviewHeading => s("Preview"),
        Br::PreviewHint => s("The shoppers' own widgets. They follow your choices as you make them; shoppers see them once saved."),
        Br::StylesheetHint => s("Storefronts take this look from the theme stylesheet in the embed snippet:"),
        Br::PreviewTracking(n) => format!("Tracking of order {n}"),
        Br::PreviewNoOrders => s("With an order in the store, its tracking shows here too."),
        Br::PreviewReturns => s("Starting a return, as a guest sees it"),
    }
}

fn es(m: Br<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Br::Intro => s("Cómo se ven los widgets en tu tienda y en tus emails. Un cambio guardado llega a las páginas de los compradores en menos de 5 minutos."),
        Br::ColorsHeading => s("Colores"),
        Br::Primary => s("Botones y enlaces"),
        Br::OnPrimary => s("Texto de los botones"),
        Br::Text => s("Texto"),
        Br::Background => s("Fondo"),
        Br::Muted => s("Texto secundario"),
        Br::Border => s("Líneas y bordes de las tarjetas"),
        Br::Surface => s("Paneles discretos"),
        Br::ContrastHeading => s("Contraste"),
        Br::ContrastHint => s("El texto debe destacar al menos 4,5 a 1 (WCAG 2.2 AA) para que todos los compradores puedan leerlo. Se mide al guardar."),
        Br::Readable => s("legible"),
        Br::TooLow => s("insuficiente"),
        Br::ContrastProblem => format!("Contraste insuficiente: al menos {}.", ratio(Locale::Es, MIN_TEXT_CONTRAST)),
        Br::ShapeHeading => s("Tipografía y forma"),
        Br::Radius => s("Radio de las esquinas (px)"),
        Br::RadiusHint => s("De 0 a 24; 0 da esquinas rectas."),
        Br::Font => s("Tipo de letra"),
        Br::FontName(f) => s(match f {
            FontChoice::System => "La del dispositivo (sistema)",
            FontChoice::Humanist => "Sans serif humanista",
            FontChoice::Serif => "Con serifa",
            FontChoice::Rounded => "Redondeada",
        }),
        Br::FontSize => s("Tamaño del texto (px)"),
        Br::FontSizeHint => s("De 14 a 20. Los títulos crecen con él."),
        Br::Save => s("Guardar marca"),
        Br::PreviewHeading => s("Vista previa"),
        Br::PreviewHint => s("Los widgets que ven los compradores. Siguen tus elecciones mientras las haces; los compradores las ven al guardar."),
        Br::StylesheetHint => s("Las tiendas toman este aspecto de la hoja de estilos del tema incluida en el código para insertar:"),
        Br::PreviewTracking(n) => format!("Seguimiento del pedido {n}"),
        Br::PreviewNoOrders => s("Cuando la tienda tenga un pedido, su seguimiento se mostrará también aquí."),
        Br::PreviewReturns => s("Iniciar una devolución, tal como lo ve un invitado"),
    }
}

fn pt_br(m: Br<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Br::Intro => s("Como os widgets aparecem na sua loja e nos seus e-mails. Uma alteração salva chega às páginas dos compradores em até 5 minutos."),
        Br::ColorsHeading => s("Cores"),
        Br::Primary => s("Botões e links"),
        Br::OnPrimary => s("Texto dos botões"),
        Br::Text => s("Texto"),
        Br::Background => s("Fundo"),
        Br::Muted => s("Texto secundário"),
        Br::Border => s("Linhas e bordas dos cartões"),
        Br::Surface => s("Painéis discretos"),
        Br::ContrastHeading => s("Contraste"),
        Br::ContrastHint => s("O texto precisa se destacar pelo menos 4,5 para 1 (WCAG 2.2 AA), para que todo comprador consiga ler. Medido ao salvar."),
        Br::Readable => s("legível"),
        Br::TooLow => s("insuficiente"),
        Br::ContrastProblem => format!("Contraste insuficiente: pelo menos {}.", ratio(Locale::PtBr, MIN_TEXT_CONTRAST)),
        Br::ShapeHeading => s("Tipografia e forma"),
        Br::Radius => s("Raio dos cantos (px)"),
        Br::RadiusHint => s("De 0 a 24; 0 deixa os cantos retos."),
        Br::Font => s("Fonte"),
        Br::FontName(f) => s(match f {
            FontChoice::System => "A do dispositivo (sistema)",
            FontChoice::Humanist => "Sem serifa humanista",
            FontChoice::Serif => "Com serifa",
            FontChoice::Rounded => "Arredondada",
        }),
        Br::FontSize => s("Tamanho do texto (px)"),
        Br::FontSizeHint => s("De 14 a 20. Os títulos crescem junto."),
        Br::Save => s("Salvar marca"),
        Br::PreviewHeading => s("Pré-visualização"),
        Br::PreviewHint => s("Os widgets que os compradores veem. Eles acompanham suas escolhas enquanto você as faz; os compradores as veem depois de salvar."),
        Br::StylesheetHint => s("As lojas recebem este visual pela folha de estilos do tema incluída no código de incorporação:"),
        Br::PreviewTracking(n) => format!("Rastreamento do pedido {n}"),
        Br::PreviewNoOrders => s("Quando a loja tiver um pedido, o rastreamento dele aparecerá aqui também."),
        Br::PreviewReturns => s("Iniciar uma devolução, como um visitante vê"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Br<'static>> {
        let mut v = vec![
            Br::Intro,
            Br::ColorsHeading,
            Br::Primary,
            Br::OnPrimary,
            Br::Text,
            Br::Background,
            Br::Muted,
            Br::Border,
            Br::Surface,
            Br::ContrastHeading,
            Br::ContrastHint,
            Br::Readable,
            Br::TooLow,
            Br::ContrastProblem,
            Br::ShapeHeading,
            Br::Radius,
            Br::RadiusHint,
            Br::Font,
            Br::FontSize,
            Br::FontSizeHint,
            Br::Save,
            Br::PreviewHeading,
            Br::PreviewHint,
            Br::StylesheetHint,
            Br::PreviewTracking("#1011"),
            Br::PreviewNoOrders,
            Br::PreviewReturns,
        ];
        v.extend(FontChoice::ALL.map(Br::FontName));
        v
    }

    /// A new variant breaks this `match` until it is numbered (and sampled in `every`).
    fn index(m: &Br<'_>) -> usize {
        match m {
            Br::Intro => 0,
            Br::ColorsHeading => 1,
            Br::Primary => 2,
            Br::OnPrimary => 3,
            Br::Text => 4,
            Br::Background => 5,
            Br::Muted => 6,
            Br::Border => 7,
            Br::Surface => 8,
            Br::ContrastHeading => 9,
            Br::ContrastHint => 10,
            Br::Readable => 11,
            Br::TooLow => 12,
            Br::ContrastProblem => 13,
            Br::ShapeHeading => 14,
            Br::Radius => 15,
            Br::RadiusHint => 16,
            Br::Font => 17,
            Br::FontName(_) => 18,
            Br::FontSize => 19,
            Br::FontSizeHint => 20,
            Br::Save => 21,
            Br::PreviewHeading => 22,
            Br::PreviewHint => 23,
            Br::StylesheetHint => 24,
            Br::PreviewTracking(_) => 25,
            Br::PreviewNoOrders => 26,
            Br::PreviewReturns => 27,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated() {
        let seen: std::collections::BTreeSet<usize> = every().iter().map(index).collect();
        assert_eq!(seen, (0..28).collect());
        for m in every() {
            let english = br(Locale::En, m);
            for l in Locale::ALL {
                let text = br(l, m);
                assert!(!text.is_empty() && text.trim() == text, "{l:?} {m:?}");
                if l != Locale::En {
                    assert_ne!(text, english, "{l:?} {m:?} left in English");
                }
            }
        }
        assert!(br(Locale::Es, Br::ContrastProblem).contains("4,50:1"));
        assert!(br(Locale::En, Br::PreviewTracking("#1011")).contains("#1011"));
    }
}
