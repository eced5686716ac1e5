//! The top of a product's reviews: average, count and the star histogram (each bar a button
//! that filters to its stars), the filters and sort, and "How reviews work" at the end.

use super::Board;
use crate::dom::uid;
use crate::i18n::{rv, tv, Rev};
use crate::shell::stars;
use aftercare_shared::api::{ReviewFilters, ReviewSort};
use aftercare_shared::review::Rating;
use aftercare_shared::Locale;
use leptos::prelude::*;

/// An average as the language writes it ("4.3", "4,3").
fn decimal(l: Locale, avg: f64) -> String {
    let s = format!("{avg:.1}");
    match l {
        Locale::En => s,
        Locale::Es | Locale::PtBr => s.replace('.', ","),
    }
}

/// Average, count and histogram; "No reviews yet" without any (never a fake rating).
pub fn summary(b: Board) -> impl IntoView {
    let l = b.locale;
    move || {
        let Some(s) = b.head.with(|h| h.as_ref().map(|h| h.summary.clone())) else {
            return ().into_any();
        };
        let Some(avg) = s.average.filter(|_| s.count > 0) else {
            return view! { <p class="muted">{tv(l, Rev::NoReviewsYet)}</p> }.into_any();
        };
        let total = s.count.max(1);
        let bars = (1..=5u8)
            .rev()
            .map(|n| {
                let count = s.histogram.get(usize::from(n - 1)).copied().unwrap_or(0);
                let pct = count * 100 / total;
                let chosen = move || b.filters.with(|f| f.stars.map(Rating::stars) == Some(n));
                view! {
                    <li>
                        <button
                            type="button"
                            class="bar-btn"
                            part="button"
                            aria-pressed=move || if chosen() { "true" } else { "false" }
                            aria-label=move || rv(l.get(), Rev::Bar(n, count))
                            disabled=count == 0
                            on:click=move |_| {
                                b.filters.update(|f| {
                                    f.stars = if f.stars.map(Rating::stars) == Some(n) {
                                        None
                                    } else {
                                        Rating::new(i64::from(n)).ok()
                                    };
                                });
                            }
                        >
                            <span class="bar-n" aria-hidden="true">{n}" ★"</span>
                            <span class="bar-track" aria-hidden="true">
                                <span class="bar-fill" style:width=format!("{pct}%")></span>
                            </span>
                            <span class="bar-c" aria-hidden="true">{count}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        // Whole stars, halves rounded down: a 4.5 shows four stars beside "4.5 out of 5", never
        // more stars than the average earned.
        let rounded = (avg - 0.5).ceil().clamp(0.0, 5.0) as u8;
        view! {
            <div class="summary">
                <div class="avg">
                    <p class="avg-n">{move || rv(l.get(), Rev::AverageOutOf(&decimal(l.get(), avg)))}</p>
                    {stars(l, rounded)}
                    <p class="muted">{move || rv(l.get(), Rev::ReviewCount(s.count))}</p>
                </div>
                <ul class="hist">{bars}</ul>
            </div>
        }
        .into_any()
    }
}

/// The filters and the sort.
pub fn controls(b: Board) -> impl IntoView {
    let l = b.locale;
    let sort_id = uid("rv-sort");
    let check = move |label: Rev<'static>,
                      get: fn(&ReviewFilters) -> bool,
                      set: fn(&mut ReviewFilters, bool)| {
        view! {
            <label class="chip">
                <input
                    type="checkbox"
                    prop:checked=move || b.filters.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        b.filters.update(|f| set(f, on));
                    }
                />
                <span>{tv(l, label)}</span>
            </label>
        }
    };
    let showing = move || {
        b.filters.with(|f| f.stars).map(|r| {
            view! {
                <p class="showing" role="status">
                    {move || rv(l.get(), Rev::ShowingStars(r.stars()))}
                    " "
                    <button type="button" class="link" part="button" on:click=move |_| b.filters.set(ReviewFilters::default())>
                        {tv(l, Rev::ClearFilters)}
                    </button>
                </p>
            }
        })
    };
    view! {
        <div class="controls">
            <fieldset class="filters">
                <legend class="vh">{tv(l, Rev::FilterLegend)}</legend>
                <div class="chips">
                    {check(Rev::WithPhotos, |f| f.with_photos, |f, on| f.with_photos = on)}
                    {check(Rev::VerifiedOnly, |f| f.verified, |f, on| f.verified = on)}
                </div>
            </fieldset>
            <div class="sort">
                <label for=sort_id.clone()>{tv(l, Rev::SortLabel)}</label>
                <select
                    id=sort_id
                    on:change=move |ev| {
                        if let Some(s) = ReviewSort::from_wire(&event_target_value(&ev)) {
                            b.sort.set(s);
                        }
                    }
                >
                    {ReviewSort::ALL
                        .into_iter()
                        .map(|s| view! {
                            <option value=s.as_str() selected=move || b.sort.get() == s>
                                {tv(l, Rev::Sort(s))}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
        {showing}
    }
}

/// "How reviews work", as the server wrote it for this store and language.
pub fn disclosure(b: Board) -> impl IntoView {
    move || {
        b.head
            .with(|h| h.as_ref().map(|h| h.disclosure.clone()))
            .filter(|d| !d.title.is_empty())
            .map(|d| {
                view! {
                    <details class="disclosure" part="disclosure">
                        <summary>{d.title}</summary>
                        {d.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </details>
                }
            })
    }
}
