//! Settings — Emails: the communication calendar and the plan, reached through
//! [`T::EmailsSettings`](super::T::EmailsSettings), one exhaustive `match` per language.

use aftercare_shared::api::EmailHold;
use aftercare_shared::Locale;

/// Every message of the emails settings page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum EmailSet<'a> {
    Intro,
    CapHeading,
    CapOn,
    MessagesLabel,
    MessagesHint(u32, u32),
    DaysLabel,
    DaysHint(u32, u32),
    QuietHeading,
    QuietOn,
    QuietHint,
    FromLabel,
    UntilLabel,
    HourHint,
    MissHeading,
    MissOn,
    AfterDaysLabel,
    AfterDaysHint(u32, u32),
    PixelHeading,
    PixelOn,
    PixelHint,
    Save,
    PlanHeading,
    PlanIntro,
    NothingWaiting,
    Shown(usize, i64),
    ToColumn,
    MessageColumn,
    WhyColumn,
    /// An outbox kind (`order_confirmed`, `parcel`, …); an unknown one is shown as stored.
    Kind(&'a str),
    Always,
    Held(EmailHold),
    DueNow,
    /// A moment on the customer's clock, with its offset (`3 Dec 2026, 08:00 (UTC+02:00)`).
    TheirClock(&'a str),
}

use EmailSet as E;

/// `m` in `locale`.
pub(super) fn text(locale: Locale, m: EmailSet<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: EmailSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        E::Intro => s("How often and when optional emails (shipping updates, review invitations) may reach one customer. Order confirmations, a return's steps and the withdrawal receipt are always sent at once."),
        E::CapHeading => s("How often"),
        E::CapOn => s("Limit optional emails per customer"),
        E::MessagesLabel => s("Emails at most"),
        E::MessagesHint(lo, hi) => format!("{lo} to {hi}."),
        E::DaysLabel => s("In any period of (days)"),
        E::DaysHint(lo, hi) => format!("{lo} to {hi}. A message over the limit waits until an earlier one is older than this."),
        E::QuietHeading => s("Quiet hours"),
        E::QuietOn => s("Send no optional email at night"),
        E::QuietHint => s("On the customer's own clock: the time zone of their latest order, or UTC when it is unknown. A message due in these hours goes when they end."),
        E::FromLabel => s("From (hour)"),
        E::UntilLabel => s("Until (hour)"),
        E::HourHint => s("0 to 23. From 21 until 8 runs past midnight."),
        E::MissHeading => s("We miss you"),
        E::MissOn => s("Write to customers who stop ordering"),
        E::AfterDaysLabel => s("Days after their last order"),
        E::AfterDaysHint(lo, hi) => format!("{lo} to {hi}. Once per customer and last order, only to customers who turned on offers and news, and only to those who reach the mark from now on."),
        E::PixelHeading => s("Counting opens"),
        E::PixelOn => s("Count opens with an invisible image in each email"),
        E::PixelHint => s("Off by default. The trade-off: it tells you when and how often a shopper reads your mail, which many shoppers do not expect, and mail apps that load images ahead or block them make the count rough. Clicks are counted either way, through the links. Nothing is counted for shoppers who turned counting off in their account."),
        E::Save => s("Save the calendar"),
        E::PlanHeading => s("What will be sent"),
        E::PlanIntro => s("The messages waiting, soonest first, and when each goes under the rules above. Parcel news that would be out of date by then is not sent."),
        E::NothingWaiting => s("Nothing is waiting to be sent."),
        E::Shown(n, total) => format!("The first {n} of {total}."),
        E::ToColumn => s("To"),
        E::MessageColumn => s("Message"),
        E::WhyColumn => s("Waiting for"),
        E::Kind(k) => match k {
            "order_confirmed" => s("Order confirmation"),
            "parcel" => s("Parcel news"),
            "return" => s("Return update"),
            "review_request" => s("Review invitation"),
            "withdrawal_confirmed" => s("Withdrawal confirmation"),
            "we_miss_you" => s("We miss you"),
            "survey_invite" => s("Survey invitation"),
            "data_export_ready" => s("Your data is ready"),
            other => s(other),
        },
        E::Always => s("always sent"),
        E::Held(EmailHold::QuietHours) => s("The end of quiet hours"),
        E::Held(EmailHold::Cap) => s("Room under the limit"),
        E::Held(EmailHold::Retry) => s("A retry after a failed send"),
        E::DueNow => s("Nothing: it goes now"),
        E::TheirClock(at) => format!("{at} on the customer's clock"),
    }
}

