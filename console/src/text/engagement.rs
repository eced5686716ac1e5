//! Insights — Emails: what the store's emails achieved, reached through
//! [`T::Engagement`](super::T::Engagement), one exhaustive `match` per language.

use aftercare_shared::Locale;

/// Every message of the emails section of Insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum EngagementSet<'a> {
    Heading,
    /// With the days covered.
    Intro(u32),
    OpensOff,
    NothingSent,
    TemplateColumn,
    SentColumn,
    OpenedColumn,
    ClickedColumn,
    /// "12 (40.0 %)": a count and its share of the messages sent.
    OfSent(u64, &'a str),
    NotCounted,
    /// A template (`order_confirmed`, `parcel_shipped`, …); an unknown one is shown as stored.
    Template(&'a str),
}

use EngagementSet as G;

/// `m` in `locale`.
pub(super) fn text(locale: Locale, m: EngagementSet<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: EngagementSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        G::Heading => s("Emails"),
        G::Intro(days) => format!("Each kind of email sent in the last {days} days: how many were opened, and how many had a link followed. Shoppers who turned counting off are not counted."),
        G::OpensOff => s("Opens are not counted: turn the invisible image on in Settings → Emails to count them."),
        G::NothingSent => s("No email was sent in this period."),
        G::TemplateColumn => s("Email"),
        G::SentColumn => s("Sent"),
        G::OpenedColumn => s("Opened"),
        G::ClickedColumn => s("A link followed"),
        G::OfSent(n, share) => format!("{n} ({share})"),
        G::NotCounted => s("not counted"),
        G::Template(t) => s(match t {
            "order_confirmed" => "Order confirmation",
            "order_welcome" => "First order welcome",
            "parcel_shipped" => "Parcel shipped",
            "parcel_out_for_delivery" => "Out for delivery",
            "parcel_ready_for_pickup" => "Ready for pickup",
            "parcel_delivered" => "Delivered",
            "parcel_problem" => "A problem with a parcel",
            "parcel_delayed" => "Parcel late",
            "parcel_stalled" => "No news of a parcel",
            "return_created" => "Return instructions",
            "return_status" => "Return update",
            "review_request" => "Review invitation",
            "review_reminder" => "Review reminder",
            "withdrawal_confirmed" => "Withdrawal confirmation",
            "we_miss_you" => "We miss you",
            "survey_invite" => "Survey invitation",
            "data_export_ready" => "Your data is ready",
            other => other,
        }),
    }
}

fn es(m: EngagementSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        G::Heading => s("Correos"),
        G::Intro(days) => format!("Cada tipo de email enviado en los últimos {days} días: cuántos se abrieron y en cuántos se siguió un enlace. No se cuenta a los compradores que desactivaron el recuento."),
        G::OpensOff => s("Las aperturas no se cuentan: activa la imagen invisible en Ajustes → Emails para contarlas."),
        G::NothingSent => s("No se envió ningún email en este periodo."),
        G::TemplateColumn => s("Correo"),
        G::SentColumn => s("Enviados"),
        G::OpenedColumn => s("Abiertos"),
        G::ClickedColumn => s("Con un enlace seguido"),
        G::OfSent(n, share) => format!("{n} ({share})"),
        G::NotCounted => s("no se cuenta"),
        G::Template(t) => s(match t {
            "order_confirmed" => "Confirmación del pedido",
            "order_welcome" => "Bienvenida al primer pedido",
            "parcel_shipped" => "Paquete enviado",
            "parcel_out_for_delivery" => "En reparto",
            "parcel_ready_for_pickup" => "Listo para recoger",
            "parcel_delivered" => "Entregado",
            "parcel_problem" => "Un problema con un paquete",
            "parcel_delayed" => "Paquete con retraso",
            "parcel_stalled" => "Sin noticias de un paquete",
            "return_created" => "Instrucciones de devolución",
            "return_status" => "Novedades de la devolución",
            "review_request" => "Invitación a opinar",
            "review_reminder" => "Recordatorio para opinar",
            "withdrawal_confirmed" => "Confirmación del desistimiento",
            "we_miss_you" => "Te echamos de menos",
            "survey_invite" => "Invitación a la encuesta",
            "data_export_ready" => "Tus datos están listos",
            other => other,
        }),
    }
}

