//! The console's one stylesheet and one script, compiled in and served by the server under
//! [`STYLE_PATH`] and [`SCRIPT_PATH`] (same origin, so `style-src 'self'` and
//! `script-src 'self'` are all the console's CSP allows).

/// The stylesheet: every colour and size a CSS custom property on `:root`.
pub const STYLE: &str = include_str!("../assets/console.css");
/// Where [`STYLE`] is served.
pub const STYLE_PATH: &str = "/console/assets/console.css";
/// The script: progress on submitted forms, copy buttons. Pages work without it.
pub const SCRIPT: &str = include_str!("../assets/console.js");
/// Where [`SCRIPT`] is served.
pub const SCRIPT_PATH: &str = "/console/assets/console.js";
