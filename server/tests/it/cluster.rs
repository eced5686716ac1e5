//! Several instances behind one address (issue #15): two servers, each with its own
//! in-process state (`AppState`), on one database, each on its own loopback port, driven
//! over HTTP. Whatever a request may find on the other instance must be in the database.
//!
//! Every test runs on SQLite (two states sharing one pool: proves nothing lives in process
//! memory) and, when `AFTERCARE_TEST_POSTGRES_URL` is set, on PostgreSQL with two separate
//! pools on a fresh database (proves the claims and counters are race-free across
//! connections, as with two processes). `cargo xtask cluster --check` runs the same through
//! a real nginx.

use crate::common;

use aftercare_server::{AppState, Config, Db};
use common::returns::{ana, line};
use common::*;
use reqwest::{Client, Response};
use serde_json::{json, Value};
use sqlx::Connection;
use std::sync::Arc;
use tokio::sync::Barrier;

/// Two instances on one database.
struct Pair {
    /// Which engine, for assertion messages.
    engine: &'static str,
    /// Instance A's base URL and state (it also holds the seeded database).
    a: String,
    a_app: TestApp,
    /// Instance B's base URL.
    b: String,
    /// The PostgreSQL database to drop afterwards: (admin URL, name, B's pool).
    pg: Option<(String, String, Db)>,
}

impl Pair {
    /// The base URL of instance `i % 2` (A for even, B for odd).
    fn url(&self, i: usize) -> &str {
        if i.is_multiple_of(2) {
            &self.a
        } else {
            &self.b
        }
    }

    async fn finish(self) {
        self.a_app.state.db.pool.close().await;
        if let Some((admin_url, name, b_db)) = self.pg {
            b_db.pool.close().await;
            let mut pg = sqlx::AnyConnection::connect(&admin_url).await.unwrap();
            sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&mut pg)
                .await
                .unwrap();
        }
    }
}

fn named(config: &Config, name: &str) -> Config {
    Config {
        instance: Some(name.into()),
        ..config.clone()
    }
}

/// A and B on SQLite, then (when configured) on PostgreSQL.
async fn pairs(config: Config) -> Vec<Pair> {
    let mut out = Vec::new();
    let a_app = setup_with(named(&config, "a")).await;
    let b_state = AppState::new(a_app.state.db.clone(), named(&config, "b"))
        .await
        .unwrap();
    out.push(Pair {
        engine: "sqlite",
        a: a_app.spawn().await,
        b: serve(b_state).await,
        a_app,
        pg: None,
    });
    let Ok(admin_url) = std::env::var("AFTERCARE_TEST_POSTGRES_URL") else {
        eprintln!("AFTERCARE_TEST_POSTGRES_URL not set: cluster tests ran on SQLite only");
        return out;
    };
    sqlx::any::install_default_drivers();
    let name = format!("aftercare_cluster_{:016x}", fastrand::u64(..));
    let mut pg = sqlx::AnyConnection::connect(&admin_url).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut pg)
        .await
        .unwrap();
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
    let url = format!("{base}/{name}");
    let a_app = setup_on(&url, tempfile::tempdir().unwrap(), named(&config, "a")).await;
    // Its own pool: as another process would have.
    let b_db = Db::connect(&url).await.unwrap();
    let b_state = AppState::new(b_db.clone(), named(&config, "b"))
        .await
        .unwrap();
    out.push(Pair {
        engine: "postgres",
        a: a_app.spawn().await,
        b: serve(b_state).await,
        a_app,
        pg: Some((admin_url, name, b_db)),
    });
    out
}

async fn lookup(http: &Client, base: &str, order: &str, email: &str, ip: &str) -> Response {
    http.post(format!("{base}/v1/orders/lookup"))
        .header("aftercare-key", PK)
        .header("x-forwarded-for", ip)
        .json(&json!({"order_number": order, "email": email}))
        .send()
        .await
        .unwrap()
}

