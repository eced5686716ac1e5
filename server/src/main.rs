//! `aftercare-server`: the reference API server and its data tools.
//!
//! Subcommands: `serve`, `migrate`, `seed-demo`, `import FILE --store pk_…`,
//! `token --customer ID [--store pk_…] [--ttl SECONDS]`, `user add --store pk_… --email …
//! --role owner|agent`, `backup FILE`. The database comes
//! from `--database-url` / `DATABASE_URL` (SQLite by default); logs go to standard error as
//! text or JSON (`--log-format` / `AFTERCARE_LOG_FORMAT`). See `docs/OPERATIONS.md`.

use aftercare_server::ops::{self, logging::LogFormat};
use aftercare_server::repo::stores;
use aftercare_server::{http, import, seed, AppState, Config, Db, Error};
use aftercare_shared::token::{self, Claims, TokenKind, MAX_LIFETIME_SECONDS};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "aftercare-server",
    version,
    about = "Aftercare's reference API server"
)]
struct Cli {
    /// Database URL: `sqlite://FILE?mode=rwc` or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        global = true,
        default_value = "sqlite://aftercare.db?mode=rwc"
    )]
    database_url: String,
    /// Log lines as `json`, `text`, or `auto` (text on a terminal, JSON otherwise).
    #[arg(
        long,
        env = "AFTERCARE_LOG_FORMAT",
        global = true,
        value_enum,
        default_value_t = LogFormat::Auto
    )]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate,
    /// Create or refresh the "Aurora Outfitters" demo store and its orders (idempotent).
    SeedDemo {
        /// Where the demo storefront is served; product images are `{URL}/img/{slug}.svg`.
        #[arg(long, env = "AFTERCARE_PUBLIC_URL", default_value = seed::DEFAULT_PUBLIC_URL)]
        public_url: String,
    },
    /// Import orders (with parcels and events) from a JSON ImportFile.
    Import {
        /// The JSON file (see server/examples/import.json).
        file: PathBuf,
        /// Publishable key of the store to import into.
        #[arg(long)]
        store: String,
    },
    /// Print a customer token signed with the store's secret (what a merchant backend does).
    Token {
        /// The merchant's customer id (e.g. cus_ana).
        #[arg(long)]
        customer: String,
        /// Publishable key of the store; defaults to the only (or the demo) store.
        #[arg(long)]
        store: Option<String>,
        /// Lifetime in seconds (at most 86400).
        #[arg(long, default_value_t = 3600)]
        ttl: i64,
    },
    /// Console users: `user add --store pk_… --email … --role owner|agent` prints a one-time
    /// setup link.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy the SQLite database to FILE while the server runs (a consistent snapshot);
    /// PostgreSQL is backed up with `pg_dump` instead. Never overwrites FILE.
    Backup {
        /// Where the copy goes (must not exist yet).
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a console user and print the one-time link where they choose a password (it works
    /// for 72 hours).
    Add {
        /// Publishable key of the user's store.
        #[arg(long)]
        store: String,
        /// The user's sign-in email (one console account per email).
        #[arg(long)]
        email: String,
        /// `owner` (everything) or `agent` (returns, reviews, surveys, requests).
        #[arg(long, value_parser = ["owner", "agent"])]
        role: String,
        /// Console language (`en`, `es`, `pt-BR`); defaults to the store's language.
        #[arg(long)]
        locale: Option<String>,
        /// Where the server is reached, for the link.
        #[arg(
            long,
            env = "AFTERCARE_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "AFTERCARE_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Directory with the built SDK, served under /sdk/.
    #[arg(long, env = "AFTERCARE_SDK_DIR", default_value = "dist")]
    sdk_dir: PathBuf,
    /// Directory with the demo storefront, served at /.
    #[arg(long, env = "AFTERCARE_DEMO_DIR", default_value = "demo-site")]
    demo_dir: PathBuf,
    /// Enable /demo/customer-token (never in production).
    #[arg(long, env = "AFTERCARE_DEMO")]
    demo: bool,
    /// Trust X-Forwarded-For for the client IP (only behind your own proxy).
    #[arg(long, env = "AFTERCARE_TRUST_PROXY")]
    trust_proxy: bool,
    /// Guest lookups per store and client IP per minute.
    #[arg(long, env = "AFTERCARE_LOOKUP_PER_MINUTE", default_value_t = 10)]
    lookup_per_minute: u32,
    /// Guest lookups per store and order number per 15 minutes.
    #[arg(long, env = "AFTERCARE_LOOKUP_PER_ORDER", default_value_t = 5)]
    lookup_per_order: u32,
    /// "Helpful" votes on reviews per store and client IP per minute.
    #[arg(long, env = "AFTERCARE_VOTES_PER_MINUTE", default_value_t = 30)]
    votes_per_minute: u32,
    /// Console sign-in attempts per user per 15 minutes (4× that per store and client IP).
    #[arg(long, env = "AFTERCARE_CONSOLE_SIGN_INS", default_value_t = aftercare_server::rate_limit::CONSOLE_PER_USER)]
    console_sign_ins: u32,
    /// Photo uploads re-encoded at once [default: the number of CPUs].
    #[arg(long, env = "AFTERCARE_PHOTO_WORKERS")]
    photo_workers: Option<usize>,
    /// Photo uploads that may wait for a worker; the rest get 503 [default: 2 × workers].
    #[arg(long, env = "AFTERCARE_PHOTO_QUEUE")]
    photo_queue: Option<usize>,
    /// Seconds a queued photo upload waits for a worker before it gets 503.
    #[arg(long, env = "AFTERCARE_PHOTO_WAIT_SECONDS", default_value_t = 5)]
    photo_wait_seconds: u64,
    /// Serve `GET /metrics` to callers sending `Authorization: Bearer TOKEN` (off if unset).
    #[arg(long, env = "AFTERCARE_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Seconds between runs of the retention jobs (0 turns them off); the first runs 30 s
    /// after start.
    #[arg(
        long,
        env = "AFTERCARE_RETENTION_INTERVAL_SECONDS",
        default_value_t = 3600
    )]
    retention_interval_seconds: u64,
    /// Name of this instance, sent back as `x-aftercare-instance` (several instances behind
    /// one load balancer).
    #[arg(long, env = "AFTERCARE_INSTANCE")]
    instance: Option<String>,
    /// The address shoppers' browsers reach this server at (`https://aftercare.shop.example`),
    /// written into the console's embed snippets; unset, the console uses the address it was
    /// opened at.
    #[arg(long, env = "AFTERCARE_PUBLIC_URL")]
    public_url: Option<String>,
    /// SMTP server for emails, with TLS and credentials in the URL
    /// (`smtp://user:pass@host:587?tls=required`, `smtps://user:pass@host:465`); without it,
    /// emails are written as `.eml` files into the mail folder.
    #[arg(long, env = "AFTERCARE_SMTP_URL")]
    smtp_url: Option<String>,
    /// Folder for emails when no SMTP server is set.
    #[arg(long, env = "AFTERCARE_MAIL_DIR", default_value = "outbox")]
    mail_dir: PathBuf,
    /// Sender address of every email (shown under the store's name).
    #[arg(
        long,
        env = "AFTERCARE_MAIL_FROM",
        default_value = "no-reply@aftercare.localhost"
    )]
    mail_from: String,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    ops::logging::init(cli.log_format);
    match run(cli).await {
        Ok(code) => code,
        Err(Error::Api(e)) => {
            eprintln!("error: {}", e.message);
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn connect(url: &str) -> Result<Db, Error> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    Ok(db)
}

async fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Serve(args) => {
            serve(&cli.database_url, args).await?;
        }
        Command::Migrate => {
            connect(&cli.database_url).await?;
            println!("migrations applied");
        }
        Command::SeedDemo { public_url } => {
            let db = connect(&cli.database_url).await?;
            let report = seed::seed_demo_with(&db, &public_url).await?;
            let [orders, items, shipments, events, customers] =
                aftercare_server::repo::orders::counts(&db, report.store_id).await?;
            println!(
                "seeded {} ({}): {orders} orders, {items} items, {shipments} shipments, {events} events, {customers} customers",
                seed::demo_store()?.name,
                seed::DEMO_PUBLISHABLE_KEY
            );
        }
        Command::Import { file, store } => {
            let parsed = import::read_file(&file)?;
            let db = connect(&cli.database_url).await?;
            let report = import::import(&db, &store, &parsed).await?;
            println!("{}", report.render());
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Token {
            customer,
            store,
            ttl,
        } => {
            if !(1..=MAX_LIFETIME_SECONDS).contains(&ttl) {
                return Err(Error::bad_request(format!(
                    "--ttl must be between 1 and {MAX_LIFETIME_SECONDS} seconds"
                )));
            }
            let db = connect(&cli.database_url).await?;
            let store = match store {
                Some(pk) => stores::by_publishable_key(&db, &pk)
                    .await?
                    .ok_or_else(|| Error::bad_request(format!("no store with key {pk:?}")))?,
                None => {
                    let all = stores::all(&db).await?;
                    match all.len() {
                        0 => return Err(Error::bad_request("no stores yet (run seed-demo)")),
                        1 => all.into_iter().next().expect("one store"),
                        _ => all
                            .into_iter()
                            .find(|s| s.publishable_key == seed::DEMO_PUBLISHABLE_KEY)
                            .ok_or_else(|| {
                                Error::bad_request("several stores: pass --store pk_…")
                            })?,
                    }
                }
            };
            let exp = aftercare_server::now_ms() / 1000 + ttl;
            println!(
                "{}",
                token::mint(
                    &Claims {
                        kind: TokenKind::Customer,
                        store: store.publishable_key.clone(),
                        sub: customer,
                        exp,
                    },
                    &store.secret_key,
                )
            );
        }
        Command::User(UserCommand::Add {
            store,
            email,
            role,
            locale,
            public_url,
        }) => {
            let db = connect(&cli.database_url).await?;
            let store = stores::by_publishable_key(&db, &store)
                .await?
                .ok_or_else(|| Error::bad_request(format!("no store with key {store:?}")))?;
            let email = aftercare_shared::Email::parse(&email)
                .map_err(|_| Error::bad_request(format!("{email:?} is not an email address")))?;
            let role = aftercare_console::Role::parse(&role)
                .ok_or_else(|| Error::bad_request("--role must be owner or agent"))?;
            let locale = match locale {
                Some(tag) => aftercare_shared::Locale::from_tag(&tag).ok_or_else(|| {
                    Error::bad_request(format!("--locale {tag:?}: use en, es or pt-BR"))
                })?,
                None => store.locale(),
            };
            let token = http::console::secrets::token()?;
            let hash = aftercare_server::repo::console::sessions::hash(&token);
            let now = aftercare_server::now_ms();
            let user = aftercare_server::repo::console::users::add(
                &db, store.id, &email, role, locale, &hash, now,
            )
            .await?;
            println!(
                "added {} ({}) to {}; they choose a password at (valid 72 hours, once):\n{}/console/setup/{token}",
                user.email,
                role.as_str(),
                store.name,
                public_url.trim_end_matches('/')
            );
        }
        Command::Backup { file } => {
            let db = Db::connect(&cli.database_url).await?;
            let report = ops::backup::backup(&db, &file).await?;
            println!(
                "backed up to {} ({} bytes, integrity ok)",
                file.display(),
                report.bytes
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn serve(database_url: &str, args: ServeArgs) -> Result<(), Error> {
    let db = connect(database_url).await?;
    let photo_workers = args
        .photo_workers
        .unwrap_or_else(aftercare_server::photos::limit::default_workers)
        .max(1);
    let config = Config {
        sdk_dir: args.sdk_dir,
        demo_dir: args.demo_dir,
        demo: args.demo,
        trust_proxy: args.trust_proxy,
        lookup_per_minute: args.lookup_per_minute,
        lookup_per_order: args.lookup_per_order,
        votes_per_minute: args.votes_per_minute,
        console_sign_ins: args.console_sign_ins.max(1),
        photo_workers,
        photo_queue: args
            .photo_queue
            .unwrap_or_else(|| aftercare_server::config::default_photo_queue(photo_workers)),
        photo_wait: Duration::from_secs(args.photo_wait_seconds),
        metrics_token: args.metrics_token.filter(|t| !t.trim().is_empty()),
        instance: args.instance,
        public_url: args
            .public_url
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .filter(|u| !u.is_empty()),
        smtp_url: args.smtp_url.filter(|u| !u.trim().is_empty()),
        mail_dir: args.mail_dir,
        mail_from: args.mail_from,
    };
    if let Some(name) = &config.instance {
        if axum::http::HeaderValue::from_str(name).is_err() || name.is_empty() {
            return Err(Error::bad_request(
                "AFTERCARE_INSTANCE must be visible ASCII (it is sent as a header)",
            ));
        }
    }
    http::static_files::warn_missing_dirs(&config);
    let state = AppState::new(db, config).await?;
    state.spawn_origin_refresher();
    if let Some(handle) = state.metrics.clone() {
        ops::metrics::spawn_upkeep(handle);
    }
    if state.config.mail_from.parse::<lettre::Address>().is_err() {
        return Err(Error::bad_request(
            "AFTERCARE_MAIL_FROM must be an email address (care@shop.example)",
        ));
    }
    let transport = aftercare_server::mail::Transport::new(
        state.config.smtp_url.as_deref(),
        state.config.mail_dir.clone(),
    )?;
    aftercare_server::mail::spawn(
        state.db.clone(),
        aftercare_server::mail::Outgoing {
            transport,
            from: state.config.mail_from.clone(),
            origin: aftercare_server::mail::origin(state.config.public_url.as_deref(), args.addr),
        },
        Duration::from_secs(1),
    );
    if args.retention_interval_seconds > 0 {
        ops::retention::spawn(
            state.db.clone(),
            Duration::from_secs(30),
            Duration::from_secs(args.retention_interval_seconds),
        );
    }
    tracing::info!(
        photo_workers = state.config.photo_workers,
        photo_queue = state.config.photo_queue,
        metrics = state.config.metrics_token.is_some(),
        "serving"
    );
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| Error::internal(format!("cannot listen on {}: {e}", args.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::internal(e.to_string()))?;
    match &state.config.instance {
        Some(name) => println!("Aftercare server {name} listening on http://{addr}"),
        None => println!("Aftercare server listening on http://{addr}"),
    }
    axum::serve(
        listener,
        http::app(state.clone()).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| Error::internal(format!("server error: {e}")))?;
    state.db.pool.close().await;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, letting in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
