//! Postal addresses checked per country: which fields a country needs and what its postal
//! codes look like. One set of rules for the server (address book, address-change requests,
//! the merchant's order push) and the account page's forms, which run them before sending.
//!
//! Countries with rules: ES, PT, FR, DE, IT, GB, US, MX, BR. Any other ISO 3166-1 alpha-2
//! country gets the generic rules (name, street, city; a postal code of sane length).

use crate::error::FieldIssue;
use serde::{Deserialize, Serialize};

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    /// Recipient name.
    pub name: String,
    /// Street lines.
    pub line1: String,
    /// Second line (flat, floor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// City.
    pub city: String,
    /// State / province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

impl Address {
    /// The lines a label prints, in order (empty parts left out): name, street, second line,
    /// postal code and city, region, country. One order for every place that shows an address.
    pub fn lines(&self) -> Vec<String> {
        [
            Some(self.name.as_str()),
            Some(self.line1.as_str()),
            self.line2.as_deref(),
            Some(&format!("{} {}", self.postal_code, self.city)),
            self.region.as_deref(),
            Some(self.country.as_str()),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
    }
}

/// Longest name, street line or city.
pub const MAX_ADDRESS_TEXT: usize = 100;

/// A country the address forms know in detail, in the order a form lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Country {
    /// Spain.
    ES,
    /// Portugal.
    PT,
    /// France.
    FR,
    /// Germany.
    DE,
    /// Italy.
    IT,
    /// United Kingdom.
    GB,
    /// United States.
    US,
    /// Mexico.
    MX,
    /// Brazil.
    BR,
}

/// What a country calls its region field, so the form's label reads as locals expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    /// A state (US, MX, BR).
    State,
    /// A province (ES, IT).
    Province,
    /// A county (GB).
    County,
    /// A region (elsewhere).
    Region,
}

/// What a country calls its postal code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostalKind {
    /// "Postal code".
    PostalCode,
    /// "Postcode" (GB).
    Postcode,
    /// "ZIP code" (US).
    Zip,
    /// "CEP" (BR).
    Cep,
}

/// US states, the District of Columbia and the territories USPS delivers to.
pub(crate) const US_STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
];

/// Brazil's 26 states and the Federal District (UF codes).
pub(crate) const BR_STATES: [&str; 27] = [
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

impl Country {
    /// Every country with rules, in the order a form lists them.
    pub const ALL: [Self; 9] = [
        Self::ES,
        Self::PT,
        Self::FR,
        Self::DE,
        Self::IT,
        Self::GB,
        Self::US,
        Self::MX,
        Self::BR,
    ];

    /// The ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::ES => "ES",
            Self::PT => "PT",
            Self::FR => "FR",
            Self::DE => "DE",
            Self::IT => "IT",
            Self::GB => "GB",
            Self::US => "US",
            Self::MX => "MX",
            Self::BR => "BR",
        }
    }

    /// The country an ISO code names, when it has rules (case-insensitive; "UK" is GB).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_uppercase();
        let code = if code == "UK" { "GB".to_string() } else { code };
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Whether the region field must be filled, and what it is called.
    pub fn region(self) -> (bool, RegionKind) {
        match self {
            Self::US | Self::MX | Self::BR => (true, RegionKind::State),
            Self::IT => (true, RegionKind::Province),
            Self::ES => (false, RegionKind::Province),
            Self::GB => (false, RegionKind::County),
            Self::PT | Self::FR | Self::DE => (false, RegionKind::Region),
        }
    }

    /// What the postal code is called.
    pub fn postal_kind(self) -> PostalKind {
        match self {
            Self::GB => PostalKind::Postcode,
            Self::US => PostalKind::Zip,
            Self::BR => PostalKind::Cep,
            _ => PostalKind::PostalCode,
        }
    }

    /// An example postal code, for the field's hint.
    pub fn postal_example(self) -> &'static str {
        match self {
            Self::ES => "28013",
            Self::PT => "1100-148",
            Self::FR => "75001",
            Self::DE => "10115",
            Self::IT => "20121",
            Self::GB => "SW1A 1AA",
            Self::US => "94103",
            Self::MX => "06600",
            Self::BR => "01310-100",
        }
    }

    /// The postal code written the way this country's post expects it (uppercase, GB's space
    /// before the inward code, BR's and PT's hyphen), or why it cannot be one.
    pub fn postal_code(self, raw: &str) -> Result<String, FieldIssue> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(FieldIssue::Required);
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let ok = |v: String| Ok(v);
        match self {
            Self::ES
                if digits(&compact, 5) && (1..=52).contains(&compact[..2].parse().unwrap_or(0)) =>
            {
                ok(compact)
            }
            Self::FR | Self::DE | Self::IT | Self::MX if digits(&compact, 5) => ok(compact),
            Self::PT => {
                let d: String = compact.replace('-', "");
                if digits(&d, 7) && !d.starts_with('0') {
                    ok(format!("{}-{}", &d[..4], &d[4..]))
                } else {
                    Err(FieldIssue::InvalidFormat)
                }
            }
            Self::BR => {
                let d: String = compact.replace('-', "");
                if digits(&d, 8) {
                    ok(format!("{}-{}", &d[..5], &d[5..]))
                } else {
                    Err(FieldIssue::InvalidFormat)
                }
            }
            Self::US => {
                let (zip, plus4) = compact.split_once('-').unwrap_or((&compact, ""));
                if digits(zip, 5) && (plus4.is_empty() || digits(plus4, 4)) {
                    ok(compact)
                } else {
                    Err(FieldIssue::InvalidFormat)
                }
            }
            Self::GB => gb_postcode(&compact).ok_or(FieldIssue::InvalidFormat),
            _ => Err(FieldIssue::InvalidFormat),
        }
    }

    /// The region written as the post expects it, or why it cannot be one: US and BR take
    /// their two-letter codes, IT its two-letter province; MX and the rest take free text.
    pub fn region_value(self, raw: Option<&str>) -> Result<Option<String>, FieldIssue> {
        let v = raw.map(str::trim).filter(|v| !v.is_empty());
        let (required, _) = self.region();
        let Some(v) = v else {
            return if required {
                Err(FieldIssue::Required)
            } else {
                Ok(None)
            };
        };
        if v.chars().count() > MAX_ADDRESS_TEXT {
            return Err(FieldIssue::TooLong);
        }
        let upper = v.to_ascii_uppercase();
        let two_letters = upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase());
        match self {
            Self::US if US_STATES.contains(&upper.as_str()) => Ok(Some(upper)),
            Self::BR if BR_STATES.contains(&upper.as_str()) => Ok(Some(upper)),
            Self::IT if two_letters => Ok(Some(upper)),
            Self::US | Self::BR | Self::IT => Err(FieldIssue::InvalidFormat),
            _ => Ok(Some(v.to_string())),
        }
    }
}

