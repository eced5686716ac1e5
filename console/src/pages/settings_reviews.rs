//! Settings — Reviews (owners): publishing, when and how often shoppers are asked (with use
//! periods per SKU or tag), the extra questions per product tag, and the optional reward —
//! one form for the review settings document, checked by the same
//! `ReviewSettingsInput::validate` as `PUT /v1/admin/reviews/settings`.

use super::form::{field, field_id, issue, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{ReviewSet as Rs, Set, T};
use aftercare_shared::api::{
    AttributeRule, Incentive, ReviewAttribute, ReviewSettings, MAX_ATTRIBUTE_RULES,
};
use aftercare_shared::i18n::{t as shopper, Msg, Rev};
use aftercare_shared::review::{ReviewTiming, UsePeriod, UseTarget};
use aftercare_shared::FieldIssue;
use maud::{html, Markup};

/// The extra questions, in the form's order.
pub const ATTRIBUTES: [ReviewAttribute; 2] =
    [ReviewAttribute::WouldRecommend, ReviewAttribute::Fit];

/// An attribute's form value.
pub fn attribute_code(a: ReviewAttribute) -> &'static str {
    match a {
        ReviewAttribute::Fit => "fit",
        ReviewAttribute::WouldRecommend => "would_recommend",
    }
}

/// One use period as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodRow {
    /// By tag (else by SKU).
    pub by_tag: bool,
    /// The SKU or tag.
    pub value: String,
    /// Days as typed.
    pub days: String,
}

/// One extra-question rule as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributeRow {
    /// The question (none chosen yet: refused unless the row is blank).
    pub attribute: Option<ReviewAttribute>,
    /// The product tags, comma-separated.
    pub tags: String,
}

/// The review settings as the form holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewsForm {
    /// Publish without moderation.
    pub auto_publish: bool,
    /// `timing.default_use_days` as typed.
    pub use_days: String,
    /// `timing.transit_buffer_days` as typed.
    pub transit: String,
    /// `timing.max_reminders` as typed.
    pub reminders: String,
    /// `timing.max_asks_per_30_days` as typed.
    pub asks: String,
    /// Use periods kept, in order.
    pub periods: Vec<PeriodRow>,
    /// Extra-question rules kept, in order.
    pub attributes: Vec<AttributeRow>,
    /// The reward's offer (empty with an empty prefix: no reward).
    pub offer: String,
    /// The reward codes' prefix.
    pub code_prefix: String,
}

/// The numbered rows of `prefix` (`attr.3.tags`): by number, each as its fields, without the
/// removed ones.
fn rows<'a>(pairs: &'a [(String, String)], prefix: &str) -> Vec<Vec<(&'a str, &'a str)>> {
    let mut rows: std::collections::BTreeMap<u32, Vec<(&str, &str)>> = Default::default();
    for (name, value) in pairs {
        let Some((n, field)) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('.'))
        else {
            continue;
        };
        if let Ok(n) = n.parse::<u32>() {
            rows.entry(n).or_default().push((field, value.as_str()));
        }
    }
    rows.into_values()
        .filter(|r| !r.iter().any(|(f, _)| *f == "remove"))
        .collect()
}

fn get<'a>(row: &[(&str, &'a str)], field: &str) -> &'a str {
    row.iter().find(|(f, _)| *f == field).map_or("", |(_, v)| v)
}

impl ReviewsForm {
    /// The form showing `s`.
    pub fn from_settings(s: &ReviewSettings) -> Self {
        let t = &s.timing;
        Self {
            auto_publish: s.auto_publish,
            use_days: t.default_use_days.to_string(),
            transit: t.transit_buffer_days.to_string(),
            reminders: t.max_reminders.to_string(),
            asks: t.max_asks_per_30_days.to_string(),
            periods: t
                .use_periods
                .iter()
                .map(|u| {
                    let (by_tag, value) = match &u.target {
                        UseTarget::Sku(v) => (false, v.clone()),
                        UseTarget::Tag(v) => (true, v.clone()),
                    };
                    PeriodRow {
                        by_tag,
                        value,
                        days: u.days.to_string(),
                    }
                })
                .collect(),
            attributes: s
                .attributes
                .iter()
                .map(|r| AttributeRow {
                    attribute: Some(r.attribute),
                    tags: r.tags.join(", "),
                })
                .collect(),
            offer: s
                .incentive
                .as_ref()
                .map(|i| i.offer.clone())
                .unwrap_or_default(),
            code_prefix: s
                .incentive
                .as_ref()
                .map(|i| i.code_prefix.clone())
                .unwrap_or_default(),
        }
    }

