//! The Embed page's texts, reached through [`T::Embed`](super::T::Embed), one exhaustive
//! `match` per language.

use crate::pages::embed::WidgetKind;
use aftercare_shared::Locale;

/// Every message of the Embed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum Em<'a> {
    Intro,
    WidgetHeading,
    WidgetName(WidgetKind),
    OptionsHeading,
    SignedIn,
    Product,
    NoProducts,
    Survey,
    Nps,
    Csat,
    Floating,
    Language,
    FollowPage,
    Update,
    SnippetHeading,
    HeadLabel,
    ElementLabel,
    TokenHint(&'a str),
    AsksOnlyHint,
    BeforeHeading,
    OriginsNeeded,
    CspNeeded,
    CspLabel,
    PreviewHeading,
    PreviewHint,
    NoPreview,
    BrandingLink,
    Copy,
    Copied,
}

/// `m` in `locale`.
pub(super) fn em(locale: Locale, m: Em<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: Em<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Em::Intro => s("Choose a widget and copy its snippet into your storefront's pages. It is written for this store: its key, this server and your branding."),
        Em::WidgetHeading => s("Widget"),
        Em::WidgetName(w) => s(match w {
            WidgetKind::Tracking => "Order tracking",
            WidgetKind::Returns => "Returns and exchanges",
            WidgetKind::Account => "My account",
            WidgetKind::Reviews => "Product reviews",
            WidgetKind::Survey => "NPS or CSAT survey card",
            WidgetKind::ReviewPrompt => "Review request",
        }),
        Em::OptionsHeading => s("Options"),
        Em::SignedIn => s("For signed-in customers (your site adds their token); otherwise guests enter their order number and email"),
        Em::Product => s("Product page"),
        Em::NoProducts => s("No products yet: the snippet shows SKU where your page puts the product's SKU."),
        Em::Survey => s("Survey"),
        Em::Nps => s("NPS (0 to 10)"),
        Em::Csat => s("CSAT (1 to 5)"),
        Em::Floating => s("Floating card at the bottom of the screen"),
        Em::Language => s("Language"),
        Em::FollowPage => s("The page's language (recommended)"),
        Em::Update => s("Update the snippet"),
        Em::SnippetHeading => s("Snippet"),
        Em::HeadLabel => s("Once per page, in <head>"),
        Em::ElementLabel => s("Where the widget goes"),
        Em::TokenHint(p) => format!("Replace {p} with the token your backend mints for the signed-in customer (README, \"Customer tokens\"). Never put your secret key in a page."),
        Em::AsksOnlyHint => s("This card shows itself only when your rules allow asking this shopper, and stays out of the way otherwise."),
        Em::BeforeHeading => s("Before it works"),
        Em::OriginsNeeded => s("Add your storefront's address to the allowed origins:"),
        Em::CspNeeded => s("If your pages send a Content-Security-Policy, add these sources to it:"),
        Em::CspLabel => s("Content-Security-Policy sources"),
        Em::PreviewHeading => s("Preview"),
        Em::PreviewHint => s("The widget itself, as shoppers will see it with your branding. A signed-in preview shows your newest order."),
        Em::NoPreview => s("This card asks real shoppers, so it is not shown here: a preview would use up an ask. Its look follows your branding:"),
        Em::BrandingLink => s("see Branding"),
        Em::Copy => s("Copy"),
        Em::Copied => s("Copied"),
    }
}

