//! Settings — Reviews: its texts, reached through
//! [`T::ReviewsSettings`](super::T::ReviewsSettings), one exhaustive `match` per language. The
//! extra questions are named as shoppers read them, from the shopper catalog.

use aftercare_shared::Locale;

/// Every message of the review settings page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum ReviewSet {
    Intro,
    PublishHeading,
    AutoPublish,
    AutoPublishHint,
    TimingHeading,
    UseDays,
    UseDaysHint,
    Transit,
    TransitHint,
    Reminders,
    RemindersHint,
    Asks,
    AsksHint,
    PeriodsHeading,
    PeriodsHint,
    PeriodNumber(usize),
    PeriodAdd,
    AppliesTo,
    BySku,
    ByTag,
    SkuOrTag,
    PeriodDays,
    PeriodRemove,
    AttributesHeading,
    AttributesHint(usize),
    AttributeNumber(usize),
    AttributeAdd,
    Question,
    NoQuestion,
    Tags,
    AttributeRemove,
    RewardHeading,
    RewardLaw,
    Offer,
    OfferHint,
    CodePrefix,
    CodePrefixHint,
    Save,
}

use ReviewSet as R;

/// `m` in `locale`.
pub(super) fn text(locale: Locale, m: ReviewSet) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: ReviewSet) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        R::Intro => s("When shoppers are asked for a review, what happens to it, which extra questions they answer and what they get for it. Saved together, with the same rules as the API."),
        R::PublishHeading => s("Publishing"),
        R::AutoPublish => s("Publish reviews at once, without checking them first"),
        R::AutoPublishHint => s("The same for every rating: publishing may never depend on the stars (US FTC 16 CFR §465.7). Off: each review waits under Reviews for your check."),
        R::TimingHeading => s("When to ask"),
        R::UseDays => s("Days after delivery before asking"),
        R::UseDaysHint => s("0 to 365, for products no use period below names."),
        R::Transit => s("Days added to the shipping date when no delivery scan came"),
        R::TransitHint => s("0 to 365."),
        R::Reminders => s("Reminders after the first ask, at most"),
        R::RemindersHint => s("0 to 5; 0 asks once."),
        R::Asks => s("Asks per shopper in any 30 days, at most"),
        R::AsksHint => s("1 to 30, across all products."),
        R::PeriodsHeading => s("Use periods"),
        R::PeriodsHint => s("Products that need more (or less) use before an opinion, by SKU or by tag: days after delivery, 0 to 365."),
        R::PeriodNumber(n) => format!("Use period {n}"),
        R::PeriodAdd => s("New use period (leave empty to add none)"),
        R::AppliesTo => s("Applies to"),
        R::BySku => s("One product (SKU)"),
        R::ByTag => s("Products with a tag"),
        R::SkuOrTag => s("SKU or tag"),
        R::PeriodDays => s("Days after delivery"),
        R::PeriodRemove => s("Remove this use period"),
        R::AttributesHeading => s("Extra questions"),
        R::AttributesHint(n) => format!("Asked in the review form about products with one of the tags, or about every product when the tags are empty. At most {n}."),
        R::AttributeNumber(n) => format!("Extra question {n}"),
        R::AttributeAdd => s("New extra question"),
        R::Question => s("Question"),
        R::NoQuestion => s("None"),
        R::Tags => s("Product tags, separated by commas"),
        R::AttributeRemove => s("Remove this question"),
        R::RewardHeading => s("Reward for reviewing"),
        R::RewardLaw => s("The reward comes with every review request, whatever the rating and whether the review is published (US FTC 16 CFR §465.4). Reviews written with one say so to other shoppers. Leave both fields empty to offer none."),
        R::Offer => s("What the shopper gets"),
        R::OfferHint => s("Up to 120 characters, as shoppers read it: 10% off your next order."),
        R::CodePrefix => s("Code prefix"),
        R::CodePrefixHint => s("2 to 12 capital letters or digits. Each code is the prefix, a dash and 8 random characters."),
        R::Save => s("Save review settings"),
    }
}

