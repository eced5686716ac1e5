//! A Rust developer's own Leptos page that composes Aftercare widgets: the order's tracking,
//! its return flow and, under them, the NPS card, all signed in with the same customer token
//! and switching language together. The widgets are ordinary Leptos components with typed props.
//!
//! Build (what `cargo xtask test` checks) and run:
//! ```sh
//! cargo build -p aftercare-example-compose --target wasm32-unknown-unknown --release
//! wasm-bindgen --target web --out-dir target/compose \
//!     target/wasm32-unknown-unknown/release/aftercare-example-compose.wasm
//! ```
//! then serve `examples/compose/index.html` next to `target/compose/` from an origin the
//! store allows, with `cargo xtask demo` running (the demo store's API on port 8080).

use aftercare_shared::Locale;
use aftercare_widgets::element::THEME_CSS;
use aftercare_widgets::{nps, returns, tracking, NpsWidget, ReturnFlow, TrackingWidget};
use leptos::mount::mount_to_body;
use leptos::prelude::*;

/// Where the Aftercare API answers, and the store's publishable key (safe in page source).
const API: &str = "http://127.0.0.1:8080";
const KEY: &str = "pk_demo_aurora";

/// The page: a language switch, the order's tracking and return flow, and the NPS card.
#[component]
fn OrderPage(
    /// The customer token your backend minted for the signed-in shopper (one sign-in for both
    /// widgets: change it and both follow).
    token: RwSignal<Option<String>>,
    /// The order on this page.
    order: String,
) -> impl IntoView {
    let locale = RwSignal::new(Locale::En);
    // The return flow is one order's, for a shopper already signed in: it takes the token as is
    // (a new token renders a new flow).
    let returns = {
        let order = order.clone();
        move || {
            token.get().map(|token| {
                view! {
                    <ReturnFlow api=API publishable_key=KEY token=token order=order.clone() locale=locale />
                }
            })
        }
    };
    let order = Signal::stored(Some(order));
    view! {
        // The widgets' look: the shared theme and each widget's own sheet. (As custom elements
        // they get these inside their shadow roots; a Leptos app includes them itself. The
        // theme resets headings, paragraphs and lists, so isolate the widgets in a shadow root
        // if your own page relies on browser defaults for those.)
        <style>{THEME_CSS}{tracking::CSS}{returns::CSS}{nps::CSS}</style>
        <main>
            <h1>"Your order"</h1>
            // One switch re-renders both widgets: English → Español → Português → English.
            <button on:click=move |_| {
                locale.update(|l| {
                    let i = Locale::ALL.iter().position(|x| x == l).unwrap_or(0);
                    *l = Locale::ALL[(i + 1) % Locale::ALL.len()];
                });
            }>"English / Español / Português"</button>
            <TrackingWidget api=API publishable_key=KEY token=token order=order locale=locale />
            <h2>"Return or exchange"</h2>
            {returns}
            <NpsWidget api=API publishable_key=KEY token=token order=order locale=locale />
        </main>
    }
}

fn main() {
    // A real app prints the token its backend minted; this example reads `?token=` so it can
    // be tried with `aftercare-server token --customer cus_ana`.
    let token = window().location().search().ok().and_then(|q| {
        q.trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("token=").map(str::to_owned))
    });
    mount_to_body(move || {
        view! { <OrderPage token=RwSignal::new(token) order="1001".to_owned() /> }
    });
}
