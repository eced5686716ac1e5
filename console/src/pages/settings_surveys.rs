//! Settings — Surveys (owners): each survey kind's recontact rules (D, R, S, sampling) and its
//! wording per language, one form per kind, saved through the same `put_settings` (and so
//! `SurveySettings::validate`) as `PUT /v1/admin/surveys/{kind}/settings`. A language left
//! empty has no entry: shoppers get the built-in wording, shown as each field's placeholder.

use super::form::{field, field_id, issue, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{SurveySet as Sv, T};
use aftercare_shared::api::{SurveySettings, SurveyText};
use aftercare_shared::i18n::{t as shopper, Msg};
use aftercare_shared::survey::{SurveyKind, SurveyRules};
use aftercare_shared::{FieldIssue, Locale};
use maud::{html, Markup};

/// The kinds in page order.
pub const KINDS: [SurveyKind; 2] = [SurveyKind::Nps, SurveyKind::Csat];

/// One language's wording as typed; all three empty means "the built-in wording".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRow {
    /// Its language.
    pub locale: Locale,
    /// The question.
    pub question: String,
    /// Under the lowest score.
    pub low: String,
    /// Under the highest score.
    pub high: String,
}

impl TextRow {
    fn blank(&self) -> bool {
        [&self.question, &self.low, &self.high]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

/// One survey's settings as the form holds them: numbers as typed, one text row per language
/// (in `Locale::ALL` order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyForm {
    /// Which survey.
    pub kind: SurveyKind,
    /// D as typed.
    pub delivery: String,
    /// R as typed.
    pub response: String,
    /// S as typed.
    pub dismissal: String,
    /// Sample percent as typed.
    pub sample: String,
    /// Invite by email too.
    pub email: bool,
    /// The wording per language.
    pub texts: Vec<TextRow>,
}

/// The form field of a rule, and its path in the API document.
const RULES: [(&str, &str); 4] = [
    ("delivery", "rules.days_after_first_delivery"),
    ("response", "rules.days_after_response"),
    ("dismissal", "rules.days_after_dismissal"),
    ("sample", "rules.sample_percent"),
];

impl SurveyForm {
    /// The form showing `s`.
    pub fn from_settings(kind: SurveyKind, s: &SurveySettings) -> Self {
        let r = &s.rules;
        Self {
            kind,
            delivery: r.days_after_first_delivery.to_string(),
            response: r.days_after_response.to_string(),
            dismissal: r.days_after_dismissal.to_string(),
            sample: r.sample_percent.to_string(),
            email: s.email_invitations,
            texts: Locale::ALL
                .into_iter()
                .map(|locale| {
                    let own = s.texts.iter().find(|t| t.locale == locale);
                    let get = |f: fn(&SurveyText) -> &String| own.map(f).cloned();
                    TextRow {
                        locale,
                        question: get(|t| &t.question).unwrap_or_default(),
                        low: get(|t| &t.low_label).unwrap_or_default(),
                        high: get(|t| &t.high_label).unwrap_or_default(),
                    }
                })
                .collect(),
        }
    }

    /// The form as posted (`delivery`, …, `text.es.question`, `text.es.low`, `text.es.high`).
    pub fn from_pairs(kind: SurveyKind, pairs: &[(String, String)]) -> Self {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Self {
            kind,
            delivery: get("delivery"),
            response: get("response"),
            dismissal: get("dismissal"),
            sample: get("sample"),
            email: get("email") == "on",
            texts: Locale::ALL
                .into_iter()
                .map(|l| TextRow {
                    locale: l,
                    question: get(&format!("text.{}.question", l.tag())),
                    low: get(&format!("text.{}.low", l.tag())),
                    high: get(&format!("text.{}.high", l.tag())),
                })
                .collect(),
        }
    }

