//! Settings (owners): tracking thresholds, support contacts, the changes shoppers may ask for
//! before shipping, and the shipping FAQ per language — one form for the store's settings
//! document, checked by the same `StoreSettings::validate` as the admin API. A refused save
//! shows every problem next to its field, with what was typed kept.

use super::form::{field, field_id, issue, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{Set, T};
use aftercare_shared::api::{LocalizedFaq, StoreSettings, SupportContacts};
use aftercare_shared::changes::{CancelReason, ChangePolicy};
use aftercare_shared::i18n::{t as shopper, Acc, Msg};
use aftercare_shared::tracking::TrackingPolicy;
use aftercare_shared::{FieldIssue, Locale};
use maud::{html, Markup};

/// One FAQ entry as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqRow {
    /// Its language.
    pub locale: Locale,
    /// The question as typed.
    pub question: String,
    /// The answer as typed.
    pub answer: String,
}

/// The settings as the form holds them: numbers as typed, so a refused save shows them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsForm {
    /// `tracking_policy.stall_after_hours` as typed.
    pub stall: String,
    /// `tracking_policy.expire_after_days` as typed.
    pub expire: String,
    /// Support email.
    pub email: String,
    /// Support phone.
    pub phone: String,
    /// Chat or help-centre URL.
    pub chat: String,
    /// `changes.cancel_window_hours` as typed.
    pub cancel_window: String,
    /// Cancellation reasons ticked, in the shared order.
    pub reasons: Vec<CancelReason>,
    /// Address changes allowed.
    pub address_changes: bool,
    /// FAQ entries kept, in order.
    pub faq: Vec<FaqRow>,
}

/// A reason's form value.
pub fn reason_code(r: CancelReason) -> &'static str {
    match r {
        CancelReason::ChangedMind => "changed_mind",
        CancelReason::OrderedByMistake => "ordered_by_mistake",
        CancelReason::FoundBetterPrice => "found_better_price",
        CancelReason::DeliveryTooSlow => "delivery_too_slow",
        CancelReason::NeedToChangeOrder => "need_to_change_order",
        CancelReason::Other => "other",
    }
}

impl SettingsForm {
    /// The form showing `s`.
    pub fn from_settings(s: &StoreSettings) -> Self {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            stall: s.tracking_policy.stall_after_hours.to_string(),
            expire: s.tracking_policy.expire_after_days.to_string(),
            email: opt(&s.support.email),
            phone: opt(&s.support.phone),
            chat: opt(&s.support.chat_url),
            cancel_window: s.changes.cancel_window_hours.to_string(),
            reasons: s.changes.cancel_reasons.clone(),
            address_changes: s.changes.address_changes,
            faq: s
                .faq
                .iter()
                .map(|f| FaqRow {
                    locale: f.locale,
                    question: f.question.clone(),
                    answer: f.answer.clone(),
                })
                .collect(),
        }
    }

    /// The form as posted: FAQ rows in the order of their numbers, without the removed ones
    /// and without the blank "add" rows.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let ticked: Vec<&str> = pairs
            .iter()
            .filter(|(n, _)| n == "reason")
            .map(|(_, v)| v.as_str())
            .collect();
        let mut rows: std::collections::BTreeMap<u32, (Option<Locale>, String, String, bool)> =
            Default::default();
        for (name, value) in pairs {
            let Some(rest) = name.strip_prefix("faq.") else {
                continue;
            };
            let Some((n, field)) = rest.split_once('.') else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else { continue };
            let row = rows.entry(n).or_default();
            match field {
                "locale" => row.0 = Locale::from_tag(value),
                "question" => row.1 = value.clone(),
                "answer" => row.2 = value.clone(),
                "remove" => row.3 = true,
                _ => {}
            }
        }
        Self {
            stall: get("stall"),
            expire: get("expire"),
            email: get("email"),
            phone: get("phone"),
            chat: get("chat"),
            cancel_window: get("cancel_window"),
            reasons: CancelReason::ALL
                .into_iter()
                .filter(|r| ticked.contains(&reason_code(*r)))
                .collect(),
            address_changes: !get("address_changes").is_empty(),
            faq: rows
                .into_values()
                .filter(|(_, q, a, removed)| {
                    !removed && (!q.trim().is_empty() || !a.trim().is_empty())
                })
                .filter_map(|(l, q, a, _)| {
                    Some(FaqRow {
                        locale: l?,
                        question: q,
                        answer: a,
                    })
                })
                .collect(),
        }
    }

    /// The settings document, or the fields that are not numbers; the document's own rules
    /// are checked by `StoreSettings::validate` (on the server, before saving).
    pub fn to_settings(&self) -> Result<StoreSettings, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |path: &str, raw: &str| {
            raw.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push((path.to_owned(), FieldIssue::InvalidFormat));
                0
            })
        };
        let stall_after_hours = number("tracking_policy.stall_after_hours", &self.stall);
        let expire_after_days = number("tracking_policy.expire_after_days", &self.expire);
        let cancel_window_hours = number("changes.cancel_window_hours", &self.cancel_window);
        if !problems.is_empty() {
            return Err(problems);
        }
        let opt = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Ok(StoreSettings {
            tracking_policy: TrackingPolicy {
                stall_after_hours,
                expire_after_days,
            },
            faq: self
                .faq
                .iter()
                .map(|f| LocalizedFaq {
                    locale: f.locale,
                    question: f.question.trim().to_owned(),
                    answer: f.answer.trim().to_owned(),
                })
                .collect(),
            support: SupportContacts {
                email: opt(&self.email),
                phone: opt(&self.phone),
                chat_url: opt(&self.chat),
            },
            changes: ChangePolicy {
                cancel_window_hours,
                cancel_reasons: self.reasons.clone(),
                address_changes: self.address_changes,
            },
        })
    }
}

