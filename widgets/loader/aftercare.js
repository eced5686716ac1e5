// Aftercare loader (template). `cargo xtask` strips `//` comment lines and indentation and
// replaces __AFTERCARE_GLUE__ / __AFTERCARE_WASM__ / __AFTERCARE_LINK__ with the hashed core
// names (relative to this file's URL). Contract: docs/CONTRACTS.md, "Loader ↔ wasm".
// Defines the aftercare-* elements right away (tiny class, no wasm). The first connected
// element fetches the shared core (JS glue and wasm in parallel), once for the page; each
// element kind asks the split loader to start fetching its own chunks at the same time, so
// they are there when the core mounts the widget and calls for them.
(() => {
let d = document, s = d.currentScript, C = customElements;
if (!s) return;
let K = s.dataset.key || "", A = s.dataset.api || new URL(s.src).origin, P;
// Placeholder until the wasm mounts: reserve the space (no layout shift) and show a skeleton.
let ph = new CSSStyleSheet();
ph.replaceSync(":host{display:block!important;min-height:var(--aftercare-min-height,360px)!important}div{box-sizing:border-box;height:var(--aftercare-min-height,360px);padding:var(--aftercare-spacing,16px)}i{display:block;height:1.2em;margin-bottom:.8em;border-radius:var(--aftercare-radius,8px);background:var(--aftercare-color-surface,#f6f8fa)}i+i{width:60%}@media (prefers-reduced-motion:no-preference){i{animation:p 1.4s ease-in-out infinite}}@keyframes p{50%{opacity:.5}}");
let u = n => new URL(n, s.src).href, L;
// One core per page; a failure is reported and the next connected element retries.
let load = () => P || (P = Promise.all([import(u("__AFTERCARE_GLUE__")), fetch(u("__AFTERCARE_WASM__"))]).then(([m, w]) => m.default({ module_or_path: w }).then(() => m)).catch(e => {
P = 0;
console.error("Aftercare: could not load the widget bundle.", e);
throw e;
}));
let fail = (el, code, e) => el.dispatchEvent(new CustomEvent("aftercare:error", { bubbles: true, composed: true, detail: { code, message: String(e && e.message || e) } }));
// Add a tag here when its widget exists in the bundle.
for (let t of ["aftercare-tracking", "aftercare-nps", "aftercare-returns", "aftercare-account", "aftercare-review", "aftercare-reviews"]) C.get(t) || C.define(t, class extends HTMLElement {
static observedAttributes = ["order", "token", "locale", "email", "kind", "layout", "refresh", "rma", "product"];
constructor() {
super();
let r = this.attachShadow({ mode: "open" }), b = d.createElement("div");
// The NPS card and the review prompt reserve nothing: most visits have nothing to ask, and those must not shift the page.
if (!/-(nps|review)$/.test(t)) {
r.adoptedStyleSheets = [ph];
b.setAttribute("aria-hidden", "true");
b.append(d.createElement("i"), d.createElement("i"), d.createElement("i"));
r.append(b);
}
}
connectedCallback() {
// Start this kind's chunks downloading alongside the core (a hint: failures surface later).
(L ||= import(u("__AFTERCARE_LINK__"))).then(l => l.prefetch(t), () => 0);
this._h || load().then(m => {
if (this.isConnected && !this._h) try {
this.shadowRoot.replaceChildren();
this._h = m.mount(this, this.shadowRoot, t, K, A);
} catch (e) {
console.error("Aftercare: could not start <" + t + ">.", e);
fail(this, "mount_failed", e);
}
}, e => fail(this, "bundle_load_failed", e));
}
attributeChangedCallback(n, o, v) {
this._h && this._h.attribute_changed(n, v);
}
disconnectedCallback() {
queueMicrotask(() => {
if (!this.isConnected && this._h) this._h.unmount(), this._h = 0;
});
}
});
})();
