//! Settings → Returns (owners): the store's return settings document — window, fees, what
//! shoppers may get and how parcels go back, the EU withdrawal button, final-sale tags, the
//! reasons shoppers choose from (per language, with comment and photo rules), the return
//! address and how long photos are kept — in one form, checked by the same
//! `ReturnSettings::validate` as `PUT /v1/admin/returns/settings`. A refused save shows every
//! problem beside its field, with what was typed kept.

mod model;

pub use model::{
    bps, label_path, method_code, percent, requirement_code, resolution_code, ReasonRow,
    ReturnsForm, METHODS, REQUIREMENTS, RESOLUTIONS,
};

use super::form::{field, field_id, issue, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{RetSet, Set, T};
use aftercare_shared::api::ReturnSettings;
use aftercare_shared::i18n::{t as shopper, Msg};
use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;
use maud::{html, Markup};

/// The Returns tab; `problems` (by the API's field paths) from the last refused save.
pub fn returns_settings(ctx: &Ctx, f: &ReturnsForm, problems: &[Problem]) -> Markup {
    let problems: Vec<Problem> = problems.iter().map(|(p, i)| (f.form_path(p), *i)).collect();
    let problems = problems.as_slice();
    let r = |m: RetSet<'_>| ctx.t(T::ReturnsSettings(m));
    let l = ctx.locale;
    let (window, buffer, retention) = (
        ReturnSettings::WINDOW_DAYS,
        ReturnSettings::BUFFER_DAYS,
        ReturnSettings::PHOTO_RETENTION_DAYS,
    );
    let body = html! {
        (tabs(ctx, SettingsTab::Returns))
        p { (r(RetSet::Intro)) }
        (summary(ctx, problems, |p| label_of(ctx, p)))
        form method="post" action=(SettingsTab::Returns.path()) class="stack wide" novalidate {
            (csrf(ctx))
            fieldset {
                legend { (r(RetSet::WindowHeading)) }
                (field(ctx, Input { path: "policy.window_days", name: "window", label: r(RetSet::WindowLabel), hint: Some(r(RetSet::WindowHint(*window.start(), *window.end()))), value: &f.window, kind: "number" }, problems))
                (field(ctx, Input { path: "policy.transit_buffer_days", name: "buffer", label: r(RetSet::BufferLabel), hint: Some(r(RetSet::BufferHint(*buffer.start(), *buffer.end()))), value: &f.buffer, kind: "number" }, problems))
            }
            fieldset {
                legend { (r(RetSet::FeesHeading)) }
                (field(ctx, Input { path: "policy.restocking_fee_bps", name: "restocking", label: r(RetSet::RestockingLabel), hint: Some(r(RetSet::RestockingHint)), value: &f.restocking, kind: "text" }, problems))
                (field(ctx, Input { path: "policy.return_shipping_fee_minor", name: "shipping_fee", label: r(RetSet::ShippingFeeLabel), hint: Some(r(RetSet::ShippingFeeHint)), value: &f.shipping_fee, kind: "number" }, problems))
                (field(ctx, Input { path: "policy.store_credit_bonus_bps", name: "bonus", label: r(RetSet::BonusLabel), hint: Some(r(RetSet::BonusHint)), value: &f.bonus, kind: "text" }, problems))
            }
            fieldset {
                legend { (r(RetSet::OffersHeading)) }
                (choices(ctx, "resolutions", r(RetSet::Resolutions), problems,
                    RESOLUTIONS.map(|x| ("resolution", resolution_code(x), shopper(l, Msg::ResolutionLabel(x, None)), f.resolutions.contains(&x)))))
                // Not `method`: a field of that name hides the form's own `method` from scripts.
                (choices(ctx, "policy.methods", r(RetSet::Methods), problems,
                    METHODS.map(|m| ("return_method", method_code(m), shopper(l, Msg::LabelMethod(m)), f.methods.contains(&m)))))
                div class="choice" {
                    input type="checkbox" id="withdrawal" name="withdrawal" value="on" checked[f.withdrawal];
                    label for="withdrawal" { (r(RetSet::Withdrawal)) }
                }
            }
            fieldset {
                legend { (r(RetSet::FinalSaleHeading)) }
                (text_area(ctx, "final_sale_tags", "final_sale_tags", r(RetSet::FinalSaleLabel), &r(RetSet::FinalSaleHint), &f.final_sale_tags, problems))
            }
            fieldset {
                legend { (r(RetSet::ReasonsHeading)) }
                p class="hint" { (r(RetSet::ReasonsHint(ReturnSettings::MAX_REASONS))) }
                p class="hint" { (r(RetSet::CodeHint)) " " (r(RetSet::LabelsHint)) }
                @if let Some(i) = problems.iter().find(|(p, _)| p == "reasons").map(|(_, i)| i) {
                    p class="field-error" id=(field_id("reasons")) tabindex="-1" { (ctx.t(T::Settings(Set::Issue(*i)))) }
                }
                @for (i, row) in f.reasons.iter().enumerate() {
                    (reason_row(ctx, i, row, problems))
                }
                (reason_row(ctx, f.reasons.len(), &ReasonRow::blank(), problems))
            }
            fieldset {
                legend { (r(RetSet::AddressHeading)) }
                (text_area(ctx, "return_address", "address", r(RetSet::AddressLabel), &r(RetSet::AddressHint(ReturnSettings::MAX_ADDRESS)), &f.address, problems))
                (field(ctx, Input { path: "photo_retention_days", name: "retention", label: r(RetSet::RetentionLabel), hint: Some(r(RetSet::RetentionHint(*retention.start(), *retention.end()))), value: &f.retention, kind: "number" }, problems))
            }
            button type="submit" class="primary" { (r(RetSet::Save)) }
        }
    };
    page(ctx, Area::Settings, &title(ctx, SettingsTab::Returns), body)
}

/// A group of checkboxes (`(name, value, label, checked)` each) whose problem is the group's.
fn choices<const N: usize>(
    ctx: &Ctx,
    path: &str,
    legend: String,
    problems: &[Problem],
    boxes: [(&str, &str, String, bool); N],
) -> Markup {
    let id = field_id(path);
    html! {
        fieldset id=(id) {
            legend { (legend) }
            @if let Some(i) = issue(problems, path) { p class="field-error" { (ctx.t(T::Settings(Set::Issue(*i)))) } }
            @for (name, value, label, checked) in boxes {
                @let box_id = format!("{id}-{value}");
                div class="choice" {
                    input type="checkbox" id=(box_id) name=(name) value=(value) checked[checked];
                    label for=(box_id) { (label) }
                }
            }
        }
    }
}

/// A labelled textarea with its hint and problem, like [`field`]'s inputs.
fn text_area(
    ctx: &Ctx,
    path: &str,
    name: &str,
    label: String,
    hint: &str,
    value: &str,
    problems: &[Problem],
) -> Markup {
    let id = field_id(path);
    let problem = issue(problems, path);
    let described = match problem {
        Some(_) => format!("{id}-hint {id}-error"),
        None => format!("{id}-hint"),
    };
    html! {
        label for=(id) { (label) }
        p class="hint" id={ (id) "-hint" } { (hint) }
        @if let Some(i) = problem { p class="field-error" id={ (id) "-error" } { (ctx.t(T::Settings(Set::Issue(*i)))) } }
        textarea id=(id) name=(name) rows="3" aria-describedby=(described)
            aria-invalid=[problem.map(|_| "true")] { (value) }
    }
}

fn reason_row(ctx: &Ctx, i: usize, row: &ReasonRow, problems: &[Problem]) -> Markup {
    let r = |m: RetSet<'_>| ctx.t(T::ReturnsSettings(m));
    let blank = row.is_blank();
    let code = format!("reasons[{i}].code");
    html! {
        fieldset class="reason" {
            legend { @if blank { (r(RetSet::ReasonAdd)) } @else { (r(RetSet::ReasonNumber(i + 1))) } }
            (field(ctx, Input { path: &code, name: &format!("reason.{i}.code"), label: r(RetSet::Code), hint: None, value: &row.code, kind: "text" }, problems))
            @for (k, locale) in Locale::ALL.into_iter().enumerate() {
                (field(ctx, Input {
                    path: &label_path(i, locale),
                    name: &format!("reason.{i}.label.{}", locale.tag()),
                    label: r(RetSet::LabelIn(&ctx.t(T::LanguageName(locale)))),
                    hint: None,
                    value: &row.labels[k],
                    kind: "text",
                }, problems))
            }
            (rule_select(ctx, &format!("reasons[{i}].comment"), &format!("reason.{i}.comment"), r(RetSet::CommentRule), row.comment))
            (rule_select(ctx, &format!("reasons[{i}].photos"), &format!("reason.{i}.photos"), r(RetSet::PhotoRule), row.photos))
            @if !blank {
                div class="choice" {
                    input type="checkbox" id={ "reason-remove-" (i) } name={ "reason." (i) ".remove" } value="on";
                    label for={ "reason-remove-" (i) } { (r(RetSet::RemoveReason)) }
                }
            }
        }
    }
}

fn rule_select(ctx: &Ctx, path: &str, name: &str, label: String, value: Requirement) -> Markup {
    let id = field_id(path);
    html! {
        label for=(id) { (label) }
        select id=(id) name=(name) {
            @for rule in REQUIREMENTS {
                option value=(requirement_code(rule)) selected[rule == value] {
                    (ctx.t(T::ReturnsSettings(RetSet::Rule(rule))))
                }
            }
        }
    }
}

/// What the reader calls the field at a form path (the error summary links to it).
fn label_of(ctx: &Ctx, path: &str) -> String {
    let r = |m: RetSet<'_>| ctx.t(T::ReturnsSettings(m));
    let simple = match path {
        "policy.window_days" => Some(RetSet::WindowLabel),
        "policy.transit_buffer_days" => Some(RetSet::BufferLabel),
        "policy.restocking_fee_bps" => Some(RetSet::RestockingLabel),
        "policy.return_shipping_fee_minor" => Some(RetSet::ShippingFeeLabel),
        "policy.store_credit_bonus_bps" => Some(RetSet::BonusLabel),
        "policy.methods" => Some(RetSet::Methods),
        "resolutions" => Some(RetSet::Resolutions),
        "reasons" => Some(RetSet::ReasonsHeading),
        "return_address" => Some(RetSet::AddressLabel),
        "photo_retention_days" => Some(RetSet::RetentionLabel),
        p if p.starts_with("final_sale_tags") => Some(RetSet::FinalSaleLabel),
        _ => None,
    };
    if let Some(m) = simple {
        return r(m);
    }
    let reason = path
        .strip_prefix("reasons[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(n, part)| {
            let n: usize = n.parse().ok()?;
            let part = match part.strip_prefix("labels.") {
                Some(tag) => r(RetSet::LabelIn(
                    &ctx.t(T::LanguageName(Locale::from_tag(tag)?)),
                )),
                None => r(RetSet::Code),
            };
            Some(format!("{} — {part}", r(RetSet::ReasonNumber(n + 1))))
        });
    reason.unwrap_or_else(|| path.to_owned())
}
