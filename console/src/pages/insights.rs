//! Insights: feedback per product in one view (rating, units ordered and returned, top
//! return reasons, latest survey comments), the two charts that compare products, the
//! orders whose shoppers keep checking their tracking, and what the store's emails achieved.

use crate::ctx::Ctx;
use crate::format::{date_time, one_decimal, percent};
use crate::layout::page;
use crate::pages::orders::order_path;
use crate::role::Area;
use crate::text::{O, T};
use aftercare_shared::api::{AnxiousOrder, EmailEngagement, ProductInsight};
use aftercare_shared::i18n::{t as shopper, Msg};
use maud::{html, Markup};

/// Where the rating and return-rate chart is served.
pub const FEEDBACK_CHART: &str = "/console/insights/products.svg";
/// Where the returns-by-reason chart is served.
pub const REASONS_CHART: &str = "/console/insights/reasons.svg";

/// Everything the Insights page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    /// Products with any feedback, most in need of attention first.
    pub products: Vec<ProductInsight>,
    /// Return reason codes and the store's labels for them.
    pub reasons: Vec<(String, String)>,
    /// The feedback chart's size in pixels (its height grows with the products drawn).
    pub feedback_chart: (u32, u32),
    /// The returns-by-reason chart's size in pixels.
    pub reasons_chart: (u32, u32),
    /// Orders whose tracking page was opened often lately, most views first.
    pub anxious: Vec<AnxiousOrder>,
    /// The views that count as often.
    pub anxious_min_views: u32,
    /// The window those views are counted in, in hours.
    pub anxious_hours: u32,
    /// What the store's emails achieved over the last
    /// [`ENGAGEMENT_DAYS`](super::insights_emails::ENGAGEMENT_DAYS) days.
    pub emails: EmailEngagement,
}

impl Insights {
    /// The store's label of a return reason code (the code itself if the store dropped it).
    fn reason<'a>(&'a self, code: &'a str) -> &'a str {
        self.reasons
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code, |(_, label)| label.as_str())
    }
}

/// The Insights page.
pub fn insights(ctx: &Ctx, data: &Insights) -> Markup {
    let l = ctx.locale;
    let title = ctx.t(T::AreaName(Area::Insights));
    let say = |o: O<'_>| ctx.t(T::Orders(o));
    let body = html! {
        section aria-labelledby="products-h" {
            h2 id="products-h" { (say(O::ProductsHeading)) }
            p class="hint" { (say(O::ProductsHint)) }
            @if data.products.is_empty() {
                p class="empty" { (say(O::NoProducts)) }
            }
            ul class="products" aria-labelledby="products-h" {
                @for p in &data.products {
                    li class="card" {
                        h3 { (p.title) }
                        ul class="figures" {
                            li { @match p.average_rating {
                                Some(avg) => strong { (say(O::Rating(&one_decimal(l, avg), p.reviews))) },
                                None => span class="muted" { (say(O::NoReviews)) },
                            } }
                            li { strong { (say(O::ReturnRate(&percent(l, p.return_rate)))) } }
                            li { (say(O::Ordered(p.units_ordered))) }
                            li { (say(O::Returned(p.units_returned))) }
                        }
                        @if !p.top_return_reasons.is_empty() {
                            h4 { (say(O::ReasonsHeading)) }
                            ul class="reasons" {
                                @for r in &p.top_return_reasons {
                                    li { (say(O::ReasonUnits(data.reason(&r.reason), r.units))) }
                                }
                            }
                        }
                        @if !p.comments.is_empty() {
                            h4 { (say(O::CommentsHeading)) }
                            ul class="comments" {
                                @for c in &p.comments {
                                    li {
                                        p {
                                            strong { (ctx.t(T::SurveyName(c.kind))) " " (ctx.t(T::ScoreOf(c.kind, c.score))) }
                                            " · " a href=(order_path(&c.order_number)) { (ctx.t(T::OrderRef(&c.order_number))) }
                                            " · " span class="muted" { (date_time(l, &c.created_at)) }
                                        }
                                        blockquote { (c.comment) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        div class="charts wide" {
            figure {
                img src=(FEEDBACK_CHART) width=(data.feedback_chart.0) height=(data.feedback_chart.1)
                    alt=(say(O::FeedbackChartAlt));
                figcaption { (say(O::FeedbackChartCaption)) }
            }
            figure {
                img src=(REASONS_CHART) width=(data.reasons_chart.0) height=(data.reasons_chart.1)
                    alt=(say(O::ReasonsChartAlt));
                figcaption { (say(O::ReasonsChartCaption)) }
            }
        }
        section aria-labelledby="anxiety-h" {
            h2 id="anxiety-h" { (say(O::AnxietyHeading)) }
            p class="hint" { (say(O::AnxietyHint(data.anxious_min_views, data.anxious_hours))) }
            @if data.anxious.is_empty() {
                p class="empty" { (say(O::NoAnxious)) }
            } @else {
                ul class="items" aria-labelledby="anxiety-h" {
                    @for a in &data.anxious {
                        li {
                            a href=(order_path(a.order_number.as_str())) { (ctx.t(T::OrderRef(a.order_number.as_str()))) }
                            " · " (a.email)
                            " · " (ctx.t(T::Views(a.views)))
                            " · " (shopper(l, Msg::OrderStatus(a.status)))
                        }
                    }
                }
            }
        }
        (super::insights_emails::section(ctx, &data.emails))
    };
    page(ctx, Area::Insights, &title, body)
}
