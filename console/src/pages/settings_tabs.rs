//! The sections of Settings: one page each (a store's settings are several documents with
//! their own rules), reached through the same tabs on every one of them.

use crate::ctx::Ctx;
use crate::text::{Set, T};
use maud::{html, Markup};

/// One section of Settings, one settings document behind each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettingsTab {
    /// Tracking thresholds, contacts, changes before shipping, FAQ, allowed origins.
    Store,
    /// Returns policy, resolutions and reasons.
    Returns,
    /// NPS and CSAT timing and wording.
    Surveys,
    /// Review timing, publishing, extra questions and reward.
    Reviews,
    /// The widgets' (and emails') colours, corners and type.
    Branding,
    /// The communication calendar for optional emails, and what it will send.
    Emails,
}

impl SettingsTab {
    /// The sections in tab order.
    pub const ALL: [SettingsTab; 6] = [
        SettingsTab::Store,
        SettingsTab::Returns,
        SettingsTab::Surveys,
        SettingsTab::Reviews,
        SettingsTab::Branding,
        SettingsTab::Emails,
    ];

    /// The section's page.
    pub fn path(self) -> &'static str {
        match self {
            SettingsTab::Store => "/console/settings",
            SettingsTab::Returns => "/console/settings/returns",
            SettingsTab::Surveys => "/console/settings/surveys",
            SettingsTab::Reviews => "/console/settings/reviews",
            SettingsTab::Branding => "/console/settings/branding",
            SettingsTab::Emails => "/console/settings/emails",
        }
    }
}

/// The tabs, `current` marked as the page the reader is on.
pub fn tabs(ctx: &Ctx, current: SettingsTab) -> Markup {
    html! {
        nav class="tabs" aria-label=(ctx.t(T::Settings(Set::Sections))) {
            @for tab in SettingsTab::ALL {
                a href=(tab.path()) aria-current=[(tab == current).then_some("page")] {
                    (ctx.t(T::Settings(Set::Tab(tab))))
                }
            }
        }
    }
}

/// A section's page title: "Settings — Returns".
pub fn title(ctx: &Ctx, tab: SettingsTab) -> String {
    let area = ctx.t(T::AreaName(crate::role::Area::Settings));
    match tab {
        SettingsTab::Store => area,
        _ => format!("{area} — {}", ctx.t(T::Settings(Set::Tab(tab)))),
    }
}
