//! The return settings as the Returns tab's form holds them: every value as typed (so a
//! refused save shows it again), read from the posted pairs and turned into the settings
//! document that `ReturnSettings::validate` checks on the server.

use super::super::form::Problem;
use aftercare_shared::api::{
    LocalizedLabel, ResolutionChoice, ReturnReasonSetting, ReturnSettings,
};
use aftercare_shared::returns::{Requirement, Resolution, ReturnMethod, ReturnPolicy};
use aftercare_shared::{FieldIssue, Locale};
use std::collections::BTreeMap;

/// The resolutions a store may offer, in the order the form lists them.
pub const RESOLUTIONS: [Resolution; 3] = [
    Resolution::Refund,
    Resolution::StoreCredit,
    Resolution::Exchange,
];

/// The ways a parcel may go back, in the order the form lists them.
pub const METHODS: [ReturnMethod; 2] = [ReturnMethod::DropOff, ReturnMethod::Pickup];

/// A reason's comment and photo rules, in the order their select lists them.
pub const REQUIREMENTS: [Requirement; 3] = [
    Requirement::Disabled,
    Requirement::Optional,
    Requirement::Required,
];

/// A resolution's form value (the API's name).
pub fn resolution_code(r: Resolution) -> &'static str {
    match r {
        Resolution::Refund => "refund",
        Resolution::StoreCredit => "store_credit",
        Resolution::Exchange => "exchange",
    }
}

/// A method's form value (the API's name).
pub fn method_code(m: ReturnMethod) -> &'static str {
    match m {
        ReturnMethod::DropOff => "drop_off",
        ReturnMethod::Pickup => "pickup",
    }
}

/// A rule's form value (the API's name).
pub fn requirement_code(r: Requirement) -> &'static str {
    match r {
        Requirement::Disabled => "disabled",
        Requirement::Optional => "optional",
        Requirement::Required => "required",
    }
}

/// One reason as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonRow {
    /// Its code as typed.
    pub code: String,
    /// Its label in each language of [`Locale::ALL`], as typed (empty: none in that language).
    pub labels: [String; Locale::ALL.len()],
    /// Comment rule.
    pub comment: Requirement,
    /// Photo rule.
    pub photos: Requirement,
}

impl ReasonRow {
    /// The empty row the form offers for adding a reason.
    pub fn blank() -> Self {
        Self {
            code: String::new(),
            labels: Default::default(),
            comment: Requirement::Optional,
            photos: Requirement::Disabled,
        }
    }

    /// Nothing typed in it: not a reason.
    pub fn is_blank(&self) -> bool {
        self.code.trim().is_empty() && self.labels.iter().all(|l| l.trim().is_empty())
    }

    /// The languages whose label is given, in the order the document lists them.
    fn given(&self) -> impl Iterator<Item = (Locale, &str)> {
        Locale::ALL
            .into_iter()
            .zip(&self.labels)
            .map(|(l, t)| (l, t.trim()))
            .filter(|(_, t)| !t.is_empty())
    }
}

/// The return settings as the form holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnsForm {
    /// `policy.window_days` as typed.
    pub window: String,
    /// `policy.transit_buffer_days` as typed.
    pub buffer: String,
    /// `policy.restocking_fee_bps` as a percentage, as typed.
    pub restocking: String,
    /// `policy.return_shipping_fee_minor` as typed.
    pub shipping_fee: String,
    /// `policy.store_credit_bonus_bps` as a percentage, as typed.
    pub bonus: String,
    /// Methods ticked, in [`METHODS`] order.
    pub methods: Vec<ReturnMethod>,
    /// EU withdrawal button offered.
    pub withdrawal: bool,
    /// Resolutions ticked, in [`RESOLUTIONS`] order.
    pub resolutions: Vec<Resolution>,
    /// Final-sale tags, one per line, as typed.
    pub final_sale_tags: String,
    /// Reasons kept, in order.
    pub reasons: Vec<ReasonRow>,
    /// Return address as typed.
    pub address: String,
    /// `photo_retention_days` as typed.
    pub retention: String,
}

