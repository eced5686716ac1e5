//! `aftercare-review`: the review prompt. It lists the delivered items the server says are
//! waiting for this customer's review (one per product; returned and refunded items are never
//! asked about), opens a short form per item, lets the author edit their review (it goes back
//! to the store's check), and postpones an item by 7 days when the parcel has not arrived.
//!
//! When to ask is the server's rule, per product (`shared::review::ask_decision`); the widget
//! never decides it. As a prompt (inline or floating, like the NPS card) it takes the visit's
//! one ask ([`claim_ask`]) and records what it showed, so reminders and the customer's 30-day
//! cap count it. Inside the account ([`ReviewWidget`]'s `standing`), where the shopper went
//! to review, it is not an ask: it neither claims the visit nor counts, and lists the
//! customer's own reviews with where each one stands.

pub mod form;
mod list;
pub mod photos;
pub mod rating;

pub use form::{ReviewForm, ReviewFormProps};
pub use rating::{StarInput, StarInputProps};

use crate::i18n::{self, rv, Msg, Rev};
use crate::shell::upload::Target;
use crate::shell::visit::{claim_ask, AskKind};
use crate::shell::{focus_heading, problem_card, skeleton, ElementProps, Events, Failure};
use aftercare_shared::api::{PendingReview, Review, ReviewAttribute};
use aftercare_shared::client::Client;
use aftercare_shared::review::ReviewStatus;
use aftercare_shared::Locale;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("review.css");

/// What a review is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// The product's SKU.
    pub sku: String,
    /// Its title (or, when editing, the review's headline).
    pub title: String,
    /// A picture of it.
    pub image_url: Option<String>,
    /// The store's extra questions for it.
    pub attributes: Vec<ReviewAttribute>,
    /// The request's reward, the same whatever the rating.
    pub incentive: Option<String>,
}

impl From<&PendingReview> for Subject {
    fn from(p: &PendingReview) -> Self {
        Self {
            sku: p.sku.clone(),
            title: p.title.clone(),
            image_url: p.image_url.clone(),
            attributes: p.attributes.clone(),
            incentive: p.incentive.clone(),
        }
    }
}

/// Which form is open.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Open {
    New(Subject),
    Edit(Review),
}

/// What the prompt shows.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Loading,
    /// Nothing to ask, another kind asked this visit, or closed.
    Hidden,
    Failed(Failure),
    Shown,
}

/// The outcome the list announces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Notice {
    Thanks(ReviewStatus, Option<String>),
    Postponed(String),
}

/// The prompt's state, shared by its views.
#[derive(Clone, Copy)]
pub(crate) struct Prompt {
    pub client: StoredValue<Client>,
    pub upload_to: StoredValue<Target>,
    pub pending: RwSignal<Vec<PendingReview>>,
    pub mine: RwSignal<Vec<Review>>,
    pub open: RwSignal<Option<Open>>,
    pub notice: RwSignal<Option<Notice>>,
    pub locale: Signal<Locale>,
    pub events: Events,
    pub root: NodeRef<Div>,
    pub standing: bool,
    /// The customer's own reviews are listed (the account's "Your reviews").
    pub listing: RwSignal<bool>,
}

impl Prompt {
    /// A stored review: it leaves the waiting list and joins (or replaces) the author's own.
    fn done(self, mut review: Review, product: String) {
        review.product_title.get_or_insert(product);
        self.pending.update(|p| p.retain(|i| i.sku != review.sku));
        self.notice.set(Some(Notice::Thanks(
            review.status,
            review.reward_code.clone(),
        )));
        self.mine.update(|m| {
            m.retain(|r| r.id != review.id);
            m.insert(0, review);
        });
        self.open.set(None);
        focus_heading(self.root);
    }

    /// "Not arrived yet?": ask again in 7 days.
    fn postpone(self, sku: String) {
        let Some(c) = self.client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            match c.postpone_review(&sku).await {
                Ok(p) => {
                    let l = self.locale.get_untracked();
                    self.pending
                        .try_update(|items| items.retain(|i| i.sku != p.sku));
                    self.notice
                        .try_set(Some(Notice::Postponed(i18n::date(l, &p.until))));
                    self.events.emit(
                        "aftercare:review-postponed",
                        &[
                            ("sku", JsValue::from_str(&p.sku)),
                            ("until", JsValue::from_str(&p.until.to_string())),
                        ],
                    );
                }
                Err(e) => self.events.error(&e),
            }
        });
    }
}

