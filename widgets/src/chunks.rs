//! Per-widget code: each widget's code is a separate wasm chunk, fetched the first time an
//! element of its kind mounts (decision record: `docs/decisions/0001-per-page-code.md`).
//!
//! With the `split` feature (the SDK that `cargo xtask build` publishes) every widget's render
//! function sits behind a `#[wasm_split]` point: calling it fetches that widget's modules once,
//! and a failed fetch is an error, not a panic, so one widget failing leaves the others
//! working. Without the feature (component tests, Rust apps embedding the components) the
//! same calls resolve at once.

use crate::i18n::{self, tr, Msg};
use crate::shell::ElementProps;
use crate::shell::Events;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// How a widget's element view is built once its code is there.
pub type Render = fn(ElementProps) -> AnyView;

/// What a widget's chunk brings: its view and its own stylesheet (so a page pays only for the
/// CSS of the widgets it shows).
#[derive(Clone, Copy)]
pub struct Code {
    /// Builds the element's view.
    pub render: Render,
    /// The widget's stylesheet, adopted next to the theme.
    pub css: &'static str,
}

/// A widget's code could not be fetched (offline, blocked, a deploy removed the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// One split point: `$name()` resolves to `$render` and `$css` once the chunk `$module` is
/// loaded.
macro_rules! chunk {
    ($name:ident, $module:ident, $render:path, $css:path) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $name() -> Result<Code, ChunkMissing> {
            Ok(Code {
                render: $render,
                css: $css,
            })
        }
        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<Code, ChunkMissing> {
            Ok(Code {
                render: $render,
                css: $css,
            })
        }
    };
}
chunk!(
    tracking_chunk,
    tracking,
    crate::tracking::element_view,
    crate::tracking::CSS
);
chunk!(nps_chunk, nps, crate::nps::element_view, crate::nps::CSS);
chunk!(
    account_chunk,
    account,
    crate::account::element_view,
    crate::account::CSS
);
chunk!(
    review_chunk,
    review,
    crate::review::element_view,
    crate::review::CSS
);
chunk!(
    reviews_chunk,
    reviews,
    crate::reviews::element_view,
    crate::reviews::CSS
);
chunk!(
    returns_chunk,
    returns,
    crate::returns::element_view,
    crate::returns::CSS
);

/// The future that loads a widget's code.
type Load = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Code, ChunkMissing>>>>;

/// One widget kind the SDK provides.
pub struct Widget {
    /// Its custom element name.
    pub tag: &'static str,
    /// Shows nothing while its code loads, and nothing but the `aftercare:error` event if the
    /// code cannot be fetched: the NPS card and the review prompt appear only when there is
    /// something to ask, so neither
    /// a reserved space nor an error box may take its place.
    unobtrusive: bool,
    load: fn() -> Load,
}

/// Every widget kind; add a row (and a `chunk!`) per new `aftercare-*` element.
pub const WIDGETS: &[Widget] = &[
    Widget {
        tag: "aftercare-tracking",
        unobtrusive: false,
        load: || Box::pin(tracking_chunk()),
    },
    Widget {
        tag: "aftercare-nps",
        unobtrusive: true,
        load: || Box::pin(nps_chunk()),
    },
    Widget {
        tag: "aftercare-returns",
        unobtrusive: false,
        load: || Box::pin(returns_chunk()),
    },
    Widget {
        tag: "aftercare-review",
        unobtrusive: true,
        load: || Box::pin(review_chunk()),
    },
    Widget {
        tag: "aftercare-reviews",
        unobtrusive: false,
        load: || Box::pin(reviews_chunk()),
    },
    Widget {
        tag: "aftercare-account",
        unobtrusive: false,
        load: || Box::pin(account_chunk()),
    },
];