/// `bps` as a percentage: 500 → `5`, 1250 → `12.5`, 5 → `0.05`.
pub fn percent(bps: u32) -> String {
    let (whole, part) = (bps / 100, bps % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// A typed percentage in basis points (`12,5` or `12.5` → 1250; at most two decimals), or
/// why not: not a number (`InvalidFormat`) or too big to be one (`OutOfRange`).
pub fn bps(raw: &str) -> Result<u32, FieldIssue> {
    let raw = raw.trim().trim_end_matches('%').trim_end();
    let (whole, part) = raw.split_once(['.', ',']).unwrap_or((raw, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(part) || part.len() > 2 {
        return Err(FieldIssue::InvalidFormat);
    }
    let whole: u32 = whole.parse().map_err(|_| FieldIssue::OutOfRange)?;
    let part: u32 = format!("{part:0<2}").parse().unwrap_or(0);
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(part))
        .ok_or(FieldIssue::OutOfRange)
}

impl ReturnsForm {
    /// The form showing `s`.
    pub fn from_settings(s: &ReturnSettings) -> Self {
        let p = &s.policy;
        Self {
            window: p.window_days.to_string(),
            buffer: p.transit_buffer_days.to_string(),
            restocking: percent(p.restocking_fee_bps),
            shipping_fee: p.return_shipping_fee_minor.to_string(),
            bonus: percent(p.store_credit_bonus_bps),
            methods: METHODS
                .into_iter()
                .filter(|m| p.methods.contains(m))
                .collect(),
            withdrawal: p.withdrawal_enabled,
            resolutions: RESOLUTIONS
                .into_iter()
                .filter(|r| s.resolutions.iter().any(|c| c.resolution == *r))
                .collect(),
            final_sale_tags: s.final_sale_tags.join("\n"),
            reasons: s
                .reasons
                .iter()
                .map(|r| ReasonRow {
                    code: r.code.clone(),
                    labels: Locale::ALL.map(|l| {
                        r.labels
                            .iter()
                            .find(|x| x.locale == l)
                            .map(|x| x.label.clone())
                            .unwrap_or_default()
                    }),
                    comment: r.comment,
                    photos: r.photos,
                })
                .collect(),
            address: s.return_address.clone(),
            retention: s.photo_retention_days.to_string(),
        }
    }

    /// The form as posted: reason rows in the order of their numbers, without the removed
    /// ones and without the blank "add" row.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let ticked = |k: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        let rule = |v: &str| REQUIREMENTS.into_iter().find(|r| requirement_code(*r) == v);
        let mut rows: BTreeMap<u32, (ReasonRow, bool)> = BTreeMap::new();
        for (name, value) in pairs {
            let Some((n, field)) = name
                .strip_prefix("reason.")
                .and_then(|rest| rest.split_once('.'))
            else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else { continue };
            let (row, removed) = rows.entry(n).or_insert_with(|| (ReasonRow::blank(), false));
            match field {
                "code" => row.code = value.clone(),
                "comment" => row.comment = rule(value).unwrap_or(row.comment),
                "photos" => row.photos = rule(value).unwrap_or(row.photos),
                "remove" => *removed = true,
                _ => {
                    let lang = field
                        .strip_prefix("label.")
                        .and_then(|tag| Locale::ALL.iter().position(|l| l.tag() == tag));
                    if let Some(i) = lang {
                        row.labels[i] = value.clone();
                    }
                }
            }
        }
        let methods = ticked("return_method");
        let resolutions = ticked("resolution");
        Self {
            window: get("window"),
            buffer: get("buffer"),
            restocking: get("restocking"),
            shipping_fee: get("shipping_fee"),
            bonus: get("bonus"),
            methods: METHODS
                .into_iter()
                .filter(|m| methods.contains(&method_code(*m)))
                .collect(),
            withdrawal: !get("withdrawal").is_empty(),
            resolutions: RESOLUTIONS
                .into_iter()
                .filter(|r| resolutions.contains(&resolution_code(*r)))
                .collect(),
            final_sale_tags: get("final_sale_tags"),
            reasons: rows
                .into_values()
                .filter(|(row, removed)| !removed && !row.is_blank())
                .map(|(row, _)| row)
                .collect(),
            address: get("address"),
            retention: get("retention"),
        }
    }

    /// The settings document, or the fields that are not numbers; the document's own rules
    /// are checked by `ReturnSettings::validate` (on the server, before saving).
    pub fn to_settings(&self) -> Result<ReturnSettings, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut check = |path: &str, r: Result<u32, FieldIssue>| {
            r.unwrap_or_else(|issue| {
                problems.push((path.to_owned(), issue));
                0
            })
        };
        let days = |raw: &str| {
            raw.trim()
                .parse::<u32>()
                .map_err(|_| FieldIssue::InvalidFormat)
        };
        let window_days = check("policy.window_days", days(&self.window));
        let transit_buffer_days = check("policy.transit_buffer_days", days(&self.buffer));
        let restocking_fee_bps = check("policy.restocking_fee_bps", bps(&self.restocking));
        let store_credit_bonus_bps = check("policy.store_credit_bonus_bps", bps(&self.bonus));
        let photo_retention_days = check("photo_retention_days", days(&self.retention));
        let return_shipping_fee_minor =
            self.shipping_fee.trim().parse::<i64>().unwrap_or_else(|_| {
                problems.push((
                    "policy.return_shipping_fee_minor".to_owned(),
                    FieldIssue::InvalidFormat,
                ));
                0
            });
        if !problems.is_empty() {
            // In the order the page shows the fields.
            problems.sort_by_key(|(p, _)| ORDER.iter().position(|o| o == p));
            return Err(problems);
        }
        Ok(ReturnSettings {
            policy: ReturnPolicy {
                window_days,
                transit_buffer_days,
                restocking_fee_bps,
                return_shipping_fee_minor,
                store_credit_bonus_bps,
                methods: self.methods.clone(),
                withdrawal_enabled: self.withdrawal,
            },
            resolutions: self
                .resolutions
                .iter()
                .map(|r| ResolutionChoice { resolution: *r })
                .collect(),
            final_sale_tags: self
                .final_sale_tags
                .lines()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            reasons: self
                .reasons
                .iter()
                .map(|r| ReturnReasonSetting {
                    code: r.code.trim().to_owned(),
                    labels: r
                        .given()
                        .map(|(locale, label)| LocalizedLabel {
                            locale,
                            label: label.to_owned(),
                        })
                        .collect(),
                    comment: r.comment,
                    photos: r.photos,
                })
                .collect(),
            return_address: self.address.trim().to_owned(),
            photo_retention_days,
        })
    }

    /// Where the form shows a problem the document's rules found at `path`: a reason's
    /// `labels[j]` (the j-th language given) is that language's input, and a reason without
    /// any label points at its first one.
    pub fn form_path(&self, path: &str) -> String {
        let reason = path.strip_prefix("reasons[").and_then(|rest| {
            let (i, field) = rest.split_once("].")?;
            Some((i.parse::<usize>().ok()?, field))
        });
        let Some((i, field)) = reason else {
            return path.to_owned();
        };
        let locale = match field.strip_prefix("labels") {
            Some("") => Some(Locale::ALL[0]),
            Some(rest) => rest
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .and_then(|(j, _)| j.parse::<usize>().ok())
                .and_then(|j| self.reasons.get(i)?.given().nth(j).map(|(l, _)| l)),
            None => None,
        };
        match locale {
            Some(l) => label_path(i, l),
            None => path.to_owned(),
        }
    }
}

/// The form's path of reason `i`'s label in `locale` (`reasons[2].labels.pt-BR`).
pub fn label_path(i: usize, locale: Locale) -> String {
    format!("reasons[{i}].labels.{}", locale.tag())
}

/// The number fields in page order (problems are listed in it).
const ORDER: [&str; 6] = [
    "policy.window_days",
    "policy.transit_buffer_days",
    "policy.restocking_fee_bps",
    "policy.return_shipping_fee_minor",
    "policy.store_credit_bonus_bps",
    "photo_retention_days",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    fn base() -> Vec<(&'static str, &'static str)> {
        vec![
            ("window", "45"),
            ("buffer", "5"),
            ("restocking", "2,5"),
            ("shipping_fee", "495"),
            ("bonus", "10"),
            ("return_method", "pickup"),
            ("withdrawal", "on"),
            ("resolution", "exchange"),
            ("resolution", "refund"),
            ("final_sale_tags", "final-sale\n\n  outlet \n"),
            ("address", " Aurora Outdoor, Calle 1, Madrid "),
            ("retention", "90"),
        ]
    }

    #[test]
    fn a_posted_form_keeps_reason_order_and_drops_removed_and_blank_rows() {
        let mut v = base();
        v.extend([
            ("reason.1.code", "damaged"),
            ("reason.1.label.en", "Arrived damaged"),
            ("reason.1.label.es", ""),
            ("reason.1.label.pt-BR", "Chegou danificado"),
            ("reason.1.comment", "optional"),
            ("reason.1.photos", "required"),
            ("reason.0.code", "too_small"),
            ("reason.0.label.en", "Too small"),
            ("reason.0.comment", "disabled"),
            ("reason.0.photos", "disabled"),
            ("reason.2.code", "gone"),
            ("reason.2.label.en", "Gone"),
            ("reason.2.remove", "on"),
            ("reason.3.code", " "),
            ("reason.3.label.en", ""),
            ("reason.3.comment", "required"),
        ]);
        let f = ReturnsForm::from_pairs(&pairs(&v));
        let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["too_small", "damaged"]);
        assert_eq!(f.resolutions, [Resolution::Refund, Resolution::Exchange]);
        assert_eq!(f.methods, [ReturnMethod::Pickup]);
        let s = f.to_settings().unwrap();
        assert_eq!(s.policy.window_days, 45);
        assert_eq!(s.policy.restocking_fee_bps, 250);
        assert_eq!(s.policy.store_credit_bonus_bps, 1000);
        assert_eq!(s.policy.return_shipping_fee_minor, 495);
        assert!(s.policy.withdrawal_enabled);
        assert_eq!(s.final_sale_tags, ["final-sale", "outlet"]);
        assert_eq!(s.return_address, "Aurora Outdoor, Calle 1, Madrid");
        assert_eq!(s.photo_retention_days, 90);
        let damaged = &s.reasons[1];
        assert_eq!(
            damaged.labels.iter().map(|l| l.locale).collect::<Vec<_>>(),
            [Locale::En, Locale::PtBr],
            "blank languages are left out"
        );
        assert_eq!(
            (damaged.comment, damaged.photos),
            (Requirement::Optional, Requirement::Required)
        );
        s.validate().unwrap();
        // And back: the form of the saved document is the form that was posted (trimmed).
        let again = ReturnsForm::from_settings(&s);
        assert_eq!(again.reasons, f.reasons);
        assert_eq!(again.restocking, "2.5");
        assert_eq!(again.to_settings().unwrap(), s);
    }

    #[test]
    fn numbers_that_are_not_numbers_are_named_in_page_order() {
        let mut v = base();
        v[0] = ("window", "a month");
        v[2] = ("restocking", "2.555");
        v[3] = ("shipping_fee", "4,95 €");
        v[11] = ("retention", "-1");
        let problems = ReturnsForm::from_pairs(&pairs(&v))
            .to_settings()
            .unwrap_err();
        assert_eq!(
            problems,
            [
                ("policy.window_days".to_owned(), FieldIssue::InvalidFormat),
                (
                    "policy.restocking_fee_bps".to_owned(),
                    FieldIssue::InvalidFormat
                ),
                (
                    "policy.return_shipping_fee_minor".to_owned(),
                    FieldIssue::InvalidFormat
                ),
                ("photo_retention_days".to_owned(), FieldIssue::InvalidFormat),
            ]
        );
    }

    #[test]
    fn percentages_read_and_write_in_basis_points() {
        for (bp, text) in [
            (0, "0"),
            (500, "5"),
            (1250, "12.5"),
            (5, "0.05"),
            (10_000, "100"),
        ] {
            assert_eq!(percent(bp), text);
            assert_eq!(bps(text), Ok(bp));
        }
        assert_eq!(bps("7,25 %"), Ok(725));
        assert_eq!(bps("99999999999"), Err(FieldIssue::OutOfRange));
        for bad in ["", "-1", ".5", "5x", "1.234", "1.2.3"] {
            assert!(bps(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn label_problems_land_on_the_language_typed() {
        let mut v = base();
        v.extend([
            ("reason.0.code", "Bad Code"),
            ("reason.0.label.es", "Demasiado pequeño"),
            ("reason.0.label.pt-BR", "x"),
            ("reason.1.code", "no_label"),
        ]);
        let f = ReturnsForm::from_pairs(&pairs(&v));
        let s = f.to_settings().unwrap();
        let e = s.validate().unwrap_err();
        let paths: Vec<String> = e.fields.iter().map(|x| f.form_path(&x.field)).collect();
        assert_eq!(paths, ["reasons[0].code", "reasons[1].labels.en"]);
        assert_eq!(
            f.form_path("reasons[0].labels[1].label"),
            "reasons[0].labels.pt-BR"
        );
        assert_eq!(f.form_path("policy.window_days"), "policy.window_days");
    }
}