/// The allowed origins as the form holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    /// One origin per line, as typed.
    pub text: String,
    /// Refused lines: 1-based line number and why.
    pub problems: Vec<(usize, FieldIssue)>,
    /// More lines than a store may have (`api::MAX_ORIGINS`).
    pub too_many: bool,
}

/// The Settings page; `problems` from the last refused save of the settings, `origins` with
/// its own.
pub fn settings(ctx: &Ctx, f: &SettingsForm, problems: &[Problem], origins: &Origins) -> Markup {
    let title = title(ctx, SettingsTab::Store);
    let s = |m: Set<'_>| ctx.t(T::Settings(m));
    let l = ctx.locale;
    let body = html! {
        (tabs(ctx, SettingsTab::Store))
        p { (s(Set::Intro)) }
        (summary(ctx, problems, |p| label_of(ctx, p)))
        form method="post" action="/console/settings" class="stack wide" novalidate {
            (csrf(ctx))
            fieldset {
                legend { (s(Set::TrackingHeading)) }
                (field(ctx, Input { path: "tracking_policy.stall_after_hours", name: "stall", label: s(Set::StallLabel), hint: Some(s(Set::StallHint)), value: &f.stall, kind: "number" }, problems))
                (field(ctx, Input { path: "tracking_policy.expire_after_days", name: "expire", label: s(Set::ExpireLabel), hint: Some(s(Set::ExpireHint)), value: &f.expire, kind: "number" }, problems))
            }
            fieldset {
                legend { (s(Set::ContactsHeading)) }
                p class="hint" { (s(Set::ContactsHint)) }
                (field(ctx, Input { path: "support.email", name: "email", label: s(Set::SupportEmail), hint: None, value: &f.email, kind: "email" }, problems))
                (field(ctx, Input { path: "support.phone", name: "phone", label: s(Set::SupportPhone), hint: None, value: &f.phone, kind: "tel" }, problems))
                (field(ctx, Input { path: "support.chat_url", name: "chat", label: s(Set::ChatUrl), hint: None, value: &f.chat, kind: "url" }, problems))
            }
            fieldset {
                legend { (s(Set::ChangesHeading)) }
                (field(ctx, Input { path: "changes.cancel_window_hours", name: "cancel_window", label: s(Set::CancelWindow), hint: Some(s(Set::CancelWindowHint)), value: &f.cancel_window, kind: "number" }, problems))
                fieldset id=(field_id("changes.cancel_reasons")) {
                    legend { (s(Set::CancelReasons)) }
                    @if let Some(i) = issue(problems, "changes.cancel_reasons") { p class="field-error" { (s(Set::Issue(*i))) } }
                    @for r in CancelReason::ALL {
                        @let id = format!("reason-{}", reason_code(r));
                        div class="choice" {
                            input type="checkbox" id=(id) name="reason" value=(reason_code(r)) checked[f.reasons.contains(&r)];
                            label for=(id) { (shopper(l, Msg::Account(Acc::CancelReason(r)))) }
                        }
                    }
                }
                div class="choice" {
                    input type="checkbox" id="address-changes" name="address_changes" value="on" checked[f.address_changes];
                    label for="address-changes" { (s(Set::AddressChanges)) }
                }
            }
            fieldset {
                legend { (s(Set::FaqHeading)) }
                p class="hint" { (s(Set::FaqHint(StoreSettings::MAX_FAQ))) }
                @if let Some(i) = problems.iter().find(|(p, _)| p == "faq").map(|(_, i)| i) { p class="field-error" id="f-faq" { (s(Set::Issue(*i))) } }
                @for (k, loc) in Locale::ALL.into_iter().enumerate() {
                    h3 { (s(Set::FaqIn(&ctx.t(T::LanguageName(loc))))) }
                    @for (i, row) in f.faq.iter().enumerate().filter(|(_, r)| r.locale == loc) {
                        (faq_row(ctx, i, row, problems))
                    }
                    (faq_row(ctx, f.faq.len() + k, &FaqRow { locale: loc, question: String::new(), answer: String::new() }, problems))
                }
            }
            button type="submit" class="primary" { (s(Set::Save)) }
        }
        (origins_form(ctx, origins))
    };
    page(ctx, Area::Settings, &title, body)
}