    /// The form as posted: rows in the order of their numbers, without the removed ones and
    /// the blank "add" rows.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let one = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Self {
            auto_publish: !one("auto_publish").is_empty(),
            use_days: one("use_days"),
            transit: one("transit"),
            reminders: one("reminders"),
            asks: one("asks"),
            periods: rows(pairs, "period.")
                .iter()
                .map(|r| PeriodRow {
                    by_tag: get(r, "target") == "tag",
                    value: get(r, "value").to_owned(),
                    days: get(r, "days").to_owned(),
                })
                .filter(|p| !p.value.trim().is_empty() || !p.days.trim().is_empty())
                .collect(),
            attributes: rows(pairs, "attr.")
                .iter()
                .map(|r| AttributeRow {
                    attribute: ATTRIBUTES
                        .into_iter()
                        .find(|a| attribute_code(*a) == get(r, "attribute")),
                    tags: get(r, "tags").to_owned(),
                })
                .filter(|a| a.attribute.is_some() || !a.tags.trim().is_empty())
                .collect(),
            offer: one("offer"),
            code_prefix: one("code_prefix"),
        }
    }

    /// The settings document, or the fields that are not numbers and rules without a
    /// question; the document's own rules are `ReviewSettingsInput::validate`'s.
    pub fn to_settings(&self) -> Result<ReviewSettings, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |path: String, raw: &str| {
            raw.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push((path, FieldIssue::InvalidFormat));
                0
            })
        };
        let timing = ReviewTiming {
            default_use_days: number("timing.default_use_days".into(), &self.use_days),
            transit_buffer_days: number("timing.transit_buffer_days".into(), &self.transit),
            max_reminders: number("timing.max_reminders".into(), &self.reminders),
            max_asks_per_30_days: number("timing.max_asks_per_30_days".into(), &self.asks),
            use_periods: self
                .periods
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let value = p.value.trim().to_owned();
                    UsePeriod {
                        target: if p.by_tag {
                            UseTarget::Tag(value)
                        } else {
                            UseTarget::Sku(value)
                        },
                        days: number(format!("timing.use_periods[{i}].days"), &p.days),
                    }
                })
                .collect(),
        };
        let mut attributes = Vec::new();
        for (i, row) in self.attributes.iter().enumerate() {
            let tags = row.tags.split(',').map(str::trim).filter(|t| !t.is_empty());
            match row.attribute {
                Some(attribute) => attributes.push(AttributeRule {
                    attribute,
                    tags: tags.map(str::to_owned).collect(),
                }),
                None => problems.push((format!("attributes[{i}].attribute"), FieldIssue::Required)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let (offer, code_prefix) = (
            self.offer.trim(),
            self.code_prefix.trim().to_ascii_uppercase(),
        );
        Ok(ReviewSettings {
            auto_publish: self.auto_publish,
            timing,
            attributes,
            incentive: (!offer.is_empty() || !code_prefix.is_empty()).then(|| Incentive {
                offer: offer.to_owned(),
                code_prefix,
            }),
        })
    }
}

/// The API's refusal as the form names it: a tag's problem on its rule's tags field.
pub fn form_problems(api: impl IntoIterator<Item = Problem>) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    for (path, i) in api {
        let path = match path.find("].tags[") {
            Some(at) => format!("{}].tags", &path[..at]),
            None => path,
        };
        if !out.iter().any(|(p, _)| *p == path) {
            out.push((path, i));
        }
    }
    out
}

