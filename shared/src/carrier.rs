//! Mapping carriers' own status codes and messages onto [`TrackingStatus`].
//!
//! Merchants forward whatever their carrier (or aggregator) sends. Known codes of the
//! common carriers map exactly; anything else is read for well-known words in English and
//! Spanish; a code nobody recognises becomes `in_transit` (the parcel exists and the carrier
//! is reporting on it) and its raw text is kept for the shopper to read.

use crate::tracking::{ExceptionReason, TrackingStatus};

/// A normalised status with the exception reason when there is one.
pub type Normalized = (TrackingStatus, Option<ExceptionReason>);

use ExceptionReason as R;
use TrackingStatus as S;

/// Exact codes per carrier (lower-case code → status).
const EXACT: &[(&str, &str, Normalized)] = &[
    // UPS activity status types.
    ("ups", "m", (S::InfoReceived, None)),
    ("ups", "mv", (S::InfoReceived, None)),
    ("ups", "p", (S::InTransit, None)),
    ("ups", "i", (S::InTransit, None)),
    ("ups", "o", (S::OutForDelivery, None)),
    ("ups", "d", (S::Delivered, None)),
    ("ups", "x", (S::Exception, Some(R::Other))),
    ("ups", "rs", (S::ReturnedToSender, None)),
    ("ups", "do", (S::AvailableForPickup, None)),
    // DHL eCommerce / Express status codes.
    ("dhl", "pre-transit", (S::InfoReceived, None)),
    ("dhl", "transit", (S::InTransit, None)),
    ("dhl", "delivered", (S::Delivered, None)),
    ("dhl", "failure", (S::Exception, Some(R::Other))),
    ("dhl", "cd", (S::Exception, Some(R::CustomsHold))),
    ("dhl", "bna", (S::Exception, Some(R::AddressIssue))),
    ("dhl", "ws", (S::Exception, Some(R::Delayed))),
    // USPS event codes.
    ("usps", "gx", (S::InfoReceived, None)),
    ("usps", "03", (S::InTransit, None)),
    ("usps", "10", (S::InTransit, None)),
    ("usps", "ofd", (S::OutForDelivery, None)),
    ("usps", "01", (S::Delivered, None)),
    ("usps", "02", (S::AttemptedDelivery, None)),
    ("usps", "04", (S::Exception, Some(R::Refused))),
    ("usps", "21", (S::Exception, Some(R::AddressIssue))),
    ("usps", "09", (S::ReturnedToSender, None)),
    // FedEx scan codes.
    ("fedex", "oc", (S::InfoReceived, None)),
    ("fedex", "pu", (S::InTransit, None)),
    ("fedex", "it", (S::InTransit, None)),
    ("fedex", "od", (S::OutForDelivery, None)),
    ("fedex", "dl", (S::Delivered, None)),
    ("fedex", "de", (S::Exception, Some(R::Other))),
    ("fedex", "cd", (S::Exception, Some(R::CustomsHold))),
    ("fedex", "hp", (S::AvailableForPickup, None)),
    ("fedex", "rs", (S::ReturnedToSender, None)),
];

