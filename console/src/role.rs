//! Roles and areas: one table says who may open what, read by the server's guards and by the
//! navigation, so a link is never shown to someone the page would refuse.

/// What a console user is allowed to do, chosen when the user is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Everything, including settings, keys, users and the audit log.
    Owner,
    /// Acts on returns, reviews, surveys and requests; cannot change settings, keys or users.
    Agent,
}

impl Role {
    /// Both roles, owner first.
    pub const ALL: [Role; 2] = [Role::Owner, Role::Agent];

    /// The stored and command-line name (`owner`, `agent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Agent => "agent",
        }
    }

    /// The role named `name` (exactly as [`Role::as_str`] writes it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Whether this role may open `area` (and take its actions).
    pub fn may(self, area: Area) -> bool {
        match self {
            Role::Owner => true,
            Role::Agent => !matches!(
                area,
                Area::Settings | Area::Keys | Area::Users | Area::Audit
            ),
        }
    }
}

/// A part of the console: one entry of the navigation, one guard on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// What needs action now.
    Today,
    /// The returns queue and each return.
    Returns,
    /// The review moderation queue, replies, and CSV import and export.
    Reviews,
    /// Cancellation and address-change requests.
    Requests,
    /// Order search and one order as the shopper sees it (support answers "where is it?").
    Orders,
    /// NPS and CSAT reports and follow-ups.
    Surveys,
    /// Feedback per product (ratings, returns, comments) and tracking anxiety, side by side.
    Insights,
    /// Store settings (owners).
    Settings,
    /// The snippet a storefront pastes, per widget, with a live preview (read-only, so every
    /// role: whoever builds the store's pages needs it).
    Embed,
    /// Keys (owners).
    Keys,
    /// Console users (owners).
    Users,
    /// The audit log (owners).
    Audit,
    /// The signed-in user's own account: password, second factor, language.
    Account,
}

impl Area {
    /// The areas in navigation order (those the console has pages for).
    pub const NAV: [Area; 12] = [
        Area::Today,
        Area::Returns,
        Area::Reviews,
        Area::Requests,
        Area::Orders,
        Area::Surveys,
        Area::Insights,
        Area::Settings,
        Area::Embed,
        Area::Audit,
        Area::Users,
        Area::Keys,
    ];

    /// The area's path under `/console`.
    pub fn path(self) -> &'static str {
        match self {
            Area::Today => "/console",
            Area::Returns => "/console/returns",
            Area::Reviews => "/console/reviews",
            Area::Requests => "/console/requests",
            Area::Orders => "/console/orders",
            Area::Surveys => "/console/surveys",
            Area::Insights => "/console/insights",
            Area::Settings => "/console/settings",
            Area::Embed => "/console/embed",
            Area::Keys => "/console/keys",
            Area::Users => "/console/users",
            Area::Audit => "/console/audit",
            Area::Account => "/console/account",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_are_kept_out_of_settings_keys_users_and_the_audit_log() {
        for area in [Area::Settings, Area::Keys, Area::Users, Area::Audit] {
            assert!(Role::Owner.may(area));
            assert!(!Role::Agent.may(area), "{area:?}");
        }
        for area in [
            Area::Today,
            Area::Returns,
            Area::Reviews,
            Area::Requests,
            Area::Orders,
            Area::Surveys,
            Area::Insights,
            Area::Embed,
            Area::Account,
        ] {
            assert!(Role::Agent.may(area), "{area:?}");
        }
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("Owner"), None);
    }
}
