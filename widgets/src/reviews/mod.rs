//! `aftercare-reviews`: a product's published reviews for its product page. The average,
//! count and a star histogram whose bars filter; filters for photos and verified buyers; five
//! sorts; pages; "helpful" votes (one per browser); a photo viewer; the store's replies under
//! their review; and "How reviews work", written by the server from the store's settings.
//!
//! Nothing here decides what is published or how it ranks: the server does, the same for
//! every rating. "Verified buyer" comes from the server only.

pub mod card;
pub mod summary;
pub mod viewer;

use crate::i18n::{self, tv, Msg, Rev};
use crate::shell::{problem_card, skeleton, ElementProps, Events, Failure};
use aftercare_shared::api::{ProductReviews, PublicReview, ReviewFilters, ReviewSort};
use aftercare_shared::client::Client;
use aftercare_shared::Locale;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The widget's own stylesheet (the shared theme is adopted next to it).
pub const CSS: &str = include_str!("reviews.css");

/// What the widget shows.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Loading,
    Failed(Failure),
    Shown,
}

/// The widget's state, shared by its views.
#[derive(Clone, Copy)]
pub struct Board {
    /// The client (publishable key only: reviews are public).
    pub client: StoredValue<Client>,
    /// The product.
    pub sku: StoredValue<String>,
    /// The first page's answer: summary, disclosure.
    pub head: RwSignal<Option<ProductReviews>>,
    /// Reviews shown so far (pages appended).
    pub items: RwSignal<Vec<PublicReview>>,
    /// The next page's cursor.
    pub next: RwSignal<Option<String>>,
    /// Which reviews are listed.
    pub filters: RwSignal<ReviewFilters>,
    /// In which order.
    pub sort: RwSignal<ReviewSort>,
    /// Reviews this browser found helpful (this visit; the server counts once per browser).
    pub voted: RwSignal<Vec<i64>>,
    /// The photo viewer: a review and the photo shown.
    pub viewing: RwSignal<Option<(i64, usize)>>,
    /// A page is loading.
    pub busy: RwSignal<bool>,
    /// The shopper's language.
    pub locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    pub events: Events,
}

impl Board {
    /// Fetch a page: the first (replacing the list) or the next (appended).
    fn fetch(self, more: bool, stage: RwSignal<Stage>) {
        let (Some(c), Some(sku)) = (self.client.try_get_value(), self.sku.try_get_value()) else {
            return;
        };
        let (filters, sort, l) = (
            self.filters.get_untracked(),
            self.sort.get_untracked(),
            self.locale.get_untracked(),
        );
        let cursor = if more {
            self.next.get_untracked()
        } else {
            None
        };
        if more && cursor.is_none() {
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            let r = c
                .product_reviews(&sku, filters, sort, l, cursor.as_deref())
                .await;
            if self.busy.try_set(false).is_some() {
                return; // gone meanwhile
            }
            // A newer choice of filters or sort made this answer stale.
            if self.filters.get_untracked() != filters || self.sort.get_untracked() != sort {
                return;
            }
            match r {
                Ok(page) => {
                    self.next.set(page.reviews.next_cursor.clone());
                    if more {
                        self.items
                            .update(|i| i.extend(page.reviews.items.iter().cloned()));
                    } else {
                        self.items.set(page.reviews.items.clone());
                    }
                    let first = self.head.with_untracked(Option::is_none);
                    self.head.set(Some(page));
                    stage.set(Stage::Shown);
                    if first {
                        self.events.emit(
                            "aftercare:ready",
                            &[("widget", JsValue::from_str("reviews"))],
                        );
                    }
                }
                Err(e) => {
                    self.events.error(&e);
                    if !more {
                        stage.set(Stage::Failed(Failure::of(&e)));
                    }
                }
            }
        });
    }
}

/// A product's reviews as a Leptos component, for Rust developers composing their own app;
/// the `aftercare-reviews` custom element renders exactly this.
///
/// Emits `aftercare:ready`, `aftercare:helpful-voted` `{review_id, helpful_count}` and
/// `aftercare:error` (bubbling, composed) on the host element, or on its root container when
/// used without one.
#[component]
pub fn ReviewsWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`).
    #[prop(into)]
    publishable_key: String,
    /// The product's SKU (any variant's SKU shows the product's reviews).
    #[prop(into)]
    product: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let body = move || {
        product.get().map(|sku| {
            let b = Board {
                client: StoredValue::new(client.clone()),
                sku: StoredValue::new(sku),
                head: RwSignal::new(None),
                items: RwSignal::new(Vec::new()),
                next: RwSignal::new(None),
                filters: RwSignal::new(ReviewFilters::default()),
                sort: RwSignal::new(ReviewSort::Newest),
                voted: RwSignal::new(Vec::new()),
                viewing: RwSignal::new(None),
                busy: RwSignal::new(false),
                locale,
                events,
            };
            board(b)
        })
    };
    view! {
        <div class="root reviews-root" part="container" lang=move || locale.get().tag() node_ref=root>
            {body}
        </div>
    }
}

/// One product's board: reload on a new filter, sort or language.
fn board(b: Board) -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    let retry = RwSignal::new(());
    Effect::new(move |_| {
        retry.track();
        b.filters.track();
        b.sort.track();
        b.locale.track();
        b.fetch(false, stage);
    });
    let l = b.locale;
    move || {
        match stage.get() {
        Stage::Loading => skeleton(l).into_any(),
        Stage::Failed(f) => problem_card(l, f, Msg::Reviews(Rev::LoadFailed), Callback::new(move |_| retry.set(()))).into_any(),
        Stage::Shown => view! {
            <section class="reviews" part="card">
                <h2>{tv(l, Rev::ReviewsHeading)}</h2>
                {summary::summary(b)}
                {move || b.head.with(|h| h.as_ref().is_some_and(|h| h.summary.count > 0)).then(|| summary::controls(b))}
                {card::list(b)}
                {summary::disclosure(b)}
                {viewer::viewer(b)}
            </section>
        }
        .into_any(),
    }
    }
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale = i18n::element_locale(p.attrs.get("locale"));
    view! {
        <ReviewsWidget api=p.api publishable_key=p.key product=p.attrs.get("product") locale=locale />
    }
    .into_any()
}
