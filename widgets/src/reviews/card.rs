//! One published review: stars, headline, who and when, "Verified buyer" (the server's word
//! only), the incentive disclosure, the store's extra answers, photos that open the viewer,
//! the store's reply, and "Helpful".

use super::Board;
use crate::i18n::{self, rv, tv, Rev};
use crate::shell::stars;
use crate::shell::visit::voter_id;
use aftercare_shared::api::PublicReview;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The list and "Show more reviews".
pub fn list(b: Board) -> impl IntoView {
    let l = b.locale;
    let items = move || {
        let items = b.items.get();
        let any = b
            .head
            .with(|h| h.as_ref().is_some_and(|h| h.summary.count > 0));
        if items.is_empty() {
            return any.then(|| view! { <p class="muted">{tv(l, Rev::NoMatch)}</p> }.into_any());
        }
        Some(
            view! {
                <ul class="rv-list" aria-busy=move || b.busy.get().then_some("true")>
                    {items.into_iter().map(|r| review(b, r)).collect_view()}
                </ul>
            }
            .into_any(),
        )
    };
    view! {
        {items}
        {move || b.next.with(Option::is_some).then(|| view! {
            <button
                type="button"
                class="btn secondary more"
                part="button"
                aria-disabled=move || b.busy.get().then_some("true")
                on:click=move |_| {
                    if !b.busy.get_untracked() {
                        b.fetch_more();
                    }
                }
            >
                {tv(l, Rev::MoreReviews)}
            </button>
        })}
    }
}

impl Board {
    /// The next page, appended.
    fn fetch_more(self) {
        // The stage only changes on a first page; a failed next page keeps the list.
        self.fetch(true, RwSignal::new(super::Stage::Shown));
    }

    /// "Helpful": counted once per browser by the server; the button then thanks.
    fn vote(self, id: i64) {
        let Some(c) = self.client.try_get_value() else {
            return;
        };
        self.voted.update(|v| v.push(id));
        spawn_local(async move {
            match c.vote_helpful(id, &voter_id()).await {
                Ok(v) => {
                    self.items.try_update(|items| {
                        if let Some(r) = items.iter_mut().find(|r| r.id == v.review_id) {
                            r.helpful_count = v.helpful_count;
                        }
                    });
                    self.events.emit(
                        "aftercare:helpful-voted",
                        &[
                            ("review_id", JsValue::from_f64(v.review_id as f64)),
                            ("helpful_count", JsValue::from(v.helpful_count)),
                            ("counted", JsValue::from_bool(v.counted)),
                        ],
                    );
                }
                Err(e) => {
                    self.voted.try_update(|v| v.retain(|x| *x != id));
                    self.events.error(&e);
                }
            }
        });
    }
}

/// One review.
fn review(b: Board, r: PublicReview) -> impl IntoView {
    let l = b.locale;
    let id = r.id;
    let written = r.created_at;
    let count = move || {
        b.items
            .with(|i| i.iter().find(|x| x.id == id).map_or(0, |x| x.helpful_count))
    };
    let voted = move || b.voted.with(|v| v.contains(&id));
    let who = r.display_name.clone();
    let photos = r.photos.clone();
    let attrs = r.attributes;
    view! {
        <li class="rv" part="review">
            <div class="rv-top">
                {stars(l, r.rating.stars())}
                <p class="rv-title">{r.title.clone()}</p>
            </div>
            <p class="rv-by muted">
                <span>{r.display_name.clone()}</span>
                " · "
                <span>{move || i18n::date(l.get(), &written)}</span>
                {r.verified.then(|| view! { <span class="verified">"✓ "{tv(l, Rev::VerifiedBuyer)}</span> })}
            </p>
            {r.incentivized.then(|| view! { <p class="incentivized muted">{tv(l, Rev::Incentivized)}</p> })}
            <p class="rv-body">{r.body.clone()}</p>
            {(attrs.fit.is_some() || attrs.would_recommend.is_some()).then(|| view! {
                <p class="rv-attrs muted">
                    {attrs.fit.map(|f| view! { <span>{tv(l, Rev::FitIs(f))}</span> })}
                    {attrs.would_recommend.map(|w| view! { <span>{tv(l, Rev::Recommends(w))}</span> })}
                </p>
            })}
            {(!photos.is_empty()).then(|| {
                let n = photos.len();
                view! {
                    <ul class="rv-photos">
                        {photos.into_iter().enumerate().map(|(i, p)| {
                            let who = who.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="photo-btn"
                                        part="button"
                                        data-review=id
                                        data-photo=i
                                        aria-label=move || rv(l.get(), Rev::PhotoOf(i + 1, n, &who))
                                        on:click=move |_| b.viewing.set(Some((id, i)))
                                    >
                                        <img src=p.url alt="" loading="lazy" width="72" height="72" />
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
            {r.reply.map(|rep| view! {
                <div class="rv-reply">
                    <p class="rv-reply-h">{tv(l, Rev::StoreReply)}</p>
                    <p class="rv-body">{rep.body}</p>
                </div>
            })}
            <p class="helpful">
                <button
                    type="button"
                    class="link"
                    part="button"
                    aria-pressed=move || if voted() { "true" } else { "false" }
                    disabled=voted
                    on:click=move |_| b.vote(id)
                >
                    {move || rv(l.get(), Rev::Helpful(count()))}
                </button>
                <span class="muted" role="status">
                    {move || voted().then(|| rv(l.get(), Rev::HelpfulThanks))}
                </span>
            </p>
        </li>
    }
}
