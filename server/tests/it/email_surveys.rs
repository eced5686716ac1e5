//! Survey invitations by email (issue #16): off until the store turns them on; then a customer
//! the survey rules allow gets one invitation about their latest delivered order, and the
//! next only after the store's recontact wait; guests, shoppers who turned surveys off and
//! shoppers who answered lately get none. The scores are signed links to a hosted page that
//! records nothing on `GET` (mail scanners open links), records one answer per invitation on
//! `POST`, and asks the follow-up of the score's category.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::surveys::invitations;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::{count, delivered_order, put_response, shopper, DAY};
use common::*;
use serde_json::json;

fn now_ms() -> i64 {
    now_s() * 1000
}

/// Turn NPS invitations by email on (or off) with the default rules (D=3, R=90, S=30).
async fn invitations_on(t: &TestApp, on: bool) {
    let mut s = admin_get(t, "/v1/admin/surveys/nps/settings").await.json();
    s["email_invitations"] = json!(on);
    let r = admin_send(t, "PUT", "/v1/admin/surveys/nps/settings", &s).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let back = admin_get(t, "/v1/admin/surveys/nps/settings").await.json();
    assert_eq!(back["email_invitations"], on);
}

/// The survey invitations written to `customer`'s address.
async fn invited(t: &TestApp, customer: &str) -> i64 {
    count(
        t,
        &format!(
            "SELECT COUNT(*) FROM email_outbox WHERE kind = 'survey_invite' \
             AND recipient = '{customer}@example.com'"
        ),
    )
    .await
}