fn es(m: Em<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Em::Intro => s("Elige un widget y copia su código en las páginas de tu tienda. Está escrito para esta tienda: su clave, este servidor y tu marca."),
        Em::WidgetHeading => s("Widget"),
        Em::WidgetName(w) => s(match w {
            WidgetKind::Tracking => "Seguimiento de pedidos",
            WidgetKind::Returns => "Devoluciones y cambios",
            WidgetKind::Account => "Mi cuenta",
            WidgetKind::Reviews => "Opiniones del producto",
            WidgetKind::Survey => "Tarjeta de encuesta NPS o CSAT",
            WidgetKind::ReviewPrompt => "Solicitud de opinión",
        }),
        Em::OptionsHeading => s("Opciones"),
        Em::SignedIn => s("Para clientes con sesión iniciada (tu web añade su token); si no, los invitados introducen su número de pedido y su email"),
        Em::Product => s("Página de producto"),
        Em::NoProducts => s("Aún no hay productos: el código muestra SKU donde tu página pone el SKU del producto."),
        Em::Survey => s("Encuesta"),
        Em::Nps => s("NPS (de 0 a 10)"),
        Em::Csat => s("CSAT (de 1 a 5)"),
        Em::Floating => s("Tarjeta flotante en la parte inferior de la pantalla"),
        Em::Language => s("Idioma"),
        Em::FollowPage => s("El idioma de la página (recomendado)"),
        Em::Update => s("Actualizar el código"),
        Em::SnippetHeading => s("Código para insertar"),
        Em::HeadLabel => s("Una vez por página, en <head>"),
        Em::ElementLabel => s("Donde va el widget"),
        Em::TokenHint(p) => format!("Sustituye {p} por el token que tu backend genera para el cliente con sesión iniciada (README, «Customer tokens»). Nunca pongas tu clave secreta en una página."),
        Em::AsksOnlyHint => s("Esta tarjeta solo aparece cuando tus reglas permiten preguntar a este comprador; si no, no molesta."),
        Em::BeforeHeading => s("Antes de que funcione"),
        Em::OriginsNeeded => s("Añade la dirección de tu tienda a los orígenes permitidos:"),
        Em::CspNeeded => s("Si tus páginas envían una Content-Security-Policy, añádele estas fuentes:"),
        Em::CspLabel => s("Fuentes para la Content-Security-Policy"),
        Em::PreviewHeading => s("Vista previa"),
        Em::PreviewHint => s("El propio widget, tal como lo verán los compradores con tu marca. La vista con sesión iniciada muestra tu pedido más reciente."),
        Em::NoPreview => s("Esta tarjeta pregunta a compradores reales, así que no se muestra aquí: una vista previa gastaría una pregunta. Su aspecto sigue tu marca:"),
        Em::BrandingLink => s("ver Marca"),
        Em::Copy => s("Copiar"),
        Em::Copied => s("Copiado"),
    }
}

