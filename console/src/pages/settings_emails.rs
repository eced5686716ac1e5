//! Settings — Emails (owners): the communication calendar (a cap on optional emails per
//! customer, quiet hours on the customer's clock), saved through the same `calendar::put`
//! (and so `EmailCalendar::validate`) as `PUT /v1/admin/emails/calendar`, and under it the
//! plan, what `GET /v1/admin/emails/plan` answers: what will be sent to whom and when.

use super::form::{field, summary, Input, Problem};
use super::settings_tabs::{tabs, title, SettingsTab};
use crate::ctx::Ctx;
use crate::format::date_time_ms;
use crate::html::csrf;
use crate::layout::page;
use crate::role::Area;
use crate::text::{EmailSet as E, T};
use aftercare_shared::api::{
    EmailCalendar, EmailCap, EmailPlan, PlannedEmail, QuietHours, WeMissYou,
};
use aftercare_shared::FieldIssue;
use maud::{html, Markup};

/// The calendar as the form holds it: each rule's switch, and its numbers as typed (kept
/// while a rule is off, so turning it back on finds them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarForm {
    /// Whether the cap is on.
    pub cap_on: bool,
    /// Messages allowed, as typed.
    pub messages: String,
    /// The window in days, as typed.
    pub days: String,
    /// Whether quiet hours are on.
    pub quiet_on: bool,
    /// The hour they start, as typed.
    pub from_hour: String,
    /// The hour they end, as typed.
    pub until_hour: String,
    /// Whether "we miss you" is on.
    pub miss_on: bool,
    /// Its days after the last order, as typed.
    pub after_days: String,
    /// Whether opens are counted with a pixel.
    pub pixel_on: bool,
}

/// What an unset rule's fields suggest: 2 emails a week, quiet from 21:00 until 08:00, and
/// "we miss you" after 90 days.
const SUGGESTED: (u32, u32, u32, u32, u32) = (2, 7, 21, 8, 90);

impl CalendarForm {
    /// The form showing `c` (suggested numbers under a rule that is off).
    pub fn from_calendar(c: &EmailCalendar) -> Self {
        let (m, d, f, u, a) = SUGGESTED;
        let cap = c.cap.unwrap_or(EmailCap {
            messages: m,
            days: d,
        });
        let quiet = c.quiet_hours.unwrap_or(QuietHours {
            from_hour: f,
            until_hour: u,
        });
        Self {
            cap_on: c.cap.is_some(),
            messages: cap.messages.to_string(),
            days: cap.days.to_string(),
            quiet_on: c.quiet_hours.is_some(),
            from_hour: quiet.from_hour.to_string(),
            until_hour: quiet.until_hour.to_string(),
            miss_on: c.we_miss_you.is_some(),
            after_days: c.we_miss_you.map_or(a, |w| w.after_days).to_string(),
            pixel_on: c.open_pixel,
        }
    }

    /// The form as posted (`cap_on=on`, `cap.messages`, …; an unticked box is absent).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Self {
            cap_on: get("cap_on") == "on",
            messages: get("cap.messages"),
            days: get("cap.days"),
            quiet_on: get("quiet_on") == "on",
            from_hour: get("quiet_hours.from_hour"),
            until_hour: get("quiet_hours.until_hour"),
            miss_on: get("miss_on") == "on",
            after_days: get("we_miss_you.after_days"),
            pixel_on: get("pixel_on") == "on",
        }
    }

    /// The calendar, or the numbers of a rule that is on that are not whole numbers (by API
    /// path); the calendar's own rules are `EmailCalendar::validate`'s, run when saving.
    pub fn to_calendar(&self) -> Result<EmailCalendar, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |on: bool, path: &str, raw: &str| {
            if !on {
                return 0;
            }
            raw.trim().parse::<u32>().unwrap_or_else(|_| {
                problems.push((path.to_owned(), FieldIssue::InvalidFormat));
                0
            })
        };
        let messages = number(self.cap_on, "cap.messages", &self.messages);
        let days = number(self.cap_on, "cap.days", &self.days);
        let from_hour = number(self.quiet_on, "quiet_hours.from_hour", &self.from_hour);
        let until_hour = number(self.quiet_on, "quiet_hours.until_hour", &self.until_hour);
        let after_days = number(self.miss_on, "we_miss_you.after_days", &self.after_days);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(EmailCalendar {
            cap: self.cap_on.then_some(EmailCap { messages, days }),
            quiet_hours: self.quiet_on.then_some(QuietHours {
                from_hour,
                until_hour,
            }),
            we_miss_you: self.miss_on.then_some(WeMissYou { after_days }),
            open_pixel: self.pixel_on,
        })
    }
}

