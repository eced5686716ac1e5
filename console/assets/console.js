// Aftercare console: the only script (pages work without it). A submitted form's button
// says it is busy and cannot be pressed twice while the server answers.
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
  const button = e.submitter || form.querySelector("button[type=submit]");
  if (!button) return;
  if (form.dataset.busy === "1") { e.preventDefault(); return; }
  form.dataset.busy = "1";
  // Keep the clicked button's name/value in the submission even though it is now disabled.
  if (button.name) {
    const keep = document.createElement("input");
    keep.type = "hidden"; keep.name = button.name; keep.value = button.value;
    form.appendChild(keep);
  }
  button.setAttribute("aria-busy", "true");
  setTimeout(() => { button.disabled = true; }, 0);
});
// Coming back with the browser's Back button shows the page from cache: make it usable again.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-busy]").forEach((f) => {
    delete f.dataset.busy;
    f.querySelectorAll("button[aria-busy]").forEach((b) => { b.removeAttribute("aria-busy"); b.disabled = false; });
  });
});
// Copy buttons: `data-copy` names the read-only field whose value they copy.
document.addEventListener("click", (e) => {
  const button = e.target instanceof Element ? e.target.closest("button[data-copy]") : null;
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  field.select();
  const done = () => { button.textContent = button.dataset.copied || button.textContent; };
  if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, () => {});
  else if (document.execCommand("copy")) done();
});
// Branding: the preview's widgets take each input's value as it changes (the same custom
// properties the theme stylesheet sets; an element's own style beats the stylesheet's).
const PX = { radius: "--aftercare-radius", font_size: "--aftercare-font-size" };
function applyBrand(form) {
  const widgets = document.querySelectorAll("[data-brand-preview] > [data-widget]");
  form.querySelectorAll("input, select").forEach((input) => {
    let name = input.dataset.var, value = input.value;
    if (PX[input.name]) { name = PX[input.name]; value = value.trim() === "" ? "" : value.trim() + "px"; }
    if (input.tagName === "SELECT") value = input.selectedOptions[0] ? input.selectedOptions[0].dataset.stack : "";
    if (!name) return;
    widgets.forEach((w) => { if (value) w.style.setProperty(name, value); else w.style.removeProperty(name); });
  });
}
document.querySelectorAll("form[data-brand]").forEach((form) => {
  form.addEventListener("input", () => applyBrand(form));
  form.addEventListener("change", () => applyBrand(form));
});
// Embed: a changed choice shows its snippet at once (the button stays for use without a script).
document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
  form.addEventListener("change", () => form.requestSubmit());
});
