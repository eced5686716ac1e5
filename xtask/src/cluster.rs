//! `cargo xtask cluster`: the scale-out shape on one machine. A throwaway PostgreSQL, two
//! `aftercare-server serve --demo` instances on it, and nginx from Debian in front of both,
//! round-robin, on one port. The demo storefront and the end-to-end tests work through it
//! as through `cargo xtask demo`. `--check` starts it all, proves through nginx that both
//! instances answer and share their state ([`crate::cluster_check`]), and stops; `--e2e` runs
//! the whole Playwright suite through it ([`crate::e2e`], also part of `cargo xtask test`).

use crate::proc::{Env, Result};
use crate::{bundle, cluster_check, demo, postgres, repo_root, server, tools};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where nginx is installed by Debian's package.
const NGINX: &str = "/usr/sbin/nginx";
/// The instances' names, sent back in `x-aftercare-instance`.
pub(crate) const INSTANCES: [&str; 2] = ["a", "b"];

/// A running cluster; dropping it stops nginx, then the servers, then PostgreSQL (fields
/// drop in declaration order).
pub(crate) struct Running {
    nginx: Nginx,
    servers: Vec<server::Running>,
    _watchdog: Watchdog,
    _db: postgres::Cluster,
    /// The one address: `http://127.0.0.1:PORT` (nginx).
    pub url: String,
    /// Each instance's own address, in [`INSTANCES`] order.
    pub instances: Vec<String>,
}

impl Running {
    /// How many requests nginx passed to each instance so far, in [`INSTANCES`] order (from
    /// its upstream log): the proof that a run went through both.
    pub(crate) fn requests_per_instance(&self) -> Vec<(&'static str, usize)> {
        let log =
            std::fs::read_to_string(self.nginx.prefix.join("upstream.log")).unwrap_or_default();
        INSTANCES
            .iter()
            .zip(&self.instances)
            .map(|(name, url)| (*name, answered_by(&log, url.trim_start_matches("http://"))))
            .collect()
    }

