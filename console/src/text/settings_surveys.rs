//! Settings — Surveys: its texts, reached through
//! [`T::SurveysSettings`](super::T::SurveysSettings), one exhaustive `match` per language. The
//! surveys' built-in wording is the shopper catalog's, not here.

use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;

/// Every message of the survey settings page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum SurveySet<'a> {
    Intro,
    KindIntro(SurveyKind),
    RulesHeading,
    DeliveryLabel,
    DeliveryHint(u32, u32),
    ResponseLabel,
    ResponseHint(u32, u32),
    DismissalLabel,
    DismissalHint(u32, u32),
    SampleLabel,
    SampleHint,
    EmailLabel,
    EmailHint,
    WordingHeading,
    /// With the placeholder a text may hold for the store's name.
    WordingHint(&'a str),
    In(&'a str),
    Question,
    LowLabel,
    HighLabel,
    Save(&'a str),
}

use SurveySet as S;

/// `m` in `locale`.
pub(super) fn text(locale: Locale, m: SurveySet<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: SurveySet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        S::Intro => s("When the NPS and CSAT cards may appear, and what they ask. Each survey is saved on its own, with the same rules as the API."),
        S::KindIntro(SurveyKind::Nps) => s("How likely shoppers are to recommend your store, from 0 to 10."),
        S::KindIntro(SurveyKind::Csat) => s("How satisfied shoppers are with their delivery, from 1 to 5."),
        S::RulesHeading => s("When to ask"),
        S::DeliveryLabel => s("Days after the first delivery before asking"),
        S::DeliveryHint(lo, hi) => format!("{lo} to {hi}. Counted from the shopper's first delivered order."),
        S::ResponseLabel => s("Days before asking again after an answer"),
        S::ResponseHint(lo, hi) => format!("{lo} to {hi}."),
        S::DismissalLabel => s("Days before asking again after “Not now”"),
        S::DismissalHint(lo, hi) => format!("{lo} to {hi}. Doubles with each further “Not now” in a row, up to a year."),
        S::SampleLabel => s("Shoppers asked at all (%)"),
        S::SampleHint => s("0 to 100. The same shoppers are always in or out."),
        S::EmailLabel => s("Also invite customers by email"),
        S::EmailHint => s("With the same rules: one email with the scale as links to a page in your theme, never to guests or to shoppers who turned surveys off. After an invitation left unanswered, the next waits as long as after an answer or a “Not now”, whichever is longer."),
        S::WordingHeading => s("Wording"),
        S::WordingHint(store) => format!("Leave a language empty to use the built-in wording shown in grey. A language without your text gets your text in the store's default language, if you wrote one. {store} becomes your store's name."),
        S::In(language) => format!("In {language}"),
        S::Question => s("Question"),
        S::LowLabel => s("Label under the lowest score"),
        S::HighLabel => s("Label under the highest score"),
        S::Save(kind) => format!("Save {kind} settings"),
    }
}

fn es(m: SurveySet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        S::Intro => s("Cuándo pueden aparecer las tarjetas NPS y CSAT, y qué preguntan. Cada encuesta se guarda por separado, con las mismas reglas que la API."),
        S::KindIntro(SurveyKind::Nps) => s("Con qué probabilidad recomendarían tu tienda los compradores, de 0 a 10."),
        S::KindIntro(SurveyKind::Csat) => s("Qué satisfechos están los compradores con la entrega, de 1 a 5."),
        S::RulesHeading => s("Cuándo preguntar"),
        S::DeliveryLabel => s("Días tras la primera entrega antes de preguntar"),
        S::DeliveryHint(lo, hi) => format!("De {lo} a {hi}. Se cuentan desde el primer pedido entregado del comprador."),
        S::ResponseLabel => s("Días antes de volver a preguntar tras una respuesta"),
        S::ResponseHint(lo, hi) => format!("De {lo} a {hi}."),
        S::DismissalLabel => s("Días antes de volver a preguntar tras «Ahora no»"),
        S::DismissalHint(lo, hi) => format!("De {lo} a {hi}. Se duplica con cada nuevo «Ahora no» seguido, hasta un año."),
        S::SampleLabel => s("Compradores a los que se pregunta (%)"),
        S::SampleHint => s("De 0 a 100. Siempre son los mismos compradores."),
        S::EmailLabel => s("Invitar también a los clientes por email"),
        S::EmailHint => s("Con las mismas reglas: un email con la escala como enlaces a una página con tu tema, nunca a invitados ni a compradores que desactivaron las encuestas. Tras una invitación sin respuesta, la siguiente espera lo mismo que tras una respuesta o un «Ahora no», lo que sea más largo."),
        S::WordingHeading => s("Textos"),
        S::WordingHint(store) => format!("Deja un idioma vacío para usar el texto incorporado, en gris. Un idioma sin texto propio recibe tu texto en el idioma principal de la tienda, si lo escribiste. {store} se sustituye por el nombre de tu tienda."),
        S::In(language) => format!("En {language}"),
        S::Question => s("Pregunta"),
        S::LowLabel => s("Etiqueta bajo la puntuación más baja"),
        S::HighLabel => s("Etiqueta bajo la puntuación más alta"),
        S::Save(kind) => format!("Guardar ajustes de {kind}"),
    }
}

