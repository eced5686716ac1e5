//! `aftercare-returns` in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! the draft's pure rules (storage round trip, step gating, validation, reconciling with the
//! order as it is now, the request built from it, photo pre-checks, server field paths), and
//! the mounted element against a scripted `window.fetch` (no server).
#![cfg(target_arch = "wasm32")]

#[path = "returns/fixtures.rs"]
mod fixtures;
#[path = "returns/mounted.rs"]
mod mounted;
#[path = "returns/rules.rs"]
mod rules;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
