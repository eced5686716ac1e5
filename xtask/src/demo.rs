//! `cargo xtask demo`: from a fresh clone to a running demo storefront.

use crate::proc::Result;
use crate::{bundle, repo_root, server, tools};

/// The publishable key of the seeded demo store.
pub(crate) const DEMO_KEY: &str = "pk_demo_aurora";
/// The seeded console owner, agent and their password (`server/src/seed/console.rs`).
pub(crate) const CONSOLE_OWNER: &str = "owner@aurora.example";
/// The seeded console agent.
pub(crate) const CONSOLE_AGENT: &str = "agent@aurora.example";
/// The seeded console users' password (demo only).
pub(crate) const CONSOLE_PASSWORD: &str = "aurora-console-demo";

/// Install, build, migrate + seed (idempotent), serve; prints the URL and the embed snippet.
pub(crate) fn run_demo(port: u16) -> Result<()> {
    let env = tools::ensure_build_tools()?;
    bundle::build(&env)?;
    let bin = server::build(&env, server::Profile::Dev)?;
    let data = repo_root().join(".aftercare");
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let db = format!("sqlite://{}?mode=rwc", data.join("demo.db").display());
    server::seed(&bin, &db, &format!("http://127.0.0.1:{port}"))?;
    let running = server::start(&bin, &db, port, &[])?;
    let url = &running.url;
    println!(
        "\n  Aftercare demo storefront: {url}/\n\
         \n  Try: {url}/track.html  (order 1002 + ana@example.com, or 1010 + guest@example.com)\
         \n       {url}/returns.html  (returns and exchanges: 1030 + returns@example.com, or ?customer=cus_ana&order=1029)\
         \n       {url}/account.html  (My account, signed in as Ana; ?customer=cus_olivia has 40 orders)\
         \n       {url}/review.html  (Ana reviews her delivered items; ?layout=floating for the corner card)\
         \n       {url}/product.html  (a product's reviews; ?sku=SUN-POL-TORT has an imported one)\
         \n       {url}/order-confirmation.html  (tracking right after checkout)\
         \n       {url}/insights.html  (a storefront demo of the reports; merchants work in the console below)\
         \n       {url}/sdk/index.html  (widget gallery for developers)\
         \n       {url}/demo/outbox  (the emails the store sent, rendered; .eml files in .aftercare/outbox)\
         \n  Merchant console: {url}/console  (owner: {CONSOLE_OWNER} / {CONSOLE_PASSWORD};\
         \n                    agent: {CONSOLE_AGENT}, same password)\
         \n                    {url}/console/settings/branding  (the widgets' look, previewed live)\
         \n                    {url}/console/settings/emails  (quiet hours, a cap, and what will be sent)\
         \n                    {url}/console/embed  (each widget's snippet for this store)\
         \n  API: {url}/v1/openapi.json\n\
         \n  Embed on any storefront:\
         \n    <link rel=\"stylesheet\" href=\"{url}/theme/{DEMO_KEY}.css\">\
         \n    <script src=\"{url}/sdk/aftercare.js\" data-key=\"{DEMO_KEY}\" async></script>\
         \n    <aftercare-tracking></aftercare-tracking>\
         \n    <aftercare-nps token=\"…customer token from your backend…\"></aftercare-nps>\
         \n    <aftercare-reviews product=\"SKU\"></aftercare-reviews>\n\
         \n  Press Ctrl-C to stop.\n"
    );
    running.wait()
}

/// `cargo xtask demo [--port N]` (default 8080, or AFTERCARE_ADDR's port).
pub(crate) fn run(args: &[String]) -> Result<()> {
    let from_env = std::env::var("AFTERCARE_ADDR")
        .ok()
        .and_then(|a| a.rsplit(':').next().and_then(|p| p.parse().ok()));
    let port = match args {
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port takes a number, got {n:?}"))?,
        [] => from_env.unwrap_or(8080),
        _ => return Err("usage: cargo xtask demo [--port N]".into()),
    };
    run_demo(port)
}
