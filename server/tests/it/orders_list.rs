//! `GET /v1/orders`, the account page's order list: filters, search, pagination with a total,
//! refusals, and who may list. Olivia (`cus_olivia`, orders 2001–2040, `seed/orders.json`)
//! is the known mix: 33 delivered, 2 in transit (2038, 2039), 1 processing (2040),
//! 4 cancelled (2005, 2014, 2024, 2034), returns on 2020, 2031 and 2035.

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::returns::fields;
use common::*;
use serde_json::Value;

/// `GET /v1/orders{query}` as `customer`.
async fn list(t: &TestApp, customer: &str, query: &str) -> Reply {
    t.send(
        public("GET", &format!("/v1/orders{query}"))
            .header(
                "authorization",
                format!("Bearer {}", customer_token(customer)),
            )
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// The order numbers of a page.
fn numbers(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_number"].as_str().unwrap().to_owned())
        .collect()
}

/// Every page of `params` (without `cursor`), following `next_cursor`: the numbers in order,
/// and the `total` each page reported.
async fn walk(t: &TestApp, customer: &str, params: &str) -> (Vec<String>, Vec<u64>) {
    let (mut all, mut totals) = (Vec::new(), Vec::new());
    let mut query = format!("?{params}");
    for _ in 0..100 {
        let r = list(t, customer, &query).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
        let page = r.json();
        all.extend(numbers(&page));
        totals.push(page["total"].as_u64().expect("total is always there"));
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("?{params}&cursor={c}"),
            None => return (all, totals),
        }
    }
    panic!("more than 100 pages");
}

/// `n..=m` newest first, as text.
fn newest_first(range: std::ops::RangeInclusive<u32>) -> Vec<String> {
    range.rev().map(|n| n.to_string()).collect()
}

#[tokio::test]
async fn each_filter_lists_its_part_of_a_known_mix() {
    let t = setup().await;
    let (all, _) = walk(&t, "cus_olivia", "limit=100").await;
    assert_eq!(all, newest_first(2001..=2040));
    let cases: [(&str, Vec<&str>); 3] = [
        ("open", vec!["2040", "2039", "2038"]),
        ("returns", vec!["2035", "2031", "2020"]),
        ("cancelled", vec!["2034", "2024", "2014", "2005"]),
    ];
    for (status, expected) in cases {
        let page = list(&t, "cus_olivia", &format!("?status={status}"))
            .await
            .json();
        assert_eq!(numbers(&page), expected, "{status}");
        assert_eq!(page["total"], expected.len(), "{status}");
    }
    let page = list(&t, "cus_olivia", "?status=delivered&limit=100")
        .await
        .json();
    assert_eq!(page["total"], 33);
    let delivered = numbers(&page);
    let expected: Vec<String> = newest_first(2001..=2037)
        .into_iter()
        .filter(|n| !["2034", "2024", "2014", "2005"].contains(&n.as_str()))
        .collect();
    assert_eq!(delivered, expected);
    assert!(page["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["status"] == "delivered"));
    // `all` is the default, named or not; the statuses behind `open`.
    let named = list(&t, "cus_olivia", "?status=all&limit=100").await.json();
    assert_eq!(numbers(&named), all);
    assert_eq!(named["total"], 40);
    let open = list(&t, "cus_olivia", "?status=open").await.json();
    let statuses: Vec<&str> = open["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["processing", "shipped", "shipped"]);
    // Ana's mix: a processing order, parcels on their way, returns in several states.
    let ana = list(&t, "cus_ana", "?status=returns").await.json();
    assert_eq!(numbers(&ana), ["1001", "1017"]);
}

#[tokio::test]
async fn search_matches_numbers_and_titles_ignoring_case() {
    let t = setup().await;
    let search = |customer: &'static str, q: &'static str| {
        let t = &t;
        async move {
            let r = list(t, customer, &format!("?limit=100&q={q}")).await;
            assert_eq!(r.status, StatusCode::OK, "{q}: {:?}", r.json());
            let page = r.json();
            assert_eq!(page["total"], numbers(&page).len(), "{q}");
            numbers(&page)
        }
    };
    assert_eq!(search("cus_ana", "%231002").await, ["1002"], "#1002");
    assert_eq!(search("cus_ana", "1002").await, ["1002"]);
    assert_eq!(search("cus_ana", "100").await, ["1003", "1002", "1001"]);
    assert_eq!(search("cus_olivia", "2013").await, ["2013"]);
    // Alpaca Scarf is in baskets 5 and 6 of 8: orders 2005, 2006, 2013, 2014, …
    let scarf = [
        "2038", "2037", "2030", "2029", "2022", "2021", "2014", "2013", "2006", "2005",
    ];
    assert_eq!(search("cus_olivia", "alpaca").await, scarf);
    assert_eq!(search("cus_olivia", "ALPACA%20Scarf").await, scarf);
    assert_eq!(
        search("cus_olivia", "%20%20aLpAcA%20%20").await,
        scarf,
        "trimmed"
    );
    // Search and filter together.
    let page = list(&t, "cus_olivia", "?q=alpaca&status=cancelled")
        .await
        .json();
    assert_eq!(numbers(&page), ["2014", "2005"]);
    assert_eq!(page["total"], 2);
    // SQL wildcards are plain text, an empty search is no search.
    assert!(search("cus_olivia", "%25").await.is_empty());
    assert!(search("cus_olivia", "_").await.is_empty());
    assert_eq!(search("cus_olivia", "%20%20").await.len(), 40);
    assert_eq!(search("cus_olivia", "").await.len(), 40);
    // 100 characters (not bytes) are fine.
    let long = "%C3%A9".repeat(100);
    let r = list(&t, "cus_olivia", &format!("?q={long}")).await;
    assert_eq!(
        (r.status, r.json()["total"].as_u64()),
        (StatusCode::OK, Some(0))
    );
}

#[tokio::test]
async fn pages_cover_every_match_once_with_a_steady_total() {
    let t = setup().await;
    for (filter, limit, expected) in [
        ("status=all", 7, 40),
        ("status=open", 1, 3),
        ("status=delivered&q=sock", 3, 8),
        ("status=returns", 2, 3),
    ] {
        let params = format!("{filter}&limit={limit}");
        let (seen, totals) = walk(&t, "cus_olivia", &params).await;
        assert_eq!(seen.len(), expected, "{params}: {seen:?}");
        assert!(
            totals.iter().all(|&n| n == expected as u64),
            "{params}: {totals:?}"
        );
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{params}: no duplicates");
        let one_page = list(&t, "cus_olivia", &format!("?{filter}&limit=100"))
            .await
            .json();
        assert_eq!(numbers(&one_page), seen, "{params}: same rows as one page");
    }
    let (pages, _) = walk(&t, "cus_olivia", "limit=20").await;
    assert_eq!(pages.len(), 40);
    let first = list(&t, "cus_olivia", "").await.json();
    assert_eq!(first["items"].as_array().unwrap().len(), 20, "default page");
    assert!(first["next_cursor"].is_string());
    let last = list(&t, "cus_olivia", "?limit=40").await.json();
    assert!(
        last.get("next_cursor").is_none(),
        "no cursor on the last page"
    );
}

#[tokio::test]
async fn a_cursor_is_a_position_under_any_filter() {
    let t = setup().await;
    let page = list(&t, "cus_olivia", "?limit=7").await.json();
    assert_eq!(numbers(&page).last().unwrap(), "2034");
    let cursor = page["next_cursor"].as_str().unwrap();
    let delivered = list(
        &t,
        "cus_olivia",
        &format!("?status=delivered&limit=3&cursor={cursor}"),
    )
    .await
    .json();
    assert_eq!(numbers(&delivered), ["2033", "2032", "2031"]);
    assert_eq!(delivered["total"], 33, "the total counts every page");
    let cancelled = list(
        &t,
        "cus_olivia",
        &format!("?status=cancelled&cursor={cursor}"),
    )
    .await
    .json();
    assert_eq!(numbers(&cancelled), ["2024", "2014", "2005"]);
}

#[tokio::test]
async fn bad_parameters_are_named() {
    let t = setup().await;
    let refuse = |query: &'static str| {
        let t = &t;
        async move {
            let r = list(t, "cus_olivia", query).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
            assert_eq!(r.code(), "validation_failed");
            r
        }
    };
    let r = refuse("?status=shipped").await;
    assert_eq!(fields(&r), [("status".into(), "invalid_format".into())]);
    let message = r.json()["fields"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    for allowed in ["all", "open", "delivered", "returns", "cancelled"] {
        assert!(message.contains(allowed), "{message}");
    }
    refuse("?status=Open").await;
    let long = "x".repeat(101);
    let r = list(&t, "cus_olivia", &format!("?q={long}")).await;
    assert_eq!(fields(&r), [("q".into(), "too_long".into())]);
    let r = list(&t, "cus_olivia", &format!("?q=%20{}%20", "x".repeat(100))).await;
    assert_eq!(r.status, StatusCode::OK, "trimmed before counting");
    for limit in ["0", "101", "-1", "ten", "99999999999"] {
        let r = list(&t, "cus_olivia", &format!("?limit={limit}")).await;
        assert_eq!(
            fields(&r),
            [("limit".into(), "out_of_range".into())],
            "{limit}"
        );
    }
    let foreign = URL_SAFE_NO_PAD.encode("r1:1700000000000:5");
    let r = list(&t, "cus_olivia", &format!("?cursor={foreign}")).await;
    assert_eq!(fields(&r), [("cursor".into(), "invalid_format".into())]);
    refuse("?cursor=%21%21").await;
    // Every problem at once, in parameter order.
    let r = list(
        &t,
        "cus_olivia",
        &format!("?status=x&q={long}&limit=0&cursor=zz"),
    )
    .await;
    assert_eq!(
        fields(&r).into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        ["status", "q", "limit", "cursor"]
    );
}

#[tokio::test]
async fn a_customer_only_ever_sees_their_own_orders() {
    let t = setup().await;
    for (customer, q) in [
        ("cus_ben", "1002"),
        ("cus_ben", "%231029"),
        ("cus_olivia", "1001"),
        ("cus_ana", "2013"),
        ("cus_nobody", "alpaca"),
        ("cus_nobody", ""),
    ] {
        let page = list(&t, customer, &format!("?q={q}")).await.json();
        assert_eq!(numbers(&page), Vec::<String>::new(), "{customer} {q}");
        assert_eq!(page["total"], 0);
    }
    let (ben, _) = walk(&t, "cus_ben", "limit=3").await;
    assert!(!ben.is_empty());
    for n in &ben {
        // Opening an order checks who owns it.
        let r = shopper_get(&t, "cus_ben", n, None).await;
        assert_eq!(r.status, StatusCode::OK, "{n}");
    }
    // An order session (a guest) cannot list at all.
    let session = aftercare_shared::token::mint(
        &aftercare_shared::token::Claims {
            kind: aftercare_shared::token::TokenKind::Order,
            store: PK.into(),
            sub: "1010".into(),
            exp: now_s() + 600,
        },
        SK,
    );
    let r = t
        .send(
            public("GET", "/v1/orders?q=1010")
                .header("authorization", format!("Bearer {session}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}
