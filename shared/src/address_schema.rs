//! The document's form of [`crate::validate::Problems::address`]: one JSON Schema branch per
//! country with rules (its postal-code shape, its region rule) and one for every other
//! country, all built from the same tables as the checks ([`Country`], its state lists), so
//! a client or a fuzzer can tell a valid address without asking. The server stays the judge;
//! the tests below hold each pattern to the check it describes.

use crate::address::{Country, MAX_ADDRESS_TEXT};

/// Rust's whitespace (what `str::trim` drops), as the inside of a class: the same characters
/// as [`crate::validate::NON_BLANK_PATTERN`].
const WS: &str =
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// Any run of whitespace.
fn w() -> String {
    format!("[{WS}]*")
}

/// One character `str::trim` keeps.
fn n() -> String {
    format!("[^{WS}]")
}

/// The atoms in order with any whitespace around and between them (the checks drop every
/// whitespace character before reading a postal code), anchored.
fn spaced(atoms: &[String]) -> String {
    let w = w();
    format!("^{w}{}{w}$", atoms.join(&w))
}

/// A two-letter code in either case: `ES` → `[Ee][Ss]`.
fn either_case(code: &str) -> String {
    code.chars()
        .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase()))
        .collect()
}

/// The `country` value that selects `c`'s rules: its code in either case, trimmed (GB also
/// answers to `UK`).
pub fn country_pattern(c: Country) -> String {
    let mut codes = vec![either_case(c.code())];
    if c == Country::GB {
        codes.push(either_case("UK"));
    }
    let w = w();
    format!("^{w}(?:{}){w}$", codes.join("|"))
}

/// A `country` value of any other country: two ASCII letters that name none with rules.
pub fn other_country_pattern() -> String {
    let mut taken: Vec<String> = Country::ALL.iter().map(|c| c.code().to_owned()).collect();
    taken.push("UK".to_owned());
    let alternatives: Vec<String> = ('A'..='Z')
        .map(|first| {
            let seconds: String = ('A'..='Z')
                .filter(|second| !taken.contains(&format!("{first}{second}")))
                .flat_map(|s| [s, s.to_ascii_lowercase()])
                .collect();
            format!("[{first}{}][{seconds}]", first.to_ascii_lowercase())
        })
        .collect();
    let w = w();
    format!("^{w}(?:{}){w}$", alternatives.join("|"))
}

/// [`Country::postal_code`]'s shapes as a pattern.
pub fn postal_pattern(c: Country) -> String {
    let digit = || "[0-9]".to_owned();
    let digits = |k: usize| vec![digit(); k];
    let w = w();
    match c {
        Country::ES => {
            let mut atoms = vec![format!("(?:0{w}[1-9]|[1-4]{w}[0-9]|5{w}[0-2])")];
            atoms.extend(digits(3));
            spaced(&atoms)
        }
        Country::FR | Country::DE | Country::IT | Country::MX => spaced(&digits(5)),
        // Hyphens may stand anywhere: the check drops them before counting digits.
        Country::PT | Country::BR => {
            let (first, rest) = if c == Country::PT {
                ("[1-9]", 6)
            } else {
                ("[0-9]", 7)
            };
            let s = format!(r"[{WS}\-]*");
            format!("^{s}{first}(?:{s}[0-9]){{{rest}}}{s}$")
        }
        Country::US => {
            let zip = digits(5).join(&w);
            let plus4 = digits(4).join(&w);
            format!("^{w}{zip}{w}(?:-{w}(?:{plus4}{w})?)?$")
        }
        Country::GB => {
            let (l, d) = ("[A-Za-z]", "[0-9]");
            let outward = ["ld", "ldd", "lld", "lldd", "ldl", "lldl"]
                .iter()
                .map(|shape| {
                    shape
                        .chars()
                        .map(|k| if k == 'l' { l } else { d })
                        .collect::<Vec<_>>()
                        .join(&w)
                })
                .collect::<Vec<_>>()
                .join("|");
            spaced(&[format!("(?:{outward})"), d.into(), l.into(), l.into()])
        }
    }
}

/// A text of 1–`max` characters once trimmed, with any whitespace around it.
fn trimmed_text(max: usize) -> String {
    let (w, n) = (w(), n());
    format!(r"{w}{n}(?:[\s\S]{{0,{}}}{n})?{w}", max - 2)
}

/// [`Country::region_value`] as a pattern, and whether the region is required.
pub fn region_pattern(c: Country) -> (String, bool) {
    let w = w();
    let codes = |list: &[&str]| {
        let alternatives: Vec<String> = list.iter().map(|s| either_case(s)).collect();
        format!("^{w}(?:{}){w}$", alternatives.join("|"))
    };
    match c {
        Country::US => (codes(&crate::address::US_STATES), true),
        Country::BR => (codes(&crate::address::BR_STATES), true),
        Country::IT => (format!("^{w}[A-Za-z]{{2}}{w}$"), true),
        Country::MX => (format!("^{}$", trimmed_text(MAX_ADDRESS_TEXT)), true),
        Country::ES | Country::PT | Country::FR | Country::DE | Country::GB => (
            format!("^(?:{})?{w}$", trimmed_text(MAX_ADDRESS_TEXT)),
            false,
        ),
    }
}

