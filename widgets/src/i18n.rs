//! Every string a shopper sees, in English and Spanish, plus `Intl`-based formatting.
//!
//! One [`Msg`] enum lists every message; [`t`] dispatches to one exhaustive `match` per
//! language, so adding a message without translating it is a compile error. Plurals are
//! variants that carry their count. Dates and money are formatted by the browser's `Intl`
//! (no date or number crate in the bundle).

use aftercare_shared::error::FieldIssue;
use aftercare_shared::order::OrderStatus;
use aftercare_shared::tracking::{EtaWindow, ProgressStep, TrackingStatus};
use aftercare_shared::{Locale, Money, Timestamp};
use wasm_bindgen::JsValue;

/// A form field a message can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The guest lookup's order number.
    OrderNumber,
    /// The guest lookup's email address.
    Email,
}

/// Every message the widgets show, with the data it interpolates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg<'a> {
    /// Screen-reader text of the loading skeleton.
    Loading,
    /// Heading of the guest lookup form.
    TrackHeading,
    /// Explanation under the lookup heading.
    TrackIntro,
    /// Order number label.
    OrderNumberLabel,
    /// Email label.
    EmailLabel,
    /// Lookup submit button.
    TrackButton,
    /// Lookup submit button while waiting.
    TrackBusy,
    /// Link back to the lookup form.
    LookUpAnother,
    /// Heading of a customer's order list.
    YourOrders,
    /// A customer without orders.
    NoOrders,
    /// Load the next page of orders.
    LoadMore,
    /// Back from one order to the customer's list.
    AllOrders,
    /// Order heading: "Order 1002".
    OrderHeading(&'a str),
    /// "Placed {date}".
    PlacedOn(&'a str),
    /// One row of the order list: number, date, status, total.
    OrderRow {
        /// Order number.
        number: &'a str,
        /// Formatted date.
        date: &'a str,
        /// Status label.
        status: &'a str,
        /// Formatted total.
        total: &'a str,
    },
    /// Overall order status as a headline.
    OrderStatus(OrderStatus),
    /// A parcel's (or checkpoint's) normalised status.
    Status(TrackingStatus),
    /// A stepper step's label.
    Step(ProgressStep),
    /// "Parcel 1 of 2".
    ParcelOf(usize, usize),
    /// "Carrier".
    Carrier,
    /// "Tracking number".
    TrackingNumber,
    /// Screen-reader hint on links that open a new tab.
    OpensNewTab,
    /// "Estimated delivery".
    Eta,
    /// Accessible name of the stepper.
    Progress,
    /// Visible marker of the current step.
    StepNow,
    /// Screen-reader marker of completed steps.
    StepDone,
    /// Heading of a parcel's items.
    InThisParcel,
    /// Heading of a parcel's checkpoints.
    History,
    /// A parcel without checkpoints.
    NoEvents,
    /// The checkpoint's own wall-clock time and offset: "10:03 local time (UTC+1)".
    LocalTime(&'a str, &'a str),
    /// "Quantity: 2".
    Quantity(u32),
    /// Units not in any parcel yet: "1 item hasn't shipped yet".
    NotShippedYet(u32),
    /// An order with no parcels.
    Preparing,
    /// Explanation for an order with no parcels.
    PreparingBody,
    /// A field problem from local validation or the server's `fields`.
    FieldError(Field, FieldIssue),
    /// Guest lookup failed: deliberately does not say which of the two was wrong.
    LookupNotFound,
    /// Too many attempts; wait this many seconds when known.
    RateLimited(Option<u64>),
    /// A guest's order session ran out.
    SessionExpired,
    /// A customer token is expired or invalid.
    SignInAgain,
    /// The order is not in this customer's account.
    OrderNotFound,
    /// The API could not be reached.
    Unreachable,
    /// Any other failure.
    Generic,
    /// Retry button.
    TryAgain,
}

/// The text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg<'_>) -> String {
    match locale {
        Locale::En => en(msg),
        Locale::Es => es(msg),
    }
}

