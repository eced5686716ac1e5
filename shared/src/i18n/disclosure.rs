//! "How reviews work", the disclosure a product page shows next to its reviews (EU Omnibus
//! Directive 2019/2161: say whether and how reviews come from real buyers; US FTC 16 CFR 465:
//! no rating-based moderation or rewards, incentives disclosed).
//!
//! Kept out of [`Msg`](super::Msg) on purpose: the server renders it into
//! `GET /v1/products/{sku}/reviews` and `GET /v1/reviews/disclosure`, so the product page's
//! wasm never carries these paragraphs. Each statement is a fact the server enforces:
//! "verified" is set only from a delivered order line of the author, moderation rejects only for
//! the five neutral [`RejectReason`](crate::review::RejectReason)s, the list's default order is
//! newest first and nothing ranks by payment, and an incentive is the same for every rating.

use crate::api::{ReviewDisclosure, ReviewSettings};
use crate::Locale;

/// The disclosure for a store's settings in `locale`: a title and four paragraphs
/// (verification, moderation, order, incentives), the same four in every language.
pub fn review_disclosure(locale: Locale, settings: &ReviewSettings) -> ReviewDisclosure {
    let offer = settings.incentive.as_ref().map(|i| i.offer.trim());
    let (title, paragraphs) = match locale {
        Locale::En => en(settings.auto_publish, offer),
        Locale::Es => es(settings.auto_publish, offer),
        Locale::PtBr => pt_br(settings.auto_publish, offer),
    };
    ReviewDisclosure {
        locale,
        title: title.to_owned(),
        paragraphs,
    }
}

fn en(auto_publish: bool, offer: Option<&str>) -> (&'static str, Vec<String>) {
    let moderation = if auto_publish {
        "Reviews appear as soon as they are written, whatever their rating. We remove a review \
         only for spam, personal data, offensive language, or being off-topic or not about the \
         product."
    } else {
        "We read every review before it appears. We reject a review only for spam, personal \
         data, offensive language, or being off-topic or not about the product, never for its \
         rating."
    };
    let incentive = match offer {
        None => "We give nothing in return for a review.".to_owned(),
        Some(o) => format!(
            "With every review request we offer “{o}”, whatever the rating; those reviews are \
             marked."
        ),
    };
    (
        "How reviews work",
        vec![
            "A “Verified buyer” review is tied to a delivered order of the person who wrote it. \
             Reviews imported from elsewhere are verified only when they match one of our orders."
                .to_owned(),
            moderation.to_owned(),
            "The newest reviews come first, and you can sort them another way. Nobody can pay to \
             rank a review higher."
                .to_owned(),
            incentive,
        ],
    )
}

fn es(auto_publish: bool, offer: Option<&str>) -> (&'static str, Vec<String>) {
    let moderation = if auto_publish {
        "Las reseñas se publican en cuanto se escriben, sea cual sea su valoración. Solo \
         retiramos una reseña por spam, datos personales, lenguaje ofensivo, o por salirse del \
         tema o no tratar del producto."
    } else {
        "Leemos cada reseña antes de publicarla. Solo rechazamos una reseña por spam, datos \
         personales, lenguaje ofensivo, o por salirse del tema o no tratar del producto; nunca por \
         su valoración."
    };
    let incentive = match offer {
        None => "No damos nada a cambio de una reseña.".to_owned(),
        Some(o) => format!(
            "Con cada solicitud de reseña ofrecemos «{o}», sea cual sea la valoración; esas \
             reseñas van marcadas."
        ),
    };
    (
        "Cómo funcionan las reseñas",
        vec![
            "Una reseña de «Compra verificada» está vinculada a un pedido entregado de quien la \
             escribe. Las reseñas importadas de otros sitios solo se verifican si coinciden con \
             uno de nuestros pedidos."
                .to_owned(),
            moderation.to_owned(),
            "Las reseñas más recientes aparecen primero y puedes ordenarlas de otra forma. Nadie \
             puede pagar para que una reseña salga más arriba."
                .to_owned(),
            incentive,
        ],
    )
}