fn es(m: EmailSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        E::Intro => s("Con qué frecuencia y cuándo pueden llegar a un cliente los correos opcionales (novedades del envío, invitaciones a opinar). La confirmación del pedido, los pasos de una devolución y el acuse del desistimiento se envían siempre en el acto."),
        E::CapHeading => s("Con qué frecuencia"),
        E::CapOn => s("Limitar los correos opcionales por cliente"),
        E::MessagesLabel => s("Correos como máximo"),
        E::MessagesHint(lo, hi) => format!("De {lo} a {hi}."),
        E::DaysLabel => s("En cualquier periodo de (días)"),
        E::DaysHint(lo, hi) => format!("De {lo} a {hi}. Un correo por encima del límite espera a que uno anterior sea más antiguo que esto."),
        E::QuietHeading => s("Horas de silencio"),
        E::QuietOn => s("No enviar correos opcionales de noche"),
        E::QuietHint => s("Según el reloj del propio cliente: la zona horaria de su último pedido, o UTC si no se conoce. Un correo que toque en estas horas sale cuando terminan."),
        E::FromLabel => s("Desde (hora)"),
        E::UntilLabel => s("Hasta (hora)"),
        E::HourHint => s("De 0 a 23. De 21 a 8 pasa la medianoche."),
        E::MissHeading => s("Te echamos de menos"),
        E::MissOn => s("Escribir a los clientes que dejan de comprar"),
        E::AfterDaysLabel => s("Días después de su último pedido"),
        E::AfterDaysHint(lo, hi) => format!("De {lo} a {hi}. Una vez por cliente y último pedido, solo a quienes activaron las ofertas y novedades, y solo a quienes lleguen a la marca a partir de ahora."),
        E::PixelHeading => s("Recuento de aperturas"),
        E::PixelOn => s("Contar las aperturas con una imagen invisible en cada email"),
        E::PixelHint => s("Desactivado por defecto. A cambio: te dice cuándo y cuántas veces un comprador lee tu correo, algo que muchos no esperan, y las apps de correo que cargan las imágenes antes o las bloquean hacen que el recuento sea aproximado. Los clics se cuentan igualmente, a través de los enlaces. No se cuenta nada de los compradores que lo desactivaron en su cuenta."),
        E::Save => s("Guardar el calendario"),
        E::PlanHeading => s("Lo que se enviará"),
        E::PlanIntro => s("Los correos en espera, los más próximos primero, y cuándo sale cada uno con las reglas de arriba. Las novedades de un paquete que para entonces estén desfasadas no se envían."),
        E::NothingWaiting => s("No hay nada esperando para enviarse."),
        E::Shown(n, total) => format!("Los primeros {n} de {total}."),
        E::ToColumn => s("Para"),
        E::MessageColumn => s("Correo"),
        E::WhyColumn => s("Espera a"),
        E::Kind(k) => match k {
            "order_confirmed" => s("Confirmación del pedido"),
            "parcel" => s("Novedades del paquete"),
            "return" => s("Novedades de la devolución"),
            "review_request" => s("Invitación a opinar"),
            "withdrawal_confirmed" => s("Confirmación del desistimiento"),
            "we_miss_you" => s("Te echamos de menos"),
            "survey_invite" => s("Invitación a la encuesta"),
            "data_export_ready" => s("Tus datos están listos"),
            other => s(other),
        },
        E::Always => s("se envía siempre"),
        E::Held(EmailHold::QuietHours) => s("El final de las horas de silencio"),
        E::Held(EmailHold::Cap) => s("Hueco dentro del límite"),
        E::Held(EmailHold::Retry) => s("Un reintento tras un envío fallido"),
        E::DueNow => s("Nada: sale ahora"),
        E::TheirClock(at) => format!("{at} en el reloj del cliente"),
    }
}

