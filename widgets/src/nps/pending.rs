//! The survey's offline queue: one unsent (or half-written) response kept in `localStorage`
//! until the server acknowledged it, so a dropped connection or a reload never loses a score.
//!
//! Only what the response itself is made of is stored — its id, kind, score, the comment
//! draft and the "contact me" flag, plus bookkeeping — never the token, an email or an order
//! number: the next mount sends it with its own credentials.

use crate::shell::visit::valid_id;
use aftercare_shared::survey::SurveyKind;
use wasm_bindgen::JsValue;

/// The `localStorage` key of the queued response (one per browser profile and origin).
pub(crate) const KEY: &str = "aftercare:nps-pending";
/// A draft whose score was already delivered is offered again for this long after a reload.
const DRAFT_TTL_MS: f64 = 86_400_000.0;

/// A response as this browser knows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    /// Client-generated response id, reused for every PUT (the server stores one response).
    pub id: String,
    /// Which survey.
    pub kind: SurveyKind,
    /// The chosen score.
    pub score: u8,
    /// The comment: a draft while `done` is false, the final text once sent.
    pub comment: String,
    /// The shopper asked the store to get in touch.
    pub contact: bool,
    /// The shopper pressed Send: the comment is final.
    pub done: bool,
    /// The server acknowledged the current score / flag / final comment.
    pub acked: bool,
    /// When it last changed (ms since the epoch), to let an old draft go.
    pub at: f64,
    /// In-memory revision: an answer for an older revision does not acknowledge a newer one.
    pub rev: u32,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

impl Pending {
    /// The queued response, if a valid one is stored.
    pub(crate) fn load() -> Option<Self> {
        let raw = local()?.get_item(KEY).ok()??;
        let v = js_sys::JSON::parse(&raw).ok()?;
        let id = get(&v, "id").as_string().filter(|s| valid_id(s))?;
        let kind = SurveyKind::from_wire(&get(&v, "kind").as_string()?)?;
        let score = kind.score(get(&v, "score").as_f64()? as i64).ok()?.value();
        Some(Self {
            id,
            kind,
            score,
            comment: get(&v, "comment").as_string().unwrap_or_default(),
            contact: get(&v, "contact").is_truthy(),
            done: get(&v, "done").is_truthy(),
            acked: get(&v, "acked").is_truthy(),
            at: get(&v, "at").as_f64().unwrap_or(0.0),
            rev: 0,
        })
    }

    /// Whether nothing is left to keep: the server has it all and there is no draft to offer.
    pub(crate) fn settled(&self) -> bool {
        self.acked && (self.done || self.comment.trim().is_empty())
    }

    /// A delivered score with a draft nobody came back to for a day: let it go.
    pub(crate) fn stale(&self, now: f64) -> bool {
        self.acked && !self.done && now - self.at > DRAFT_TTL_MS
    }

    /// Write it (or remove it once [`Pending::settled`]). Storage may be full or blocked
    /// (private mode): then the queue lives in memory only, which still covers going offline.
    pub(crate) fn save(&self) {
        let Some(s) = local() else { return };
        if self.settled() {
            let _ = s.remove_item(KEY);
            return;
        }
        let o = js_sys::Object::new();
        let put = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        put("id", JsValue::from_str(&self.id));
        put("kind", JsValue::from_str(self.kind.as_str()));
        put("score", JsValue::from(self.score));
        if !self.comment.is_empty() {
            put("comment", JsValue::from_str(&self.comment));
        }
        put("contact", JsValue::from_bool(self.contact));
        put("done", JsValue::from_bool(self.done));
        put("acked", JsValue::from_bool(self.acked));
        put("at", JsValue::from_f64(self.at));
        if let Ok(json) = js_sys::JSON::stringify(&o) {
            let _ = s.set_item(KEY, &String::from(json));
        }
    }
}

/// Remove the stored entry if it is still the response `id` (another card may have replaced it).
pub(crate) fn forget(id: &str) {
    if let Some(s) = local() {
        let stored = s
            .get_item(KEY)
            .ok()
            .flatten()
            .and_then(|raw| js_sys::JSON::parse(&raw).ok())
            .and_then(|v| get(&v, "id").as_string());
        if stored.is_none_or(|s| s == id) {
            let _ = s.remove_item(KEY);
        }
    }
}
