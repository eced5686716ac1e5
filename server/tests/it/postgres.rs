//! The same API on PostgreSQL, when a server is available: set
//! `AFTERCARE_TEST_POSTGRES_URL=postgres://user@host:port/postgres` (a fresh database is
//! created and dropped per run). Without it the test only checks the migrations exist.

use crate::common;

use aftercare_server::{seed, Config, Db};
use axum::body::Body;
use axum::http::StatusCode;
use common::*;
use serde_json::json;
use std::sync::Arc;

#[tokio::test]
async fn api_works_on_postgres() {
    let pg_sql = [
        include_str!("../../migrations/postgres/0001_init.sql"),
        include_str!("../../migrations/postgres/0002_tracking_timeline.sql"),
        include_str!("../../migrations/postgres/0003_surveys.sql"),
        include_str!("../../migrations/postgres/0004_returns.sql"),
        include_str!("../../migrations/postgres/0005_preferences.sql"),
        include_str!("../../migrations/postgres/0006_order_requests.sql"),
        include_str!("../../migrations/postgres/0007_profile.sql"),
        include_str!("../../migrations/postgres/0008_erasures.sql"),
        include_str!("../../migrations/postgres/0009_reviews.sql"),
        include_str!("../../migrations/postgres/0010_review_photos_asks.sql"),
        include_str!("../../migrations/postgres/0011_review_votes_links.sql"),
        include_str!("../../migrations/postgres/0014_shared_state.sql"),
        include_str!("../../migrations/postgres/0020_email_calendar.sql"),
        include_str!("../../migrations/postgres/0021_survey_invitations.sql"),
        include_str!("../../migrations/postgres/0022_email_engagement.sql"),
    ];
    let lite_sql = [
        include_str!("../../migrations/sqlite/0001_init.sql"),
        include_str!("../../migrations/sqlite/0002_tracking_timeline.sql"),
        include_str!("../../migrations/sqlite/0003_surveys.sql"),
        include_str!("../../migrations/sqlite/0004_returns.sql"),
        include_str!("../../migrations/sqlite/0005_preferences.sql"),
        include_str!("../../migrations/sqlite/0006_order_requests.sql"),
        include_str!("../../migrations/sqlite/0007_profile.sql"),
        include_str!("../../migrations/sqlite/0008_erasures.sql"),
        include_str!("../../migrations/sqlite/0009_reviews.sql"),
        include_str!("../../migrations/sqlite/0010_review_photos_asks.sql"),
        include_str!("../../migrations/sqlite/0011_review_votes_links.sql"),
        include_str!("../../migrations/sqlite/0014_shared_state.sql"),
        include_str!("../../migrations/sqlite/0020_email_calendar.sql"),
        include_str!("../../migrations/sqlite/0021_survey_invitations.sql"),
        include_str!("../../migrations/sqlite/0022_email_engagement.sql"),
    ];
    for (pg, lite) in pg_sql.iter().zip(lite_sql) {
        for stmt in [
            "CREATE TABLE",
            "CREATE INDEX",
            "CREATE UNIQUE INDEX",
            "ADD COLUMN",
        ] {
            assert_eq!(
                pg.matches(stmt).count(),
                lite.matches(stmt).count(),
                "both engines have the same {stmt}s"
            );
        }
    }
    let Some((mut pg, name, url)) = fresh_postgres().await else {
        return;
    };

    {
        let t = Arc::new(setup_on(&url, tempfile::tempdir().unwrap(), Config::default()).await);
        // Idempotent seed on PostgreSQL too.
        let db: &Db = &t.state.db;
        let before = aftercare_server::repo::orders::counts(db, 1).await.unwrap();
        seed::seed_demo(db).await.unwrap();
        assert_eq!(
            aftercare_server::repo::orders::counts(db, 1).await.unwrap(),
            before
        );

        // Operations on PostgreSQL: readiness reads sqlx's migrations table, the retention
        // jobs run their SQL, and `backup` points to pg_dump instead of copying.
        assert!(db.pending_migrations().await.unwrap().is_empty());
        let r = t
            .send(
                axum::http::Request::get("/readyz")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let report =
            aftercare_server::ops::retention::run_all(db, aftercare_server::now_ms()).await;
        assert!(
            report.idempotency.is_some()
                && report.tracking_views.is_some()
                && report.closed_return_photos.is_some()
                && report.unattached_photos.is_some(),
            "{report:?}"
        );
        let copy = t.dir.path().join("pg.db");
        assert!(matches!(
            aftercare_server::ops::backup::backup(db, &copy).await,
            Err(aftercare_server::ops::backup::BackupError::Postgres)
        ));

        // Returns on PostgreSQL: options, a photo (BYTEA), the oversubscription race under
        // row locks, the merchant queue, the report and a withdrawal.
        let ana = format!("Bearer {}", customer_token("cus_ana"));
        let o = t
            .send(
                public("GET", "/v1/orders/1029/returns/options")
                    .header("authorization", &ana)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        let socks = o["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["sku"] == "SOCK-WOOL-HIKE")
            .unwrap()["item_id"]
            .clone();
        let mut png = std::io::Cursor::new(Vec::new());
        image::RgbImage::new(16, 16)
            .write_to(&mut png, image::ImageFormat::Png)
            .unwrap();
        let photo = t
            .send(
                public("POST", "/v1/return-photos")
                    .header("authorization", &ana)
                    .header("content-type", "image/png")
                    .body(Body::from(png.into_inner()))
                    .unwrap(),
            )
            .await;
        assert_eq!(photo.status, StatusCode::CREATED);
        let photo_id = photo.json()["id"].as_str().unwrap().to_owned();
        let body = json!({"method": "drop_off", "lines": [
            {"item_id": socks, "quantity": 2, "reason": "damaged", "resolution": "refund", "photo_ids": [photo_id]},
        ]});
        let attempts = (0..6).map(|i| {
            let req = public("POST", "/v1/orders/1029/returns")
                .header("authorization", &ana)
                .header("content-type", "application/json")
                .header("idempotency-key", format!("pg-race-{i}"))
                .body(json_body(&body))
                .unwrap();
            t.send(req)
        });
        let statuses: Vec<StatusCode> = futures::future::join_all(attempts)
            .await
            .into_iter()
            .map(|r| r.status)
            .collect();
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::CREATED)
                .count(),
            1,
            "{statuses:?}"
        );
        let queue = t
            .send(
                admin("GET", "/v1/admin/returns?status=requested")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(queue["items"].as_array().unwrap().len(), 2, "{queue}");
        let report = t
            .send(
                admin("GET", "/v1/admin/returns/report")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(report.status, StatusCode::OK);
        let w = t
            .send(
                public("POST", "/v1/orders/1029/withdrawals")
                    .header("authorization", &ana)
                    .header("content-type", "application/json")
                    .body(json_body(&json!({"confirm": true})))
                    .unwrap(),
            )
            .await;
        assert_eq!(w.status, StatusCode::CREATED);

        let r = t
            .send(
                public("POST", "/v1/orders/lookup")
                    .header("content-type", "application/json")
                    .header("idempotency-key", "pg-1")
                    .body(json_body(
                        &json!({"order_number": "1006", "email": "carla@example.com"}),
                    ))
                    .unwrap(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        let token = r.json()["token"].as_str().unwrap().to_owned();
        let o = t
            .send(
                public("GET", "/v1/orders/1006")
                    .header("authorization", format!("Bearer {token}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(o["status"], "partially_shipped");
        let id = o["shipments"][1]["id"].as_i64().unwrap();
        let batch = json!({"events": [
            {"carrier_event_id": "pg-e1", "status": "delivered", "description": "Entregado", "occurred_at": "2030-01-01T12:00:00+01:00"},
            {"carrier_event_id": "pg-e1", "status": "delivered", "description": "Entregado", "occurred_at": "2030-01-01T12:00:00+01:00"}
        ]});
        let r = t
            .send(
                admin("POST", &format!("/v1/admin/shipments/{id}/events"))
                    .header("content-type", "application/json")
                    .body(json_body(&batch))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.json(), json!({"inserted": 1, "duplicates": 1}));

        // Raw codes, ETA revisions, ETag/304, views and the insights on PostgreSQL too.
        let batch = json!({
            "events": [{"raw_status": "RP", "description": "En reparto", "occurred_at": "2030-01-02T08:00:00+01:00"}],
            "eta": {"earliest": "2030-01-03T09:00:00+01:00", "latest": "2030-01-03T20:00:00+01:00"}
        });
        let r = t
            .send(
                admin("POST", &format!("/v1/admin/shipments/{id}/events"))
                    .header("content-type", "application/json")
                    .body(json_body(&batch))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.json(), json!({"inserted": 1, "duplicates": 0}));
        let get = |etag: Option<&str>| {
            let mut req = public("GET", "/v1/orders/1006").header(
                "authorization",
                format!("Bearer {}", customer_token("cus_carla")),
            );
            if let Some(tag) = etag {
                req = req.header("if-none-match", tag);
            }
            req.body(Body::empty()).unwrap()
        };
        let r = t.send(get(None)).await;
        let o = r.json();
        assert_eq!(o["shipments"][1]["status"], "out_for_delivery");
        assert_eq!(o["shipments"][1]["events"][0]["raw_status"], "RP");
        assert!(o["shipments"][1]["eta_original"].is_object());
        let etag = r.header("etag").unwrap().to_owned();
        assert_eq!(
            t.send(get(Some(&etag))).await.status,
            StatusCode::NOT_MODIFIED
        );
        t.send(get(None)).await;
        let anxious = t
            .send(
                admin("GET", "/v1/admin/insights/anxious-customers?min_views=2")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(anxious[0]["order_number"], "1006");
        assert_eq!(
            anxious[0]["views"], 3,
            "guest open + two customer opens (the lookup itself is not a view)"
        );
        let alerts = t
            .send(
                admin("GET", "/v1/admin/insights/parcel-alerts")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(alerts.as_array().unwrap().len(), 10);
        let cfg = t
            .send(
                public("GET", "/v1/store?locale=es")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(cfg["faq"].as_array().unwrap().len(), 5);
        let list = t
            .send(
                public("GET", "/v1/orders?limit=2")
                    .header(
                        "authorization",
                        format!("Bearer {}", customer_token("cus_carla")),
                    )
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(list["items"].as_array().unwrap().len(), 2);
        assert!(list["next_cursor"].is_string());
        // The account page's list on PostgreSQL: filter, search and total as on SQLite.
        let olivia = |query: &str| {
            public("GET", &format!("/v1/orders{query}"))
                .header(
                    "authorization",
                    format!("Bearer {}", customer_token("cus_olivia")),
                )
                .body(Body::empty())
                .unwrap()
        };
        let numbers = |page: &serde_json::Value| -> Vec<String> {
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["order_number"].as_str().unwrap().to_owned())
                .collect()
        };
        let all = t.send(olivia("?limit=7")).await.json();
        assert_eq!(all["total"], 40);
        assert_eq!(numbers(&all)[0], "2040");
        let cursor = all["next_cursor"].as_str().unwrap().to_owned();
        let found = t
            .send(olivia(&format!(
                "?status=delivered&q=ALPACA&limit=2&cursor={cursor}"
            )))
            .await
            .json();
        assert_eq!(numbers(&found), ["2030", "2029"]);
        assert_eq!(found["total"], 7);
        let returns = t.send(olivia("?status=returns")).await.json();
        assert_eq!(numbers(&returns), ["2035", "2031", "2020"]);
        assert_eq!(returns["items"][0]["return_count"], 1);
        let cancelled = t.send(olivia("?status=cancelled&q=%25")).await.json();
        assert_eq!(cancelled["total"], 0, "% is text, not a wildcard");
        let open = t.send(olivia("?status=open")).await.json();
        assert_eq!(open["total"], 3);
        assert_eq!(open["items"][0]["preview"].as_array().unwrap().len(), 4);

        // Surveys on PostgreSQL: prompt (Ana's 1001 was delivered 13 days ago), one visit,
        // response create-then-update, dismissal, report with the seeded history.
        let ana = customer_token("cus_ana");
        let survey = |method: &str, uri: &str, body: serde_json::Value| {
            public(method, uri)
                .header("authorization", format!("Bearer {ana}"))
                .header("content-type", "application/json")
                .body(json_body(&body))
                .unwrap()
        };
        let p = t
            .send(survey(
                "POST",
                "/v1/surveys/nps/prompt",
                json!({"visit_id": "pg-visit-1"}),
            ))
            .await
            .json();
        assert_eq!(p["eligibility"]["eligible"], true, "{p}");
        let p = t
            .send(survey(
                "POST",
                "/v1/surveys/csat/prompt",
                json!({"visit_id": "pg-visit-1"}),
            ))
            .await
            .json();
        assert_eq!(p["eligibility"]["reason"], "one_survey_per_visit");
        let body =
            json!({"kind": "nps", "score": 4, "visit_id": "pg-visit-1", "order_number": "1001"});
        let r = t
            .send(survey(
                "PUT",
                "/v1/survey-responses/pg_resp_0001",
                body.clone(),
            ))
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        let mut body = body;
        body["comment"] = json!("Late, and the box was wet");
        body["wants_contact"] = json!(true);
        let r = t
            .send(survey("PUT", "/v1/survey-responses/pg_resp_0001", body))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["comment"], "Late, and the box was wet");
        let p = t
            .send(survey(
                "POST",
                "/v1/surveys/nps/prompt",
                json!({"visit_id": "pg-visit-1"}),
            ))
            .await
            .json();
        assert_eq!(p["eligibility"]["reason"], "recently_answered");
        let e = t
            .send(survey(
                "POST",
                "/v1/surveys/csat/dismissals",
                json!({"visit_id": "pg-visit-2"}),
            ))
            .await
            .json();
        assert_eq!(e["reason"], "recently_dismissed");
        let rep = t
            .send(
                admin("GET", "/v1/admin/surveys/nps/report")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        assert_eq!(rep["responses"], 63);
        let mine = rep["comments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["response_id"] == "pg_resp_0001")
            .unwrap()
            .clone();
        assert_eq!(mine["email"], "ana@example.com");
        assert_eq!(mine["order_number"], "1001");
        assert_eq!(mine["awaiting_follow_up"], true);
        let r = t
            .send(
                admin("GET", "/v1/admin/surveys/nps/responses.csv")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(String::from_utf8_lossy(&r.body).lines().count(), 64);

        // Preferences on PostgreSQL: a change, its idempotent repeat (the guarded upsert keeps
        // the time), the prompt honouring it, and a change back.
        let prefs = |method: &str, uri: &str, body: serde_json::Value| {
            public(method, uri)
                .header("authorization", format!("Bearer {ana}"))
                .header("content-type", "application/json")
                .body(json_body(&body))
                .unwrap()
        };
        let off = t
            .send(prefs(
                "PUT",
                "/v1/me/preferences/surveys",
                json!({"enabled": false}),
            ))
            .await;
        assert_eq!(off.status, StatusCode::OK);
        let off = off.json();
        assert_eq!(off["topics"][2]["enabled"], false);
        assert!(off["topics"][2]["changed_at"].is_string());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        let again = t
            .send(prefs(
                "PUT",
                "/v1/me/preferences/surveys",
                json!({"enabled": false}),
            ))
            .await
            .json();
        assert_eq!(again, off);
        let p = t
            .send(survey(
                "POST",
                "/v1/surveys/nps/prompt",
                json!({"visit_id": "pg-visit-3"}),
            ))
            .await
            .json();
        assert_eq!(p["eligibility"]["reason"], "opted_out");
        let on = t
            .send(prefs(
                "PUT",
                "/v1/me/preferences/surveys",
                json!({"enabled": true}),
            ))
            .await
            .json();
        assert_ne!(
            on["topics"][2]["changed_at"],
            off["topics"][2]["changed_at"]
        );
        let read = t
            .send(prefs("GET", "/v1/me/preferences", json!(null)))
            .await
            .json();
        assert_eq!(read, on);

        // The account overview on PostgreSQL: Dev's pickup, his two parcel problems (newest
        // order first) and his requested return.
        let overview = t
            .send(
                public("GET", "/v1/me/overview")
                    .header(
                        "authorization",
                        format!("Bearer {}", customer_token("cus_dev")),
                    )
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .json();
        let items: Vec<(&str, &str)> = overview["attention"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["kind"].as_str().unwrap(),
                    i["order_number"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            items,
            [
                ("pickup", "1008"),
                ("parcel_problem", "1009"),
                ("parcel_problem", "1024"),
                ("return_to_send", "1028"),
            ]
        );
        profile_flow(&t).await;
        // Cancellation and address-change requests, and their race with parcels.
        requests::main_flows(&t).await;
        reviews::main_flows(&t).await;
        privacy::flow(&t).await;
        // The communication calendar: the stored rules and the outbox's holds.
        crate::email_calendar::quiet_hours_flow(&t).await;
        t.state.db.pool.close().await;
    }
    sqlx::query(&format!("DROP DATABASE {name}"))
        .execute(&mut pg)
        .await
        .unwrap();
}

/// The account's profile and address book on PostgreSQL: the seeded profile and refund, the
/// cap and the first default under concurrent saves (the advisory lock), an idempotent replay,
/// the default moving and being promoted, and another customer's id.
async fn profile_flow(t: &TestApp) {
    use common::profile::{add, call, id_of, lines, ok, profile};
    let ana = profile(t, "cus_ana").await;
    assert_eq!(ana["phone"], "+34 612 345 678");
    assert_eq!(lines(&ana), ["Calle de Alcalá 123*", "Rua Augusta 152"]);
    let o = ok(
        shopper_get(t, "cus_ana", "1017", None).await,
        StatusCode::OK,
    );
    assert_eq!(o["totals"]["refunded"]["amount_minor"], 2900);
    let url = o["items"][0]["product_url"].as_str().unwrap();
    assert!(url.ends_with("/product.html?sku=PACK-ROLL-20"), "{url}");

    // 25 saves at once into an empty book: 20 fit, exactly one of them the default.
    let address = |i: usize| json!({"address": {"name": "Pg", "line1": format!("Calle {i}"), "city": "Madrid", "postal_code": "28013", "country": "ES"}});
    let save = |i: usize| {
        public("POST", "/v1/me/addresses")
            .header(
                "authorization",
                format!("Bearer {}", customer_token("cus_pg")),
            )
            .header("content-type", "application/json")
            .header("idempotency-key", format!("pg-addr-{i}"))
            .body(json_body(&address(i)))
            .unwrap()
    };
    let replies = futures::future::join_all((0..25).map(|i| t.send(save(i)))).await;
    let statuses: Vec<StatusCode> = replies.iter().map(|r| r.status).collect();
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let full = statuses.iter().filter(|s| s.as_u16() == 409).count();
    assert_eq!((created, full), (20, 5), "{statuses:?}");
    let p = profile(t, "cus_pg").await;
    let book = lines(&p);
    assert_eq!(book.len(), 20);
    assert_eq!(book.iter().filter(|l| l.ends_with('*')).count(), 1);
    assert!(book[0].ends_with('*'));
    let replay = t.send(save(0)).await;
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));

    // The default moves on PUT, and is promoted when removed.
    let last = p["addresses"][19]["id"].as_i64().unwrap();
    let uri = format!("/v1/me/addresses/{last}");
    let mut body = address(99);
    body["make_default"] = json!(true);
    let p = ok(
        call(t, "cus_pg", "PUT", &uri, Some(body.clone())).await,
        StatusCode::OK,
    );
    assert_eq!(lines(&p)[0], "Calle 99*");
    let other = call(t, "cus_ana", "PUT", &uri, Some(body)).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let p = ok(
        call(t, "cus_pg", "DELETE", &uri, None).await,
        StatusCode::OK,
    );
    assert_eq!(lines(&p).len(), 19);
    assert_eq!(lines(&p).iter().filter(|l| l.ends_with('*')).count(), 1);
    let fresh = add(t, "cus_pg_2", address(1)["address"].clone(), false).await;
    assert_eq!(lines(&fresh), ["Calle 1*"]);
    assert!(id_of(&fresh, "Calle 1") > 0);
}
