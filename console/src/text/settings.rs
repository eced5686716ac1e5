//! The Settings page's texts: a catalog of its own, reached through
//! [`T::Settings`](super::T::Settings), one exhaustive `match` per language.

use crate::pages::settings_tabs::SettingsTab;
use aftercare_shared::{FieldIssue, Locale};

/// Every message of the Settings page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum Set<'a> {
    Intro,
    NotSaved(usize),
    Issue(FieldIssue),
    TrackingHeading,
    StallLabel,
    StallHint,
    ExpireLabel,
    ExpireHint,
    ContactsHeading,
    ContactsHint,
    SupportEmail,
    SupportPhone,
    ChatUrl,
    ChangesHeading,
    CancelWindow,
    CancelWindowHint,
    CancelReasons,
    AddressChanges,
    FaqHeading,
    FaqHint(usize),
    FaqIn(&'a str),
    FaqNumber(usize),
    FaqAdd,
    FaqQuestion,
    FaqAnswer,
    FaqRemove,
    Save,
    OriginsHeading,
    OriginsHint,
    OriginsLabel,
    OriginLine(usize),
    OriginsTooMany(usize),
    SaveOrigins,
    Sections,
    Tab(SettingsTab),
}

/// `m` in `locale`.
pub(super) fn set(locale: Locale, m: Set<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: Set<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Set::Intro => s("What shoppers see and may do in every widget. Saved together, with the same rules as the API."),
        Set::NotSaved(1) => s("Nothing was saved: 1 field needs attention."),
        Set::NotSaved(n) => format!("Nothing was saved: {n} fields need attention."),
        Set::Issue(i) => s(match i {
            FieldIssue::Required => "This is needed.",
            FieldIssue::TooLong => "This is too long.",
            FieldIssue::InvalidFormat => "This is not in the expected form.",
            FieldIssue::OutOfRange => "This is outside the allowed range.",
            FieldIssue::UnknownReference => "This does not exist.",
            FieldIssue::Duplicate => "This appears more than once.",
        }),
        Set::TrackingHeading => s("Tracking"),
        Set::StallLabel => s("A parcel without news is stalled after (hours)"),
        Set::StallHint => s("1 to 720. From then on shoppers are told to contact you."),
        Set::ExpireLabel => s("Tracking gives up after (days without news)"),
        Set::ExpireHint => s("1 to 365."),
        Set::ContactsHeading => s("How shoppers reach you"),
        Set::ContactsHint => s("Shown in every widget's help section. Leave empty what you do not offer."),
        Set::SupportEmail => s("Support email"),
        Set::SupportPhone => s("Support phone"),
        Set::ChatUrl => s("Chat or help centre link"),
        Set::ChangesHeading => s("Changes before shipping"),
        Set::CancelWindow => s("Shoppers may ask to cancel within (hours)"),
        Set::CancelWindowHint => s("0 to 720; 0 turns cancelling off."),
        Set::CancelReasons => s("Reasons offered for cancelling"),
        Set::AddressChanges => s("Shoppers may ask to deliver elsewhere before a parcel ships"),
        Set::FaqHeading => s("Shipping FAQ"),
        Set::FaqHint(n) => format!("Shown in the tracking widget, in the shopper's language. At most {n} questions in all."),
        Set::FaqIn(language) => format!("In {language}"),
        Set::FaqNumber(n) => format!("Question {n}"),
        Set::FaqAdd => s("New question (leave empty to add none)"),
        Set::FaqQuestion => s("Question"),
        Set::FaqAnswer => s("Answer"),
        Set::FaqRemove => s("Remove this question"),
        Set::Save => s("Save settings"),
        Set::OriginsHeading => s("Allowed origins"),
        Set::OriginsHint => s("The sites whose pages may embed the widgets, one per line, exactly as the browser names them: https://shop.example, or http://localhost:* for any port."),
        Set::OriginsLabel => s("Origins, one per line"),
        Set::OriginLine(n) => format!("Line {n}"),
        Set::OriginsTooMany(n) => format!("At most {n} origins."),
        Set::SaveOrigins => s("Save origins"),
        Set::Sections => s("Settings sections"),
        Set::Tab(t) => s(match t {
            SettingsTab::Store => "Store",
            SettingsTab::Returns => "Returns",
            SettingsTab::Surveys => "Surveys",
            SettingsTab::Reviews => "Reviews",
            SettingsTab::Branding => "Branding",
            SettingsTab::Emails => "Emails",
        }),
    }
}