    /// Block until nginx or a server exits (Ctrl-C reaches them all through the terminal's
    /// process group); then everything is stopped.
    pub(crate) fn wait(mut self) -> Result<()> {
        loop {
            if let Ok(Some(status)) = self.nginx.child.try_wait() {
                return Err(format!("nginx exited ({status}); see {}", self.nginx.log()));
            }
            for (name, s) in INSTANCES.iter().zip(self.servers.iter_mut()) {
                if let Some(status) = s.try_wait() {
                    return Err(format!("instance {name} exited ({status})"));
                }
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

/// Requests in an upstream log (`$upstream_addr $status` lines) answered by `addr`. A retried
/// request lists every upstream tried; the last one answered.
fn answered_by(log: &str, addr: &str) -> usize {
    log.lines()
        .filter_map(|l| l.split_whitespace().rev().nth(1))
        .filter(|last| *last == addr)
        .count()
}

/// nginx as a child process with its prefix directory (config, logs, temp files); the load
/// bench runs one more as its static-file ceiling.
pub(crate) struct Nginx {
    child: Child,
    prefix: PathBuf,
}

impl Nginx {
    fn log(&self) -> String {
        self.prefix.join("error.log").display().to_string()
    }
}

impl Drop for Nginx {
    /// SIGTERM, so the master stops its workers (SIGKILL would orphan them); SIGKILL only
    /// if it has not exited within 5 s.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The PostgreSQL watchdog ([`postgres::Cluster::watchdog`]), ended on a normal stop.
struct Watchdog(Child);

impl Drop for Watchdog {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Install nginx from Debian when it is missing.
pub(crate) fn ensure_nginx(env: &Env) -> Result<()> {
    if Path::new(NGINX).exists() {
        return Ok(());
    }
    tools::apt_install(env, &["nginx"])
}

/// The start of every nginx configuration here, up to inside `http {`: one worker, and the
/// pid, logs and temporary files all under `prefix` (nothing in /etc or /var).
pub(crate) fn nginx_preamble(prefix: &Path) -> String {
    let p = prefix.display();
    format!(
        "worker_processes 1;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {p}/access.log;
    client_body_temp_path {p}/tmp/body;
    proxy_temp_path {p}/tmp/proxy;
    fastcgi_temp_path {p}/tmp/fastcgi;
    uwsgi_temp_path {p}/tmp/uwsgi;
    scgi_temp_path {p}/tmp/scgi;"
    )
}

/// The nginx configuration: one upstream with both instances (round-robin, the default),
/// the client's address appended to `X-Forwarded-For` (the servers run with
/// `AFTERCARE_TRUST_PROXY` and take its last entry), no caching, no buffering of answers,
/// and every path nginx writes kept under `prefix`.
pub(crate) fn nginx_conf(prefix: &Path, port: u16, upstreams: &[u16]) -> String {
    let p = prefix.display();
    let servers: String = upstreams
        .iter()
        .map(|u| format!("        server 127.0.0.1:{u} max_fails=0;\n"))
        .collect();
    format!(
        "{}
    # Return photos and review photos are bounded by the server itself.
    client_max_body_size 32m;
    # Which instance answered each request, so a run can show both were used.
    log_format upstreams '$upstream_addr $status';
    upstream aftercare {{
{servers}        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        access_log {p}/access.log;
        access_log {p}/upstream.log upstreams;
        location / {{
            proxy_pass http://aftercare;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_cache off;
            proxy_buffering off;
            # POSTs are never replayed on another instance by nginx (non-idempotent);
            # retries are the client's, under its Idempotency-Key.
            proxy_next_upstream error timeout;
        }}
    }}
}}
",
        nginx_preamble(prefix)
    )
}

fn start_nginx(prefix: &Path, port: u16, upstreams: &[u16]) -> Result<Nginx> {
    spawn_nginx(prefix, &nginx_conf(prefix, port, upstreams), port)
}

/// Start nginx with configuration `conf` (written to `prefix/nginx.conf`) and wait until it
/// answers `/healthz` on `port`: shared by the cluster's proxy and the load bench's static
/// ceiling, so both are started, checked and stopped the same way.
pub(crate) fn spawn_nginx(prefix: &Path, conf: &str, port: u16) -> Result<Nginx> {
    std::fs::create_dir_all(prefix.join("tmp")).map_err(|e| e.to_string())?;
    let conf_text = conf;
    let conf = prefix.join("nginx.conf");
    std::fs::write(&conf, conf_text).map_err(|e| e.to_string())?;
    let mut test = Command::new(NGINX);
    test.arg("-t")
        .arg("-q")
        .arg("-c")
        .arg(&conf)
        .arg("-p")
        .arg(prefix);
    crate::proc::run(&mut test)?;
    let child = Command::new(NGINX)
        .arg("-c")
        .arg(&conf)
        .arg("-p")
        .arg(prefix)
        .args(["-g", "daemon off;"])
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start nginx: {e}"))?;
    let mut nginx = Nginx {
        child,
        prefix: prefix.to_path_buf(),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = nginx.child.try_wait() {
            return Err(format!(
                "nginx exited ({status}); is port {port} in use? see {}",
                nginx.log()
            ));
        }
        if server::http_get(port, "/healthz").is_some_and(|(s, _)| s == 200) {
            return Ok(nginx);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("nginx did not answer on port {port} within 20 s"))
}

/// How to start a cluster: where it listens, where its files go, what it serves.
pub(crate) struct Spec<'a> {
    /// nginx's port; the instances take the next two, PostgreSQL the third.
    pub port: u16,
    /// Its files (PostgreSQL's data, nginx's configuration and logs), emptied first: the
    /// end-to-end suite uses its own, so it never touches a `cargo xtask cluster` running
    /// beside it.
    pub work: PathBuf,
    /// The SDK both instances serve under `/sdk/`.
    pub sdk_dir: &'a Path,
    /// More environment for both instances (the end-to-end suite's lookup limits).
    pub env: &'a [(&'a str, &'a str)],
}

impl<'a> Spec<'a> {
    /// `cargo xtask cluster`'s own: files under `target/cluster`, nothing extra.
    pub(crate) fn new(port: u16, sdk_dir: &'a Path) -> Self {
        Self {
            port,
            work: repo_root().join("target/cluster"),
            sdk_dir,
            env: &[],
        }
    }
}

/// Start the whole cluster with the server binary `bin`: PostgreSQL on `port + 3`, migrated
/// and seeded once, instances on `port + 1` and `port + 2`, nginx on `port`.
/// Non-interactive, so tests can use it too; dropping the answer stops it all.
pub(crate) fn start(env: &Env, bin: &Path, spec: &Spec) -> Result<Running> {
    ensure_nginx(env)?;
    let port = spec.port;
    let work = &spec.work;
    let db = postgres::start_in(env, &work.join("pg"), Some(port + 3))?;
    let watchdog = Watchdog(db.watchdog(std::process::id())?);
    let url = format!("http://127.0.0.1:{port}");
    server::seed(bin, &db.url, &url)?;
    let sdk = spec.sdk_dir.to_string_lossy().into_owned();
    let mut servers = Vec::new();
    let mut instances = Vec::new();
    let mut ports = Vec::new();
    for (i, name) in INSTANCES.iter().enumerate() {
        let p = port + 1 + i as u16;
        let mut vars = vec![
            ("AFTERCARE_INSTANCE", *name),
            ("AFTERCARE_TRUST_PROXY", "true"),
            ("AFTERCARE_SDK_DIR", sdk.as_str()),
        ];
        vars.extend_from_slice(spec.env);
        let s = server::start(bin, &db.url, p, &vars)?;
        instances.push(s.url.clone());
        servers.push(s);
        ports.push(p);
    }
    let prefix = work.join("nginx");
    let _ = std::fs::remove_dir_all(&prefix);
    let nginx = start_nginx(&prefix, port, &ports)?;
    Ok(Running {
        nginx,
        servers,
        _watchdog: watchdog,
        _db: db,
        url,
        instances,
    })
}

fn print_urls(c: &Running) {
    let url = &c.url;
    println!(
        "\n  Aftercare cluster: nginx on {url}/ → instance a {} and b {} → PostgreSQL\n\
         \n  Try: {url}/track.html  (order 1002 + ana@example.com)\
         \n       {url}/returns.html, {url}/account.html, {url}/review.html, {url}/product.html\
         \n       {url}/sdk/index.html  (widget gallery)\
         \n  API: {url}/v1/openapi.json; every answer names its instance in `x-aftercare-instance`\
         \n       (curl -si {url}/healthz | grep -i x-aftercare-instance)\n\
         \n  Embed: <script src=\"{url}/sdk/aftercare.js\" data-key=\"{}\" async></script>\n\
         \n  Press Ctrl-C to stop.\n",
        c.instances[0],
        c.instances[1],
        demo::DEMO_KEY,
    );
}

const USAGE: &str = "usage: cargo xtask cluster [--port N] [--check | --e2e]";

/// What `cargo xtask cluster` does once the cluster runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Serve until Ctrl-C.
    Serve,
    /// `--check`: the quick proof through nginx, then stop.
    Check,
    /// `--e2e`: the whole Playwright suite through nginx, then stop.
    EndToEnd,
}

/// `cargo xtask cluster [--port N] [--check | --e2e]` (default port 8080, `--e2e` a free one;
/// instances on the next two ports, PostgreSQL on the third). With `AFTERCARE_SDK_DIR` set,
/// serves that SDK instead of building the widgets; `--check` builds no widgets.
pub(crate) fn run(args: &[String]) -> Result<()> {
    let mut port = None;
    let mut mode = Mode::Serve;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" if mode == Mode::Serve => mode = Mode::Check,
            "--e2e" if mode == Mode::Serve => mode = Mode::EndToEnd,
            "--port" => {
                let n = it.next().ok_or(USAGE)?;
                port = Some(
                    n.parse()
                        .map_err(|_| format!("--port takes a number, got {n:?}"))?,
                );
            }
            _ => return Err(USAGE.into()),
        }
    }
    let given_sdk = std::env::var_os("AFTERCARE_SDK_DIR").map(PathBuf::from);
    let env = match mode {
        Mode::EndToEnd => tools::ensure_test_tools()?,
        Mode::Check => tools::project_env(),
        Mode::Serve if given_sdk.is_some() => tools::project_env(),
        Mode::Serve => tools::ensure_build_tools()?,
    };
    if given_sdk.is_none() && mode != Mode::Check {
        bundle::build(&env)?;
    }
    let sdk = given_sdk.unwrap_or_else(|| repo_root().join("dist"));
    let bin = server::build(&env, server::Profile::Dev)?;
    if mode == Mode::EndToEnd {
        let counts = crate::e2e::cluster(&env, &bin, &sdk, port)?;
        return match counts.failed {
            0 => Ok(()),
            n => Err(format!("{n} end-to-end test(s) failed through the cluster")),
        };
    }
    let started = Instant::now();
    let cluster = start(&env, &bin, &Spec::new(port.unwrap_or(8080), &sdk))?;
    if mode == Mode::Check {
        let result = cluster_check::run(&cluster);
        drop(cluster);
        result?;
        println!(
            "cluster check passed in {:.1} s (start, checks and stop)",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    print_urls(&cluster);
    cluster.wait()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nginx_balances_both_instances_and_appends_the_client_address() {
        let conf = nginx_conf(Path::new("/tmp/x"), 18500, &[18501, 18502]);
        assert!(conf.contains("listen 127.0.0.1:18500;"));
        assert!(conf.contains("server 127.0.0.1:18501 max_fails=0;"));
        assert!(conf.contains("server 127.0.0.1:18502 max_fails=0;"));
        assert!(conf.contains("X-Forwarded-For $proxy_add_x_forwarded_for"));
        assert!(conf.contains("proxy_cache off;"));
        assert!(conf.contains("pid /tmp/x/nginx.pid;"));
        assert!(conf.contains("access_log /tmp/x/upstream.log upstreams;"));
    }

    #[test]
    fn the_upstream_log_counts_the_instance_that_answered() {
        let log = "127.0.0.1:1 200\n127.0.0.1:2 201\n127.0.0.1:1, 127.0.0.1:2 200\n- 400\n";
        assert_eq!(answered_by(log, "127.0.0.1:1"), 1);
        assert_eq!(answered_by(log, "127.0.0.1:2"), 2);
    }
}