/// Keywords (English and Spanish, lower-case) checked in order: the first match wins, so
/// the more specific phrases come first.
const KEYWORDS: &[(&str, Normalized)] = &[
    ("return to sender", (S::ReturnedToSender, None)),
    ("returned to sender", (S::ReturnedToSender, None)),
    ("devuelto al remitente", (S::ReturnedToSender, None)),
    ("devolución al remitente", (S::ReturnedToSender, None)),
    ("out for delivery", (S::OutForDelivery, None)),
    ("en reparto", (S::OutForDelivery, None)),
    ("on vehicle for delivery", (S::OutForDelivery, None)),
    ("delivery attempt", (S::AttemptedDelivery, None)),
    ("attempted", (S::AttemptedDelivery, None)),
    ("intento de entrega", (S::AttemptedDelivery, None)),
    ("ausente", (S::AttemptedDelivery, None)),
    ("ready for pickup", (S::AvailableForPickup, None)),
    ("available for pickup", (S::AvailableForPickup, None)),
    ("pickup point", (S::AvailableForPickup, None)),
    ("disponible para recoger", (S::AvailableForPickup, None)),
    ("punto de recogida", (S::AvailableForPickup, None)),
    ("refused", (S::Exception, Some(R::Refused))),
    ("rehusado", (S::Exception, Some(R::Refused))),
    ("rechazado", (S::Exception, Some(R::Refused))),
    ("customs", (S::Exception, Some(R::CustomsHold))),
    ("aduana", (S::Exception, Some(R::CustomsHold))),
    ("address", (S::Exception, Some(R::AddressIssue))),
    ("dirección", (S::Exception, Some(R::AddressIssue))),
    ("damaged", (S::Exception, Some(R::Damaged))),
    ("dañado", (S::Exception, Some(R::Damaged))),
    ("lost", (S::Exception, Some(R::Lost))),
    ("extraviado", (S::Exception, Some(R::Lost))),
    ("weather", (S::Exception, Some(R::Delayed))),
    ("meteorológic", (S::Exception, Some(R::Delayed))),
    ("delay", (S::Exception, Some(R::Delayed))),
    ("retraso", (S::Exception, Some(R::Delayed))),
    ("exception", (S::Exception, Some(R::Other))),
    ("incidencia", (S::Exception, Some(R::Other))),
    ("delivered", (S::Delivered, None)),
    ("entregado", (S::Delivered, None)),
    ("label created", (S::InfoReceived, None)),
    ("shipment information received", (S::InfoReceived, None)),
    ("pre-admisión", (S::InfoReceived, None)),
    ("prerregistrado", (S::InfoReceived, None)),
    ("in transit", (S::InTransit, None)),
    ("en tránsito", (S::InTransit, None)),
    ("picked up", (S::InTransit, None)),
    ("admitido", (S::InTransit, None)),
    ("arrived", (S::InTransit, None)),
    ("departed", (S::InTransit, None)),
];

/// Normalise a carrier's raw code (and optionally its message) for `carrier_code`.
pub fn normalize(carrier_code: &str, raw_code: &str, message: &str) -> Normalized {
    let carrier = carrier_code.trim().to_lowercase();
    let code = raw_code.trim().to_lowercase();
    if let Some((_, _, n)) = EXACT.iter().find(|(c, k, _)| *c == carrier && *k == code) {
        return *n;
    }
    if let Some(s) = TrackingStatus::from_wire(&code) {
        return (s, None);
    }
    let text = format!("{code} {}", message.to_lowercase());
    KEYWORDS
        .iter()
        .find(|(k, _)| text.contains(k))
        .map(|(_, n)| *n)
        .unwrap_or((S::InTransit, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes_and_words() {
        assert_eq!(normalize("UPS", "D", ""), (S::Delivered, None));
        assert_eq!(
            normalize("ups", "X", "Address incomplete"),
            (S::Exception, Some(R::Other))
        );
        assert_eq!(
            normalize("correos", "H1", "Retenido en aduana"),
            (S::Exception, Some(R::CustomsHold))
        );
        assert_eq!(
            normalize("seur", "", "Dirección incorrecta"),
            (S::Exception, Some(R::AddressIssue))
        );
        assert_eq!(
            normalize("gls", "AT", "Delivery attempted, nobody home"),
            (S::AttemptedDelivery, None)
        );
        assert_eq!(
            normalize("any", "out_for_delivery", ""),
            (S::OutForDelivery, None)
        );
        assert_eq!(normalize("dhl", "ws", ""), (S::Exception, Some(R::Delayed)));
        assert_eq!(
            normalize("mystery", "ZZ-42", "Processed at hub"),
            (S::InTransit, None)
        );
        assert_eq!(normalize("usps", "09", ""), (S::ReturnedToSender, None));
    }

    proptest! {
        #[test]
        fn never_panics_and_only_exceptions_have_reasons(carrier in "\\PC{0,12}", code in "\\PC{0,12}", msg in "\\PC{0,40}") {
            let (status, reason) = normalize(&carrier, &code, &msg);
            prop_assert!(reason.is_none() || status == S::Exception);
        }
    }
}