fn es(m: ReviewSet) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        R::Intro => s("Cuándo se pide una opinión a los compradores, qué pasa con ella, qué preguntas extra responden y qué reciben a cambio. Se guarda todo junto, con las mismas reglas que la API."),
        R::PublishHeading => s("Publicación"),
        R::AutoPublish => s("Publicar las opiniones al momento, sin revisarlas antes"),
        R::AutoPublishHint => s("Igual para todas las valoraciones: publicar nunca puede depender de las estrellas (US FTC 16 CFR §465.7). Desactivado: cada opinión espera en Opiniones a tu revisión."),
        R::TimingHeading => s("Cuándo preguntar"),
        R::UseDays => s("Días tras la entrega antes de preguntar"),
        R::UseDaysHint => s("De 0 a 365, para los productos que ningún periodo de uso nombra."),
        R::Transit => s("Días sumados a la fecha de envío si no llegó el aviso de entrega"),
        R::TransitHint => s("De 0 a 365."),
        R::Reminders => s("Recordatorios tras la primera petición, como máximo"),
        R::RemindersHint => s("De 0 a 5; con 0 se pregunta una sola vez."),
        R::Asks => s("Peticiones por comprador en 30 días, como máximo"),
        R::AsksHint => s("De 1 a 30, sumando todos los productos."),
        R::PeriodsHeading => s("Periodos de uso"),
        R::PeriodsHint => s("Productos que necesitan más (o menos) uso antes de opinar, por SKU o por etiqueta: días tras la entrega, de 0 a 365."),
        R::PeriodNumber(n) => format!("Periodo de uso {n}"),
        R::PeriodAdd => s("Nuevo periodo de uso (déjalo vacío para no añadir ninguno)"),
        R::AppliesTo => s("Se aplica a"),
        R::BySku => s("Un producto (SKU)"),
        R::ByTag => s("Productos con una etiqueta"),
        R::SkuOrTag => s("SKU o etiqueta"),
        R::PeriodDays => s("Días tras la entrega"),
        R::PeriodRemove => s("Quitar este periodo de uso"),
        R::AttributesHeading => s("Preguntas extra"),
        R::AttributesHint(n) => format!("Se hacen en el formulario de opinión sobre los productos con alguna de las etiquetas, o sobre todos si no hay etiquetas. Como máximo {n}."),
        R::AttributeNumber(n) => format!("Pregunta extra {n}"),
        R::AttributeAdd => s("Nueva pregunta extra"),
        R::Question => s("Pregunta"),
        R::NoQuestion => s("Ninguna"),
        R::Tags => s("Etiquetas de producto, separadas por comas"),
        R::AttributeRemove => s("Quitar esta pregunta"),
        R::RewardHeading => s("Recompensa por opinar"),
        R::RewardLaw => s("La recompensa acompaña a cada petición de opinión, sea cual sea la valoración y se publique o no (US FTC 16 CFR §465.4). Las opiniones escritas con ella lo indican a los demás compradores. Deja ambos campos vacíos para no ofrecer ninguna."),
        R::Offer => s("Qué recibe el comprador"),
        R::OfferHint => s("Hasta 120 caracteres, tal como lo leerá el comprador: 10 % de descuento en tu próximo pedido."),
        R::CodePrefix => s("Prefijo del código"),
        R::CodePrefixHint => s("De 2 a 12 letras mayúsculas o cifras. Cada código es el prefijo, un guion y 8 caracteres al azar."),
        R::Save => s("Guardar ajustes de opiniones"),
    }
}

