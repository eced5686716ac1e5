//! Pieces every settings form shares: labelled inputs whose problem sits beside them (by the
//! API's field path, so a refusal from the shared `validate` lands on the right field), and
//! the ids the error summary links to.

use crate::ctx::Ctx;
use crate::text::{Set, T};
use aftercare_shared::FieldIssue;
use maud::{html, Markup};

/// A problem with a field, by the API's field path (`faq[2].answer`).
pub type Problem = (String, FieldIssue);

/// The element id of the field at an API path (`faq[2].answer` → `f-faq-2--answer`).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id.trim_end_matches('-').to_owned()
}

/// The problem reported for `path` or anything inside it (`reasons` matches `reasons[2]`).
pub fn issue<'p>(problems: &'p [Problem], path: &str) -> Option<&'p FieldIssue> {
    problems
        .iter()
        .find(|(p, _)| p == path || p.starts_with(&format!("{path}[")))
        .map(|(_, i)| i)
}

/// One input of a form: its API path, form name, label, hint, value and input type.
pub struct Input<'a> {
    /// The API's field path (`policy.window_days`): where a refusal is reported.
    pub path: &'a str,
    /// The form field's name.
    pub name: &'a str,
    /// The label, already in the reader's language.
    pub label: String,
    /// A hint under the label (ranges, what the field changes).
    pub hint: Option<String>,
    /// The value as typed or stored.
    pub value: &'a str,
    /// The input's `type`.
    pub kind: &'a str,
}

/// A labelled input, its problem (if any) beside it and named by `aria-describedby`.
pub fn field(ctx: &Ctx, input: Input<'_>, problems: &[Problem]) -> Markup {
    let Input {
        path,
        name,
        label,
        hint,
        value,
        kind,
    } = input;
    let id = field_id(path);
    let problem = issue(problems, path);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let described = [
        hint.as_ref().map(|_| hint_id.as_str()),
        problem.map(|_| err_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        label for=(id) { (label) }
        @if let Some(h) = hint { p class="hint" id=(hint_id) { (h) } }
        @if let Some(i) = problem { p class="field-error" id=(err_id) { (ctx.t(T::Settings(Set::Issue(*i)))) } }
        input id=(id) name=(name) type=(kind) value=(value)
            aria-describedby=[(!described.is_empty()).then_some(described.as_str())]
            aria-invalid=[problem.map(|_| "true")];
    }
}

/// The summary above a refused form: how many fields need attention, each linked to its
/// field and named by `label_of`.
pub fn summary(ctx: &Ctx, problems: &[Problem], label_of: impl Fn(&str) -> String) -> Markup {
    html! {
        @if !problems.is_empty() {
            div class="alert" role="alert" {
                p { strong { (ctx.t(T::Settings(Set::NotSaved(problems.len())))) } }
                ul {
                    @for (path, i) in problems {
                        li { a href={ "#" (field_id(path)) } { (label_of(path)) ": " (ctx.t(T::Settings(Set::Issue(*i)))) } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_api_path_and_problems_match_inside_lists() {
        assert_eq!(field_id("faq[2].answer"), "f-faq-2--answer");
        assert_eq!(field_id("policy.window_days"), "f-policy-window_days");
        let problems = vec![("reasons[1].code".to_owned(), FieldIssue::Duplicate)];
        assert_eq!(issue(&problems, "reasons"), Some(&FieldIssue::Duplicate));
        assert_eq!(
            issue(&problems, "reasons[1].code"),
            Some(&FieldIssue::Duplicate)
        );
        assert_eq!(issue(&problems, "resolutions"), None);
    }
}