#[cfg(feature = "openapi")]
mod schema {
    use super::*;
    use crate::validate::NON_BLANK_PATTERN;
    use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, Type};
    use utoipa::openapi::Schema;

    fn text(description: &str, pattern: Option<String>, nullable: bool) -> ObjectBuilder {
        let ty = if nullable {
            utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null])
        } else {
            Type::String.into()
        };
        ObjectBuilder::new()
            .schema_type(ty)
            .description(Some(description))
            .pattern(pattern)
    }

    /// One branch: the fields every address has, with this branch's country, postal-code
    /// and region rules.
    fn branch(
        title: &str,
        country: String,
        postal: ObjectBuilder,
        region: ObjectBuilder,
        region_required: bool,
    ) -> Schema {
        let line = |d: &str| {
            text(d, Some(NON_BLANK_PATTERN.to_owned()), false).max_length(Some(MAX_ADDRESS_TEXT))
        };
        let mut b = ObjectBuilder::new()
            .schema_type(Type::Object)
            .title(Some(title))
            .property("name", line("Recipient name."))
            .property("line1", line("Street lines."))
            .property(
                "line2",
                text("Second line (flat, floor).", None, true).max_length(Some(MAX_ADDRESS_TEXT)),
            )
            .property("city", line("City."))
            .property("region", region)
            .property("postal_code", postal)
            .property(
                "country",
                text("ISO 3166-1 alpha-2 country.", Some(country), false),
            )
            .required("name")
            .required("line1")
            .required("city")
            .required("postal_code")
            .required("country");
        if region_required {
            b = b.required("region");
        }
        b.build().into()
    }

    /// The address a shopper gives (a saved address, a delivery change), checked per country:
    /// `Problems::address` as a schema.
    pub fn address_input() -> Schema {
        let mut any = AnyOfBuilder::new().description(Some(
            "A postal address, checked by its country's rules (postal code shape, region).",
        ));
        for c in Country::ALL {
            let (region, required) = region_pattern(c);
            any = any.item(branch(
                c.code(),
                country_pattern(c),
                text("Postal code.", Some(postal_pattern(c)), false),
                text("State / province.", Some(region), !required),
                required,
            ));
        }
        let w = w();
        any = any.item(branch(
            "Another country",
            other_country_pattern(),
            text(
                "Postal code, up to 12 characters once trimmed.",
                Some(format!("^{w}(?:{})?{w}$", trimmed_text(12))),
                false,
            ),
            text("State / province.", None, true).max_length(Some(MAX_ADDRESS_TEXT)),
            false,
        ));
        any.build().into()
    }
}

#[cfg(feature = "openapi")]
pub use schema::address_input;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::Address;
    use crate::test_patterns::agree;
    use crate::validate::Problems;

    #[test]
    fn postal_patterns_are_the_checks() {
        for c in Country::ALL {
            agree(
                &postal_pattern(c),
                |s| c.postal_code(s).is_ok(),
                &[
                    c.postal_example(),
                    " 1 2 3 4 5 ",
                    "-99AA",
                    "SW1A1AA",
                    "94103-",
                    "1100-148-",
                ],
            );
        }
    }

    #[test]
    fn region_patterns_are_the_checks() {
        for c in Country::ALL {
            let (pattern, required) = region_pattern(c);
            assert_eq!(c.region_value(None).is_err(), required);
            agree(
                &pattern,
                |s| c.region_value(Some(s)).is_ok() && (!required || !s.trim().is_empty()),
                &["ca", " Ma ", "XX", "MI", "Jalisco", "", "   "],
            );
        }
    }

    #[test]
    fn country_patterns_select_the_rules() {
        let other = regex::Regex::new(&other_country_pattern()).unwrap();
        for a in 'A'..='Z' {
            for b in ['a', 'B', 'k', 'S', 'z'] {
                let code = format!(" {a}{b} ");
                let known: Vec<_> = Country::ALL
                    .into_iter()
                    .filter(|c| {
                        regex::Regex::new(&country_pattern(*c))
                            .unwrap()
                            .is_match(&code)
                    })
                    .collect();
                assert_eq!(
                    known.len(),
                    usize::from(Country::from_code(&code).is_some())
                );
                assert_eq!(other.is_match(&code), known.is_empty(), "{code}");
                // Any other two letters pass the check with free-form fields.
                let address = Address {
                    name: "Ana".into(),
                    line1: "Rua 1".into(),
                    city: "X".into(),
                    country: code.clone(),
                    postal_code: "12345".into(),
                    region: Some("MA".into()),
                    ..Address::default()
                };
                let mut p = Problems::default();
                let fine = p.address("a", &address).is_some();
                if known.is_empty() {
                    assert!(fine, "{code}");
                }
            }
        }
    }
}
