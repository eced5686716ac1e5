//! The account page's texts in Spanish.

use super::*;

/// Every account message in Spanish.
pub(in crate::i18n) fn es(msg: Acc<'_>) -> String {
    use Acc::*;
    let s = match msg {
        RequestTitle(kind, status) => match (kind, status) {
            (RequestKind::Cancellation, RequestStatus::Pending) => "Cancelación solicitada",
            (RequestKind::Cancellation, RequestStatus::Accepted) => "Cancelación aceptada",
            (RequestKind::Cancellation, RequestStatus::Rejected) => "Cancelación rechazada",
            (RequestKind::AddressChange, RequestStatus::Pending) => "Cambio de dirección solicitado",
            (RequestKind::AddressChange, RequestStatus::Accepted) => "Dirección de entrega cambiada",
            (RequestKind::AddressChange, RequestStatus::Rejected) => "Cambio de dirección rechazado",
        },
        RequestAsked(d) => return format!("Solicitado el {d}. La tienda te responderá aquí."),
        ShippedMeanwhile => "Un paquete salió del almacén antes de que la tienda pudiera responder. La tienda intentará detenerlo o te dirá cómo devolverlo.",
        StoreNote(n) => return format!("La tienda dice: {n}"),
        CancelReason(r) => match r {
            crate::changes::CancelReason::ChangedMind => "He cambiado de opinión",
            crate::changes::CancelReason::OrderedByMistake => "Pedí un artículo, talla o cantidad equivocados",
            crate::changes::CancelReason::FoundBetterPrice => "Encontré un precio mejor",
            crate::changes::CancelReason::DeliveryTooSlow => "Llegaría demasiado tarde",
            crate::changes::CancelReason::NeedToChangeOrder => "Necesito cambiar mi pedido",
            crate::changes::CancelReason::Other => "Otro motivo",
        },
        NotChangeable(kind, why) => match (kind, why) {
            (_, crate::changes::NotChangeable::NotOffered) => "La tienda no acepta esta solicitud en línea. Contacta con la tienda.",
            (_, crate::changes::NotChangeable::Cancelled) => "Este pedido está cancelado.",
            (RequestKind::Cancellation, crate::changes::NotChangeable::Shipped) => "Parte de este pedido ya se ha enviado, así que ya no se puede cancelar. Puedes devolverlo cuando llegue.",
            (RequestKind::AddressChange, crate::changes::NotChangeable::Shipped) => "Ya se ha enviado todo, así que ya no se puede cambiar la dirección.",
            (_, crate::changes::NotChangeable::WindowClosed) => "Ha pasado el plazo para cancelar este pedido en línea.",
            (_, crate::changes::NotChangeable::AlreadyRequested) => "Ya lo has solicitado; la tienda te responderá aquí.",
        },
        Country(c) => country(c),
        Region(r) => match r {
            RegionKind::State => "Estado",
            RegionKind::Province => "Provincia",
            RegionKind::County => "Condado",
            RegionKind::Region => "Región",
        },
        Postal(p) => match p {
            PostalKind::PostalCode | PostalKind::Postcode | PostalKind::Zip => "Código postal",
            PostalKind::Cep => "CEP (código postal)",
        },
    };
    s.to_owned()
}

fn country(c: Country) -> &'static str {
    match c {
        Country::ES => "España",
        Country::PT => "Portugal",
        Country::FR => "Francia",
        Country::DE => "Alemania",
        Country::IT => "Italia",
        Country::GB => "Reino Unido",
        Country::US => "Estados Unidos",
        Country::MX => "México",
        Country::BR => "Brasil",
    }
}