    /// The settings document, or the rules that are not whole numbers (by form path); the
    /// document's own rules are `SurveySettings::validate`'s, run when saving.
    pub fn to_settings(&self) -> Result<SurveySettings, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |path: &str, raw: &str| {
            raw.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push((self.path(path), FieldIssue::InvalidFormat));
                0
            })
        };
        let raw = [
            &self.delivery,
            &self.response,
            &self.dismissal,
            &self.sample,
        ];
        let [d, r, s, pct] = [0, 1, 2, 3].map(|i| number(RULES[i].1, raw[i]));
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SurveySettings {
            rules: SurveyRules {
                days_after_first_delivery: d,
                days_after_response: r,
                days_after_dismissal: s,
                // Out of a byte's range is out of 0–100 too: `validate` names it.
                sample_percent: u8::try_from(pct).unwrap_or(u8::MAX),
            },
            email_invitations: self.email,
            texts: self
                .texts
                .iter()
                .filter(|t| !t.blank())
                .map(|t| SurveyText {
                    locale: t.locale,
                    question: t.question.trim().to_owned(),
                    low_label: t.low.trim().to_owned(),
                    high_label: t.high.trim().to_owned(),
                })
                .collect(),
        })
    }

    /// The form path of an API field path: the kind first (two forms share the page), and a
    /// text's language instead of its place in the document (`texts[1].question` → the row of
    /// the second non-empty language).
    pub fn path(&self, api: &str) -> String {
        let kind = self.kind.as_str();
        let text = api.strip_prefix("texts[").and_then(|rest| {
            let (i, field) = rest.split_once("].")?;
            let i: usize = i.parse().ok()?;
            let row = self.texts.iter().filter(|t| !t.blank()).nth(i)?;
            let field = match field {
                "low_label" => "low",
                "high_label" => "high",
                _ => "question",
            };
            Some(format!("{kind}.text.{}.{field}", row.locale.tag()))
        });
        text.unwrap_or_else(|| format!("{kind}.{api}"))
    }

    /// The API's refusal, by form path.
    pub fn problems(&self, api: impl IntoIterator<Item = Problem>) -> Vec<Problem> {
        api.into_iter().map(|(p, i)| (self.path(&p), i)).collect()
    }
}

/// The page: one form per kind, each showing `forms`' values and its `problems` (form paths).
pub fn surveys(ctx: &Ctx, forms: &[SurveyForm], problems: &[Problem]) -> Markup {
    let title = title(ctx, SettingsTab::Surveys);
    let body = html! {
        (tabs(ctx, SettingsTab::Surveys))
        p { (ctx.t(T::SurveysSettings(Sv::Intro))) }
        (summary(ctx, problems, |p| label_of(ctx, p)))
        @for f in forms { (kind_form(ctx, f, problems)) }
    };
    page(ctx, Area::Settings, &title, body)
}

fn kind_form(ctx: &Ctx, f: &SurveyForm, problems: &[Problem]) -> Markup {
    let s = |m: Sv<'_>| ctx.t(T::SurveysSettings(m));
    let kind = f.kind.as_str();
    let name = ctx.t(T::SurveyName(f.kind));
    let heading = format!("h-{kind}");
    let ends = |r: std::ops::RangeInclusive<u32>| (*r.start(), *r.end());
    let (d, r, x) = (
        ends(SurveySettings::DELIVERY_DAYS),
        ends(SurveySettings::RESPONSE_DAYS),
        ends(SurveySettings::DISMISSAL_DAYS),
    );
    let rules = [
        (Sv::DeliveryLabel, Sv::DeliveryHint(d.0, d.1), &f.delivery),
        (Sv::ResponseLabel, Sv::ResponseHint(r.0, r.1), &f.response),
        (
            Sv::DismissalLabel,
            Sv::DismissalHint(x.0, x.1),
            &f.dismissal,
        ),
        (Sv::SampleLabel, Sv::SampleHint, &f.sample),
    ];
    html! {
        section aria-labelledby=(heading) {
            h2 id=(heading) { (name) }
            p class="hint" { (s(Sv::KindIntro(f.kind))) }
            form method="post" action={ "/console/settings/surveys/" (kind) } class="stack wide" novalidate {
                (csrf(ctx))
                fieldset {
                    legend { (s(Sv::RulesHeading)) }
                    @for ((name, api), (label, hint, value)) in RULES.into_iter().zip(rules) {
                        (field(ctx, Input { path: &f.path(api), name, label: s(label), hint: Some(s(hint)), value, kind: "number" }, problems))
                    }
                    div class="choice" {
                        input type="checkbox" id={ (kind) "-email" } name="email" value="on" checked[f.email]
                            aria-describedby={ (kind) "-email-hint" };
                        label for={ (kind) "-email" } { (s(Sv::EmailLabel)) }
                    }
                    p class="hint" id={ (kind) "-email-hint" } { (s(Sv::EmailHint)) }
                }
                fieldset {
                    legend { (s(Sv::WordingHeading)) }
                    p class="hint" { (s(Sv::WordingHint("{store}"))) }
                    @for row in &f.texts { (text_row(ctx, f.kind, row, problems)) }
                }
                button type="submit" class="primary" { (s(Sv::Save(&name))) }
            }
        }
    }
}