fn pt_br(auto_publish: bool, offer: Option<&str>) -> (&'static str, Vec<String>) {
    let moderation = if auto_publish {
        "As avaliações aparecem assim que são escritas, qualquer que seja a nota. Só removemos \
         uma avaliação por spam, dados pessoais, linguagem ofensiva, ou por fugir do assunto ou \
         não falar do produto."
    } else {
        "Lemos cada avaliação antes de publicá-la. Só recusamos uma avaliação por spam, dados \
         pessoais, linguagem ofensiva, ou por fugir do assunto ou não falar do produto; nunca pela \
         nota."
    };
    let incentive = match offer {
        None => "Não damos nada em troca de uma avaliação.".to_owned(),
        Some(o) => format!(
            "A cada pedido de avaliação oferecemos “{o}”, qualquer que seja a nota; essas \
             avaliações ficam marcadas."
        ),
    };
    (
        "Como funcionam as avaliações",
        vec![
            "Uma avaliação de “Compra verificada” está ligada a um pedido entregue de quem a \
             escreveu. Avaliações importadas de outros lugares só são verificadas quando \
             correspondem a um dos nossos pedidos."
                .to_owned(),
            moderation.to_owned(),
            "As avaliações mais recentes aparecem primeiro, e você pode ordená-las de outro \
             jeito. Ninguém pode pagar para uma avaliação aparecer mais acima."
                .to_owned(),
            incentive,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Incentive;
    use crate::review::RejectReason;

    fn settings(auto_publish: bool, offer: Option<&str>) -> ReviewSettings {
        ReviewSettings {
            auto_publish,
            incentive: offer.map(|o| Incentive {
                offer: o.into(),
                code_prefix: "THANKS".into(),
            }),
            ..ReviewSettings::default()
        }
    }

    #[test]
    fn every_language_says_the_same_four_things() {
        for auto in [false, true] {
            for offer in [None, Some("10% off your next order")] {
                let s = settings(auto, offer);
                for locale in Locale::ALL {
                    let d = review_disclosure(locale, &s);
                    assert_eq!(d.locale, locale);
                    assert!(!d.title.is_empty());
                    assert_eq!(d.paragraphs.len(), 4, "{locale:?}");
                    for p in &d.paragraphs {
                        assert!(!p.trim().is_empty() && !p.contains("  "), "{p}");
                        assert!(p.matches(['.', ';']).count() <= 3, "short: {p}");
                    }
                    let mentions = d.paragraphs.iter().any(|p| p.contains("10% off"));
                    assert_eq!(mentions, offer.is_some(), "{locale:?}");
                }
            }
        }
    }

    #[test]
    fn moderation_follows_auto_publish_and_titles_are_localised() {
        let titles: Vec<String> = Locale::ALL
            .into_iter()
            .map(|l| review_disclosure(l, &ReviewSettings::default()).title)
            .collect();
        assert_eq!(
            titles,
            [
                "How reviews work",
                "Cómo funcionan las reseñas",
                "Como funcionam as avaliações"
            ]
        );
        for locale in Locale::ALL {
            let moderated = review_disclosure(locale, &settings(false, None)).paragraphs;
            let auto = review_disclosure(locale, &settings(true, None)).paragraphs;
            assert_ne!(moderated[1], auto[1], "{locale:?}");
            assert_eq!(moderated[0], auto[0]);
        }
    }

    /// The moderation paragraph names the five neutral reasons; a new reason fails to compile
    /// here until the texts say it.
    #[test]
    fn the_texts_name_every_reject_reason() {
        let en = review_disclosure(Locale::En, &ReviewSettings::default()).paragraphs[1].clone();
        for r in RejectReason::ALL {
            let word = match r {
                RejectReason::Spam => "spam",
                RejectReason::OffTopic => "off-topic",
                RejectReason::PersonalData => "personal data",
                RejectReason::Offensive => "offensive",
                RejectReason::NotAboutProduct => "not about the product",
            };
            assert!(en.contains(word), "{word}");
        }
    }
}