/// The review prompt as a Leptos component, for Rust developers composing their own app; the
/// `aftercare-review` custom element renders exactly this, and the account page embeds it.
///
/// Emits `aftercare:ready`, `aftercare:review-submitted` `{sku, review_id, rating, status,
/// edited}`, `aftercare:review-postponed` `{sku, until}` and `aftercare:error` (bubbling,
/// composed) on the host element, or on its root container when used without one.
#[component]
pub fn ReviewWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`).
    #[prop(into)]
    publishable_key: String,
    /// A customer token, or a signed review link from the store's email. Without one nothing
    /// renders (one `aftercare:error` `{code: "unauthorized"}`).
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
    /// A fixed corner card (bottom right; full width on phones) instead of an inline one; it
    /// shows only items the store may prompt about now.
    #[prop(into, optional)]
    floating: Signal<bool>,
    /// Only this order's items (an order's page, which shows nothing when none is waiting).
    #[prop(into, optional)]
    order: Signal<Option<String>>,
    /// Where the shopper went to review (the account): not an ask, and the customer's own
    /// reviews are listed too.
    #[prop(optional)]
    standing: bool,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let warned = StoredValue::new(false);
    Effect::new(move |_| {
        if token.get().is_none() && !warned.get_value() {
            warned.set_value(true);
            events.emit(
                "aftercare:error",
                &[
                    ("code", JsValue::from_str("unauthorized")),
                    ("message", JsValue::from_str("aftercare-review needs a customer token or review link in its token attribute")),
                ],
            );
        }
    });
    let body = move || {
        token.get().map(|t| {
            let p = Prompt {
                client: StoredValue::new(client.with_token(&t)),
                upload_to: StoredValue::new(Target {
                    url: format!("{}/v1/review-photos", api.trim_end_matches('/')),
                    key: publishable_key.clone(),
                    token: t,
                }),
                pending: RwSignal::new(Vec::new()),
                mine: RwSignal::new(Vec::new()),
                open: RwSignal::new(None),
                notice: RwSignal::new(None),
                locale,
                events,
                root,
                standing,
                listing: RwSignal::new(false),
            };
            prompt(p, floating, order)
        })
    };
    view! {
        <div
            class="root review-root"
            class:standing=standing
            part="container"
            lang=move || locale.get().tag()
            node_ref=root
        >
            {body}
        </div>
    }
}

/// One prompt for one sign-in: load, decide whether to show, then the list or a form.
fn prompt(p: Prompt, floating: Signal<bool>, order: Signal<Option<String>>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    let retry = RwSignal::new(());
    Effect::new(move |_| {
        retry.track();
        let (only_order, only_prompt) = (order.get(), floating.get());
        stage.set(Stage::Loading);
        let Some(c) = p.client.try_get_value() else {
            return;
        };
        spawn_local(async move {
            let pending = c.pending_reviews().await;
            // One's own reviews belong to the account's "Your reviews", not to an order's page.
            let listing = p.standing && only_order.is_none();
            let mine = if listing {
                c.my_reviews().await.map(Some)
            } else {
                Ok(None)
            };
            let (items, mine) = match (pending, mine) {
                (Ok(i), Ok(m)) => (i, m),
                (Err(e), _) | (_, Err(e)) => {
                    p.events.error(&e);
                    stage.try_set(Stage::Failed(Failure::of(&e)));
                    return;
                }
            };
            let items: Vec<PendingReview> = items
                .into_iter()
                .filter(|i| only_order.as_ref().is_none_or(|o| &i.order_number == o))
                .filter(|i| i.prompt || !only_prompt)
                .collect();
            let show = listing || (!items.is_empty() && (p.standing || claim_ask(AskKind::Review)));
            if show && !p.standing {
                // What the prompt shows counts as an ask (reminders, the 30-day cap).
                let asked: Vec<String> = items
                    .iter()
                    .filter(|i| i.prompt)
                    .map(|i| i.sku.clone())
                    .collect();
                if !asked.is_empty() {
                    let c = c.clone();
                    spawn_local(async move {
                        let _ = c.record_review_asks(&asked).await;
                    });
                }
            }
            if p.pending.try_set(items).is_some() {
                return; // gone meanwhile
            }
            p.listing.set(mine.is_some());
            p.mine.set(mine.unwrap_or_default());
            stage.set(if show { Stage::Shown } else { Stage::Hidden });
            if show {
                p.events.emit(
                    "aftercare:ready",
                    &[("widget", JsValue::from_str("review"))],
                );
            }
        });
    });
    let l = p.locale;
    let closing = move |_| stage.set(Stage::Hidden);
    move || match stage.get() {
        Stage::Hidden => ().into_any(),
        Stage::Loading | Stage::Failed(_) if !p.standing => ().into_any(),
        Stage::Loading => skeleton(l).into_any(),
        Stage::Failed(f) => problem_card(
            l,
            f,
            Msg::Reviews(Rev::LoadFailed),
            Callback::new(move |_| retry.set(())),
        )
        .into_any(),
        Stage::Shown => {
            let float = floating.get_untracked() && !p.standing;
            view! {
                <section class="review card" class:float=float part="card">
                    {float.then(|| view! {
                        <button type="button" class="x" part="button" aria-label=move || rv(l.get(), Rev::Close) on:click=closing>
                            "×"
                        </button>
                    })}
                    {move || match p.open.get() {
                        Some(open) => list::form(p, open).into_any(),
                        None => list::overview(p).into_any(),
                    }}
                </section>
            }
            .into_any()
        }
    }
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale = i18n::element_locale(p.attrs.get("locale"));
    let layout = p.attrs.get("layout");
    view! {
        <ReviewWidget
            api=p.api
            publishable_key=p.key
            token=p.attrs.get("token")
            locale=locale
            floating=Signal::derive(move || layout.get().as_deref() == Some("floating"))
            order=p.attrs.get("order")
        />
    }
    .into_any()
}