/// The page: the calendar form showing `form` and its `problems` (API paths), then `plan`.
pub fn emails(ctx: &Ctx, form: &CalendarForm, problems: &[Problem], plan: &EmailPlan) -> Markup {
    let title = title(ctx, SettingsTab::Emails);
    let e = |m: E<'_>| ctx.t(T::EmailsSettings(m));
    let ends = |r: &std::ops::RangeInclusive<u32>| (*r.start(), *r.end());
    let (m, d) = (
        ends(&EmailCalendar::CAP_MESSAGES),
        ends(&EmailCalendar::CAP_DAYS),
    );
    let cap = [
        (
            "cap.messages",
            e(E::MessagesLabel),
            Some(e(E::MessagesHint(m.0, m.1))),
        ),
        ("cap.days", e(E::DaysLabel), Some(e(E::DaysHint(d.0, d.1)))),
    ];
    let quiet = [
        ("quiet_hours.from_hour", e(E::FromLabel), None),
        (
            "quiet_hours.until_hour",
            e(E::UntilLabel),
            Some(e(E::HourHint)),
        ),
    ];
    let values = [
        &form.messages,
        &form.days,
        &form.from_hour,
        &form.until_hour,
    ];
    let a = ends(&EmailCalendar::MISS_YOU_DAYS);
    let after = Input {
        path: "we_miss_you.after_days",
        name: "we_miss_you.after_days",
        label: e(E::AfterDaysLabel),
        hint: Some(e(E::AfterDaysHint(a.0, a.1))),
        value: &form.after_days,
        kind: "number",
    };
    let body = html! {
        (tabs(ctx, SettingsTab::Emails))
        p { (e(E::Intro)) }
        (summary(ctx, problems, |p| label_of(ctx, p)))
        form method="post" action=(SettingsTab::Emails.path()) class="stack wide" novalidate {
            (csrf(ctx))
            fieldset {
                legend { (e(E::CapHeading)) }
                div class="choice" {
                    input type="checkbox" id="cap-on" name="cap_on" value="on" checked[form.cap_on];
                    label for="cap-on" { (e(E::CapOn)) }
                }
                @for (i, (path, label, hint)) in cap.into_iter().enumerate() {
                    (field(ctx, Input { path, name: path, label, hint, value: values[i], kind: "number" }, problems))
                }
            }
            fieldset {
                legend { (e(E::QuietHeading)) }
                p class="hint" { (e(E::QuietHint)) }
                div class="choice" {
                    input type="checkbox" id="quiet-on" name="quiet_on" value="on" checked[form.quiet_on];
                    label for="quiet-on" { (e(E::QuietOn)) }
                }
                @for (i, (path, label, hint)) in quiet.into_iter().enumerate() {
                    (field(ctx, Input { path, name: path, label, hint, value: values[2 + i], kind: "number" }, problems))
                }
            }
            fieldset {
                legend { (e(E::MissHeading)) }
                div class="choice" {
                    input type="checkbox" id="miss-on" name="miss_on" value="on" checked[form.miss_on];
                    label for="miss-on" { (e(E::MissOn)) }
                }
                (field(ctx, after, problems))
            }
            fieldset {
                legend { (e(E::PixelHeading)) }
                p class="hint" id="pixel-hint" { (e(E::PixelHint)) }
                div class="choice" {
                    input type="checkbox" id="pixel-on" name="pixel_on" value="on" checked[form.pixel_on]
                        aria-describedby="pixel-hint";
                    label for="pixel-on" { (e(E::PixelOn)) }
                }
            }
            button type="submit" class="primary" { (e(E::Save)) }
        }
        (plan_section(ctx, plan))
    };
    page(ctx, Area::Settings, &title, body)
}

fn plan_section(ctx: &Ctx, plan: &EmailPlan) -> Markup {
    let e = |m: E<'_>| ctx.t(T::EmailsSettings(m));
    let heading = e(E::PlanHeading);
    html! {
        section aria-labelledby="h-plan" {
            h2 id="h-plan" { (heading) }
            p class="hint" { (e(E::PlanIntro)) }
            @if plan.messages.is_empty() {
                p class="empty" { (e(E::NothingWaiting)) }
            } @else {
                @if i64::try_from(plan.messages.len()).unwrap_or(i64::MAX) < plan.total {
                    p { (e(E::Shown(plan.messages.len(), plan.total))) }
                }
                // Focusable, so a keyboard can scroll a table wider than the screen.
                div class="scroll" tabindex="0" role="region" aria-label=(heading) {
                    table {
                        caption class="sr-only" { (heading) }
                        thead { tr {
                            th scope="col" { (ctx.t(T::WhenColumn)) }
                            th scope="col" { (e(E::ToColumn)) }
                            th scope="col" { (e(E::MessageColumn)) }
                            th scope="col" { (e(E::WhyColumn)) }
                        } }
                        tbody {
                            @for m in &plan.messages { (row(ctx, m)) }
                        }
                    }
                }
            }
        }
    }
}

