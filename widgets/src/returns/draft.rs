//! The return being put together, and every rule about it the widget decides on its own.
//!
//! Pure: the draft, its `localStorage` form, which steps the flow has, what blocks each step,
//! the request built from it, the photo pre-checks and the mapping of the server's field
//! paths back to the form — all testable without a server (`widgets/tests/returns.rs`).
//!
//! Stored per store key + order number: the step, chosen lines with quantity, reason code,
//! resolution, exchange SKU and uploaded photos, the method, the idempotency key and, once
//! created, the RMA. Comments are free text and may be personal: they live in memory only.

use aftercare_shared::api::{ReturnLineInput, ReturnOptions, ReturnRequestInput};
/// The flow's vocabulary lives in the shared crate: the messages name these too.
pub use aftercare_shared::returns::flow::{FileProblem, Step, What};
use aftercare_shared::returns::{Requirement, Resolution, ReturnMethod};
use aftercare_shared::Locale;
use wasm_bindgen::{JsCast, JsValue};

/// An uploaded photo the draft refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Server id (what the return line names).
    pub id: String,
    /// Where the server serves it.
    pub url: String,
    /// The file's name as chosen (memory only; "Photo 2" after a reload).
    pub name: String,
}

/// One order line going back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chosen {
    /// The order line (`ReturnableLine::item_id`).
    pub item_id: i64,
    /// Units going back.
    pub quantity: u32,
    /// Reason code.
    pub reason: Option<String>,
    /// The shopper's comment (memory only, never stored).
    pub comment: String,
    /// Uploaded photos.
    pub photos: Vec<Photo>,
    /// What the shopper wants.
    pub resolution: Option<Resolution>,
    /// With an exchange: the variant wanted.
    pub exchange_sku: Option<String>,
}

impl Chosen {
    /// A freshly ticked line: one unit, nothing decided yet.
    pub fn new(item_id: i64) -> Self {
        Self {
            item_id,
            quantity: 1,
            ..Self::default()
        }
    }
}

/// The draft of one order's return.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// Where the shopper is.
    pub step: Step,
    /// Chosen lines, in the order's line order.
    pub lines: Vec<Chosen>,
    /// How the parcel goes back.
    pub method: Option<ReturnMethod>,
    /// The create request's `Idempotency-Key`, made once per draft.
    pub key: String,
    /// The return made from it (then only this is kept, so its status page reopens).
    pub rma: Option<String>,
}

/// What blocks a step, for one line (`item_id`) or the whole step (`item_id` 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    /// The line, or 0 for the step.
    pub item_id: i64,
    /// What is wrong.
    pub what: What,
}

/// File types the upload accepts (the file input's `accept`).
pub const ACCEPT: &str = crate::shell::upload::ACCEPT;

/// Check a file before uploading it: its declared type, its size, and how many photos the
/// line has (counting uploads in progress). The server checks the bytes again.
pub fn check_file(
    mime: &str,
    size: f64,
    on_line: usize,
    opts: &ReturnOptions,
) -> Result<(), FileProblem> {
    if !ACCEPT.split(',').any(|t| t.eq_ignore_ascii_case(mime)) {
        return Err(FileProblem::Type);
    }
    if size > opts.photo_max_bytes as f64 {
        return Err(FileProblem::TooBig(opts.photo_max_bytes));
    }
    if on_line >= opts.photo_max_count as usize {
        return Err(FileProblem::TooMany(opts.photo_max_count));
    }
    Ok(())
}

/// The `localStorage` key of an order's draft: per store key and order number.
pub fn storage_key(publishable_key: &str, order: &str) -> String {
    format!("aftercare:return:{publishable_key}:{order}")
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn put(o: &JsValue, k: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), &v);
}

fn opt_str(v: Option<&str>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_str)
}