fn origins_form(ctx: &Ctx, o: &Origins) -> Markup {
    let s = |m: Set<'_>| ctx.t(T::Settings(m));
    let refused = o.too_many || !o.problems.is_empty();
    html! {
        form method="post" action="/console/settings/origins" class="stack wide" novalidate {
            (csrf(ctx))
            fieldset {
                legend { (s(Set::OriginsHeading)) }
                p class="hint" id="origins-hint" { (s(Set::OriginsHint)) }
                @if refused {
                    div class="alert" role="alert" id="origins-error" {
                        @if o.too_many { p { (s(Set::OriginsTooMany(aftercare_shared::api::MAX_ORIGINS))) } }
                        @if !o.problems.is_empty() {
                            ul { @for (line, i) in &o.problems { li { (s(Set::OriginLine(*line))) ": " (s(Set::Issue(*i))) } } }
                        }
                    }
                }
                label for="origins" { (s(Set::OriginsLabel)) }
                textarea id="origins" name="origins" rows="5" spellcheck="false"
                    aria-describedby=(if refused { "origins-hint origins-error" } else { "origins-hint" })
                    aria-invalid=[refused.then_some("true")] { (o.text) }
            }
            button type="submit" { (s(Set::SaveOrigins)) }
        }
    }
}

/// What the reader calls the field at an API path (the error summary links to it).
fn label_of(ctx: &Ctx, path: &str) -> String {
    let s = |m: Set<'_>| ctx.t(T::Settings(m));
    let simple = match path {
        "tracking_policy.stall_after_hours" => Some(Set::StallLabel),
        "tracking_policy.expire_after_days" => Some(Set::ExpireLabel),
        "support.email" => Some(Set::SupportEmail),
        "support.phone" => Some(Set::SupportPhone),
        "support.chat_url" => Some(Set::ChatUrl),
        "changes.cancel_window_hours" => Some(Set::CancelWindow),
        "faq" => Some(Set::FaqHeading),
        p if p.starts_with("changes.cancel_reasons") => Some(Set::CancelReasons),
        _ => None,
    };
    if let Some(m) = simple {
        return s(m);
    }
    let faq = path
        .strip_prefix("faq[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(n, field)| {
            let n: usize = n.parse().ok()?;
            let part = if field == "question" {
                Set::FaqQuestion
            } else {
                Set::FaqAnswer
            };
            Some(format!("{} — {}", s(Set::FaqNumber(n + 1)), s(part)))
        });
    faq.unwrap_or_else(|| path.to_owned())
}