fn en(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Loading…",
        TrackHeading => "Track your order",
        TrackIntro => "Enter your order number and the email address you used at checkout.",
        OrderNumberLabel => "Order number",
        EmailLabel => "Email address",
        TrackButton => "Track order",
        TrackBusy => "Looking up…",
        LookUpAnother => "Look up another order",
        YourOrders => "Your orders",
        NoOrders => "You have no orders yet.",
        LoadMore => "Show more orders",
        AllOrders => "All orders",
        OrderHeading(n) => return format!("Order {n}"),
        PlacedOn(d) => return format!("Placed {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Order {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use aftercare_shared::order::OrderStatus::*;
            match s {
                Processing => "We're preparing your order",
                PartiallyShipped => "Part of your order is on its way",
                Shipped => "Your order is on its way",
                OutForDelivery => "Out for delivery",
                Delivered => "Delivered",
                Exception => "A delivery needs attention",
                Cancelled => "This order was cancelled",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Label created",
                InfoReceived => "Carrier notified",
                InTransit => "In transit",
                OutForDelivery => "Out for delivery",
                AttemptedDelivery => "Delivery attempted",
                AvailableForPickup => "Ready for pickup",
                Delivered => "Delivered",
                Exception => "Delivery problem",
                ReturnedToSender => "Returned to sender",
                Expired => "No recent updates",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Ordered",
            ProgressStep::Shipped => "Shipped",
            ProgressStep::InTransit => "In transit",
            ProgressStep::OutForDelivery => "Out for delivery",
            ProgressStep::Delivered => "Delivered",
        },
        ParcelOf(i, n) => return format!("Parcel {i} of {n}"),
        Carrier => "Carrier",
        TrackingNumber => "Tracking number",
        OpensNewTab => "(opens in a new tab)",
        Eta => "Estimated delivery",
        Progress => "Delivery progress",
        StepNow => "Now",
        StepDone => "(done)",
        InThisParcel => "In this parcel",
        History => "Tracking history",
        NoEvents => "No tracking updates yet.",
        LocalTime(time, zone) => return format!("{time} local time ({zone})"),
        Quantity(n) => return format!("Quantity: {n}"),
        NotShippedYet(1) => "1 item hasn't shipped yet",
        NotShippedYet(n) => return format!("{n} items haven't shipped yet"),
        Preparing => "We're preparing your order",
        PreparingBody => "Tracking details will appear here as soon as it ships.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Enter your order number.",
            (Field::Email, FieldIssue::Required) => "Enter your email address.",
            (Field::OrderNumber, FieldIssue::TooLong) => "That order number is too long.",
            (Field::Email, FieldIssue::TooLong) => "That email address is too long.",
            (Field::OrderNumber, _) => {
                "Use only the letters, digits and - _ . from your order confirmation."
            }
            (Field::Email, _) => "Enter an email address like name@example.com.",
        },
        LookupNotFound => {
            "We couldn't find an order with that number and email address. Check both and try again."
        }
        RateLimited(Some(1)) => "Too many attempts. Try again in 1 second.",
        RateLimited(Some(n)) => return format!("Too many attempts. Try again in {n} seconds."),
        RateLimited(None) => "Too many attempts. Try again in a moment.",
        SessionExpired => "Your session has expired. Look up your order again.",
        SignInAgain => "Your sign-in has expired. Please sign in again to see your orders.",
        OrderNotFound => "We couldn't find this order in your account.",
        Unreachable => {
            "We couldn't reach the order tracking service. Check your connection and try again."
        }
        Generic => "Something went wrong while loading your order.",
        TryAgain => "Try again",
    };
    s.to_owned()
}

