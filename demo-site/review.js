// Demo stand-in for the merchant's backend: fetch a customer token for the signed-in shopper
// and put the review prompt on the page with it, exactly as server-side templating would.
// `?token=…` uses a signed review link instead (what a store's review email carries).
(function () {
  var slot = document.getElementById('review-prompt');
  if (!slot) return;
  var params = new URLSearchParams(location.search);
  var place = function (token) {
    var el = document.createElement('aftercare-review');
    el.setAttribute('token', token);
    if (params.get('layout') === 'floating') el.setAttribute('layout', 'floating');
    slot.appendChild(el);
  };
  if (params.get('token')) return place(params.get('token'));
  var customer = params.get('customer') || slot.dataset.customer;
  fetch('/demo/customer-token?customer=' + encodeURIComponent(customer))
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (body) { place(body.token); })
    .catch(function (e) {
      slot.textContent = 'Could not sign you in to the demo: ' + e.message;
    });
})();
