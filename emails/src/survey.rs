//! The survey invitation (optional: surveys): the store's own question, in the shopper's
//! language, with the whole scale as links, so one click from the inbox opens the hosted
//! survey page with that score chosen. Nothing is recorded by the click itself (mail filters
//! open every link): the page asks the shopper to send it, then asks the follow-up.

use crate::layout::Unsubscribe;
use crate::parts::{Compose, Head, Part};
use crate::{Rendered, Sender};
use aftercare_shared::api::{SurveyText, Topic};
use aftercare_shared::i18n::{mail, t, Mail, Msg};
use aftercare_shared::survey::SurveyKind;
use aftercare_shared::Locale;
use maud::html;

/// What the message is about.
#[derive(Debug, Clone, Copy)]
pub struct SurveyInvite<'a> {
    /// Which survey (its scale).
    pub kind: SurveyKind,
    /// The question and the scale's end labels, as the store words them in this language.
    pub text: &'a SurveyText,
    /// The hosted survey page for each score, lowest first (one per point of the scale).
    pub links: &'a [String],
    /// The signed one-click link that turns surveys off for this address.
    pub unsubscribe_url: &'a str,
}

/// The message in `locale`.
pub fn render(locale: Locale, sender: &Sender<'_>, s: &SurveyInvite<'_>) -> Rendered {
    let store = sender.store;
    let subject = mail(locale, Mail::SurveySubject { store });
    let intro = mail(locale, Mail::SurveyIntro);
    let footer = mail(locale, Mail::AboutSurveys { store });
    let unsubscribe = Unsubscribe {
        url: s.unsubscribe_url.to_owned(),
        label: mail(
            locale,
            Mail::UnsubscribeLink {
                topic: &t(locale, Msg::TopicName(Topic::Surveys)),
            },
        ),
    };
    let mut c = Compose::default();
    c.para(intro.clone());
    c.part(scale(sender, s));
    c.finish(
        sender,
        Head {
            locale,
            subject: &subject,
            preheader: &s.text.question,
            heading: &s.text.question,
            footer: &footer,
            unsubscribe: Some(&unsubscribe),
        },
    )
}

/// The scale: one bordered link per score, wrapping on a narrow screen, the end labels under
/// its ends; in the text part, each score on a line with its link on the next (a link is
/// longer than a line, and never wrapped).
fn scale(sender: &Sender<'_>, s: &SurveyInvite<'_>) -> Part {
    let c = &sender.branding.colors;
    let (lo, _) = s.kind.range();
    let scores: Vec<(u8, &String)> = (lo..).zip(s.links).collect();
    let last = scores.len().saturating_sub(1);
    // The end labels name the first and last links too, so a screen reader hears "0, Not at
    // all likely" rather than a bare number.
    let label = |i: usize, n: u8| match i {
        0 => format!("{n}, {}", s.text.low_label),
        i if i == last => format!("{n}, {}", s.text.high_label),
        _ => n.to_string(),
    };
    // Inline blocks of 36 px that wrap: eleven in a row on a desktop column, two rows on a
    // 320 px phone, never a target under 24 px (a table row would squeeze them to 19 px).
    let html = html! {
        p style="margin:16px 0 4px;font-size:0;line-height:0" {
            @for (i, (n, link)) in scores.iter().enumerate() {
                a href=(link) aria-label=(label(i, *n))
                    style={ "display:inline-block;box-sizing:border-box;width:36px;margin:0 4px 6px 0;padding:8px 0;text-align:center;font-size:16px;line-height:20px;font-weight:700;text-decoration:none;border:1px solid " (c.border) ";border-radius:6px;color:" (c.text) } {
                    (n)
                }
            }
        }
        table role="presentation" width="100%" cellpadding="0" cellspacing="0"
            style="margin:0 0 12px" {
            tr {
                td class="ac-muted" style={ "font-size:13px;color:" (c.muted) } { (s.text.low_label) }
                td class="ac-muted" align="right" style={ "font-size:13px;text-align:right;color:" (c.muted) } { (s.text.high_label) }
            }
        }
    };
    let text = scores
        .iter()
        .enumerate()
        .map(|(i, (n, link))| format!("{}:\n{link}", label(i, *n)))
        .collect::<Vec<_>>()
        .join("\n");
    Part { html, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn invite(locale: Locale, kind: SurveyKind) -> Rendered {
        let branding = sample::branding();
        let sender = Sender {
            store: "Aurora",
            branding: &branding,
            support_email: Some("help@aurora.example"),
        };
        let text = SurveyText {
            locale,
            question: "How likely are you to recommend <Aurora> to a friend?".into(),
            low_label: t(locale, Msg::SurveyLow(kind)),
            high_label: t(locale, Msg::SurveyHigh(kind)),
        };
        let (lo, hi) = kind.range();
        let links: Vec<String> = (lo..=hi)
            .map(|n| format!("https://care.example/surveys/pk_x/nps?t=v1.abc&score={n}"))
            .collect();
        render(
            locale,
            &sender,
            &SurveyInvite {
                kind,
                text: &text,
                links: &links,
                unsubscribe_url: "https://care.example/unsubscribe?t=v1.xyz",
            },
        )
    }

    #[test]
    fn every_score_is_a_link_in_both_parts_with_the_scale_named_at_its_ends() {
        let m = invite(Locale::En, SurveyKind::Nps);
        assert_eq!(m.subject, "One quick question from Aurora");
        for n in 0..=10 {
            let link = format!("https://care.example/surveys/pk_x/nps?t=v1.abc&amp;score={n}\"");
            assert!(m.html.contains(&link), "score {n} missing from the HTML");
            let line = format!("score={n}\n");
            assert!(
                m.text.contains(&line) || n == 10,
                "score {n} missing from the text"
            );
        }
        assert!(m.html.contains("aria-label=\"0, Not at all likely\""));
        assert!(m.html.contains("aria-label=\"10, Extremely likely\""));
        assert!(m.text.contains("0, Not at all likely:\nhttps://"));
        assert!(m.text.contains("10, Extremely likely:\nhttps://"));
        assert!(m
            .text
            .contains("\n5:\nhttps://care.example/surveys/pk_x/nps?t=v1.abc&score=5\n"));
        for part in [&m.html, &m.text] {
            assert!(part.contains("choose a number"));
            assert!(part.contains("https://care.example/unsubscribe?t=v1.xyz"));
            assert!(part.contains("surveys are on"));
        }
        assert!(m.html.contains("recommend &lt;Aurora&gt;"), "escaped");
    }

    #[test]
    fn a_csat_invitation_has_five_links_and_each_language_its_words() {
        let m = invite(Locale::Es, SurveyKind::Csat);
        assert_eq!(m.html.matches("score=").count(), 5);
        assert!(!m.html.contains("score=0") && m.html.contains("score=5"));
        assert!(m.subject.contains("Una pregunta rápida"));
        assert!(m.text.contains("elige un número"));
        let pt = invite(Locale::PtBr, SurveyKind::Nps);
        assert!(pt.html.contains("Basta um clique"));
    }
}
