// Demo stand-in for the merchant's backend on the returns page: with ?customer=ID (and
// optionally &order=N) fetch a customer token and put the widget on the page with it, exactly
// as server-side templating would print token="…" order="…"; without, the guest lookup stays.
(function () {
  var params = new URLSearchParams(window.location.search);
  var customer = params.get('customer');
  var slot = document.getElementById('returns-slot');
  if (!customer || !slot) return;
  // Signed in: no lookup form, not even for a moment; the slot reserves the widget's
  // loading height (--aftercare-min-height), so nothing below moves while the token is fetched.
  var guest = slot.querySelector('aftercare-returns');
  if (guest) guest.remove();
  slot.style.minHeight = getComputedStyle(slot).getPropertyValue('--aftercare-min-height').trim() || '360px';
  fetch('/demo/customer-token?customer=' + encodeURIComponent(customer))
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (body) {
      var el = document.createElement('aftercare-returns');
      if (params.get('order')) el.setAttribute('order', params.get('order'));
      el.setAttribute('token', body.token);
      slot.appendChild(el);
    })
    .catch(function (e) {
      slot.textContent = 'Could not sign you in to the demo: ' + e.message;
    });
})();