fn text_row(ctx: &Ctx, kind: SurveyKind, row: &TextRow, problems: &[Problem]) -> Markup {
    let s = |m: Sv<'_>| ctx.t(T::SurveysSettings(m));
    let l = row.locale;
    let built_in = |m: Msg<'_>| shopper(l, m).replace("{store}", &ctx.store);
    let fields = [
        (
            "question",
            Sv::Question,
            &row.question,
            built_in(Msg::SurveyQuestion(kind)),
            SurveySettings::MAX_QUESTION,
        ),
        (
            "low",
            Sv::LowLabel,
            &row.low,
            built_in(Msg::SurveyLow(kind)),
            SurveySettings::MAX_LABEL,
        ),
        (
            "high",
            Sv::HighLabel,
            &row.high,
            built_in(Msg::SurveyHigh(kind)),
            SurveySettings::MAX_LABEL,
        ),
    ];
    html! {
        fieldset {
            legend { (s(Sv::In(&ctx.t(T::LanguageName(l))))) }
            @for (part, label, value, placeholder, max) in fields {
                @let path = format!("{}.text.{}.{part}", kind.as_str(), l.tag());
                @let id = field_id(&path);
                @let problem = issue(problems, &path);
                label for=(id) { (s(label)) }
                @if let Some(e) = problem { p class="field-error" id={ (id) "-error" } { (ctx.t(T::Settings(crate::text::Set::Issue(*e)))) } }
                input id=(id) name={ "text." (l.tag()) "." (part) } value=(value) lang=(l.tag())
                    placeholder=(placeholder) maxlength=(max)
                    aria-describedby=[problem.map(|_| format!("{id}-error"))]
                    aria-invalid=[problem.map(|_| "true")];
            }
        }
    }
}

/// What the reader calls the field at a form path (`nps.text.es.low`).
fn label_of(ctx: &Ctx, path: &str) -> String {
    let s = |m: Sv<'_>| ctx.t(T::SurveysSettings(m));
    let mut parts = path.split('.');
    let kind = parts.next().and_then(SurveyKind::from_wire);
    let rest: Vec<&str> = parts.collect();
    let what = match rest.as_slice() {
        ["text", tag, part] => {
            let language = Locale::from_tag(tag).map(|l| ctx.t(T::LanguageName(l)));
            let field = match *part {
                "low" => s(Sv::LowLabel),
                "high" => s(Sv::HighLabel),
                _ => s(Sv::Question),
            };
            format!("{} — {field}", language.unwrap_or_default())
        }
        ["rules", rule] => s(match *rule {
            "days_after_first_delivery" => Sv::DeliveryLabel,
            "days_after_response" => Sv::ResponseLabel,
            "days_after_dismissal" => Sv::DismissalLabel,
            _ => Sv::SampleLabel,
        }),
        _ => path.to_owned(),
    };
    match kind {
        Some(k) => format!("{} — {what}", ctx.t(T::SurveyName(k))),
        None => what,
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
    fn empty_languages_are_no_entry_and_refusals_land_on_their_language() {
        let f = SurveyForm::from_pairs(
            SurveyKind::Nps,
            &pairs(&[
                ("delivery", " 5 "),
                ("response", "60"),
                ("dismissal", "14"),
                ("sample", "50"),
                ("text.en.question", "  "),
                ("text.en.low", ""),
                ("text.es.question", "¿Recomendarías {store}?"),
                ("text.es.low", "Nada"),
                ("text.es.high", "Mucho"),
                ("text.pt-BR.question", "Recomendaria?"),
            ]),
        );
        let s = f.to_settings().unwrap();
        assert_eq!(s.rules.days_after_first_delivery, 5);
        assert_eq!(s.rules.sample_percent, 50);
        let langs: Vec<Locale> = s.texts.iter().map(|t| t.locale).collect();
        assert_eq!(langs, [Locale::Es, Locale::PtBr]);
        // pt-BR lacks its labels: the document's `texts[1]` is the pt-BR row.
        let api = s.validate().unwrap_err();
        let problems = f.problems(api.fields.into_iter().map(|e| (e.field, e.issue)));
        let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["nps.text.pt-BR.low", "nps.text.pt-BR.high"]);
        assert_eq!(f.path("rules.sample_percent"), "nps.rules.sample_percent");
        // Stored settings show again as they were.
        assert_eq!(
            SurveyForm::from_settings(SurveyKind::Nps, &s).to_settings(),
            Ok(s)
        );
    }

    #[test]
    fn rules_that_are_not_numbers_are_named_and_big_percentages_refused() {
        let f = SurveyForm::from_pairs(
            SurveyKind::Csat,
            &pairs(&[
                ("delivery", "three"),
                ("response", "90"),
                ("dismissal", "-1"),
                ("sample", "100"),
            ]),
        );
        let paths: Vec<String> = f
            .to_settings()
            .unwrap_err()
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(
            paths,
            [
                "csat.rules.days_after_first_delivery",
                "csat.rules.days_after_dismissal"
            ]
        );
        assert!(f.texts.iter().all(TextRow::blank));
        let big = SurveyForm {
            delivery: "3".into(),
            dismissal: "30".into(),
            sample: "300".into(),
            ..f
        };
        let s = big.to_settings().unwrap();
        assert!(s.texts.is_empty());
        let fields: Vec<String> = s
            .validate()
            .unwrap_err()
            .fields
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["rules.sample_percent"]);
    }
}