/// A GB postcode (outward code + space + inward code), if `compact` (uppercase, no spaces) is
/// one: A9, A99, AA9, AA99, A9A or AA9A, then 9AA.
fn gb_postcode(compact: &str) -> Option<String> {
    let b = compact.as_bytes();
    if !(5..=7).contains(&b.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(b.len() - 3);
    let i = inward.as_bytes();
    if !(i[0].is_ascii_digit() && i[1].is_ascii_alphabetic() && i[2].is_ascii_alphabetic()) {
        return None;
    }
    let shape: String = outward
        .bytes()
        .map(|c| match c {
            b'0'..=b'9' => '9',
            b'A'..=b'Z' => 'A',
            _ => '?',
        })
        .collect();
    matches!(
        shape.as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    )
    .then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_per_country() {
        use Country::*;
        let good = [
            (ES, "28013", "28013"),
            (PT, "1100148", "1100-148"),
            (PT, "1100-148", "1100-148"),
            (FR, "75 001", "75001"),
            (DE, "10115", "10115"),
            (IT, "20121", "20121"),
            (GB, "sw1a1aa", "SW1A 1AA"),
            (GB, "M1 1AE", "M1 1AE"),
            (GB, "CR2 6XH", "CR2 6XH"),
            (GB, "DN55 1PT", "DN55 1PT"),
            (US, "94103", "94103"),
            (US, "94103-1234", "94103-1234"),
            (MX, "06600", "06600"),
            (BR, "01310100", "01310-100"),
        ];
        for (c, raw, want) in good {
            assert_eq!(c.postal_code(raw).as_deref(), Ok(want), "{c:?} {raw}");
        }
        let bad = [
            (ES, "99000"),
            (ES, "2801"),
            (PT, "0100-148"),
            (FR, "7500"),
            (DE, "101155"),
            (GB, "SW1A 1A"),
            (GB, "1AA 1AA"),
            (US, "9410"),
            (US, "94103-12"),
            (MX, "0660A"),
            (BR, "01310-10"),
        ];
        for (c, raw) in bad {
            assert_eq!(
                c.postal_code(raw),
                Err(FieldIssue::InvalidFormat),
                "{c:?} {raw}"
            );
        }
        assert_eq!(ES.postal_code("  "), Err(FieldIssue::Required));
        for c in Country::ALL {
            assert!(c.postal_code(c.postal_example()).is_ok(), "{c:?} example");
            assert_eq!(Country::from_code(c.code()), Some(c));
        }
        assert_eq!(Country::from_code("uk"), Some(GB));
    }

    #[test]
    fn regions_per_country() {
        use Country::*;
        assert_eq!(US.region_value(Some("ca")), Ok(Some("CA".into())));
        assert_eq!(US.region_value(Some("XX")), Err(FieldIssue::InvalidFormat));
        assert_eq!(US.region_value(None), Err(FieldIssue::Required));
        assert_eq!(BR.region_value(Some("sp")), Ok(Some("SP".into())));
        assert_eq!(BR.region_value(Some("ZZ")), Err(FieldIssue::InvalidFormat));
        assert_eq!(IT.region_value(Some("mi")), Ok(Some("MI".into())));
        assert_eq!(
            IT.region_value(Some("Milano")),
            Err(FieldIssue::InvalidFormat)
        );
        assert_eq!(MX.region_value(Some("CDMX")), Ok(Some("CDMX".into())));
        assert_eq!(MX.region_value(Some(" ")), Err(FieldIssue::Required));
        assert_eq!(ES.region_value(None), Ok(None));
        assert_eq!(GB.region_value(Some("Kent")), Ok(Some("Kent".into())));
    }
}