fn pt_br(m: ReviewSet) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        R::Intro => s("Quando os compradores são convidados a avaliar, o que acontece com a avaliação, que perguntas extras respondem e o que recebem por isso. Tudo é salvo junto, com as mesmas regras da API."),
        R::PublishHeading => s("Publicação"),
        R::AutoPublish => s("Publicar as avaliações na hora, sem conferir antes"),
        R::AutoPublishHint => s("Igual para todas as notas: publicar nunca pode depender das estrelas (US FTC 16 CFR §465.7). Desligado: cada avaliação aguarda sua conferência em Avaliações."),
        R::TimingHeading => s("Quando pedir"),
        R::UseDays => s("Dias após a entrega antes de pedir"),
        R::UseDaysHint => s("De 0 a 365, para os produtos que nenhum período de uso cita."),
        R::Transit => s("Dias somados à data de envio quando não veio o aviso de entrega"),
        R::TransitHint => s("De 0 a 365."),
        R::Reminders => s("Lembretes após o primeiro pedido, no máximo"),
        R::RemindersHint => s("De 0 a 5; com 0 pede-se uma só vez."),
        R::Asks => s("Pedidos por comprador em 30 dias, no máximo"),
        R::AsksHint => s("De 1 a 30, somando todos os produtos."),
        R::PeriodsHeading => s("Períodos de uso"),
        R::PeriodsHint => s("Produtos que precisam de mais (ou menos) uso antes de uma opinião, por SKU ou por tag: dias após a entrega, de 0 a 365."),
        R::PeriodNumber(n) => format!("Período de uso {n}"),
        R::PeriodAdd => s("Novo período de uso (deixe vazio para não adicionar)"),
        R::AppliesTo => s("Vale para"),
        R::BySku => s("Um produto (SKU)"),
        R::ByTag => s("Produtos com uma tag"),
        R::SkuOrTag => s("SKU ou tag"),
        R::PeriodDays => s("Dias após a entrega"),
        R::PeriodRemove => s("Remover este período de uso"),
        R::AttributesHeading => s("Perguntas extras"),
        R::AttributesHint(n) => format!("Feitas no formulário de avaliação sobre os produtos com alguma das tags, ou sobre todos quando não há tags. No máximo {n}."),
        R::AttributeNumber(n) => format!("Pergunta extra {n}"),
        R::AttributeAdd => s("Nova pergunta extra"),
        R::Question => s("Pergunta"),
        R::NoQuestion => s("Nenhuma"),
        R::Tags => s("Tags de produto, separadas por vírgulas"),
        R::AttributeRemove => s("Remover esta pergunta"),
        R::RewardHeading => s("Recompensa por avaliar"),
        R::RewardLaw => s("A recompensa acompanha cada pedido de avaliação, qualquer que seja a nota e seja a avaliação publicada ou não (US FTC 16 CFR §465.4). As avaliações escritas com ela informam isso aos outros compradores. Deixe os dois campos vazios para não oferecer nenhuma."),
        R::Offer => s("O que o comprador recebe"),
        R::OfferHint => s("Até 120 caracteres, como o comprador vai ler: 10% de desconto no próximo pedido."),
        R::CodePrefix => s("Prefixo do código"),
        R::CodePrefixHint => s("De 2 a 12 letras maiúsculas ou dígitos. Cada código é o prefixo, um hífen e 8 caracteres aleatórios."),
        R::Save => s("Salvar configurações de avaliações"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// One sample of every variant.
    pub(in crate::text) fn samples() -> Vec<ReviewSet> {
        vec![
            R::Intro,
            R::PublishHeading,
            R::AutoPublish,
            R::AutoPublishHint,
            R::TimingHeading,
            R::UseDays,
            R::UseDaysHint,
            R::Transit,
            R::TransitHint,
            R::Reminders,
            R::RemindersHint,
            R::Asks,
            R::AsksHint,
            R::PeriodsHeading,
            R::PeriodsHint,
            R::PeriodNumber(2),
            R::PeriodAdd,
            R::AppliesTo,
            R::BySku,
            R::ByTag,
            R::SkuOrTag,
            R::PeriodDays,
            R::PeriodRemove,
            R::AttributesHeading,
            R::AttributesHint(20),
            R::AttributeNumber(3),
            R::AttributeAdd,
            R::Question,
            R::NoQuestion,
            R::Tags,
            R::AttributeRemove,
            R::RewardHeading,
            R::RewardLaw,
            R::Offer,
            R::OfferHint,
            R::CodePrefix,
            R::CodePrefixHint,
            R::Save,
        ]
    }

    /// A new variant breaks this `match` until it is numbered (and sampled above).
    fn index(m: &ReviewSet) -> usize {
        match m {
            R::Intro => 0,
            R::PublishHeading => 1,
            R::AutoPublish => 2,
            R::AutoPublishHint => 3,
            R::TimingHeading => 4,
            R::UseDays => 5,
            R::UseDaysHint => 6,
            R::Transit => 7,
            R::TransitHint => 8,
            R::Reminders => 9,
            R::RemindersHint => 10,
            R::Asks => 11,
            R::AsksHint => 12,
            R::PeriodsHeading => 13,
            R::PeriodsHint => 14,
            R::PeriodNumber(_) => 15,
            R::PeriodAdd => 16,
            R::AppliesTo => 17,
            R::BySku => 18,
            R::ByTag => 19,
            R::SkuOrTag => 20,
            R::PeriodDays => 21,
            R::PeriodRemove => 22,
            R::AttributesHeading => 23,
            R::AttributesHint(_) => 24,
            R::AttributeNumber(_) => 25,
            R::AttributeAdd => 26,
            R::Question => 27,
            R::NoQuestion => 28,
            R::Tags => 29,
            R::AttributeRemove => 30,
            R::RewardHeading => 31,
            R::RewardLaw => 32,
            R::Offer => 33,
            R::OfferHint => 34,
            R::CodePrefix => 35,
            R::CodePrefixHint => 36,
            R::Save => 37,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated_and_the_law_is_named() {
        let seen: std::collections::BTreeSet<usize> = samples().iter().map(index).collect();
        assert_eq!(seen, (0..38).collect());
        for m in samples() {
            let english = text(Locale::En, m);
            for l in Locale::ALL {
                let t = text(l, m);
                assert!(!t.is_empty() && t.trim() == t, "{l:?} {m:?}");
                if l != Locale::En {
                    assert_ne!(t, english, "{l:?} {m:?} left in English");
                }
            }
        }
        for l in Locale::ALL {
            assert!(text(l, R::RewardLaw).contains("§465.4"));
            assert!(text(l, R::AutoPublishHint).contains("§465.7"));
            assert!(text(l, R::AttributesHint(20)).contains("20"));
        }
    }
}
