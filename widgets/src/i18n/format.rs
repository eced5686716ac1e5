//! Dates, times, money, sizes and percentages through the browser's `Intl` (no date or
//! number crate in the wasm).

use super::*;

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

/// One `Intl.DateTimeFormat` per locale and option set, built once with its bound `format`:
/// constructing one costs far more than formatting with it, and a long timeline formats two
/// dates per checkpoint.
fn date_format(
    locale: Locale,
    opts: &[(&str, &str)],
) -> (js_sys::Intl::DateTimeFormat, js_sys::Function) {
    thread_local! {
        #[allow(clippy::type_complexity)]
        static CACHE: std::cell::RefCell<Vec<(String, js_sys::Intl::DateTimeFormat, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = opts
        .iter()
        .fold(String::from(locale.tag()), |mut k, (name, value)| {
            k.push('|');
            k.push_str(name);
            k.push('=');
            k.push_str(value);
            k
        });
    CACHE.with(|cache| {
        if let Some((_, f, g)) = cache.borrow().iter().find(|(k, ..)| *k == key) {
            return (f.clone(), g.clone());
        }
        let f = js_sys::Intl::DateTimeFormat::new(&locales(locale), &options(opts));
        let g = f.format();
        cache.borrow_mut().push((key, f.clone(), g.clone()));
        (f, g)
    })
}

/// `format` takes the epoch milliseconds as a number: no `Date` object per call.
fn format_ms(locale: Locale, ms: i64, opts: &[(&str, &str)]) -> String {
    call_format(date_format(locale, opts).1, &JsValue::from_f64(ms as f64))
}

const DATE: &[(&str, &str)] = &[("dateStyle", "medium")];
const DATE_TIME: &[(&str, &str)] = &[("dateStyle", "medium"), ("timeStyle", "short")];
const LOCAL_TIME: &[(&str, &str)] = &[("timeStyle", "short"), ("timeZone", "UTC")];

/// Build the date formats an order view uses ahead of time (e.g. while its request is in
/// flight): the first `Intl.DateTimeFormat` of a page loads locale data and costs tens of
/// milliseconds, which would otherwise land between the response and the first frame.
pub fn warm_dates(locale: Locale) {
    for opts in [DATE, DATE_TIME, LOCAL_TIME, DAY] {
        date_format(locale, opts);
    }
}

/// Date and time in the shopper's time zone: "Nov 20, 2026, 10:03 AM".
pub fn date_time(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DATE_TIME)
}

/// A date in the shopper's time zone: "Nov 20, 2026".
pub fn date(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DATE)
}

const DAY: &[(&str, &str)] = &[("weekday", "short"), ("month", "short"), ("day", "numeric")];

/// A day with its weekday ("Tue, Nov 24"): deadlines people plan around.
pub fn day(locale: Locale, ts: &Timestamp) -> String {
    format_ms(locale, ts.utc_ms, DAY)
}

/// "5 minutes ago" / "hace 5 minutos" (hours from 60 minutes on), from `Intl.RelativeTimeFormat`.
pub fn ago(locale: Locale, minutes: u32) -> String {
    let (n, unit) = if minutes < 60 {
        (minutes, "minute")
    } else {
        (minutes / 60, "hour")
    };
    js_sys::Intl::RelativeTimeFormat::new(&locales(locale), &options(&[("numeric", "auto")]))
        .format(-f64::from(n), unit)
        .into()
}

/// An expected-delivery window as the shortest range ("Sat, Nov 21 – Sun, Nov 22", or one day).
pub fn eta(locale: Locale, w: &EtaWindow) -> String {
    let (f, format) = date_format(locale, DAY);
    f.format_range(&date_of(w.earliest.utc_ms), &date_of(w.latest.utc_ms))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| call_format(format, &date_of(w.earliest.utc_ms)))
}

/// The checkpoint's own wall-clock time, when its offset differs from the shopper's at that instant.
pub fn local_time_note(locale: Locale, ts: &Timestamp) -> Option<String> {
    let offset = ts.offset_minutes?;
    let browser = -(date_of(ts.utc_ms).get_timezone_offset() as i64);
    if browser == i64::from(offset) {
        return None;
    }
    let time = format_ms(locale, ts.utc_ms + ts.local_shift_ms(), LOCAL_TIME);
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
