//! No acknowledged write loses its email (issue #16): the real server is killed with SIGKILL
//! right after answering a burst of new orders, and started again; every order it
//! acknowledged gets its confirmation, and a message that went out twice (sent, then killed
//! before it was marked) carries the same Message-ID both times.

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const SK: &str = "sk_demo_aurora_secret";
const ORDERS: usize = 12;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(db: &str, port: u16, mail: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_aftercare-server"))
        .arg("serve")
        .env("DATABASE_URL", db)
        .env("AFTERCARE_ADDR", format!("127.0.0.1:{port}"))
        .env("AFTERCARE_MAIL_DIR", mail)
        .env("AFTERCARE_LOG_FORMAT", "text")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .env_remove("AFTERCARE_SMTP_URL")
        .env_remove("AFTERCARE_PUBLIC_URL")
        .spawn()
        .unwrap()
}

async fn ready(http: &reqwest::Client, base: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if http
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start");
}

/// `(recipient, Message-ID)` of every `.eml` in `dirs`.
fn delivered(dirs: &[&Path]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let raw = std::fs::read_to_string(e.path()).unwrap_or_default();
            let header = |name: &str| {
                raw.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            };
            out.push((header("To: "), header("Message-ID: ")));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_order_is_confirmed_after_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/live.db?mode=rwc", dir.path().display());
    let seeded = Command::new(env!("CARGO_BIN_EXE_aftercare-server"))
        .arg("seed-demo")
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let (first, second) = (dir.path().join("mail-1"), dir.path().join("mail-2"));
    let http = reqwest::Client::new();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = serve(&db, port, &first);
    ready(&http, &base).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let placed = aftercare_shared::Timestamp::from_utc_ms(now, 0).to_string();
    let mut acknowledged = Vec::new();
    for i in 0..ORDERS {
        let to = format!("durable-{i}@example.com");
        let r = http
            .put(format!("{base}/v1/admin/orders/D-{i}"))
            .bearer_auth(SK)
            .json(&serde_json::json!({
                "order_number": format!("D-{i}"),
                "email": to,
                "currency": "EUR",
                "placed_at": placed,
                "items": [{"sku": "A", "title": "Alpha", "quantity": 1, "unit_price_minor": 900}],
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), reqwest::StatusCode::CREATED);
        acknowledged.push(to);
    }
    // SIGKILL: no shutdown, no flush, whatever the sender was doing.
    server.kill().unwrap();
    server.wait().unwrap();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = serve(&db, port, &second);
    ready(&http, &base).await;
    // A message the killed server had taken waits out its lease (two minutes) at worst.
    let deadline = Instant::now() + Duration::from_secs(150);
    let missing = loop {
        let got = delivered(&[&first, &second]);
        let missing: Vec<&String> = acknowledged
            .iter()
            .filter(|to| !got.iter().any(|(r, _)| r == *to))
            .collect();
        if missing.is_empty() || Instant::now() > deadline {
            break missing.into_iter().cloned().collect::<Vec<_>>();
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(missing.is_empty(), "never confirmed: {missing:?}");
    for to in &acknowledged {
        let ids: Vec<String> = delivered(&[&first, &second])
            .into_iter()
            .filter(|(r, _)| r == to)
            .map(|(_, id)| id)
            .collect();
        assert!(
            ids.iter()
                .all(|id| id == &ids[0] && id.ends_with("@aftercare>")),
            "{to}: {ids:?}"
        );
    }
}