fn pt_br(m: Em<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Em::Intro => s("Escolha um widget e copie o código dele nas páginas da sua loja. Ele é escrito para esta loja: a chave, este servidor e a sua marca."),
        Em::WidgetHeading => s("Widget a incorporar"),
        Em::WidgetName(w) => s(match w {
            WidgetKind::Tracking => "Rastreamento de pedidos",
            WidgetKind::Returns => "Devoluções e trocas",
            WidgetKind::Account => "Minha conta",
            WidgetKind::Reviews => "Avaliações do produto",
            WidgetKind::Survey => "Cartão de pesquisa NPS ou CSAT",
            WidgetKind::ReviewPrompt => "Pedido de avaliação",
        }),
        Em::OptionsHeading => s("Opções"),
        Em::SignedIn => s("Para clientes logados (seu site adiciona o token deles); caso contrário, visitantes informam o número do pedido e o e-mail"),
        Em::Product => s("Página do produto"),
        Em::NoProducts => s("Ainda não há produtos: o código mostra SKU onde a sua página coloca o SKU do produto."),
        Em::Survey => s("Pesquisa"),
        Em::Nps => s("NPS (de 0 a 10)"),
        Em::Csat => s("CSAT (de 1 a 5)"),
        Em::Floating => s("Cartão flutuante na parte de baixo da tela"),
        Em::Language => s("Idioma"),
        Em::FollowPage => s("O idioma da página (recomendado)"),
        Em::Update => s("Atualizar o código"),
        Em::SnippetHeading => s("Código de incorporação"),
        Em::HeadLabel => s("Uma vez por página, no <head>"),
        Em::ElementLabel => s("Onde o widget fica"),
        Em::TokenHint(p) => format!("Substitua {p} pelo token que o seu backend gera para o cliente logado (README, \"Customer tokens\"). Nunca coloque a sua chave secreta em uma página."),
        Em::AsksOnlyHint => s("Este cartão só aparece quando as suas regras permitem perguntar a este comprador; caso contrário, não atrapalha."),
        Em::BeforeHeading => s("Antes de funcionar"),
        Em::OriginsNeeded => s("Adicione o endereço da sua loja às origens permitidas:"),
        Em::CspNeeded => s("Se as suas páginas enviam uma Content-Security-Policy, adicione a ela estas fontes:"),
        Em::CspLabel => s("Fontes para a Content-Security-Policy"),
        Em::PreviewHeading => s("Pré-visualização"),
        Em::PreviewHint => s("O próprio widget, como os compradores o verão com a sua marca. A visualização logada mostra o seu pedido mais recente."),
        Em::NoPreview => s("Este cartão pergunta a compradores reais, por isso não aparece aqui: uma pré-visualização gastaria uma pergunta. O visual segue a sua marca:"),
        Em::BrandingLink => s("ver Marca"),
        Em::Copy => s("Copiar"),
        Em::Copied => s("Copiado"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Em<'static>> {
        let mut v = vec![
            Em::Intro,
            Em::WidgetHeading,
            Em::OptionsHeading,
            Em::SignedIn,
            Em::Product,
            Em::NoProducts,
            Em::Survey,
            Em::Nps,
            Em::Csat,
            Em::Floating,
            Em::Language,
            Em::FollowPage,
            Em::Update,
            Em::SnippetHeading,
            Em::HeadLabel,
            Em::ElementLabel,
            Em::TokenHint("CUSTOMER_TOKEN"),
            Em::AsksOnlyHint,
            Em::BeforeHeading,
            Em::OriginsNeeded,
            Em::CspNeeded,
            Em::CspLabel,
            Em::PreviewHeading,
            Em::PreviewHint,
            Em::NoPreview,
            Em::BrandingLink,
            Em::Copy,
            Em::Copied,
        ];
        v.extend(WidgetKind::ALL.map(Em::WidgetName));
        v
    }

    /// A new variant breaks this `match` until it is numbered (and sampled in `every`).
    fn index(m: &Em<'_>) -> usize {
        match m {
            Em::Intro => 0,
            Em::WidgetHeading => 1,
            Em::WidgetName(_) => 2,
            Em::OptionsHeading => 3,
            Em::SignedIn => 4,
            Em::Product => 5,
            Em::NoProducts => 6,
            Em::Survey => 7,
            Em::Nps => 8,
            Em::Csat => 9,
            Em::Floating => 10,
            Em::Language => 11,
            Em::FollowPage => 12,
            Em::Update => 13,
            Em::SnippetHeading => 14,
            Em::HeadLabel => 15,
            Em::ElementLabel => 16,
            Em::TokenHint(_) => 17,
            Em::AsksOnlyHint => 18,
            Em::BeforeHeading => 19,
            Em::OriginsNeeded => 20,
            Em::CspNeeded => 21,
            Em::CspLabel => 22,
            Em::PreviewHeading => 23,
            Em::PreviewHint => 24,
            Em::NoPreview => 25,
            Em::BrandingLink => 26,
            Em::Copy => 27,
            Em::Copied => 28,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated() {
        let seen: std::collections::BTreeSet<usize> = every().iter().map(index).collect();
        assert_eq!(seen, (0..29).collect());
        for m in every() {
            let english = em(Locale::En, m);
            for l in Locale::ALL {
                let text = em(l, m);
                assert!(!text.is_empty() && text.trim() == text, "{l:?} {m:?}");
                // "Widget" is the word in Spanish too.
                if l != Locale::En && m != Em::WidgetHeading {
                    assert_ne!(text, english, "{l:?} {m:?} left in English");
                }
            }
            if let Em::TokenHint(p) = m {
                assert!(Locale::ALL.iter().all(|l| em(*l, m).contains(p)));
            }
        }
    }
}
