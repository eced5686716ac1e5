//! The emails' own SQL on PostgreSQL (`AFTERCARE_TEST_POSTGRES_URL`, which `cargo xtask test`
//! sets; skipped without it): survey invitations written and recorded, a counted click and
//! open in the engagement report (its sums cast back from NUMERIC), and the export's email.

use crate::common;

use aftercare_server::mail::{send_due, Outgoing, Transport};
use aftercare_server::repo::{engagement, surveys};
use aftercare_server::Config;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::surveys::{delivered_order, shopper, DAY};
use common::*;
use serde_json::json;

#[tokio::test]
async fn invitations_counting_and_the_export_email_work_on_postgres() {
    let Some((mut pg, name, url)) = fresh_postgres().await else {
        return;
    };
    {
        let t = setup_on(&url, tempfile::tempdir().unwrap(), Config::default()).await;
        let db = &t.state.db;
        let now = now_s() * 1000;
        // A survey invitation, written and recorded (the demo invites to its NPS).
        delivered_order(&t, "pg_sam", "PG-SAM", now - 20 * DAY).await;
        assert!(surveys::invitations(db, now).await.unwrap() >= 1);
        let recorded: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM survey_invitations WHERE subject_key = 'customer:pg_sam'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(recorded, 1);
        // The export's email.
        let r = t
            .send(
                shopper("POST", "/v1/me/data/exports", &customer_token("cus_ana"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        // Everything sent with counted links, one followed and one pixel loaded.
        let r = admin_send(
            &t,
            "PUT",
            "/v1/admin/emails/calendar",
            &json!({"cap": null, "quiet_hours": null, "open_pixel": true}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        let dir = t.dir.path().join("mail");
        let out = Outgoing {
            transport: Transport::new(None, dir.clone()).unwrap(),
            from: "care@aurora.example".into(),
            origin: "http://care.test".into(),
        };
        while send_due(db, &out, now + 2_000).await.unwrap() > 0 {}
        let raw = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .find(|m| m.contains("To: pg_sam@example.com"))
            .expect("the invitation was sent");
        let flat = raw
            .replace("=\r\n", "")
            .replace("=3D", "=")
            .replace("&amp;", "&");
        let addresses: Vec<String> = flat
            .match_indices("http://care.test/e/")
            .map(|(i, _)| {
                flat[i..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .collect::<String>()
                    .trim_start_matches("http://care.test")
                    .to_owned()
            })
            .collect();
        for wanted in ["/c?u=", "/o.gif?s="] {
            let path = addresses.iter().find(|a| a.contains(wanted)).unwrap();
            let r = t
                .send(Request::get(path.as_str()).body(Body::empty()).unwrap())
                .await;
            assert!(
                r.status.is_success() || r.status == StatusCode::FOUND,
                "{path}"
            );
        }
        let report = engagement::report(db, 1, now - DAY, true).await.unwrap();
        let invite = report
            .templates
            .iter()
            .find(|r| r.template == "survey_invite")
            .expect("survey invitations in the report");
        assert!(invite.sent >= 1);
        assert_eq!((invite.opened, invite.clicked, invite.clicks), (1, 1, 1));
        assert!(report
            .templates
            .iter()
            .any(|r| r.template == "data_export_ready" && r.sent == 1));
    }
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut pg)
        .await
        .unwrap();
}
