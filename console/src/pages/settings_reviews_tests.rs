use super::*;
use aftercare_shared::api::ReviewSettingsInput;

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

const TIMING: [(&str, &str); 4] = [
    ("use_days", "14"),
    ("transit", "5"),
    ("reminders", "2"),
    ("asks", "3"),
];

#[test]
fn rows_keep_their_order_without_removed_or_blank_ones() {
    let mut v = TIMING.to_vec();
    v.extend([
        ("auto_publish", "on"),
        ("attr.1.attribute", "would_recommend"),
        ("attr.1.tags", ""),
        ("attr.0.attribute", "fit"),
        ("attr.0.tags", " knitwear, ,footwear "),
        ("attr.2.attribute", "fit"),
        ("attr.2.remove", "on"),
        ("attr.3.attribute", ""),
        ("attr.3.tags", " "),
        ("period.0.target", "tag"),
        ("period.0.value", " furniture "),
        ("period.0.days", "30"),
        ("period.1.target", "sku"),
        ("period.1.value", ""),
        ("period.1.days", ""),
        ("offer", ""),
        ("code_prefix", " "),
    ]);
    let f = ReviewsForm::from_pairs(&pairs(&v));
    let s = f.to_settings().unwrap();
    assert!(s.auto_publish);
    assert_eq!(s.timing.default_use_days, 14);
    assert_eq!(s.timing.max_asks_per_30_days, 3);
    assert_eq!(
        s.timing.use_periods,
        [UsePeriod {
            target: UseTarget::Tag("furniture".into()),
            days: 30
        }]
    );
    let attrs: Vec<(ReviewAttribute, Vec<String>)> = s
        .attributes
        .iter()
        .map(|r| (r.attribute, r.tags.clone()))
        .collect();
    assert_eq!(
        attrs,
        [
            (
                ReviewAttribute::Fit,
                vec!["knitwear".to_owned(), "footwear".to_owned()]
            ),
            (ReviewAttribute::WouldRecommend, vec![])
        ]
    );
    assert_eq!(s.incentive, None, "both empty: no reward");
    // What is stored shows again as it was.
    assert_eq!(ReviewsForm::from_settings(&s).to_settings(), Ok(s));
}

#[test]
fn typing_mistakes_are_named_and_the_apis_refusals_land_on_their_field() {
    let mut v = TIMING.to_vec();
    v[1] = ("transit", "a week");
    v.extend([
        ("attr.0.attribute", ""),
        ("attr.0.tags", "shoes"),
        ("period.0.target", "sku"),
        ("period.0.value", "SKU-1"),
        ("period.0.days", "x"),
    ]);
    let problems = ReviewsForm::from_pairs(&pairs(&v))
        .to_settings()
        .unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "timing.transit_buffer_days",
            "timing.use_periods[0].days",
            "attributes[0].attribute"
        ]
    );

    let long = "x".repeat(501);
    let mut v = TIMING.to_vec();
    v[2] = ("reminders", "9");
    v.extend([
        ("attr.0.attribute", "fit"),
        ("attr.0.tags", &long),
        ("offer", "10% off"),
        ("code_prefix", "thanks"),
    ]);
    let s = ReviewsForm::from_pairs(&pairs(&v)).to_settings().unwrap();
    assert_eq!(s.incentive.as_ref().unwrap().code_prefix, "THANKS");
    let api = ReviewSettingsInput {
        settings: s,
        auto_publish_min_rating: None,
        reward_min_rating: None,
    }
    .validate()
    .unwrap_err();
    let problems = form_problems(api.fields.into_iter().map(|e| (e.field, e.issue)));
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["timing.max_reminders", "attributes[0].tags"]);
}
