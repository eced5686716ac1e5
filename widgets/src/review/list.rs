//! The prompt's screens: the items waiting for a review (each with "Write a review" and "Not
//! arrived yet?"), the customer's own reviews with where each stands, and one form.

use super::{Notice, Open, Prompt, Subject};
use crate::i18n::{self, rv, tv, Rev};
use crate::review::ReviewForm;
use crate::shell::{focus_heading, stars};
use aftercare_shared::api::{PendingReview, Review};
use aftercare_shared::review::ReviewStatus;
use leptos::prelude::*;

/// The open form (a new review or an edit).
pub(super) fn form(p: Prompt, open: Open) -> impl IntoView {
    let (subject, existing) = match open {
        Open::New(s) => (s, None),
        Open::Edit(r) => (
            Subject {
                sku: r.sku.clone(),
                title: r.product_title.clone().unwrap_or_else(|| r.title.clone()),
                image_url: None,
                attributes: Vec::new(),
                incentive: None,
            },
            Some(r),
        ),
    };
    let client = p.client.get_value();
    let upload_to = p.upload_to.get_value();
    request_animation_frame(move || focus_heading(p.root));
    let cancel = move |_| {
        p.open.set(None);
        focus_heading(p.root);
    };
    let product = subject.title.clone();
    let done = move |r: Review| p.done(r, product.clone());
    match existing {
        Some(r) => view! {
            <ReviewForm client=client upload_to=upload_to subject=subject existing=r
                locale=p.locale events=p.events on_done=done on_cancel=cancel />
        }
        .into_any(),
        None => view! {
            <ReviewForm client=client upload_to=upload_to subject=subject
                locale=p.locale events=p.events on_done=done on_cancel=cancel />
        }
        .into_any(),
    }
}

/// The list: the last outcome, the items waiting, and (in the account) one's own reviews.
pub(super) fn overview(p: Prompt) -> impl IntoView {
    let l = p.locale;
    let notice = move || {
        p.notice.get().map(|n| {
            let lines = move || {
                let loc = l.get();
                match &n {
                    Notice::Thanks(status, code) => {
                        let mut v = vec![rv(loc, Rev::Thanks)];
                        v.push(rv(
                            loc,
                            if *status == ReviewStatus::Published {
                                Rev::ThanksPublished
                            } else {
                                Rev::ThanksPending
                            },
                        ));
                        if let Some(c) = code {
                            v.push(rv(loc, Rev::RewardCode(c)));
                        }
                        v
                    }
                    Notice::Postponed(d) => vec![rv(loc, Rev::Postponed(d))],
                }
            };
            view! {
                <div class="rv-notice" role="status">
                    {move || lines().into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                </div>
            }
        })
    };
    let items = move || {
        let items = p.pending.get();
        if items.is_empty() {
            return view! { <p class="muted">{tv(l, Rev::NothingToReview)}</p> }.into_any();
        }
        view! {
            <ul class="rv-items">
                {items.into_iter().map(|i| item(p, i)).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2 tabindex="-1">{tv(l, Rev::PromptHeading)}</h2>
        <p class="muted">{tv(l, Rev::PromptIntro)}</p>
        {notice}
        {items}
        {move || p.listing.get().then(|| mine(p))}
    }
}

/// One item waiting for a review.
fn item(p: Prompt, i: PendingReview) -> impl IntoView {
    let l = p.locale;
    let subject = Subject::from(&i);
    let sku = i.sku.clone();
    let order = i.order_number.clone();
    let img = i
        .image_url
        .clone()
        .map(|src| view! { <img class="rv-thumb" src=src alt="" /> });
    view! {
        <li class="rv-item">
            {img}
            <div class="rv-what">
                <p class="rv-name">{i.title.clone()}</p>
                <p class="muted">
                    {i.variant.clone().map(|v| format!("{v} · "))}
                    {move || rv(l.get(), Rev::FromOrder(&order))}
                </p>
            </div>
            <div class="rv-acts">
                <button type="button" class="btn" part="button" on:click=move |_| {
                    p.notice.set(None);
                    p.open.set(Some(Open::New(subject.clone())));
                }>
                    {tv(l, Rev::WriteReview)}
                </button>
                <button type="button" class="link" part="button" on:click=move |_| p.postpone(sku.clone())>
                    {tv(l, Rev::NotArrived)}
                </button>
            </div>
        </li>
    }
}

/// The customer's own reviews, newest first, with their state and the store's reply.
fn mine(p: Prompt) -> impl IntoView {
    let l = p.locale;
    move || {
        let reviews = p.mine.get();
        (!reviews.is_empty()).then(|| {
            view! {
                <h3 class="rv-mine-h">{tv(l, Rev::YourReviews)}</h3>
                <ul class="rv-mine">
                    {reviews.into_iter().map(|r| own(p, r)).collect_view()}
                </ul>
            }
        })
    }
}

/// One of the customer's reviews.
fn own(p: Prompt, r: Review) -> impl IntoView {
    let l = p.locale;
    let status = r.status;
    let reason = r.reject_reason;
    let reply = r.reply.clone();
    let code = r.reward_code.clone();
    let edit = r.clone();
    let written = r.created_at;
    let product = r.product_title.clone();
    view! {
        <li class="rv-own" data-status=status.as_str()>
            {product.map(|p| view! { <p class="rv-product">{p}</p> })}
            <div class="rv-own-top">
                {stars(l, r.rating.stars())}
                <span class="badge">{tv(l, Rev::Status(status))}</span>
            </div>
            <p class="rv-name">{r.title.clone()}</p>
            <p class="muted">{move || i18n::date(l.get(), &written)}</p>
            <p class="rv-body">{r.body.clone()}</p>
            {reason.map(|why| view! { <p class="attention">{tv(l, Rev::Rejected(why))}</p> })}
            {code.map(|c| view! { <p>{move || rv(l.get(), Rev::RewardCode(&c))}</p> })}
            {reply.map(|rep| view! {
                <div class="rv-reply">
                    <p class="rv-reply-h">{tv(l, Rev::StoreReply)}</p>
                    <p>{rep.body}</p>
                </div>
            })}
            <button type="button" class="btn secondary" part="button" on:click=move |_| {
                p.notice.set(None);
                p.open.set(Some(Open::Edit(edit.clone())));
            }>
                {tv(l, Rev::EditReview)}
            </button>
        </li>
    }
}
