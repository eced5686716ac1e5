//! (a) Leptos hello world: a counter button.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0i32);
    view! {
        <h1>"Hello, world"</h1>
        <button on:click=move |_| count.update(|c| *c += 1)>
            "Clicked " {move || count.get()} " times"
        </button>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Counter);
}
