//! The account page's texts in Brazilian Portuguese.

use super::*;

/// Every account message in Brazilian Portuguese.
pub(in crate::i18n) fn pt_br(msg: Acc<'_>) -> String {
    use Acc::*;
    let s = match msg {
        RequestTitle(kind, status) => match (kind, status) {
            (RequestKind::Cancellation, RequestStatus::Pending) => "Cancelamento solicitado",
            (RequestKind::Cancellation, RequestStatus::Accepted) => "Cancelamento aceito",
            (RequestKind::Cancellation, RequestStatus::Rejected) => "Cancelamento recusado",
            (RequestKind::AddressChange, RequestStatus::Pending) => "Troca de endereço solicitada",
            (RequestKind::AddressChange, RequestStatus::Accepted) => "Endereço de entrega alterado",
            (RequestKind::AddressChange, RequestStatus::Rejected) => "Troca de endereço recusada",
        },
        RequestAsked(d) => return format!("Solicitado em {d}. A loja vai responder aqui."),
        ShippedMeanwhile => "Um pacote saiu do depósito antes que a loja pudesse responder. A loja vai tentar pará-lo ou dizer como devolvê-lo.",
        StoreNote(n) => return format!("A loja diz: {n}"),
        CancelReason(r) => match r {
            crate::changes::CancelReason::ChangedMind => "Mudei de ideia",
            crate::changes::CancelReason::OrderedByMistake => "Pedi o item, tamanho ou quantidade errados",
            crate::changes::CancelReason::FoundBetterPrice => "Encontrei um preço melhor",
            crate::changes::CancelReason::DeliveryTooSlow => "Chegaria tarde demais",
            crate::changes::CancelReason::NeedToChangeOrder => "Preciso mudar meu pedido",
            crate::changes::CancelReason::Other => "Outro motivo",
        },
        NotChangeable(kind, why) => match (kind, why) {
            (_, crate::changes::NotChangeable::NotOffered) => "A loja não aceita este pedido on-line. Fale com a loja.",
            (_, crate::changes::NotChangeable::Cancelled) => "Este pedido está cancelado.",
            (RequestKind::Cancellation, crate::changes::NotChangeable::Shipped) => "Parte deste pedido já foi enviada, então ele não pode mais ser cancelado. Você pode devolvê-lo quando chegar.",
            (RequestKind::AddressChange, crate::changes::NotChangeable::Shipped) => "Tudo já foi enviado, então o endereço não pode mais ser alterado.",
            (_, crate::changes::NotChangeable::WindowClosed) => "O prazo para cancelar este pedido on-line já passou.",
            (_, crate::changes::NotChangeable::AlreadyRequested) => "Você já solicitou; a loja vai responder aqui.",
        },
        Country(c) => country(c),
        Region(r) => match r {
            RegionKind::State => "Estado",
            RegionKind::Province => "Província",
            RegionKind::County => "Condado",
            RegionKind::Region => "Região",
        },
        Postal(p) => match p {
            PostalKind::PostalCode | PostalKind::Postcode | PostalKind::Zip => "Código postal",
            PostalKind::Cep => "CEP",
        },
    };
    s.to_owned()
}

fn country(c: Country) -> &'static str {
    match c {
        Country::ES => "Espanha",
        Country::PT => "Portugal",
        Country::FR => "França",
        Country::DE => "Alemanha",
        Country::IT => "Itália",
        Country::GB => "Reino Unido",
        Country::US => "Estados Unidos",
        Country::MX => "México",
        Country::BR => "Brasil",
    }
}