fn pt_br(m: EngagementSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        G::Heading => s("E-mails"),
        G::Intro(days) => format!("Cada tipo de e-mail enviado nos últimos {days} dias: quantos foram abertos e em quantos um link foi seguido. Compradores que desativaram a contagem não são contados."),
        G::OpensOff => s("As aberturas não são contadas: ative a imagem invisível em Configurações → E-mails para contá-las."),
        G::NothingSent => s("Nenhum e-mail foi enviado neste período."),
        G::TemplateColumn => s("E-mail"),
        G::SentColumn => s("Enviados"),
        G::OpenedColumn => s("Abertos"),
        G::ClickedColumn => s("Com um link seguido"),
        G::OfSent(n, share) => format!("{n} ({share})"),
        G::NotCounted => s("não contado"),
        G::Template(t) => s(match t {
            "order_confirmed" => "Confirmação do pedido",
            "order_welcome" => "Boas-vindas ao primeiro pedido",
            "parcel_shipped" => "Pacote enviado",
            "parcel_out_for_delivery" => "Saiu para entrega",
            "parcel_ready_for_pickup" => "Pronto para retirada",
            "parcel_delivered" => "Entregue",
            "parcel_problem" => "Um problema com um pacote",
            "parcel_delayed" => "Pacote atrasado",
            "parcel_stalled" => "Sem notícias de um pacote",
            "return_created" => "Instruções de devolução",
            "return_status" => "Novidades da devolução",
            "review_request" => "Convite para avaliar",
            "review_reminder" => "Lembrete para avaliar",
            "withdrawal_confirmed" => "Confirmação da desistência",
            "we_miss_you" => "Sentimos sua falta",
            "survey_invite" => "Convite para a pesquisa",
            "data_export_ready" => "Seus dados estão prontos",
            other => other,
        }),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every template the server names (`Letter::template`).
    pub(in crate::text) const TEMPLATES: [&str; 17] = [
        "order_confirmed",
        "order_welcome",
        "parcel_shipped",
        "parcel_out_for_delivery",
        "parcel_ready_for_pickup",
        "parcel_delivered",
        "parcel_problem",
        "parcel_delayed",
        "parcel_stalled",
        "return_created",
        "return_status",
        "review_request",
        "review_reminder",
        "withdrawal_confirmed",
        "we_miss_you",
        "survey_invite",
        "data_export_ready",
    ];

    /// One sample of every variant (every template's).
    pub(in crate::text) fn samples() -> Vec<EngagementSet<'static>> {
        let mut v = vec![
            G::Heading,
            G::Intro(30),
            G::OpensOff,
            G::NothingSent,
            G::TemplateColumn,
            G::SentColumn,
            G::OpenedColumn,
            G::ClickedColumn,
            G::OfSent(12, "40.0 %"),
            G::NotCounted,
        ];
        v.extend(TEMPLATES.map(G::Template));
        v
    }

    #[test]
    fn every_template_has_a_name_in_every_language() {
        for l in Locale::ALL {
            for t in TEMPLATES {
                let name = text(l, G::Template(t));
                assert_ne!(name, t, "{l:?} {t}");
                if l != Locale::En {
                    assert_ne!(name, text(Locale::En, G::Template(t)), "{l:?} {t}");
                }
            }
            assert_eq!(text(l, G::Template("new_one")), "new_one");
            assert!(text(l, G::Intro(30)).contains("30"));
            assert_eq!(text(l, G::OfSent(12, "40.0 %")), "12 (40.0 %)");
        }
    }
}