fn resolution_wire(r: Resolution) -> &'static str {
    match r {
        Resolution::Refund => "refund",
        Resolution::StoreCredit => "store_credit",
        Resolution::Exchange => "exchange",
    }
}

fn resolution_from(s: &str) -> Option<Resolution> {
    [
        Resolution::Refund,
        Resolution::StoreCredit,
        Resolution::Exchange,
    ]
    .into_iter()
    .find(|r| resolution_wire(*r) == s)
}

/// The wire name of a method (`drop_off`, `pickup`).
pub fn method_wire(m: ReturnMethod) -> &'static str {
    match m {
        ReturnMethod::DropOff => "drop_off",
        ReturnMethod::Pickup => "pickup",
    }
}

fn method_from(s: &str) -> Option<ReturnMethod> {
    [ReturnMethod::DropOff, ReturnMethod::Pickup]
        .into_iter()
        .find(|m| method_wire(*m) == s)
}

/// A reason's comment and photo rules (`None` for an unknown code).
pub fn reason_rules(
    opts: &ReturnOptions,
    code: Option<&str>,
) -> Option<(Requirement, Requirement)> {
    let code = code?;
    opts.reasons
        .iter()
        .find(|r| r.code == code)
        .map(|r| (r.comment, r.photos))
}

impl Draft {
    /// A new draft with its idempotency key.
    pub fn new(key: String) -> Self {
        Self {
            key,
            ..Self::default()
        }
    }

    /// The stored form (JSON); comments are left out.
    pub fn to_json(&self) -> String {
        let o: JsValue = js_sys::Object::new().into();
        put(&o, "v", JsValue::from(1));
        put(&o, "step", JsValue::from_str(self.step.as_str()));
        put(&o, "key", JsValue::from_str(&self.key));
        put(&o, "method", opt_str(self.method.map(method_wire)));
        put(&o, "rma", opt_str(self.rma.as_deref()));
        let lines = js_sys::Array::new();
        for c in &self.lines {
            let l: JsValue = js_sys::Object::new().into();
            put(&l, "id", JsValue::from_f64(c.item_id as f64));
            put(&l, "qty", JsValue::from(c.quantity));
            put(&l, "reason", opt_str(c.reason.as_deref()));
            put(&l, "res", opt_str(c.resolution.map(resolution_wire)));
            put(&l, "sku", opt_str(c.exchange_sku.as_deref()));
            let photos = js_sys::Array::new();
            for p in &c.photos {
                let x: JsValue = js_sys::Object::new().into();
                put(&x, "id", JsValue::from_str(&p.id));
                put(&x, "url", JsValue::from_str(&p.url));
                photos.push(&x);
            }
            put(&l, "photos", photos.into());
            lines.push(&l);
        }
        put(&o, "lines", lines.into());
        js_sys::JSON::stringify(&o)
            .map(String::from)
            .unwrap_or_default()
    }