fn es(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Cargando…",
        TrackHeading => "Sigue tu pedido",
        TrackIntro => "Introduce el número de pedido y el correo electrónico que usaste al comprar.",
        OrderNumberLabel => "Número de pedido",
        EmailLabel => "Correo electrónico",
        TrackButton => "Seguir pedido",
        TrackBusy => "Buscando…",
        LookUpAnother => "Buscar otro pedido",
        YourOrders => "Tus pedidos",
        NoOrders => "Todavía no tienes pedidos.",
        LoadMore => "Mostrar más pedidos",
        AllOrders => "Todos los pedidos",
        OrderHeading(n) => return format!("Pedido {n}"),
        PlacedOn(d) => return format!("Realizado el {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Pedido {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use aftercare_shared::order::OrderStatus::*;
            match s {
                Processing => "Estamos preparando tu pedido",
                PartiallyShipped => "Parte de tu pedido está en camino",
                Shipped => "Tu pedido está en camino",
                OutForDelivery => "En reparto",
                Delivered => "Entregado",
                Exception => "Una entrega necesita atención",
                Cancelled => "Este pedido se ha cancelado",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Etiqueta creada",
                InfoReceived => "Transportista avisado",
                InTransit => "En tránsito",
                OutForDelivery => "En reparto",
                AttemptedDelivery => "Intento de entrega",
                AvailableForPickup => "Listo para recoger",
                Delivered => "Entregado",
                Exception => "Incidencia en la entrega",
                ReturnedToSender => "Devuelto al remitente",
                Expired => "Sin novedades recientes",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Pedido",
            ProgressStep::Shipped => "Enviado",
            ProgressStep::InTransit => "En tránsito",
            ProgressStep::OutForDelivery => "En reparto",
            ProgressStep::Delivered => "Entregado",
        },
        ParcelOf(i, n) => return format!("Paquete {i} de {n}"),
        Carrier => "Transportista",
        TrackingNumber => "Número de seguimiento",
        OpensNewTab => "(se abre en una pestaña nueva)",
        Eta => "Entrega estimada",
        Progress => "Progreso de la entrega",
        StepNow => "Ahora",
        StepDone => "(completado)",
        InThisParcel => "En este paquete",
        History => "Historial de seguimiento",
        NoEvents => "Aún no hay novedades del envío.",
        LocalTime(time, zone) => return format!("{time} hora local ({zone})"),
        Quantity(n) => return format!("Cantidad: {n}"),
        NotShippedYet(1) => "1 artículo aún no se ha enviado",
        NotShippedYet(n) => return format!("{n} artículos aún no se han enviado"),
        Preparing => "Estamos preparando tu pedido",
        PreparingBody => "Los datos de seguimiento aparecerán aquí en cuanto se envíe.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Introduce el número de pedido.",
            (Field::Email, FieldIssue::Required) => "Introduce tu correo electrónico.",
            (Field::OrderNumber, FieldIssue::TooLong) => "Ese número de pedido es demasiado largo.",
            (Field::Email, FieldIssue::TooLong) => "Ese correo electrónico es demasiado largo.",
            (Field::OrderNumber, _) => {
                "Usa solo las letras, cifras y - _ . de la confirmación del pedido."
            }
            (Field::Email, _) => "Introduce un correo como nombre@ejemplo.com.",
        },
        LookupNotFound => {
            "No encontramos ningún pedido con ese número y ese correo. Revisa ambos e inténtalo de nuevo."
        }
        RateLimited(Some(1)) => "Demasiados intentos. Vuelve a intentarlo en 1 segundo.",
        RateLimited(Some(n)) => {
            return format!("Demasiados intentos. Vuelve a intentarlo en {n} segundos.")
        }
        RateLimited(None) => "Demasiados intentos. Vuelve a intentarlo en un momento.",
        SessionExpired => "Tu sesión ha caducado. Vuelve a buscar tu pedido.",
        SignInAgain => "Tu sesión ha caducado. Vuelve a iniciar sesión para ver tus pedidos.",
        OrderNotFound => "No encontramos este pedido en tu cuenta.",
        Unreachable => {
            "No pudimos conectar con el servicio de seguimiento. Revisa tu conexión e inténtalo de nuevo."
        }
        Generic => "Algo salió mal al cargar tu pedido.",
        TryAgain => "Reintentar",
    };
    s.to_owned()
}

/// `msg` as reactive text that follows `locale`. One helper (one closure type) for every
/// call site keeps the wasm small: each distinct closure would be its own view code.
pub fn tr(
    locale: leptos::prelude::Signal<Locale>,
    msg: Msg<'static>,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::Get;
    move || t(locale.get(), msg)
}

