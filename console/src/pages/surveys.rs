//! NPS and CSAT: the score, its split, the trend and distribution charts, the comments by
//! category with "mark followed up", and the CSV of every response.

use crate::ctx::Ctx;
use crate::format::date_time;
use crate::html::{csrf, pager};
use crate::layout::page;
use crate::role::Area;
use crate::text::T;
use aftercare_shared::api::{ReportComment, SurveyReport};
use aftercare_shared::survey::{Category, SurveyKind};
use maud::{html, Markup};

/// Which comments the reader asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CommentFilter {
    /// Every comment.
    #[default]
    All,
    /// Only those waiting for the store to get in touch.
    AwaitingFollowUp,
    /// Only one category.
    Category(Category),
}

impl CommentFilter {
    /// Every filter, in menu order.
    pub const ALL: [CommentFilter; 5] = [
        CommentFilter::All,
        CommentFilter::AwaitingFollowUp,
        CommentFilter::Category(Category::Detractor),
        CommentFilter::Category(Category::Passive),
        CommentFilter::Category(Category::Promoter),
    ];

    /// The `show` query value.
    pub fn code(self) -> &'static str {
        match self {
            CommentFilter::All => "all",
            CommentFilter::AwaitingFollowUp => "follow-up",
            CommentFilter::Category(c) => c.as_str(),
        }
    }

    /// The filter a `show` value names (unknown: all).
    pub fn parse(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .unwrap_or_default()
    }

    /// Whether `c` passes.
    pub fn keeps(self, c: &ReportComment) -> bool {
        match self {
            CommentFilter::All => true,
            CommentFilter::AwaitingFollowUp => c.awaiting_follow_up,
            CommentFilter::Category(cat) => c.category == cat,
        }
    }
}

/// The report page of one survey; `comments` is the current page of the filtered comments.
pub fn surveys(
    ctx: &Ctx,
    report: &SurveyReport,
    filter: CommentFilter,
    comments: &[ReportComment],
    first: Option<&str>,
    next: Option<&str>,
) -> Markup {
    let l = ctx.locale;
    let kind = report.kind;
    let title = ctx.t(T::AreaName(Area::Surveys));
    let base = format!("/console/surveys/{}", kind.as_str());
    let body = html! {
        nav class="tabs" aria-label=(ctx.t(T::SurveyKinds)) {
            @for k in [SurveyKind::Nps, SurveyKind::Csat] {
                a href={ "/console/surveys/" (k.as_str()) } aria-current=[(k == kind).then_some("page")] {
                    (ctx.t(T::SurveyName(k)))
                }
            }
        }
        h2 { (ctx.t(T::SurveyName(kind))) }
        dl class="facts score" {
            dt { (ctx.t(T::ScoreHeading(kind))) }
            dd class="big" { @match report.score { Some(s) => (s), None => "—" } }
            dt { (ctx.t(T::ResponsesLabel)) } dd { (report.responses) }
            dt { (ctx.t(T::CategoryName(kind, Category::Promoter))) } dd { (report.promoters) }
            dt { (ctx.t(T::CategoryName(kind, Category::Passive))) } dd { (report.passives) }
            dt { (ctx.t(T::CategoryName(kind, Category::Detractor))) } dd { (report.detractors) }
        }
        div class="charts" {
            figure {
                img src={ (base) "/trend.svg" } width="720" height="320" alt=(ctx.t(T::TrendAlt(kind)));
                figcaption { (ctx.t(T::TrendCaption)) }
            }
            figure {
                img src={ (base) "/distribution.svg" } width="720" height="320" alt=(ctx.t(T::DistributionAlt(kind)));
                figcaption { (ctx.t(T::DistributionCaption)) }
            }
        }
        p { a href={ (base) "/responses.csv" } download { (ctx.t(T::DownloadCsv)) } }
        h2 id="comments-h" { (ctx.t(T::CommentsHeading)) }
        form method="get" action=(base) class="filters" {
            label for="show" { (ctx.t(T::ShowLabel)) }
            select id="show" name="show" {
                @for f in CommentFilter::ALL {
                    option value=(f.code()) selected[f == filter] { (ctx.t(T::CommentFilterName(kind, f))) }
                }
            }
            button type="submit" { (ctx.t(T::Filter)) }
        }
        @if comments.is_empty() { p class="empty" { (ctx.t(T::NoComments)) } }
        ul class="comments" aria-labelledby="comments-h" {
            @for c in comments {
                li id={ "response-" (c.response_id) } class="card" {
                    p {
                        span class={ "badge " (c.category.as_str()) } { (ctx.t(T::CategoryName(kind, c.category))) }
                        " " strong { (ctx.t(T::ScoreOf(kind, c.score))) }
                        " · " span class="muted" { (date_time(l, &c.created_at)) }
                        @if let Some(n) = &c.order_number { " · " (ctx.t(T::OrderRef(n.as_str()))) }
                        @if let Some(e) = &c.email { " · " (e) }
                    }
                    blockquote { (c.comment) }
                    @if c.awaiting_follow_up {
                        form method="post" action={ "/console/surveys/responses/" (c.response_id) "/followed-up" } class="inline" {
                            (csrf(ctx))
                            input type="hidden" name="kind" value=(kind.as_str());
                            span class="badge waiting" { (ctx.t(T::WantsContact)) } " "
                            button type="submit" { (ctx.t(T::MarkFollowedUp)) }
                        }
                    }
                }
            }
        }
        (pager(ctx, first, next))
    };
    page(ctx, Area::Surveys, &title, body)
}
