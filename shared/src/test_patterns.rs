//! Test support: holds the document's patterns to the checks they describe.

/// A pattern and its parser agree: on tricky cases, on strings drawn from the pattern, and
/// on arbitrary strings (whatever parses matches, whatever matches parses).
pub(crate) fn agree(pattern: &str, parses: impl Fn(&str) -> bool, tricky: &[&str]) {
    use proptest::prelude::*;
    let re = regex::Regex::new(pattern).unwrap();
    for s in tricky {
        assert_eq!(re.is_match(s), parses(s), "{s:?}");
    }
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    // Generation takes the pattern without its anchors (`^…$`).
    let unanchored = &pattern[1..pattern.len() - 1];
    let drawn = proptest::string::string_regex(unanchored).unwrap();
    runner
        .run(&drawn, |s| {
            prop_assert!(parses(&s), "{:?} matches but does not parse", s);
            Ok(())
        })
        .unwrap();
    let near = prop_oneof![
        any::<String>(),
        "[ #a-zA-Z0-9@.\\-_\u{85}\u{a0}\u{feff}\u{1}é\t]{0,80}",
        proptest::string::string_regex(unanchored)
            .unwrap()
            .prop_flat_map(|s| {
                let n = s.chars().count();
                (Just(s), 0..=n, any::<char>())
            })
            .prop_map(|(s, at, c)| {
                let mut v: Vec<char> = s.chars().collect();
                v.insert(at, c);
                v.into_iter().collect()
            }),
    ];
    runner
        .run(&near, |s| {
            prop_assert_eq!(re.is_match(&s), parses(&s), "{:?}", &s);
            Ok(())
        })
        .unwrap();
}
