//! This visit and this browser, without personal data: the visit id the survey rules count
//! by, "one ask per visit across kinds" (the NPS card and the review prompt never both ask in
//! one visit), and the random voter id that makes a "helpful" vote count once per browser.

use wasm_bindgen::{JsCast, JsValue};

/// The `sessionStorage` key of the visit id ("one survey per visit" is counted per tab session).
pub const VISIT_KEY: &str = "aftercare:visit";
/// The `sessionStorage` key naming which kind of ask this visit already made.
pub const ASKED_KEY: &str = "aftercare:asked";
/// The `localStorage` key of the browser's voter id.
pub const VOTER_KEY: &str = "aftercare:voter";

/// Which widget interrupts the shopper to ask for an opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskKind {
    /// The NPS / CSAT card.
    Survey,
    /// The review prompt.
    Review,
}

impl AskKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Survey => "survey",
            Self::Review => "review",
        }
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the server accepts as a response, visit or voter id: 8–64 of `A-Za-z0-9_-`.
pub fn valid_id(s: &str) -> bool {
    (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A random id the server accepts: `crypto.randomUUID()` where available, else 32 hex digits.
pub fn random_id() -> String {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let uuid = web_sys::window()
        .and_then(|w| get(&w, "crypto"))
        .and_then(|c| {
            let f = get(&c, "randomUUID")?.dyn_into::<js_sys::Function>().ok()?;
            f.call0(&c).ok()?.as_string()
        });
    uuid.unwrap_or_else(|| {
        (0..4)
            .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
            .collect()
    })
}

/// The id kept under `key` in `store`, made on first use (a fresh one each call when storage
/// is blocked).
fn kept_id(store: Option<web_sys::Storage>, key: &str) -> String {
    if let Some(v) = store
        .as_ref()
        .and_then(|s| s.get_item(key).ok().flatten())
        .filter(|v| valid_id(v))
    {
        return v;
    }
    let v = random_id();
    if let Some(s) = store {
        let _ = s.set_item(key, &v);
    }
    v
}

/// This tab session's visit id (random, non-personal), created on first use.
pub fn visit_id() -> String {
    kept_id(session(), VISIT_KEY)
}

/// This browser's voter id for "helpful" votes (random, non-personal, kept across visits).
pub fn voter_id() -> String {
    kept_id(local(), VOTER_KEY)
}

/// Take this visit's one ask for `kind`: true when no other kind asked in this tab session
/// (asking again about the same kind is fine, e.g. after a reload). Without storage every
/// widget may ask: nothing can be remembered, and the server's own caps still hold.
pub fn claim_ask(kind: AskKind) -> bool {
    let Some(s) = session() else { return true };
    match s.get_item(ASKED_KEY).ok().flatten() {
        Some(k) if k != kind.as_str() => false,
        Some(_) => true,
        None => {
            let _ = s.set_item(ASKED_KEY, kind.as_str());
            true
        }
    }
}