fn faq_row(ctx: &Ctx, i: usize, row: &FaqRow, problems: &[Problem]) -> Markup {
    let s = |m: Set<'_>| ctx.t(T::Settings(m));
    let blank = row.question.is_empty() && row.answer.is_empty();
    let q = format!("faq[{i}].question");
    let a = format!("faq[{i}].answer");
    html! {
        fieldset class="faq" {
            legend { @if blank { (s(Set::FaqAdd)) } @else { (s(Set::FaqNumber(i + 1))) } }
            input type="hidden" name={ "faq." (i) ".locale" } value=(row.locale.tag());
            label for=(field_id(&q)) { (s(Set::FaqQuestion)) }
            @if let Some(e) = issue(problems, &q) { p class="field-error" id={ (field_id(&q)) "-error" } { (s(Set::Issue(*e))) } }
            input id=(field_id(&q)) name={ "faq." (i) ".question" } value=(row.question) maxlength="200"
                aria-invalid=[issue(problems, &q).map(|_| "true")];
            label for=(field_id(&a)) { (s(Set::FaqAnswer)) }
            @if let Some(e) = issue(problems, &a) { p class="field-error" id={ (field_id(&a)) "-error" } { (s(Set::Issue(*e))) } }
            textarea id=(field_id(&a)) name={ "faq." (i) ".answer" } rows="3" maxlength="2000"
                aria-invalid=[issue(problems, &a).map(|_| "true")] { (row.answer) }
            @if !blank {
                div class="choice" {
                    input type="checkbox" id={ "faq-remove-" (i) } name={ "faq." (i) ".remove" } value="on";
                    label for={ "faq-remove-" (i) } { (s(Set::FaqRemove)) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_posted_form_drops_removed_and_blank_rows_and_keeps_order() {
        let f = SettingsForm::from_pairs(&pairs(&[
            ("stall", "48"),
            ("expire", "30"),
            ("cancel_window", "0"),
            ("reason", "other"),
            ("faq.1.locale", "es"),
            ("faq.1.question", "¿Q2?"),
            ("faq.1.answer", "A2"),
            ("faq.0.locale", "en"),
            ("faq.0.question", "Q1?"),
            ("faq.0.answer", "A1"),
            ("faq.2.locale", "en"),
            ("faq.2.question", "Gone?"),
            ("faq.2.answer", "x"),
            ("faq.2.remove", "on"),
            ("faq.3.locale", "pt-BR"),
            ("faq.3.question", " "),
            ("faq.3.answer", ""),
        ]));
        assert_eq!(
            f.faq
                .iter()
                .map(|r| r.question.as_str())
                .collect::<Vec<_>>(),
            ["Q1?", "¿Q2?"]
        );
        assert_eq!(f.reasons, [CancelReason::Other]);
        assert!(!f.address_changes);
        let s = f.to_settings().unwrap();
        assert_eq!(s.tracking_policy.stall_after_hours, 48);
        assert_eq!(s.changes.cancel_window_hours, 0);
        assert_eq!(SettingsForm::from_settings(&s).faq, f.faq);
    }

    #[test]
    fn numbers_that_are_not_numbers_are_named() {
        let f = SettingsForm::from_pairs(&pairs(&[
            ("stall", "two days"),
            ("expire", "30"),
            ("cancel_window", "-1"),
        ]));
        let problems = f.to_settings().unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "tracking_policy.stall_after_hours",
                "changes.cancel_window_hours"
            ]
        );
        assert_eq!(field_id("faq[2].answer"), "f-faq-2--answer");
    }
}