impl Widget {
    /// The sheets a shadow root of this kind adopts: the theme, the host's own sizing, and
    /// the widget's stylesheet once its code has arrived (`css`). Until then the theme
    /// reserves the usual height (no layout shift when content comes) and an unobtrusive
    /// widget reserves none (it may never show anything).
    pub fn sheets(&self, css: Option<&'static str>) -> Vec<(&'static str, &'static str)> {
        std::iter::once(("theme", crate::dom::THEME_CSS))
            .chain(
                self.unobtrusive
                    .then_some(("unobtrusive", ":host{min-height:0!important}")),
            )
            .chain(css.map(|css| (self.tag, css)))
            .collect()
    }
}

/// The widget for a custom element name.
pub fn find(tag: &str) -> Option<&'static Widget> {
    WIDGETS.iter().find(|w| w.tag == tag)
}

/// Where a widget's code stands.
#[derive(Clone, Copy)]
enum Chunk {
    Loading,
    Ready(Render),
    Failed,
}

/// Renders `widget` once its code has arrived: a skeleton (with the reserved height) until
/// then, and, if the code cannot be fetched, an error with "Try again" plus an
/// `aftercare:error` event `{code: "bundle_load_failed"}` on the element.
#[component]
pub fn WidgetSlot(
    /// Which widget kind to load and render.
    widget: &'static Widget,
    /// The element's configuration, handed to the widget once it renders.
    props: ElementProps,
    /// The element's shadow root, where the widget's stylesheet is adopted with its code.
    #[prop(optional)]
    shadow: Option<web_sys::ShadowRoot>,
) -> impl IntoView {
    let locale_attr = props.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let state = RwSignal::new(Chunk::Loading);
    let shadow = StoredValue::new_local(shadow);
    let load = widget.load;
    let fetch = move || {
        state.set(Chunk::Loading);
        // The widget's code and the element's language are fetched at the same time, and
        // the widget renders once both are here. A language that cannot be fetched leaves its
        // texts in English rather than the widget unusable.
        let language = i18n::negotiate(locale_attr.get_untracked().as_deref());
        spawn_local(async move {
            let (code, _) = futures::future::join(load(), i18n::load(language)).await;
            let next = match code {
                Ok(code) => {
                    let sheets = widget.sheets(Some(code.css));
                    let adopted = shadow.try_with_value(|s| {
                        s.as_ref()
                            .is_none_or(|s| crate::dom::adopt(s, &sheets).is_ok())
                    });
                    // Constructable stylesheets are everywhere the SDK runs; should one be
                    // refused, the widget still works, unstyled, and the page is told.
                    if adopted == Some(false) {
                        events.emit(
                            "aftercare:error",
                            &[("code", JsValue::from_str("bundle_load_failed"))],
                        );
                    }
                    Chunk::Ready(code.render)
                }
                Err(ChunkMissing) => {
                    events.emit(
                        "aftercare:error",
                        &[
                            ("code", JsValue::from_str("bundle_load_failed")),
                            (
                                "message",
                                JsValue::from_str(&format!(
                                    "the code of <{}> could not be fetched",
                                    widget.tag
                                )),
                            ),
                        ],
                    );
                    Chunk::Failed
                }
            };
            // The element may have left the page meanwhile: then there is nothing to show.
            let _ = state.try_set(next);
        });
    };
    fetch();
    move || match state.get() {
        Chunk::Ready(render) => render(props.clone()),
        Chunk::Loading | Chunk::Failed if widget.unobtrusive => ().into_any(),
        Chunk::Loading => view! {
            <div class="root" part="container" lang=move || locale.get().tag() node_ref=root>
                <div class="skel" role="status">
                    <span class="vh">{tr(locale, Msg::Loading)}</span>
                    <div class="bar w60"></div>
                    <div class="bar w40"></div>
                    <div class="blk"></div>
                </div>
            </div>
        }
        .into_any(),
        Chunk::Failed => view! {
            <div class="root" part="container" lang=move || locale.get().tag() node_ref=root>
                <div class="card problem" part="error" role="alert">
                    <p>{tr(locale, Msg::WidgetUnavailable)}</p>
                    <button type="button" class="btn" part="button" on:click=move |_| fetch()>
                        {tr(locale, Msg::TryAgain)}
                    </button>
                </div>
            </div>
        }
        .into_any(),
    }
}