/// The page: the form showing `f`, with `problems` from the last refused save.
pub fn reviews(ctx: &Ctx, f: &ReviewsForm, problems: &[Problem]) -> Markup {
    let s = |m: Rs| ctx.t(T::ReviewsSettings(m));
    let num = |path, name, label, hint, value| {
        field(
            ctx,
            Input {
                path,
                name,
                label: s(label),
                hint: Some(s(hint)),
                value,
                kind: "number",
            },
            problems,
        )
    };
    let list_error = |path: &str| problems.iter().find(|(p, _)| p == path).map(|(_, i)| *i);
    let body = html! {
        (tabs(ctx, SettingsTab::Reviews))
        p { (s(Rs::Intro)) }
        (summary(ctx, problems, |p| label_of(ctx, p)))
        form method="post" action="/console/settings/reviews" class="stack wide" novalidate {
            (csrf(ctx))
            fieldset {
                legend { (s(Rs::PublishHeading)) }
                div class="choice" {
                    input type="checkbox" id="auto-publish" name="auto_publish" value="on" checked[f.auto_publish] aria-describedby="auto-publish-hint";
                    label for="auto-publish" { (s(Rs::AutoPublish)) }
                }
                p class="hint" id="auto-publish-hint" { (s(Rs::AutoPublishHint)) }
            }
            fieldset {
                legend { (s(Rs::TimingHeading)) }
                (num("timing.default_use_days", "use_days", Rs::UseDays, Rs::UseDaysHint, &f.use_days))
                (num("timing.transit_buffer_days", "transit", Rs::Transit, Rs::TransitHint, &f.transit))
                (num("timing.max_reminders", "reminders", Rs::Reminders, Rs::RemindersHint, &f.reminders))
                (num("timing.max_asks_per_30_days", "asks", Rs::Asks, Rs::AsksHint, &f.asks))
            }
            fieldset id=(field_id("timing.use_periods")) {
                legend { (s(Rs::PeriodsHeading)) }
                p class="hint" { (s(Rs::PeriodsHint)) }
                @if let Some(i) = list_error("timing.use_periods") { p class="field-error" { (ctx.t(T::Settings(Set::Issue(i)))) } }
                @for (i, row) in f.periods.iter().enumerate() { (period_row(ctx, i, row, false, problems)) }
                (period_row(ctx, f.periods.len(), &PeriodRow::default(), true, problems))
            }
            fieldset id=(field_id("attributes")) {
                legend { (s(Rs::AttributesHeading)) }
                p class="hint" { (s(Rs::AttributesHint(MAX_ATTRIBUTE_RULES))) }
                @if let Some(i) = list_error("attributes") { p class="field-error" { (ctx.t(T::Settings(Set::Issue(i)))) } }
                @for (i, row) in f.attributes.iter().enumerate() { (attribute_row(ctx, i, row, false, problems)) }
                (attribute_row(ctx, f.attributes.len(), &AttributeRow::default(), true, problems))
            }
            fieldset {
                legend { (s(Rs::RewardHeading)) }
                p class="hint" { strong { (s(Rs::RewardLaw)) } }
                (field(ctx, Input { path: "incentive.offer", name: "offer", label: s(Rs::Offer), hint: Some(s(Rs::OfferHint)), value: &f.offer, kind: "text" }, problems))
                (field(ctx, Input { path: "incentive.code_prefix", name: "code_prefix", label: s(Rs::CodePrefix), hint: Some(s(Rs::CodePrefixHint)), value: &f.code_prefix, kind: "text" }, problems))
            }
            button type="submit" class="primary" { (s(Rs::Save)) }
        }
    };
    page(ctx, Area::Settings, &title(ctx, SettingsTab::Reviews), body)
}

/// A labelled text input of a numbered row, its problem beside it.
fn row_input(
    ctx: &Ctx,
    path: &str,
    name: &str,
    label: String,
    value: &str,
    problems: &[Problem],
) -> Markup {
    let id = field_id(path);
    let problem = issue(problems, path);
    html! {
        label for=(id) { (label) }
        @if let Some(e) = problem { p class="field-error" id={ (id) "-error" } { (ctx.t(T::Settings(Set::Issue(*e)))) } }
        input id=(id) name=(name) value=(value)
            aria-describedby=[problem.map(|_| format!("{id}-error"))]
            aria-invalid=[problem.map(|_| "true")];
    }
}

fn remove_box(ctx: &Ctx, name: &str, label: Rs) -> Markup {
    let id = name.replace('.', "-");
    html! {
        div class="choice" {
            input type="checkbox" id=(id) name=(name) value="on";
            label for=(id) { (ctx.t(T::ReviewsSettings(label))) }
        }
    }
}

