//! The console's pages act through the same rules as the admin API: moving a return,
//! deciding a request, following up a survey response, each recorded in the audit log;
//! filters and search; and one store's console never shows another store's data.

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::{admin_get, setup, TestApp};

async fn owner(t: &TestApp) -> Browser {
    let mut b = Browser::default();
    assert_eq!(
        b.sign_in(t, DEMO_OWNER_EMAIL, DEMO_CONSOLE_PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    b
}

async fn requested_rma(t: &TestApp) -> String {
    let list = admin_get(t, "/v1/admin/returns?status=requested")
        .await
        .json();
    list["items"][0]["rma"]
        .as_str()
        .expect("a requested return in the demo")
        .to_owned()
}

#[tokio::test]
async fn approving_a_return_moves_it_for_the_shopper_and_is_audited() {
    let t = setup().await;
    let rma = requested_rma(&t).await;
    let mut b = owner(&t).await;
    let today = text(&b.get(&t, "/console").await);
    assert!(
        today.contains(&format!("/console/returns/{rma}")),
        "Today lists it"
    );
    let page = b.get(&t, &format!("/console/returns/{rma}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(text(&page).contains(">Approve</button>"));
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[("status", "approved")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.header("location").unwrap().to_owned();
    assert_eq!(to, format!("/console/returns/{rma}?done=return-approved"));
    let after = text(&b.get(&t, &to).await);
    assert!(
        after.contains("Done: the return is now “Approved”."),
        "the result is announced"
    );
    assert!(!after.contains(">Approve</button>"), "no second approval");
    let api = admin_get(&t, &format!("/v1/admin/returns/{rma}"))
        .await
        .json();
    assert_eq!(api["status"], "approved");
    assert_eq!(
        api["history"].as_array().unwrap().last().unwrap()["by"],
        "merchant"
    );
    let audit = text(&b.get(&t, "/console/audit").await);
    assert!(audit.contains("return.status") && audit.contains(&rma));
    assert!(
        audit.contains("{&quot;status&quot;:&quot;requested&quot;}"),
        "before"
    );
    assert!(
        audit.contains("&quot;status&quot;:&quot;approved&quot;"),
        "after"
    );
    assert!(audit.contains("user.sign_in"));
}

#[tokio::test]
async fn a_refused_move_keeps_the_note_and_says_why() {
    let t = setup().await;
    let rma = requested_rma(&t).await;
    let mut b = owner(&t).await;
    b.get(&t, &format!("/console/returns/{rma}")).await;
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[("status", "rejected"), ("note", "   ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains("Write a note"));
    let long = "x".repeat(1001);
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[("status", "rejected"), ("note", &long)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains(&long), "what was typed is still there");
    // Moves the workflow does not allow are a conflict, and change nothing.
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[("status", "refunded"), ("note", "early")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(text(&r).contains("This changed since you opened it"));
    assert_eq!(
        admin_get(&t, &format!("/v1/admin/returns/{rma}"))
            .await
            .json()["status"],
        "requested"
    );
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[
                ("status", "rejected"),
                ("note", "Worn items cannot be returned."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let api = admin_get(&t, &format!("/v1/admin/returns/{rma}"))
        .await
        .json();
    assert_eq!(api["status"], "rejected");
    assert_eq!(
        api["history"].as_array().unwrap().last().unwrap()["note"],
        "Worn items cannot be returned."
    );
}

#[tokio::test]
async fn the_queue_filters_by_status_and_searches_rma_order_and_email() {
    let t = setup().await;
    let all = admin_get(&t, "/v1/admin/returns?limit=100").await.json();
    let items = all["items"].as_array().unwrap();
    assert!(items.len() >= 2, "the demo has several returns");
    let mut b = owner(&t).await;
    let page = text(&b.get(&t, "/console/returns").await);
    for r in items {
        assert!(page.contains(r["rma"].as_str().unwrap()));
    }
    let requested = text(&b.get(&t, "/console/returns?status=requested").await);
    for r in items {
        let rma = r["rma"].as_str().unwrap();
        assert_eq!(
            requested.contains(&format!(">{rma}</a>")),
            r["status"] == "requested",
            "{rma}"
        );
    }
    let one = &items[0];
    let (rma, order, email) = (
        one["rma"].as_str().unwrap(),
        one["order_number"].as_str().unwrap(),
        one["email"].as_str().unwrap(),
    );
    for q in [
        rma.to_lowercase(),
        order.to_owned(),
        email[..email.find('@').unwrap()].to_uppercase(),
    ] {
        let found = text(
            &b.get(
                &t,
                &format!(
                    "/console/returns?q={}",
                    aftercare_console::html::query_value(&q)
                ),
            )
            .await,
        );
        assert!(found.contains(&format!(">{rma}</a>")), "{q}");
    }
    let none = text(&b.get(&t, "/console/returns?q=%25").await);
    assert!(
        none.contains("No returns match."),
        "a % is searched for literally"
    );
}

#[tokio::test]
async fn requests_are_decided_with_a_note_for_a_rejection() {
    let t = setup().await;
    let mut b = Browser::default();
    b.sign_in(&t, DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD).await;
    let page = text(&b.get(&t, "/console/requests").await);
    let at = page
        .find("id=\"request-")
        .expect("a pending request in the demo")
        + 12;
    let id: String = page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let r = b
        .post(
            &t,
            &format!("/console/requests/{id}/decision"),
            &[("decision", "reject"), ("note", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = b
        .post(
            &t,
            &format!("/console/requests/{id}/decision"),
            &[("decision", "reject"), ("note", "Already packed, sorry.")],
        )
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console/requests?done=request-rejected")
    );
    let list = admin_get(&t, "/v1/admin/requests?status=rejected")
        .await
        .json();
    assert!(list["items"].as_array().unwrap().iter().any(|x| x["id"]
        .as_i64()
        .map(|n| n.to_string())
        == Some(id.clone())
        && x["note"] == "Already packed, sorry."));
    let r = b
        .post(
            &t,
            &format!("/console/requests/{id}/decision"),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "decided already");
}

#[tokio::test]
async fn a_detractor_is_marked_followed_up() {
    let t = setup().await;
    let mut b = owner(&t).await;
    let page = text(&b.get(&t, "/console/surveys/nps?show=follow-up").await);
    let at = page
        .find("/console/surveys/responses/")
        .expect("someone waits in the demo")
        + 27;
    let id: String = page[at..].split('/').next().unwrap().to_owned();
    let r = b
        .post(
            &t,
            &format!("/console/surveys/responses/{id}/followed-up"),
            &[("kind", "nps")],
        )
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console/surveys/nps?show=follow-up&done=followed-up")
    );
    let after = text(&b.get(&t, r.header("location").unwrap()).await);
    assert!(!after.contains(&format!("/console/surveys/responses/{id}/")));
    assert!(after.contains("Marked as followed up."));
    let csv = b.get(&t, "/console/surveys/nps/responses.csv").await;
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let chart = b.get(&t, "/console/surveys/nps/trend.svg").await;
    assert!(chart
        .header("content-type")
        .unwrap()
        .starts_with("image/svg+xml"));
    assert!(text(&b.get(&t, "/console/audit").await).contains("survey.followed_up"));
}

#[tokio::test]
async fn another_stores_console_sees_none_of_this_store() {
    let t = setup().await;
    let mut b = common::console::other_store_user(&t, aftercare_console::Role::Owner).await;
    let rma = requested_rma(&t).await;
    let today = text(&b.get(&t, "/console").await);
    assert!(today.contains("Other Shop") && today.contains("Nothing is waiting for you"));
    assert_eq!(
        b.get(&t, &format!("/console/returns/{rma}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!text(&b.get(&t, "/console/returns").await).contains(&rma));
    b.get(&t, "/console").await;
    let r = b
        .post(
            &t,
            &format!("/console/returns/{rma}/status"),
            &[("status", "approved")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        admin_get(&t, &format!("/v1/admin/returns/{rma}"))
            .await
            .json()["status"],
        "requested"
    );
    let audit = text(&b.get(&t, "/console/audit").await);
    assert!(!audit.contains(DEMO_OWNER_EMAIL));
}