    /// Read a stored draft; anything unreadable is `None` (the shopper starts afresh).
    pub fn from_json(raw: &str) -> Option<Self> {
        let v = js_sys::JSON::parse(raw).ok()?;
        if get(&v, "v").as_f64() != Some(1.0) {
            return None;
        }
        let key = get(&v, "key")
            .as_string()
            .filter(|k| (8..=255).contains(&k.len()))?;
        let lines = get(&v, "lines")
            .dyn_into::<js_sys::Array>()
            .ok()
            .map(|a| {
                a.iter()
                    .filter_map(|l| {
                        let id = get(&l, "id").as_f64()?;
                        let photos = get(&l, "photos")
                            .dyn_into::<js_sys::Array>()
                            .map(|p| {
                                p.iter()
                                    .filter_map(|x| {
                                        Some(Photo {
                                            id: get(&x, "id").as_string()?,
                                            url: get(&x, "url").as_string()?,
                                            name: String::new(),
                                        })
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        Some(Chosen {
                            item_id: id as i64,
                            quantity: get(&l, "qty").as_f64().unwrap_or(1.0).max(1.0) as u32,
                            reason: get(&l, "reason").as_string(),
                            comment: String::new(),
                            photos,
                            resolution: get(&l, "res")
                                .as_string()
                                .and_then(|s| resolution_from(&s)),
                            exchange_sku: get(&l, "sku").as_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Self {
            step: get(&v, "step")
                .as_string()
                .and_then(|s| Step::from_wire(&s))
                .unwrap_or_default(),
            lines,
            method: get(&v, "method").as_string().and_then(|s| method_from(&s)),
            key,
            rma: get(&v, "rma").as_string(),
        })
    }

    /// The chosen line for `item_id`.
    pub fn line(&self, item_id: i64) -> Option<&Chosen> {
        self.lines.iter().find(|c| c.item_id == item_id)
    }

    /// The chosen line for `item_id`, to change it.
    pub fn line_mut(&mut self, item_id: i64) -> Option<&mut Chosen> {
        self.lines.iter_mut().find(|c| c.item_id == item_id)
    }

    /// Tick or untick a line (kept in the order's line order).
    pub fn choose(&mut self, item_id: i64, on: bool, opts: &ReturnOptions) {
        self.lines.retain(|c| c.item_id != item_id);
        if on {
            self.lines.push(Chosen::new(item_id));
            let pos = |id: i64| opts.lines.iter().position(|l| l.item_id == id);
            self.lines.sort_by_key(|c| pos(c.item_id));
        }
    }

    /// Whether any chosen reason asks for photos (else the Photos step is skipped).
    pub fn needs_photos(&self, opts: &ReturnOptions) -> bool {
        self.lines.iter().any(|c| {
            reason_rules(opts, c.reason.as_deref()).is_some_and(|(_, p)| p != Requirement::Disabled)
        })
    }

    /// The steps of this draft's flow, in order.
    pub fn steps(&self, opts: &ReturnOptions) -> Vec<Step> {
        let photos = self.needs_photos(opts);
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Photos || photos)
            .collect()
    }

    /// "Step n of total" for `step` (1-based).
    pub fn position(&self, step: Step, opts: &ReturnOptions) -> (usize, usize) {
        let steps = self.steps(opts);
        let n = steps.iter().position(|s| *s == step).unwrap_or(0) + 1;
        (n, steps.len())
    }

    /// The step after `step` (`None` after Review).
    pub fn next(&self, step: Step, opts: &ReturnOptions) -> Option<Step> {
        let steps = self.steps(opts);
        let i = steps.iter().position(|s| *s == step)?;
        steps.get(i + 1).copied()
    }

    /// The step before `step` (`None` on Items).
    pub fn prev(&self, step: Step, opts: &ReturnOptions) -> Option<Step> {
        let steps = self.steps(opts);
        match steps.iter().position(|s| *s == step) {
            Some(0) => None,
            Some(i) => steps.get(i - 1).copied(),
            // A step no longer in the flow (photos no longer asked for): the one before it.
            None => Step::ALL
                .iter()
                .rev()
                .skip_while(|s| **s != step)
                .skip(1)
                .find(|s| steps.contains(s))
                .copied(),
        }
    }

    /// What keeps the shopper from leaving `step` forward, every problem at once.
    pub fn problems(&self, step: Step, opts: &ReturnOptions) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |item_id, what| out.push(Problem { item_id, what });
        match step {
            Step::Items => {
                if self.lines.is_empty() {
                    add(0, What::Nothing);
                }
                for c in &self.lines {
                    let max = opts
                        .lines
                        .iter()
                        .find(|l| l.item_id == c.item_id)
                        .map_or(0, |l| l.returnability.returnable_quantity);
                    if c.quantity == 0 || c.quantity > max {
                        add(c.item_id, What::Quantity);
                    }
                }
            }
            Step::Reasons => {
                for c in &self.lines {
                    match reason_rules(opts, c.reason.as_deref()) {
                        None => add(c.item_id, What::Reason),
                        Some((comment, _)) => {
                            let text = c.comment.trim();
                            if comment == Requirement::Required && text.is_empty() {
                                add(c.item_id, What::Comment);
                            } else if comment != Requirement::Disabled
                                && text.chars().count() > aftercare_shared::api::MAX_RETURN_COMMENT
                            {
                                add(c.item_id, What::CommentLong);
                            }
                        }
                    }
                }
            }
            Step::Photos => {
                for c in &self.lines {
                    match reason_rules(opts, c.reason.as_deref()) {
                        Some((_, Requirement::Required)) if c.photos.is_empty() => {
                            add(c.item_id, What::Photos);
                        }
                        Some((_, p))
                            if p != Requirement::Disabled
                                && c.photos.len() > opts.photo_max_count as usize =>
                        {
                            add(c.item_id, What::TooManyPhotos);
                        }
                        _ => {}
                    }
                }
            }
            Step::Resolution => {
                for c in &self.lines {
                    let line = opts.lines.iter().find(|l| l.item_id == c.item_id);
                    match c.resolution {
                        Some(r) if !offered(opts, line, r) => add(c.item_id, What::Resolution),
                        None => add(c.item_id, What::Resolution),
                        Some(Resolution::Exchange) => {
                            let ok = line.is_some_and(|l| {
                                l.exchange_options
                                    .iter()
                                    .any(|o| o.available && Some(&o.sku) == c.exchange_sku.as_ref())
                            });
                            if !ok {
                                add(c.item_id, What::Exchange);
                            }
                        }
                        Some(_) => {}
                    }
                }
            }
            Step::Review => {
                if !self.method.is_some_and(|m| opts.methods.contains(&m)) {
                    add(0, What::Method);
                }
            }
        }
        out
    }

    /// The first step (up to and including `upto`) that still has problems, or `upto`: where a
    /// restored draft may resume.
    pub fn resume_at(&self, upto: Step, opts: &ReturnOptions) -> Step {
        for s in self.steps(opts) {
            if s == upto || !self.problems(s, opts).is_empty() {
                return s;
            }
        }
        // `upto` is not in this flow (photos no longer needed): the step before it.
        self.prev(upto, opts).unwrap_or_default()
    }

    /// Fit a restored (or older) draft to the order as it is now: drop lines that can no
    /// longer go back, clamp quantities, forget choices the store no longer offers.
    pub fn reconcile(&mut self, opts: &ReturnOptions) {
        self.lines.retain(|c| {
            opts.lines
                .iter()
                .any(|l| l.item_id == c.item_id && l.returnability.returnable_quantity > 0)
        });
        for c in &mut self.lines {
            let Some(line) = opts.lines.iter().find(|l| l.item_id == c.item_id) else {
                continue;
            };
            c.quantity = c.quantity.clamp(1, line.returnability.returnable_quantity);
            if reason_rules(opts, c.reason.as_deref()).is_none() {
                c.reason = None;
            }
            if c.resolution.is_some_and(|r| !offered(opts, Some(line), r)) {
                c.resolution = None;
            }
            let available = |sku: &String| {
                line.exchange_options
                    .iter()
                    .any(|o| o.available && &o.sku == sku)
            };
            if c.resolution != Some(Resolution::Exchange)
                || !c.exchange_sku.as_ref().is_some_and(available)
            {
                c.exchange_sku = None;
            }
            c.photos.truncate(opts.photo_max_count as usize);
        }
        if !self.method.is_some_and(|m| opts.methods.contains(&m)) {
            self.method = opts.methods.first().copied();
        }
    }

    /// The request for the estimate and the create call. Comments and photos go only with
    /// reasons that ask for them; the exchange SKU only with an exchange.
    pub fn input(&self, opts: &ReturnOptions, locale: Locale) -> ReturnRequestInput {
        ReturnRequestInput {
            lines: self
                .lines
                .iter()
                .map(|c| {
                    let (comment, photos) = reason_rules(opts, c.reason.as_deref())
                        .unwrap_or((Requirement::Disabled, Requirement::Disabled));
                    let text = c.comment.trim();
                    ReturnLineInput {
                        item_id: c.item_id,
                        quantity: c.quantity,
                        reason: c.reason.clone().unwrap_or_default(),
                        comment: (comment != Requirement::Disabled && !text.is_empty())
                            .then(|| text.to_owned()),
                        photo_ids: if photos == Requirement::Disabled {
                            Vec::new()
                        } else {
                            c.photos.iter().map(|p| p.id.clone()).collect()
                        },
                        resolution: c.resolution.unwrap_or(Resolution::Refund),
                        exchange_sku: c
                            .exchange_sku
                            .clone()
                            .filter(|_| c.resolution == Some(Resolution::Exchange)),
                    }
                })
                .collect(),
            method: self
                .method
                .or_else(|| opts.methods.first().copied())
                .unwrap_or(ReturnMethod::DropOff),
            locale: Some(locale),
        }
    }

    /// Units in the draft.
    pub fn units(&self) -> u32 {
        self.lines.iter().map(|c| c.quantity).sum()
    }

    /// A server field path (`lines[0].comment`) as the problem it means in this draft: the
    /// line at that index of the request built by [`Draft::input`].
    pub fn problem_at(&self, path: &str) -> Option<Problem> {
        let rest = path.strip_prefix("lines[")?;
        let (index, field) = rest.split_once("].")?;
        let item_id = self.lines.get(index.parse::<usize>().ok()?)?.item_id;
        let what = match field.split(['[', '.']).next()? {
            "quantity" | "item_id" => What::Quantity,
            "reason" => What::Reason,
            "comment" => What::Comment,
            "photo_ids" => What::Photos,
            "resolution" => What::Resolution,
            "exchange_sku" => What::Exchange,
            _ => return None,
        };
        Some(Problem { item_id, what })
    }
}

/// Whether the store offers `r` for this line (exchange only with variants to exchange for).
pub fn offered(
    opts: &ReturnOptions,
    line: Option<&aftercare_shared::api::ReturnableLine>,
    r: Resolution,
) -> bool {
    opts.resolutions.contains(&r)
        && (r != Resolution::Exchange || line.is_some_and(|l| !l.exchange_options.is_empty()))
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored draft under `key`, if there is a readable one.
pub fn load(key: &str) -> Option<Draft> {
    Draft::from_json(&local()?.get_item(key).ok()??)
}

/// Keep `d` under `key`; an empty draft (nothing chosen, no return made) is removed instead.
/// Storage may be full or blocked (private mode): the draft then lives in memory only.
pub fn store(key: &str, d: &Draft) {
    let Some(s) = local() else { return };
    if d.lines.is_empty() && d.rma.is_none() && d.step == Step::Items {
        let _ = s.remove_item(key);
    } else {
        let _ = s.set_item(key, &d.to_json());
    }
}

/// Whether a failed create means the next attempt needs a new idempotency key. Only a
/// definite refusal does: the API's error shape with a 4xx status that is not "try again
/// later" (the server stored that refusal under the key, and the fixed draft is a new request).
/// No answer, a transient status, or a success the client could not read keep the key: the
/// return may exist, and a retry with the same key replays it instead of creating a second.
pub fn needs_new_key(e: &aftercare_shared::client::ClientError) -> bool {
    use aftercare_shared::client::ClientError;
    matches!(e, ClientError::Api { status, .. } if (400..500).contains(status)) && !e.is_transient()
}

/// A fresh idempotency key: `crypto.randomUUID()` where available, else 32 hex digits.
pub fn random_key() -> String {
    crate::shell::visit::random_id()
}
