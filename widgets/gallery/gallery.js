// Dev gallery helpers: fetch demo customer tokens (what a merchant backend does), flip the
// `locale` attribute to show re-rendering, and log every aftercare:* event.
for (const el of document.querySelectorAll("[data-demo-customer]")) {
  fetch("/demo/customer-token?customer=" + encodeURIComponent(el.dataset.demoCustomer))
    .then((r) => r.text())
    .then((body) => {
      let token = body.trim();
      try { const j = JSON.parse(body); token = j.token || token; } catch (_) { /* plain text */ }
      el.setAttribute("token", token);
    })
    .catch((e) => console.warn("gallery: no demo token (is the server running with --demo?)", e));
}
document.getElementById("toggle-locale").addEventListener("click", () => {
  for (const el of document.querySelectorAll("aftercare-tracking[data-demo-customer]")) {
    el.setAttribute("locale", el.getAttribute("locale") === "es" ? "en" : "es");
  }
});
for (const name of ["aftercare:ready", "aftercare:order-loaded", "aftercare:order-updated", "aftercare:lookup-failed", "aftercare:error", "aftercare:nps-submitted", "aftercare:nps-comment-saved", "aftercare:nps-dismissed", "aftercare:review-invited", "aftercare:preferences-saved", "aftercare:return-created"]) {
  document.addEventListener(name, (e) => {
    const li = document.createElement("li");
    li.textContent = name + " " + JSON.stringify(e.detail);
    document.getElementById("log").prepend(li);
  });
}