fn pt_br(m: EmailSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        E::Intro => s("Com que frequência e quando os e-mails opcionais (novidades do envio, convites para avaliar) podem chegar a um cliente. A confirmação do pedido, as etapas de uma devolução e o recibo da desistência são sempre enviados na hora."),
        E::CapHeading => s("Com que frequência"),
        E::CapOn => s("Limitar os e-mails opcionais por cliente"),
        E::MessagesLabel => s("E-mails no máximo"),
        E::MessagesHint(lo, hi) => format!("De {lo} a {hi}."),
        E::DaysLabel => s("Em qualquer período de (dias)"),
        E::DaysHint(lo, hi) => format!("De {lo} a {hi}. Um e-mail acima do limite espera até que um anterior seja mais antigo que isso."),
        E::QuietHeading => s("Horário de silêncio"),
        E::QuietOn => s("Não enviar e-mails opcionais à noite"),
        E::QuietHint => s("No relógio do próprio cliente: o fuso horário do último pedido, ou UTC quando não é conhecido. Um e-mail previsto nesse horário sai quando ele termina."),
        E::FromLabel => s("Das (hora)"),
        E::UntilLabel => s("Até as (hora)"),
        E::HourHint => s("De 0 a 23. Das 21 até as 8 passa da meia-noite."),
        E::MissHeading => s("Sentimos sua falta"),
        E::MissOn => s("Escrever aos clientes que param de comprar"),
        E::AfterDaysLabel => s("Dias após o último pedido"),
        E::AfterDaysHint(lo, hi) => format!("De {lo} a {hi}. Uma vez por cliente e último pedido, só para quem ativou ofertas e novidades, e só para quem chegar à marca a partir de agora."),
        E::PixelHeading => s("Contagem de aberturas"),
        E::PixelOn => s("Contar as aberturas com uma imagem invisível em cada e-mail"),
        E::PixelHint => s("Desativado por padrão. Em troca: mostra quando e quantas vezes um comprador lê seus e-mails, algo que muitos não esperam, e os apps de e-mail que carregam as imagens antes ou as bloqueiam tornam a contagem aproximada. Os cliques são contados de qualquer forma, pelos links. Nada é contado para compradores que desativaram a contagem na conta."),
        E::Save => s("Salvar o calendário"),
        E::PlanHeading => s("O que será enviado"),
        E::PlanIntro => s("Os e-mails em espera, os mais próximos primeiro, e quando cada um sai com as regras acima. Novidades de um pacote que já estariam desatualizadas não são enviadas."),
        E::NothingWaiting => s("Nada está esperando para ser enviado."),
        E::Shown(n, total) => format!("Os primeiros {n} de {total}."),
        E::ToColumn => s("Para"),
        E::MessageColumn => s("E-mail"),
        E::WhyColumn => s("Esperando"),
        E::Kind(k) => match k {
            "order_confirmed" => s("Confirmação do pedido"),
            "parcel" => s("Novidades do pacote"),
            "return" => s("Novidades da devolução"),
            "review_request" => s("Convite para avaliar"),
            "withdrawal_confirmed" => s("Confirmação da desistência"),
            "we_miss_you" => s("Sentimos sua falta"),
            "survey_invite" => s("Convite para a pesquisa"),
            "data_export_ready" => s("Seus dados estão prontos"),
            other => s(other),
        },
        E::Always => s("sempre enviado"),
        E::Held(EmailHold::QuietHours) => s("O fim do horário de silêncio"),
        E::Held(EmailHold::Cap) => s("Espaço dentro do limite"),
        E::Held(EmailHold::Retry) => s("Uma nova tentativa após uma falha no envio"),
        E::DueNow => s("Nada: sai agora"),
        E::TheirClock(at) => format!("{at} no relógio do cliente"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// One sample of every variant (each kind and hold).
    pub(in crate::text) fn samples() -> Vec<EmailSet<'static>> {
        let mut v = vec![
            E::Intro,
            E::CapHeading,
            E::CapOn,
            E::MessagesLabel,
            E::MessagesHint(1, 20),
            E::DaysLabel,
            E::DaysHint(1, 90),
            E::QuietHeading,
            E::QuietOn,
            E::QuietHint,
            E::FromLabel,
            E::UntilLabel,
            E::HourHint,
            E::MissHeading,
            E::MissOn,
            E::AfterDaysLabel,
            E::AfterDaysHint(30, 365),
            E::PixelHeading,
            E::PixelOn,
            E::PixelHint,
            E::Save,
            E::PlanHeading,
            E::PlanIntro,
            E::NothingWaiting,
            E::Shown(50, 120),
            E::ToColumn,
            E::MessageColumn,
            E::WhyColumn,
            E::Always,
            E::DueNow,
            E::TheirClock("[time]"),
        ];
        v.extend(
            [
                "order_confirmed",
                "parcel",
                "return",
                "review_request",
                "withdrawal_confirmed",
                "we_miss_you",
                "survey_invite",
                "data_export_ready",
            ]
            .map(E::Kind),
        );
        v.extend([EmailHold::QuietHours, EmailHold::Cap, EmailHold::Retry].map(E::Held));
        v
    }

    /// A new variant breaks this `match` until it is numbered (and sampled above).
    fn index(m: &EmailSet<'_>) -> usize {
        match m {
            E::Intro => 0,
            E::CapHeading => 1,
            E::CapOn => 2,
            E::MessagesLabel => 3,
            E::MessagesHint(..) => 4,
            E::DaysLabel => 5,
            E::DaysHint(..) => 6,
            E::QuietHeading => 7,
            E::QuietOn => 8,
            E::QuietHint => 9,
            E::FromLabel => 10,
            E::UntilLabel => 11,
            E::HourHint => 12,
            E::MissHeading => 13,
            E::MissOn => 14,
            E::AfterDaysLabel => 15,
            E::AfterDaysHint(..) => 16,
            E::Save => 17,
            E::PlanHeading => 18,
            E::PlanIntro => 19,
            E::NothingWaiting => 20,
            E::Shown(..) => 21,
            E::ToColumn => 22,
            E::MessageColumn => 23,
            E::WhyColumn => 24,
            E::Kind(_) => 25,
            E::Always => 26,
            E::Held(_) => 27,
            E::DueNow => 28,
            E::TheirClock(_) => 29,
            E::PixelHeading => 30,
            E::PixelOn => 31,
            E::PixelHint => 32,
        }
    }

    #[test]
    fn every_variant_is_written_out_and_translated() {
        let seen: std::collections::BTreeSet<usize> = samples().iter().map(index).collect();
        assert_eq!(seen, (0..33).collect());
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
            assert!(text(l, E::Shown(50, 120)).contains("120"));
            assert!(text(l, E::DaysHint(1, 90)).contains("90"));
            assert!(text(l, E::TheirClock("[time]")).contains("[time]"));
            assert_eq!(text(l, E::Kind("new_kind")), "new_kind");
        }
    }
}
