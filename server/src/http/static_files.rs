//! Static files: the SDK under `/sdk/` (loader short-cached, hashed bundles immutable, wasm
//! with its proper type) and the demo storefront at `/` under a strict CSP.

use super::plumbing::{catch_all, document_only, ApiRouter};
use crate::config::Config;
use crate::error::Error;
use crate::state::AppState;
use aftercare_shared::ApiError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;
use utoipa_axum::routes;

/// The demo storefront's Content-Security-Policy (as in docs/CONTRACTS.md): no inline
/// script, no eval, only `'wasm-unsafe-eval'` for the widget bundle.
pub const DEMO_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Static routes. The SDK is served for every path under `/sdk/` (a catch-all route); the
/// demo storefront's other paths are served by [`fallback`], which [`crate::http::app`]
/// installs, so it is only described in the document here.
pub fn router() -> ApiRouter {
    let router = ApiRouter::new().routes(routes!(demo_index));
    let router = catch_all(router, routes!(sdk));
    document_only(router, routes!(fallback))
}

/// Log (do not fail) when a static directory is missing: the API works without them.
pub fn warn_missing_dirs(config: &Config) {
    for (what, dir) in [("SDK", &config.sdk_dir), ("demo", &config.demo_dir)] {
        if !dir.is_dir() {
            tracing::warn!(
                dir = %dir.display(),
                "{what} directory not found; its files will answer 404"
            );
        }
    }
}

/// Whether a file name carries a content hash like trunk's `name-0123456789abcdef_bg.wasm`.
pub fn is_hashed_name(name: &str) -> bool {
    let b = name.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'-'
            && b.len() >= i + 17
            && b[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit)
            && b.get(i + 17).is_none_or(|n| !n.is_ascii_hexdigit())
    })
}

/// The `Cache-Control` for an SDK file.
pub fn sdk_cache_control(name: &str) -> &'static str {
    if name == "aftercare.js" {
        "public, max-age=300"
    } else if is_hashed_name(name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Serve `path` from `dir`. With `precompressed`, a client that accepts brotli gets the
/// build's `<file>.br` twin (quality 11, made once by `cargo xtask build`) instead of a file
/// compressed on every request at a lower quality.
async fn serve_dir(
    dir: &std::path::Path,
    path: &str,
    mut req: Request,
    precompressed: bool,
) -> Response {
    let path = if path.is_empty() { "/" } else { path };
    if !fits_file_system(path) {
        return Error::NotFound.into_response();
    }
    match Uri::try_from(path) {
        Ok(uri) => *req.uri_mut() = uri,
        Err(_) => return Error::NotFound.into_response(),
    }
    let files = ServeDir::new(dir);
    let files = if precompressed {
        files.precompressed_br()
    } else {
        files
    };
    match files.oneshot(req).await {
        Ok(resp) => resp.map(Body::new),
        Err(never) => match never {},
    }
}

/// Longest file name most file systems allow (`NAME_MAX`), in bytes.
const NAME_MAX: usize = 255;
/// Longest path most systems allow (`PATH_MAX`), in bytes.
const PATH_MAX: usize = 4096;

/// Whether a percent-encoded URL path could name a file at all: no decoded segment over
/// [`NAME_MAX`] bytes and the whole under [`PATH_MAX`]. Anything longer cannot exist, and
/// asking the file system would fail with "file name too long", which `ServeDir` reports as
/// a 500; such paths are simply not found.
fn fits_file_system(path: &str) -> bool {
    let decoded_len = |s: &str| s.len() - 2 * s.matches('%').count().min(s.len() / 3);
    decoded_len(path) < PATH_MAX && path.split('/').all(|seg| decoded_len(seg) <= NAME_MAX)
}

/// An SDK file from the SDK directory.
#[utoipa::path(get, path = "/sdk/{path}", tag = "static",
    security(()),
    params(("path" = String, Path, description = "`aftercare.js` or a hashed bundle file")),
    responses((status = 200, description = "the file"), (status = 404, description = "no such file")))]
pub async fn sdk(State(state): State<AppState>, req: Request) -> Response {
    let rest = req
        .uri()
        .path()
        .strip_prefix("/sdk")
        .unwrap_or("/")
        .to_owned();
    let name = rest.rsplit('/').next().unwrap_or_default().to_owned();
    let mut resp = serve_dir(&state.config.sdk_dir, &rest, req, true).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if resp.status().is_success() || resp.status() == axum::http::StatusCode::NOT_MODIFIED {
        let h = resp.headers_mut();
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(sdk_cache_control(&name)),
        );
        // The same URL answers brotli or not depending on Accept-Encoding: caches must know.
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        if name.ends_with(".wasm") {
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/wasm"),
            );
        }
    }
    resp
}

async fn demo(state: &AppState, path: &str, req: Request) -> Response {
    let mut resp = serve_dir(&state.config.demo_dir, path, req, false).await;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DEMO_CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

/// The demo storefront's home page.
#[utoipa::path(get, path = "/", tag = "static",
    security(()),
    responses(
        (status = 200, description = "demo storefront (HTML, strict CSP)"),
        (status = 404, description = "the demo storefront directory has no `index.html`", body = ApiError),
    ))]
pub async fn demo_index(State(state): State<AppState>, req: Request) -> Response {
    demo(&state, "/", req).await
}

/// Any other demo storefront file.
#[utoipa::path(get, path = "/{path}", tag = "static",
    security(()),
    params(("path" = String, Path, description = "a file of the demo storefront")),
    responses((status = 200, description = "the file, with the demo CSP"), (status = 404, description = "no such file")))]
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    let api_like = [
        "/v1", "/sdk", "/theme", "/demo", "/healthz", "/readyz", "/metrics",
    ]
    .iter()
    .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    if api_like || !matches!(*req.method(), Method::GET | Method::HEAD) {
        return Error::NotFound.into_response();
    }
    demo(&state, &path, req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed_name("aftercare-widgets-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_name("aftercare-widgets-0123456789abcdef.js"));
        assert!(!is_hashed_name("aftercare.js"));
        assert!(!is_hashed_name("gallery-0123.html"));
        assert!(!is_hashed_name("x-0123456789abcdef0.js"));
        assert_eq!(sdk_cache_control("aftercare.js"), "public, max-age=300");
        assert_eq!(sdk_cache_control("index.html"), "no-cache");
    }

    #[test]
    fn over_long_names_cannot_exist() {
        let e = "%C3%A9".repeat(127); // 254 bytes decoded
        assert!(fits_file_system(&format!("/{e}")));
        assert!(!fits_file_system(&format!("/{e}%C3%A9")));
        assert!(!fits_file_system(&format!("/{}", "a".repeat(256))));
        assert!(fits_file_system("/img/a.svg"));
        assert!(!fits_file_system(&"/abc".repeat(1100)));
    }
}