/// The locale from the `locale` attribute, else the page's `<html lang>`, else the browser's languages.
pub fn negotiate(attr: Option<&str>) -> Locale {
    let mut prefs: Vec<String> = attr.map(str::to_owned).into_iter().collect();
    if let Some(window) = web_sys::window() {
        if let Some(lang) = window
            .document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            prefs.push(lang);
        }
        prefs.extend(
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string()),
        );
    }
    Locale::negotiate(prefs.iter().map(String::as_str))
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(locale.tag()))
}

fn call_format(format: js_sys::Function, arg: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, arg)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn date_of(ms: i64) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(ms as f64))
}

fn format_ms(locale: Locale, ms: i64, opts: &[(&str, &str)]) -> String {
    let f = js_sys::Intl::DateTimeFormat::new(&locales(locale), &options(opts));
    call_format(f.format(), &date_of(ms))
}

/// Date and time in the shopper's time zone: "Nov 20, 2026, 10:03 AM".
pub fn date_time(locale: Locale, ts: &Timestamp) -> String {
    format_ms(
        locale,
        ts.utc_ms,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )
}

/// A date in the shopper's time zone: "Nov 20, 2026".
pub fn date(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, &[("dateStyle", "medium")])
}

/// An expected-delivery window as the shortest range ("Sat, Nov 21 – Sun, Nov 22", or one day).
pub fn eta(locale: Locale, w: &EtaWindow) -> String {
    let opts = options(&[("weekday", "short"), ("month", "short"), ("day", "numeric")]);
    let f = js_sys::Intl::DateTimeFormat::new(&locales(locale), &opts);
    f.format_range(&date_of(w.earliest.utc_ms), &date_of(w.latest.utc_ms))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| call_format(f.format(), &date_of(w.earliest.utc_ms)))
}

/// The checkpoint's own wall-clock time, when its offset differs from the shopper's at that instant.
pub fn local_time_note(locale: Locale, ts: &Timestamp) -> Option<String> {
    let offset = ts.offset_minutes?;
    let browser = -(date_of(ts.utc_ms).get_timezone_offset() as i64);
    if browser == i64::from(offset) {
        return None;
    }
    let time = format_ms(
        locale,
        ts.utc_ms + ts.local_shift_ms(),
        &[("timeStyle", "short"), ("timeZone", "UTC")],
    );
    let (sign, a) = (if offset < 0 { '-' } else { '+' }, offset.unsigned_abs());
    let zone = match a % 60 {
        0 => format!("UTC{sign}{}", a / 60),
        m => format!("UTC{sign}{}:{m:02}", a / 60),
    };
    Some(t(locale, Msg::LocalTime(&time, &zone)))
}

/// Money with `Intl.NumberFormat` from its exact decimal string (no float rounding).
pub fn money(locale: Locale, m: &Money) -> String {
    let f = js_sys::Intl::NumberFormat::new(
        &locales(locale),
        &options(&[("style", "currency"), ("currency", m.currency.as_str())]),
    );
    call_format(f.format(), &JsValue::from_str(&m.decimal_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_interpolation() {
        assert_eq!(
            t(Locale::En, Msg::NotShippedYet(1)),
            "1 item hasn't shipped yet"
        );
        assert_eq!(
            t(Locale::En, Msg::NotShippedYet(3)),
            "3 items haven't shipped yet"
        );
        assert_eq!(
            t(Locale::Es, Msg::NotShippedYet(1)),
            "1 artículo aún no se ha enviado"
        );
        assert_eq!(
            t(Locale::Es, Msg::NotShippedYet(2)),
            "2 artículos aún no se han enviado"
        );
        assert_eq!(
            t(Locale::Es, Msg::RateLimited(Some(30))),
            "Demasiados intentos. Vuelve a intentarlo en 30 segundos."
        );
        assert_eq!(t(Locale::En, Msg::OrderHeading("1002")), "Order 1002");
    }

    #[test]
    fn every_status_is_translated_and_distinct_per_language() {
        for s in TrackingStatus::ALL {
            let (en, es) = (t(Locale::En, Msg::Status(s)), t(Locale::Es, Msg::Status(s)));
            assert!(!en.is_empty() && !es.is_empty());
            assert_ne!(en, es, "{s:?}");
        }
        for s in ProgressStep::ALL {
            assert_ne!(t(Locale::En, Msg::Step(s)), t(Locale::Es, Msg::Step(s)));
        }
    }
}