/// Guest lookups until the first 429, sending request `i` to `pick(i)`: how many got through.
async fn lookups_until_limited(
    http: &Client,
    pick: impl Fn(usize) -> String,
    order: &str,
    ip: impl Fn(usize) -> String,
) -> (usize, Vec<String>, u64) {
    let mut instances = Vec::new();
    for i in 0..50 {
        let r = lookup(http, &pick(i), order, "wrong@example.com", &ip(i)).await;
        instances.push(
            r.headers()["x-aftercare-instance"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
        if r.status() == 429 {
            let retry: u64 = r.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["code"], "rate_limited");
            return (i, instances, retry);
        }
        assert_eq!(r.status(), 404, "request {i}");
    }
    panic!("never rate limited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lookups_alternating_between_instances_hit_the_limits_at_the_same_count() {
    // Many IPs (forwarded by the trusted proxy) guessing one order's email.
    let config = Config {
        trust_proxy: true,
        ..Config::default()
    };
    let per_order = config.lookup_per_order as usize;
    for p in pairs(config).await {
        let http = Client::new();
        let many_ips = |i: usize| format!("10.9.{}.{}", i / 200, i % 200 + 1);
        let (alone, seen, _) =
            lookups_until_limited(&http, |_| p.a.clone(), "1006", many_ips).await;
        assert_eq!(alone, per_order, "{}: one instance", p.engine);
        assert!(seen.iter().all(|s| s == "a"));
        let (both, seen, retry) = lookups_until_limited(
            &http,
            |i| p.url(i).to_owned(),
            "1002",
            |i| many_ips(100 + i),
        )
        .await;
        assert_eq!(both, per_order, "{}: alternating A, B", p.engine);
        assert_eq!(seen[..4], ["a", "b", "a", "b"]);
        // Five per 15 minutes: one comes back every 180 s.
        assert!(
            (1..=180).contains(&retry),
            "{}: Retry-After {retry}",
            p.engine
        );

        p.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn per_ip_limit_is_shared_between_instances() {
    let config = Config {
        trust_proxy: true,
        lookup_per_minute: 4,
        lookup_per_order: 100,
        ..Config::default()
    };
    for p in pairs(config).await {
        let http = Client::new();
        let (n, seen, retry) = lookups_until_limited(
            &http,
            |i| p.url(i).to_owned(),
            "1010",
            |_| "10.7.0.1".into(),
        )
        .await;
        assert_eq!(n, 4, "{}", p.engine);
        assert_eq!(seen[..2], ["a", "b"]);
        assert!(
            (1..=15).contains(&retry),
            "{}: one per 15 s, got {retry}",
            p.engine
        );
        // Another IP is not affected.
        let r = lookup(&http, &p.b, "1010", "wrong@example.com", "10.7.0.2").await;
        assert_eq!(r.status(), 404);
        p.finish().await;
    }
}

async fn return_count(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM returns")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// Ana's body returning one pair of socks from order 1029.
async fn socks_return(http: &Client, base: &str) -> Value {
    let o: Value = http
        .get(format!("{base}/v1/orders/1029/returns/options"))
        .header("aftercare-key", PK)
        .header("authorization", ana())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let socks = line(&o, "SOCK-WOOL-HIKE")["item_id"].clone();
    json!({"method": "drop_off", "lines": [
        {"item_id": socks, "quantity": 1, "reason": "changed_mind", "resolution": "refund"},
    ]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_idempotency_key_sent_to_both_instances_writes_once() {
    for p in pairs(Config::default()).await {
        let http = Client::new();
        let body = socks_return(&http, &p.a).await;
        let before = return_count(&p.a_app.state.db).await;
        // Three to each instance, released together.
        let barrier = Arc::new(Barrier::new(6));
        let mut tasks = Vec::new();
        for i in 0..6 {
            let (http, barrier, body) = (http.clone(), barrier.clone(), body.clone());
            let url = format!("{}/v1/orders/1029/returns", p.url(i));
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                let r = http
                    .post(url)
                    .header("aftercare-key", PK)
                    .header("authorization", ana())
                    .header("idempotency-key", "cluster-return-1")
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = r.status().as_u16();
                let replayed = r.headers().get("idempotent-replayed").is_some();
                let instance = r.headers()["x-aftercare-instance"]
                    .to_str()
                    .unwrap()
                    .to_owned();
                (status, replayed, instance, r.json::<Value>().await.unwrap())
            }));
        }
        let mut fresh = Vec::new();
        let mut replays = Vec::new();
        let mut instances = std::collections::BTreeSet::new();
        for t in tasks {
            let (status, replayed, instance, json) = t.await.unwrap();
            instances.insert(instance);
            match status {
                201 if replayed => replays.push(json),
                201 => fresh.push(json),
                409 => assert_eq!(json["code"], "idempotency_in_flight", "{}", p.engine),
                other => panic!("{}: unexpected {other}: {json}", p.engine),
            }
        }
        assert_eq!(instances.len(), 2, "both instances answered");
        assert_eq!(fresh.len(), 1, "{}: exactly one request ran", p.engine);
        assert!(replays.iter().all(|r| *r == fresh[0]), "replays repeat it");
        assert_eq!(
            return_count(&p.a_app.state.db).await,
            before + 1,
            "{}: exactly one write",
            p.engine
        );
        // A later retry on either instance replays the same answer.
        for base in [&p.a, &p.b] {
            let r = http
                .post(format!("{base}/v1/orders/1029/returns"))
                .header("aftercare-key", PK)
                .header("authorization", ana())
                .header("idempotency-key", "cluster-return-1")
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 201);
            assert_eq!(r.headers()["idempotent-replayed"], "true");
            assert_eq!(r.json::<Value>().await.unwrap(), fresh[0]);
        }
        p.finish().await;
    }
}

async fn shopper_status(http: &Client, base: &str, rma: &str) -> String {
    let r = http
        .get(format!("{base}/v1/returns/{rma}"))
        .header("aftercare-key", PK)
        .header("authorization", ana())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_approval_through_one_instance_is_seen_at_once_through_the_other() {
    for p in pairs(Config::default()).await {
        let http = Client::new();
        let body = socks_return(&http, &p.a).await;
        let created: Value = http
            .post(format!("{}/v1/orders/1029/returns", p.b))
            .header("aftercare-key", PK)
            .header("authorization", ana())
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let rma = created["rma"].as_str().unwrap().to_owned();
        // The status page polls B; the merchant acts through A.
        assert_eq!(shopper_status(&http, &p.b, &rma).await, "requested");
        let r = http
            .post(format!("{}/v1/admin/returns/{rma}/status", p.a))
            .bearer_auth(SK)
            .json(&json!({"status": "approved"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["x-aftercare-instance"], "a");
        assert_eq!(
            shopper_status(&http, &p.b, &rma).await,
            "approved",
            "{}: the very next poll on B",
            p.engine
        );
        p.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn demo_clock_and_new_origins_are_seen_by_both_instances() {
    let config = Config {
        demo: true,
        ..Config::default()
    };
    for p in pairs(config).await {
        let http = Client::new();
        let clock = |base: &str, days: i64| {
            http.post(format!("{base}/demo/clock"))
                .json(&json!({"customer": "cus_cluster", "advance_days": days}))
                .send()
        };
        let a: Value = clock(&p.a, 10).await.unwrap().json().await.unwrap();
        assert_eq!(a["offset_days"], 10);
        let b: Value = clock(&p.b, 5).await.unwrap().json().await.unwrap();
        assert_eq!(b["offset_days"], 15, "{}: B continues A's shift", p.engine);

        // An origin added by another process (seed, import) is allowed by B's very next
        // preflight, not 30 s later.
        let origin = "https://new-shop.example";
        let preflight = |base: String| {
            http.request(reqwest::Method::OPTIONS, format!("{base}/v1/orders/lookup"))
                .header("origin", origin)
                .header("access-control-request-method", "POST")
                .send()
        };
        let before = preflight(p.b.clone()).await.unwrap();
        assert!(before
            .headers()
            .get("access-control-allow-origin")
            .is_none());
        sqlx::query("INSERT INTO store_origins (store_id, origin) VALUES (1, $1)")
            .bind(origin)
            .execute(&p.a_app.state.db.pool)
            .await
            .unwrap();
        // Past the reload spacing the miss above started.
        tokio::time::sleep(aftercare_server::state::ORIGIN_RELOAD_MIN_INTERVAL).await;
        let after = preflight(p.b.clone()).await.unwrap();
        assert_eq!(
            after.headers()["access-control-allow-origin"],
            origin,
            "{}",
            p.engine
        );
        p.finish().await;
    }
}