fn row(ctx: &Ctx, m: &PlannedEmail) -> Markup {
    let e = |x: E<'_>| ctx.t(T::EmailsSettings(x));
    let at = m.send_at.utc_ms;
    let shift = m.send_at.local_shift_ms();
    html! {
        tr {
            td {
                (date_time_ms(ctx.locale, at))
                @if shift != 0 {
                    br;
                    span class="hint" { (e(E::TheirClock(&their_clock(ctx, at, shift)))) }
                }
            }
            td { (m.recipient) }
            td {
                (e(E::Kind(&m.kind)))
                @if m.topic.is_none() { " (" (e(E::Always)) ")" }
            }
            td { (e(m.held.map_or(E::DueNow, E::Held))) }
        }
    }
}

/// `3 Dec 2026, 08:00 (UTC+02:00)`: the instant on a clock `shift_ms` east of UTC.
fn their_clock(ctx: &Ctx, utc_ms: i64, shift_ms: i64) -> String {
    let local = date_time_ms(ctx.locale, utc_ms + shift_ms);
    let local = local.strip_suffix(" UTC").unwrap_or(&local);
    let minutes = shift_ms / 60_000;
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.abs();
    format!("{local} (UTC{sign}{:02}:{:02})", minutes / 60, minutes % 60)
}

/// What the reader calls the field at an API path (`quiet_hours.until_hour`).
fn label_of(ctx: &Ctx, path: &str) -> String {
    let e = |m: E<'_>| ctx.t(T::EmailsSettings(m));
    match path {
        "cap.messages" => e(E::MessagesLabel),
        "cap.days" => e(E::DaysLabel),
        "quiet_hours.from_hour" => e(E::FromLabel),
        "quiet_hours.until_hour" => e(E::UntilLabel),
        "we_miss_you.after_days" => e(E::AfterDaysLabel),
        other => other.to_owned(),
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
    fn a_rule_that_is_off_is_absent_and_keeps_what_was_typed() {
        let f = CalendarForm::from_pairs(&pairs(&[
            ("cap.messages", "x"),
            ("cap.days", ""),
            ("quiet_on", "on"),
            ("quiet_hours.from_hour", " 22 "),
            ("quiet_hours.until_hour", "7"),
        ]));
        let c = f.to_calendar().unwrap();
        assert_eq!(c.cap, None);
        assert_eq!(
            c.quiet_hours,
            Some(QuietHours {
                from_hour: 22,
                until_hour: 7
            })
        );
        assert_eq!(f.messages, "x", "kept for when the cap is turned on");
        assert_eq!(c.we_miss_you, None);
        let on = CalendarForm::from_pairs(&pairs(&[
            ("miss_on", "on"),
            ("we_miss_you.after_days", "120"),
        ]));
        assert_eq!(
            on.to_calendar().unwrap().we_miss_you,
            Some(WeMissYou { after_days: 120 })
        );
        // Shown again as saved; an unset cap suggests 2 a week.
        let shown = CalendarForm::from_calendar(&c);
        assert_eq!(shown.to_calendar(), Ok(c));
        assert_eq!((shown.cap_on, shown.messages.as_str()), (false, "2"));
    }

    #[test]
    fn numbers_of_a_rule_that_is_on_must_be_whole() {
        let f = CalendarForm::from_pairs(&pairs(&[
            ("cap_on", "on"),
            ("cap.messages", "two"),
            ("cap.days", "-1"),
            ("quiet_hours.from_hour", "nonsense"),
        ]));
        let paths: Vec<String> = f
            .to_calendar()
            .unwrap_err()
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(paths, ["cap.messages", "cap.days"]);
        // Whole numbers out of range are the shared rule's to refuse.
        let f = CalendarForm {
            messages: "21".into(),
            days: "7".into(),
            ..f
        };
        let fields: Vec<String> = f
            .to_calendar()
            .unwrap()
            .validate()
            .unwrap_err()
            .fields
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["cap.messages"]);
    }
}