#[tokio::test]
async fn customers_the_rules_allow_are_invited_once_and_again_only_after_the_wait() {
    let t = setup().await;
    let now = now_ms();
    for c in ["sv_sam", "sv_off", "sv_told"] {
        delivered_order(&t, c, &format!("SV-{c}"), now - 20 * DAY).await;
    }
    delivered_order(&t, "sv_fresh", "SV-fresh", now - DAY).await;
    // Off (the default for a store; the demo store turns NPS on): nobody is invited.
    let csat = admin_get(&t, "/v1/admin/surveys/csat/settings")
        .await
        .json();
    assert_eq!(csat["email_invitations"], false, "{csat}");
    invitations_on(&t, false).await;
    invitations(&t.state.db, now).await.unwrap();
    assert_eq!(invited(&t, "sv_sam").await, 0);
    invitations_on(&t, true).await;
    // One turned surveys off in the account page; one answered the card last week.
    let r = t
        .send(
            shopper(
                "PUT",
                "/v1/me/preferences/surveys",
                &customer_token("sv_off"),
            )
            .body(json_body(&json!({"enabled": false})))
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let body = json!({"kind": "nps", "score": 8, "visit_id": "visit-told-1"});
    let r = put_response(&t, "sv_told", "resp-told-1", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert!(invitations(&t.state.db, now).await.unwrap() >= 1);
    assert_eq!(invited(&t, "sv_sam").await, 1);
    for nobody in ["sv_off", "sv_told", "sv_fresh"] {
        assert_eq!(invited(&t, nobody).await, 0, "{nobody} is not invited");
    }
    // The next hour, another instance, a month on: nothing more. After R (90 days): again.
    for later in [HOUR, 30 * DAY, 89 * DAY] {
        invitations(&t.state.db, now + later).await.unwrap();
    }
    assert_eq!(invited(&t, "sv_sam").await, 1);
    invitations(&t.state.db, now + 90 * DAY).await.unwrap();
    assert_eq!(invited(&t, "sv_sam").await, 2);
    // The customer whose delivery was too recent is invited once it is D days old.
    assert_eq!(invited(&t, "sv_fresh").await, 1);
    // Erasing a customer forgets their invitations with their other survey rows.
    let kept = count(
        &t,
        "SELECT COUNT(*) FROM survey_invitations WHERE subject_key = 'customer:sv_sam'",
    )
    .await;
    assert_eq!(kept, 2);
}

/// The invitation as sent to `customer`, and its score links (paths on this server).
async fn sent_links(t: &TestApp, customer: &str) -> (String, Vec<String>) {
    // Only this customer's mail (the demo's own customers are invited too).
    sqlx::query("DELETE FROM email_outbox WHERE recipient <> $1")
        .bind(format!("{customer}@example.com"))
        .execute(&t.state.db.pool)
        .await
        .unwrap();
    let dir = t.dir.path().join("mail-surveys");
    let out = Outgoing {
        transport: Transport::new(None, dir.clone()).unwrap(),
        from: "care@aurora.example".into(),
        origin: "http://care.test".into(),
    };
    send_due(&t.state.db, &out, now_ms() + 2_000).await.unwrap();
    let to = format!("To: {customer}@example.com");
    let raw: String = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .find(|m| m.contains(&to))
        .expect("the invitation was sent");
    let flat = raw.replace("=\r\n", "").replace("=3D", "=");
    let links: Vec<String> = flat
        .match_indices("http://care.test/surveys/")
        .map(|(i, _)| {
            flat[i..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
                .collect::<String>()
                .trim_start_matches("http://care.test")
                .replace("&amp;", "&")
        })
        .collect();
    (raw, links)
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post(uri: &str, form: &str) -> Request<Body> {
    Request::post(uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

fn html(r: &Reply) -> String {
    String::from_utf8_lossy(&r.body).into_owned()
}

/// The stored answers of `customer`: (score, comment, wants_contact, order).
async fn answers(t: &TestApp, customer: &str) -> Vec<(i64, Option<String>, i64, Option<String>)> {
    sqlx::query_as(
        "SELECT score, comment, wants_contact, order_number FROM survey_responses \
         WHERE subject_key = $1 ORDER BY created_at_ms",
    )
    .bind(format!("customer:{customer}"))
    .fetch_all(&t.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_score_link_opens_the_page_and_only_sending_it_records_one_answer() {
    let t = setup().await;
    let now = now_ms();
    delivered_order(&t, "sv_ana", "SV-ANA", now - 20 * DAY).await;
    invitations_on(&t, true).await;
    invitations(&t.state.db, now).await.unwrap();
    let (raw, links) = sent_links(&t, "sv_ana").await;
    assert!(raw.contains("Subject: One quick question from Aurora Outfitters"));
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    // The text part carries the eleven links (the HTML part's go through counted redirects to
    // the same addresses); each a signed link to this page with its score.
    let scores: Vec<String> = links
        .iter()
        .map(|l| {
            l.split("&score=")
                .nth(1)
                .unwrap()
                .split('&')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(links.len(), 11, "{links:?}");
    let counted = raw.replace("=\r\n", "").replace("=3D", "=");
    assert_eq!(
        counted
            .matches("%2Fsurveys%2Fpk_demo_aurora%3Ft%3Dv1.")
            .count(),
        11
    );
    assert_eq!(
        scores[..11],
        (0..=10).map(|n| n.to_string()).collect::<Vec<_>>()[..]
    );
    let nine = links[9].clone();
    assert!(nine.starts_with(&format!("/surveys/{PK}?t=v1.")), "{nine}");
    // The link opens the page with 9 chosen; a scanner opening every link records nothing.
    for l in &links {
        assert_eq!(t.send(get(l)).await.status, StatusCode::OK);
    }
    let r = t.send(get(&nine)).await;
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let page = html(&r);
    assert!(page.contains("recommend Aurora Outfitters"), "{page}");
    assert!(page.contains(r#"value="9" checked"#), "{page}");
    assert!(
        answers(&t, "sv_ana").await.is_empty(),
        "GET records nothing"
    );
    // Sending records the score for the order's customer and asks the follow-up.
    let r = t.send(post(&nine, "score=9")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(html(&r).contains("What did you love?"), "{}", html(&r));
    assert_eq!(
        answers(&t, "sv_ana").await,
        vec![(9, None, 0, Some("SV-ANA".into()))]
    );
    // A change of mind, from another of the email's links, updates the same answer.
    let r = t.send(post(&links[3], "score=3")).await;
    let page = html(&r);
    assert!(
        page.contains("What went wrong?") && page.contains("wants_contact"),
        "{page}"
    );
    let r = t
        .send(post(
            &links[3],
            "score=3&comment=Arrived+late&wants_contact=on",
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(html(&r).contains("your feedback helps"));
    assert_eq!(
        answers(&t, "sv_ana").await,
        vec![(3, Some("Arrived late".into()), 1, Some("SV-ANA".into()))]
    );
    // The merchant's report has it as any other answer.
    let report = admin_get(&t, "/v1/admin/surveys/nps/report").await.json();
    assert!(report["comments"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["comment"] == "Arrived late" && c["awaiting_follow_up"] == true));
    // A promoter is offered the order's review page.
    let r = t.send(post(&nine, "score=10&comment=")).await;
    let page = html(&r);
    assert!(
        page.contains(&format!("href=\"/reviews/{PK}/SV-ANA?t=v1.")),
        "{page}"
    );
}

#[tokio::test]
async fn a_bad_answer_or_a_spoiled_link_loses_nothing_and_says_why() {
    let t = setup().await;
    let now = now_ms();
    delivered_order(&t, "sv_bo", "SV-BO", now - 20 * DAY).await;
    invitations_on(&t, true).await;
    invitations(&t.state.db, now).await.unwrap();
    let (_, links) = sent_links(&t, "sv_bo").await;
    let link = &links[0];
    for bad in ["score=11", "score=", "comment=hi", "nonsense"] {
        let r = t.send(post(link, bad)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(html(&r).contains("Choose a number"), "{bad}");
    }
    let long = format!("score=2&comment={}", "x".repeat(2_001));
    let r = t.send(post(link, &long)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        html(&r).contains(&"x".repeat(2_001)),
        "what was typed is kept"
    );
    assert!(answers(&t, "sv_bo").await.iter().all(|a| a.1.is_none()));
    // Altered, of another kind, for another store, or with no token: a page, not an error.
    let token = link.split("?t=").nth(1).unwrap().split('&').next().unwrap();
    let review = aftercare_shared::token::mint(
        &aftercare_shared::token::Claims {
            kind: aftercare_shared::token::TokenKind::ReviewLink,
            store: PK.into(),
            sub: "SV-BO".into(),
            exp: now_s() + 3_600,
        },
        SK,
    );
    for bad in [
        link.replace("?t=v1.", "?t=v1.x"),
        format!("/surveys/{PK}?t={review}&score=3"),
        format!("/surveys/{PK}?score=3"),
        format!("/surveys/pk_nobody?t={token}&score=3"),
    ] {
        let r = t.send(get(&bad)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert!(html(&r).contains("has expired or is not valid"), "{bad}");
        let r = t.send(post(&bad, "score=3")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
    // The API refuses the survey link: it answers one survey on the page, and reads nothing.
    let r = t
        .send(
            shopper("GET", "/v1/me/preferences", token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Spanish, as the email's language says.
    let es = link.replace("locale=en", "locale=es");
    assert!(html(&t.send(get(&es)).await).contains("Revisa tu respuesta"));
}