fn es(m: Set<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Set::Intro => s("Lo que los compradores ven y pueden hacer en cada widget. Se guarda todo junto, con las mismas reglas que la API."),
        Set::NotSaved(1) => s("No se ha guardado nada: 1 campo necesita atención."),
        Set::NotSaved(n) => format!("No se ha guardado nada: {n} campos necesitan atención."),
        Set::Issue(i) => s(match i {
            FieldIssue::Required => "Este dato es necesario.",
            FieldIssue::TooLong => "Es demasiado largo.",
            FieldIssue::InvalidFormat => "No tiene el formato esperado.",
            FieldIssue::OutOfRange => "Está fuera del rango permitido.",
            FieldIssue::UnknownReference => "No existe.",
            FieldIssue::Duplicate => "Aparece más de una vez.",
        }),
        Set::TrackingHeading => s("Seguimiento"),
        Set::StallLabel => s("Un paquete sin novedades se considera parado tras (horas)"),
        Set::StallHint => s("De 1 a 720. A partir de entonces se indica al comprador que te contacte."),
        Set::ExpireLabel => s("El seguimiento se abandona tras (días sin novedades)"),
        Set::ExpireHint => s("De 1 a 365."),
        Set::ContactsHeading => s("Cómo te contactan los compradores"),
        Set::ContactsHint => s("Se muestra en la sección de ayuda de cada widget. Deja vacío lo que no ofrezcas."),
        Set::SupportEmail => s("Email de atención al cliente"),
        Set::SupportPhone => s("Teléfono de atención al cliente"),
        Set::ChatUrl => s("Enlace al chat o al centro de ayuda"),
        Set::ChangesHeading => s("Cambios antes del envío"),
        Set::CancelWindow => s("Los compradores pueden pedir la cancelación durante (horas)"),
        Set::CancelWindowHint => s("De 0 a 720; 0 desactiva las cancelaciones."),
        Set::CancelReasons => s("Motivos de cancelación ofrecidos"),
        Set::AddressChanges => s("Los compradores pueden pedir otra dirección de entrega antes del envío"),
        Set::FaqHeading => s("Preguntas frecuentes sobre envíos"),
        Set::FaqHint(n) => format!("Se muestran en el widget de seguimiento, en el idioma del comprador. Como máximo {n} preguntas en total."),
        Set::FaqIn(language) => format!("En {language}"),
        Set::FaqNumber(n) => format!("Pregunta {n}"),
        Set::FaqAdd => s("Nueva pregunta (déjala vacía para no añadir ninguna)"),
        Set::FaqQuestion => s("Pregunta"),
        Set::FaqAnswer => s("Respuesta"),
        Set::FaqRemove => s("Quitar esta pregunta"),
        Set::Save => s("Guardar ajustes"),
        Set::OriginsHeading => s("Orígenes permitidos"),
        Set::OriginsHint => s("Los sitios cuyas páginas pueden insertar los widgets, uno por línea, tal como los nombra el navegador: https://tienda.example, o http://localhost:* para cualquier puerto."),
        Set::OriginsLabel => s("Orígenes, uno por línea"),
        Set::OriginLine(n) => format!("Línea {n}"),
        Set::OriginsTooMany(n) => format!("Como máximo {n} orígenes."),
        Set::SaveOrigins => s("Guardar orígenes"),
        Set::Sections => s("Secciones de los ajustes"),
        Set::Tab(t) => s(match t {
            SettingsTab::Store => "Tienda",
            SettingsTab::Returns => "Devoluciones",
            SettingsTab::Surveys => "Encuestas",
            SettingsTab::Reviews => "Opiniones",
            SettingsTab::Branding => "Marca",
            SettingsTab::Emails => "Correos",
        }),
    }
}