fn pt_br(m: SurveySet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        S::Intro => s("Quando os cartões NPS e CSAT podem aparecer e o que perguntam. Cada pesquisa é salva separadamente, com as mesmas regras da API."),
        S::KindIntro(SurveyKind::Nps) => s("A probabilidade de os compradores recomendarem sua loja, de 0 a 10."),
        S::KindIntro(SurveyKind::Csat) => s("A satisfação dos compradores com a entrega, de 1 a 5."),
        S::RulesHeading => s("Quando perguntar"),
        S::DeliveryLabel => s("Dias após a primeira entrega antes de perguntar"),
        S::DeliveryHint(lo, hi) => format!("De {lo} a {hi}. Contados a partir do primeiro pedido entregue do comprador."),
        S::ResponseLabel => s("Dias antes de perguntar de novo após uma resposta"),
        S::ResponseHint(lo, hi) => format!("De {lo} a {hi}."),
        S::DismissalLabel => s("Dias antes de perguntar de novo após “Agora não”"),
        S::DismissalHint(lo, hi) => format!("De {lo} a {hi}. Dobra a cada novo “Agora não” seguido, até um ano."),
        S::SampleLabel => s("Compradores que recebem a pergunta (%)"),
        S::SampleHint => s("De 0 a 100. São sempre os mesmos compradores."),
        S::EmailLabel => s("Convidar os clientes também por e-mail"),
        S::EmailHint => s("Com as mesmas regras: um e-mail com a escala como links para uma página com o seu tema, nunca para visitantes nem para compradores que desativaram as pesquisas. Depois de um convite sem resposta, o próximo espera o mesmo que depois de uma resposta ou de um “Agora não”, o que for mais longo."),
        S::WordingHeading => s("Textos"),
        S::WordingHint(store) => format!("Deixe um idioma vazio para usar o texto padrão, em cinza. Um idioma sem texto próprio recebe seu texto no idioma principal da loja, se você escreveu um. {store} é trocado pelo nome da sua loja."),
        S::In(language) => format!("Em {language}"),
        S::Question => s("Pergunta"),
        S::LowLabel => s("Rótulo sob a nota mais baixa"),
        S::HighLabel => s("Rótulo sob a nota mais alta"),
        S::Save(kind) => format!("Salvar configurações de {kind}"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// One sample of every variant (each kind's).
    pub(in crate::text) fn samples() -> Vec<SurveySet<'static>> {
        vec![
            S::Intro,
            S::KindIntro(SurveyKind::Nps),
            S::KindIntro(SurveyKind::Csat),
            S::RulesHeading,
            S::DeliveryLabel,
            S::DeliveryHint(0, 365),
            S::ResponseLabel,
            S::ResponseHint(0, 730),
            S::DismissalLabel,
            S::DismissalHint(1, 365),
            S::SampleLabel,
            S::SampleHint,
            S::EmailLabel,
            S::EmailHint,
            S::WordingHeading,
            S::WordingHint("[store]"),
            S::In("Español"),
            S::Question,
            S::LowLabel,
            S::HighLabel,
            S::Save("NPS"),
        ]
    }

    /// A new variant breaks this `match` until it is numbered (and sampled above).
    fn index(m: &SurveySet<'_>) -> usize {
        match m {
            S::Intro => 0,
            S::KindIntro(_) => 1,
            S::RulesHeading => 2,
            S::DeliveryLabel => 3,
            S::DeliveryHint(..) => 4,
            S::ResponseLabel => 5,
            S::ResponseHint(..) => 6,
            S::DismissalLabel => 7,
            S::DismissalHint(..) => 8,
            S::SampleLabel => 9,
            S::SampleHint => 10,
            S::WordingHeading => 11,
            S::WordingHint(_) => 12,
            S::In(_) => 13,
            S::Question => 14,
            S::LowLabel => 15,
            S::HighLabel => 16,
            S::Save(_) => 17,
            S::EmailLabel => 18,
            S::EmailHint => 19,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated() {
        let seen: std::collections::BTreeSet<usize> = samples().iter().map(index).collect();
        assert_eq!(seen, (0..20).collect());
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
            assert!(text(l, S::DeliveryHint(0, 365)).contains("365"));
            assert!(text(l, S::DismissalHint(1, 365)).starts_with(['1', 'D']));
            assert!(text(l, S::Save("CSAT")).contains("CSAT"));
            assert!(
                text(l, S::WordingHint("{store}")).contains("{store}"),
                "the placeholder itself"
            );
        }
    }
}
