//! The languages Aftercare speaks, chosen from a BCP 47 tag.

use serde::{Deserialize, Serialize};

/// A supported language. Unknown tags fall back to English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Brazilian Portuguese (also what other Portuguese tags get).
    #[serde(rename = "pt-BR")]
    #[cfg_attr(feature = "openapi", schema(rename = "pt-BR"))]
    PtBr,
}

impl Locale {
    /// Every supported locale, in menu order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::PtBr];

    /// Match a BCP 47 tag (`es`, `es-MX`, `EN_us`) by its primary language; `None` if unsupported.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "es" => Some(Self::Es),
            "pt" => Some(Self::PtBr),
            _ => None,
        }
    }

    /// The first supported tag of a preference list (attribute, page `lang`, browser), else English.
    pub fn negotiate<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Self {
        prefs
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    /// The language subtag, also what `Intl` formatters are given.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::PtBr => "pt-BR",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_in_order() {
        assert_eq!(Locale::negotiate(["", "fr", "es-MX", "en"]), Locale::Es);
        assert_eq!(Locale::negotiate(["de"]), Locale::En);
        assert_eq!(Locale::from_tag("EN_us"), Some(Locale::En));
        assert_eq!(Locale::negotiate(["fr", "pt-BR"]), Locale::PtBr);
        assert_eq!(Locale::from_tag("pt"), Some(Locale::PtBr));
        assert_eq!(Locale::from_tag("pt_PT"), Some(Locale::PtBr));
        // The wire form is the tag itself.
        assert_eq!(serde_json::to_string(&Locale::PtBr).unwrap(), "\"pt-BR\"");
        let parsed: Locale = serde_json::from_str("\"pt-BR\"").unwrap();
        assert_eq!(parsed, Locale::PtBr);
    }
}
