//! A rating drawn as five stars, shared by the review prompt and a product's reviews. Filled
//! (★) and outlined (☆) shapes carry the rating, never colour alone, and screen readers hear
//! it as words ("4 out of 5 stars").

use crate::i18n::{rv, Rev};
use aftercare_shared::Locale;
use leptos::prelude::*;

/// `n` of five stars (0–5; an average is rounded to whole stars, its number shown beside).
pub fn stars(locale: Signal<Locale>, n: u8) -> impl IntoView {
    let n = n.min(5);
    let drawn: String = (1..=5).map(|i| if i <= n { '★' } else { '☆' }).collect();
    view! {
        <span class="stars" part="stars" role="img" aria-label=move || rv(locale.get(), Rev::StarsOutOf(n))>
            {drawn}
        </span>
    }
}