fn period_row(ctx: &Ctx, i: usize, row: &PeriodRow, add: bool, problems: &[Problem]) -> Markup {
    let s = |m: Rs| ctx.t(T::ReviewsSettings(m));
    let kind_id = format!("period-{i}-target");
    html! {
        fieldset class="faq" {
            legend { @if add { (s(Rs::PeriodAdd)) } @else { (s(Rs::PeriodNumber(i + 1))) } }
            label for=(kind_id) { (s(Rs::AppliesTo)) }
            select id=(kind_id) name={ "period." (i) ".target" } {
                option value="sku" selected[!row.by_tag] { (s(Rs::BySku)) }
                option value="tag" selected[row.by_tag] { (s(Rs::ByTag)) }
            }
            (row_input(ctx, &format!("timing.use_periods[{i}].target.value"), &format!("period.{i}.value"), s(Rs::SkuOrTag), &row.value, problems))
            (row_input(ctx, &format!("timing.use_periods[{i}].days"), &format!("period.{i}.days"), s(Rs::PeriodDays), &row.days, problems))
            @if !add { (remove_box(ctx, &format!("period.{i}.remove"), Rs::PeriodRemove)) }
        }
    }
}

fn attribute_row(
    ctx: &Ctx,
    i: usize,
    row: &AttributeRow,
    add: bool,
    problems: &[Problem],
) -> Markup {
    let s = |m: Rs| ctx.t(T::ReviewsSettings(m));
    let path = format!("attributes[{i}].attribute");
    let id = field_id(&path);
    let problem = issue(problems, &path);
    html! {
        fieldset class="faq" {
            legend { @if add { (s(Rs::AttributeAdd)) } @else { (s(Rs::AttributeNumber(i + 1))) } }
            label for=(id) { (s(Rs::Question)) }
            @if let Some(e) = problem { p class="field-error" id={ (id) "-error" } { (ctx.t(T::Settings(Set::Issue(*e)))) } }
            select id=(id) name={ "attr." (i) ".attribute" }
                aria-describedby=[problem.map(|_| format!("{id}-error"))] aria-invalid=[problem.map(|_| "true")] {
                @if add || row.attribute.is_none() { option value="" { (s(Rs::NoQuestion)) } }
                @for a in ATTRIBUTES {
                    option value=(attribute_code(a)) selected[row.attribute == Some(a)] { (question(ctx, a)) }
                }
            }
            (row_input(ctx, &format!("attributes[{i}].tags"), &format!("attr.{i}.tags"), s(Rs::Tags), &row.tags, problems))
            @if !add { (remove_box(ctx, &format!("attr.{i}.remove"), Rs::AttributeRemove)) }
        }
    }
}

/// An extra question as the shopper reads it in the review form.
fn question(ctx: &Ctx, a: ReviewAttribute) -> String {
    let legend = match a {
        ReviewAttribute::Fit => Rev::FitLegend,
        ReviewAttribute::WouldRecommend => Rev::RecommendLegend,
    };
    shopper(ctx.locale, Msg::Reviews(legend))
}

/// What the reader calls the field at an API path (the error summary links to it).
fn label_of(ctx: &Ctx, path: &str) -> String {
    let s = |m: Rs| ctx.t(T::ReviewsSettings(m));
    let simple = match path {
        "auto_publish" => Some(Rs::AutoPublish),
        "timing.default_use_days" => Some(Rs::UseDays),
        "timing.transit_buffer_days" => Some(Rs::Transit),
        "timing.max_reminders" => Some(Rs::Reminders),
        "timing.max_asks_per_30_days" => Some(Rs::Asks),
        "timing.use_periods" => Some(Rs::PeriodsHeading),
        "attributes" => Some(Rs::AttributesHeading),
        "incentive.offer" => Some(Rs::Offer),
        "incentive.code_prefix" => Some(Rs::CodePrefix),
        _ => None,
    };
    if let Some(m) = simple {
        return s(m);
    }
    let row = |prefix: &str| {
        let (n, field) = path.strip_prefix(prefix)?.split_once("].")?;
        Some((n.parse::<usize>().ok()? + 1, field))
    };
    if let Some((n, field)) = row("timing.use_periods[") {
        let part = if field == "days" {
            Rs::PeriodDays
        } else {
            Rs::SkuOrTag
        };
        return format!("{} — {}", s(Rs::PeriodNumber(n)), s(part));
    }
    if let Some((n, field)) = row("attributes[") {
        let part = if field == "attribute" {
            Rs::Question
        } else {
            Rs::Tags
        };
        return format!("{} — {}", s(Rs::AttributeNumber(n)), s(part));
    }
    path.to_owned()
}

#[cfg(test)]
#[path = "settings_reviews_tests.rs"]
mod tests;