fn pt_br(m: Set<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Set::Intro => s("O que os compradores veem e podem fazer em cada widget. Tudo é salvo junto, com as mesmas regras da API."),
        Set::NotSaved(1) => s("Nada foi salvo: 1 campo precisa de atenção."),
        Set::NotSaved(n) => format!("Nada foi salvo: {n} campos precisam de atenção."),
        Set::Issue(i) => s(match i {
            FieldIssue::Required => "Este dado é necessário.",
            FieldIssue::TooLong => "Está longo demais.",
            FieldIssue::InvalidFormat => "Não está no formato esperado.",
            FieldIssue::OutOfRange => "Está fora do intervalo permitido.",
            FieldIssue::UnknownReference => "Não existe.",
            FieldIssue::Duplicate => "Aparece mais de uma vez.",
        }),
        Set::TrackingHeading => s("Rastreio"),
        Set::StallLabel => s("Um pacote sem novidades é considerado parado após (horas)"),
        Set::StallHint => s("De 1 a 720. A partir daí o comprador é orientado a falar com você."),
        Set::ExpireLabel => s("O rastreio é encerrado após (dias sem novidades)"),
        Set::ExpireHint => s("De 1 a 365."),
        Set::ContactsHeading => s("Como os compradores falam com você"),
        Set::ContactsHint => s("Aparece na seção de ajuda de cada widget. Deixe vazio o que você não oferece."),
        Set::SupportEmail => s("E-mail de atendimento"),
        Set::SupportPhone => s("Telefone de atendimento"),
        Set::ChatUrl => s("Link do chat ou da central de ajuda"),
        Set::ChangesHeading => s("Alterações antes do envio"),
        Set::CancelWindow => s("Os compradores podem pedir o cancelamento em até (horas)"),
        Set::CancelWindowHint => s("De 0 a 720; 0 desativa os cancelamentos."),
        Set::CancelReasons => s("Motivos de cancelamento oferecidos"),
        Set::AddressChanges => s("Os compradores podem pedir outro endereço de entrega antes do envio"),
        Set::FaqHeading => s("Perguntas frequentes sobre envio"),
        Set::FaqHint(n) => format!("Aparecem no widget de rastreio, no idioma do comprador. No máximo {n} perguntas no total."),
        Set::FaqIn(language) => format!("Em {language}"),
        Set::FaqNumber(n) => format!("Pergunta {n}"),
        Set::FaqAdd => s("Nova pergunta (deixe vazia para não adicionar)"),
        Set::FaqQuestion => s("Pergunta"),
        Set::FaqAnswer => s("Resposta"),
        Set::FaqRemove => s("Remover esta pergunta"),
        Set::Save => s("Salvar configurações"),
        Set::OriginsHeading => s("Origens permitidas"),
        Set::OriginsHint => s("Os sites cujas páginas podem incorporar os widgets, um por linha, exatamente como o navegador os nomeia: https://loja.example, ou http://localhost:* para qualquer porta."),
        Set::OriginsLabel => s("Origens, uma por linha"),
        Set::OriginLine(n) => format!("Linha {n}"),
        Set::OriginsTooMany(n) => format!("No máximo {n} origens."),
        Set::SaveOrigins => s("Salvar origens"),
        Set::Sections => s("Seções das configurações"),
        Set::Tab(t) => s(match t {
            SettingsTab::Store => "Loja",
            SettingsTab::Returns => "Devoluções",
            SettingsTab::Surveys => "Pesquisas",
            SettingsTab::Reviews => "Avaliações",
            SettingsTab::Branding => "Marca",
            SettingsTab::Emails => "E-mails",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUES: [FieldIssue; 6] = [
        FieldIssue::Required,
        FieldIssue::TooLong,
        FieldIssue::InvalidFormat,
        FieldIssue::OutOfRange,
        FieldIssue::UnknownReference,
        FieldIssue::Duplicate,
    ];

    fn every() -> Vec<Set<'static>> {
        let mut v = vec![
            Set::Intro,
            Set::NotSaved(1),
            Set::NotSaved(3),
            Set::TrackingHeading,
            Set::StallLabel,
            Set::StallHint,
            Set::ExpireLabel,
            Set::ExpireHint,
            Set::ContactsHeading,
            Set::ContactsHint,
            Set::SupportEmail,
            Set::SupportPhone,
            Set::ChatUrl,
            Set::ChangesHeading,
            Set::CancelWindow,
            Set::CancelWindowHint,
            Set::CancelReasons,
            Set::AddressChanges,
            Set::FaqHeading,
            Set::FaqHint(50),
            Set::FaqIn("Español"),
            Set::FaqNumber(7),
            Set::FaqAdd,
            Set::FaqQuestion,
            Set::FaqAnswer,
            Set::FaqRemove,
            Set::Save,
        ];
        v.extend([
            Set::OriginsHeading,
            Set::OriginsHint,
            Set::OriginsLabel,
            Set::OriginLine(4),
            Set::OriginsTooMany(50),
            Set::SaveOrigins,
            Set::Sections,
        ]);
        v.extend(SettingsTab::ALL.map(Set::Tab));
        v.extend(ISSUES.map(Set::Issue));
        v
    }

    /// A new variant breaks this `match` until it is numbered (and sampled in `every`).
    fn index(m: &Set<'_>) -> usize {
        match m {
            Set::Intro => 0,
            Set::NotSaved(_) => 1,
            Set::Issue(_) => 2,
            Set::TrackingHeading => 3,
            Set::StallLabel => 4,
            Set::StallHint => 5,
            Set::ExpireLabel => 6,
            Set::ExpireHint => 7,
            Set::ContactsHeading => 8,
            Set::ContactsHint => 9,
            Set::SupportEmail => 10,
            Set::SupportPhone => 11,
            Set::ChatUrl => 12,
            Set::ChangesHeading => 13,
            Set::CancelWindow => 14,
            Set::CancelWindowHint => 15,
            Set::CancelReasons => 16,
            Set::AddressChanges => 17,
            Set::FaqHeading => 18,
            Set::FaqHint(_) => 19,
            Set::FaqIn(_) => 20,
            Set::FaqNumber(_) => 21,
            Set::FaqAdd => 22,
            Set::FaqQuestion => 23,
            Set::FaqAnswer => 24,
            Set::FaqRemove => 25,
            Set::Save => 26,
            Set::OriginsHeading => 27,
            Set::OriginsHint => 28,
            Set::OriginsLabel => 29,
            Set::OriginLine(_) => 30,
            Set::OriginsTooMany(_) => 31,
            Set::SaveOrigins => 32,
            Set::Sections => 33,
            Set::Tab(_) => 34,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated() {
        let seen: std::collections::BTreeSet<usize> = every().iter().map(index).collect();
        assert_eq!(seen, (0..35).collect());
        for m in every() {
            let english = set(Locale::En, m);
            for l in Locale::ALL {
                let text = set(l, m);
                assert!(!text.is_empty() && text.trim() == text, "{l:?} {m:?}");
                if l != Locale::En {
                    assert_ne!(text, english, "{l:?} {m:?} left in English");
                }
            }
        }
        for l in Locale::ALL {
            assert!(
                set(l, Set::NotSaved(3)).contains('3') && set(l, Set::FaqHint(50)).contains("50")
            );
            assert!(set(l, Set::FaqIn("Español")).contains("Español"));
        }
    }
}
