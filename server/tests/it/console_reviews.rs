//! The console's Reviews area acts through the same rules as the admin API: approving,
//! rejecting with a neutral reason (none is refused and keeps the page), replying (the reply
//! is on the product's public reviews) and deleting the reply, importing another app's export
//! (good lines imported, every bad line named), each recorded in the audit log; the routes
//! keep their CSRF and role guards, and one store's console never sees another's reviews.

use crate::common;

use aftercare_server::seed::{DEMO_AGENT_EMAIL, DEMO_CONSOLE_PASSWORD, DEMO_OWNER_EMAIL};
use axum::http::StatusCode;
use common::console::{text, Browser};
use common::reviews::public_list;
use common::{admin_get, setup, TestApp};
use serde_json::Value;

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let mut b = Browser::default();
    let r = b.sign_in(t, email, DEMO_CONSOLE_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    b
}

/// The ids of the reviews a queue page shows, in order.
fn review_ids(html: &str) -> Vec<i64> {
    html.match_indices("<article id=\"review-")
        .map(|(at, m)| {
            html[at + m.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap()
        })
        .collect()
}

/// The admin API's view of review `id` in `status`, if it is there.
async fn admin_review(t: &TestApp, status: &str, id: i64) -> Option<Value> {
    let list = admin_get(t, &format!("/v1/admin/reviews?status={status}&limit=100"))
        .await
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
}

#[tokio::test]
async fn moderation_needs_a_neutral_reason_to_reject_and_is_audited() {
    let t = setup().await;
    let mut b = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let page = b.get(&t, "/console/reviews").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    let id = *review_ids(&html)
        .first()
        .expect("a review waits in the demo");
    assert!(html.contains("3 out of 5 stars"), "the rating in words");
    assert!(html.contains("(SUN-POL-TORT)") && html.contains("Fine, a little tight"));
    assert!(html.contains("By Dev P."));
    assert!(html.contains("Verified buyer"));
    assert!(
        html.contains("<option value=\"not_about_product\">About delivery or the store</option>")
    );

    // Rejecting without a reason is refused, on the same page, and changes nothing.
    let moderation = format!("/console/reviews/{id}/moderation");
    let r = b
        .post(
            &t,
            &moderation,
            &[("action", "reject"), ("reason", ""), ("status", "pending")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&r);
    assert!(html.contains("role=\"alert\">Choose a reason: the author reads it.</div>"));
    assert!(
        review_ids(&html).contains(&id),
        "the same queue is shown again"
    );
    let r = b
        .post(
            &t,
            &moderation,
            &[("action", "reject"), ("reason", "rating_too_low")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "only neutral reasons"
    );
    assert!(admin_review(&t, "pending", id).await.is_some());

    let r = b
        .post(
            &t,
            &moderation,
            &[
                ("action", "reject"),
                ("reason", "off_topic"),
                ("status", "pending"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.header("location"),
        Some("/console/reviews?status=pending&done=review-rejected")
    );
    let after = text(&b.get(&t, r.header("location").unwrap()).await);
    assert!(after.contains("Review rejected: the author sees the reason."));
    assert!(!review_ids(&after).contains(&id), "no longer waiting");
    let rejected = admin_review(&t, "rejected", id).await.expect("rejected");
    assert_eq!(rejected["reject_reason"], "off_topic");
    let tab = text(&b.get(&t, "/console/reviews?status=rejected").await);
    assert!(tab.contains("Rejected: off topic."));

    // A rejected review can be published after all.
    let r = b
        .post(
            &t,
            &moderation,
            &[("action", "approve"), ("status", "rejected")],
        )
        .await;
    assert_eq!(
        r.header("location"),
        Some("/console/reviews?status=rejected&done=review-approved")
    );
    let public = public_list(&t, "SUN-POL-TORT", "").await;
    assert!(public["reviews"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == id));

    let audit = text(&b.get(&t, "/console/audit").await);
    assert!(
        audit.contains("review.moderated")
            && audit.contains(&format!("review {id} (SUN-POL-TORT)"))
    );
    assert!(audit.contains("&quot;reject_reason&quot;:&quot;off_topic&quot;"));
    assert!(audit.contains("&quot;status&quot;:&quot;published&quot;"));
}

#[tokio::test]
async fn a_reply_appears_on_the_product_page_and_can_be_deleted() {
    let t = setup().await;
    let mut b = signed_in(&t, DEMO_AGENT_EMAIL).await;
    let html = text(&b.get(&t, "/console/reviews?status=published").await);
    assert!(html.contains("Still cold at the summit"));
    let id = *review_ids(&html)
        .first()
        .expect("published reviews in the demo");
    let path = format!("/console/reviews/{id}/reply");
    let r = b
        .post(&t, &path, &[("body", "   "), ("status", "published")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains("Write the reply first."));
    let long = "y".repeat(2001);
    let r = b
        .post(&t, &path, &[("body", &long), ("status", "published")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r).contains(&long), "what was typed is kept");
    assert!(text(&r).contains("at most 2000 characters"));

    let words = "Thank you, Ben! Glad it kept up on the summit.";
    let r = b
        .post(&t, &path, &[("body", words), ("status", "published")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.header("location").unwrap().to_owned();
    assert_eq!(
        to,
        format!("/console/reviews?status=published&done=reply-saved#review-{id}")
    );
    let page = text(&b.get(&t, &to).await);
    assert!(page.contains("Reply saved"));
    assert!(page.contains(&format!("{words}</blockquote>")));

    let reply_of = |list: &Value| {
        list["reviews"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .map(|x| x["reply"].clone())
            .expect("still published")
    };
    let sku = admin_review(&t, "published", id).await.unwrap()["sku"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(reply_of(&public_list(&t, &sku, "").await)["body"], words);

    let r = b
        .post(&t, &format!("{path}/delete"), &[("status", "published")])
        .await;
    assert_eq!(
        r.header("location"),
        Some(format!("/console/reviews?status=published&done=reply-deleted#review-{id}").as_str())
    );
    assert_eq!(reply_of(&public_list(&t, &sku, "").await), Value::Null);
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("review.reply_deleted") && audit.contains("review.reply<"));
    assert!(audit.contains(DEMO_AGENT_EMAIL));
}

const GOOD: &str = "title,body,rating,review_date,curated,reviewer_name,reviewer_email,product_handle,reply\r\n\
Great on the boat,\"Clear lenses and a light frame: they lasted a whole sailing season.\",5,2025-06-01 10:00:00 UTC,ok,Ines R.,ines@example.net,SUN-POL-TORT,Thank you Ines!\r\n";

#[tokio::test]
async fn an_import_adds_good_files_and_names_every_bad_line() {
    let t = setup().await;
    let mut b = signed_in(&t, DEMO_AGENT_EMAIL).await;
    let page = text(&b.get(&t, "/console/reviews/import").await);
    assert!(page.contains("Import reviews from another app"));
    assert!(page.contains("href=\"/console/reviews/export.csv\""));

    let bad = "title,body,rating,review_date,curated,reviewer_name,product_handle\n\
Meh,Too short,7,2025-06-01 10:00:00 UTC,ok,A,SUN-POL-TORT\n";
    // As a browser sends a textarea: every line break CRLF (line numbers stay right).
    let bad = &bad.replace('\n', "\r\n");
    let r = b
        .post(
            &t,
            "/console/reviews/import",
            &[("format", "judgeme"), ("csv", bad)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&r);
    assert!(
        html.contains("Nothing was imported: 2 problems in the file."),
        "{html}"
    );
    assert!(
        html.contains("Line 2, column “rating”: the rating must be a whole number from 1 to 5.")
    );
    assert!(html.contains("Line 2, column “body”: it needs at least 10 characters."));
    assert!(html.contains("Too short,7,"), "the pasted text is kept");
    let unknown = "title,body,rating,review_date,product_handle\n\
Fine,\"A product this store has never sold, or so it seems.\",4,2025-06-01,NO-SUCH-THING\n";
    let r = b
        .post(
            &t,
            "/console/reviews/import",
            &[("format", "judgeme"), ("csv", unknown)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r)
        .contains("Line 2, column “sku”: the store has no product with this SKU, handle or id."));

    let r = b
        .post(
            &t,
            "/console/reviews/import",
            &[("format", "judgeme"), ("csv", GOOD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.header("location").unwrap().to_owned();
    assert!(
        to.starts_with(
            "/console/reviews/import?done=reviews-imported&format=judgeme&rows=1&imported=1"
        ),
        "{to}"
    );
    let result = text(&b.get(&t, &to).await);
    assert!(result.contains("Import finished: the result is below."));
    assert!(result.contains("<dt>Reviews added</dt><dd>1</dd>"));
    // Again: nothing new.
    let r = b
        .post(
            &t,
            "/console/reviews/import",
            &[("format", "judgeme"), ("csv", GOOD)],
        )
        .await;
    assert!(r
        .header("location")
        .unwrap()
        .contains("&imported=0&verified=0&duplicates=1"));

    let csv = b.get(&t, "/console/reviews/export.csv").await;
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(text(&csv).contains("Great on the boat"));
    assert!(text(&csv).contains("Thank you Ines!"));
    let mut owner = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let audit = text(&owner.get(&t, "/console/audit").await);
    assert!(audit.contains("reviews.imported") && audit.contains("judgeme CSV"));
    assert!(audit.contains("&quot;imported&quot;:1"));
}

#[tokio::test]
async fn today_lists_the_reviews_waiting_for_moderation() {
    let t = setup().await;
    let mut b = signed_in(&t, DEMO_OWNER_EMAIL).await;
    let id = review_ids(&text(&b.get(&t, "/console/reviews").await))[0];
    let today = text(&b.get(&t, "/console").await);
    assert!(today.contains("1 review waiting for moderation"));
    assert!(today.contains(&format!(
        "href=\"/console/reviews#review-{id}\">Fine, a little tight</a>"
    )));
    let nav = text(&b.get(&t, "/console/reviews").await);
    assert!(nav.contains("href=\"/console/reviews\" aria-current=\"page\">Reviews</a>"));
}

#[tokio::test]
async fn the_review_routes_keep_their_guards_and_their_store() {
    let t = setup().await;
    // No session: to the sign-in page, and nothing changes.
    let mut stranger = Browser::default();
    let r = stranger.get(&t, "/console/reviews").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r
        .header("location")
        .unwrap()
        .starts_with("/console/sign-in"));
    let mut b = signed_in(&t, DEMO_AGENT_EMAIL).await;
    let id = review_ids(&text(&b.get(&t, "/console/reviews").await))[0];
    let r = stranger
        .post_raw(
            &t,
            &format!("/console/reviews/{id}/moderation"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // A session without the form's token: refused.
    for (path, fields) in [
        (
            format!("/console/reviews/{id}/moderation"),
            vec![("action", "approve")],
        ),
        (
            format!("/console/reviews/{id}/reply"),
            vec![("body", "Forged reply")],
        ),
        (format!("/console/reviews/{id}/reply/delete"), vec![]),
        (
            "/console/reviews/import".to_owned(),
            vec![("format", "judgeme"), ("csv", GOOD)],
        ),
    ] {
        let mut forged = fields.clone();
        forged.push(("csrf", "not-the-token"));
        assert_eq!(
            b.post_raw(&t, &path, &forged).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            b.post_raw(&t, &path, &fields).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert!(
        admin_review(&t, "pending", id).await.is_some(),
        "still waiting"
    );
    assert!(admin_review(&t, "pending", id).await.unwrap()["reply"].is_null());

    // Another store's console: not there, and cannot act on it.
    let mut o = common::console::other_store_user(&t, aftercare_console::Role::Agent).await;
    for status in ["pending", "published", "rejected"] {
        let page = text(
            &o.get(&t, &format!("/console/reviews?status={status}"))
                .await,
        );
        assert!(review_ids(&page).is_empty(), "{status}");
    }
    let today = text(&o.get(&t, "/console").await);
    assert!(today.contains("Nothing is waiting for you"));
    for (path, fields) in [
        (
            format!("/console/reviews/{id}/moderation"),
            vec![("action", "approve")],
        ),
        (
            format!("/console/reviews/{id}/reply"),
            vec![("body", "Not our review")],
        ),
        (format!("/console/reviews/{id}/reply/delete"), vec![]),
    ] {
        assert_eq!(
            o.post(&t, &path, &fields).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert!(admin_review(&t, "pending", id).await.unwrap()["reply"].is_null());
    assert!(!text(&o.get(&t, "/console/reviews/export.csv").await).contains("Fine, a little tight"));
}
