// Demo stand-in for the merchant's backend: fetch a customer token for the signed-in shopper
// and put the widget on the page with it, exactly as server-side templating would print it.
(function () {
  var slot = document.getElementById('account-orders');
  if (!slot) return;
  fetch('/demo/customer-token?customer=' + encodeURIComponent(slot.dataset.customer))
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (body) {
      var el = document.createElement('aftercare-tracking');
      el.setAttribute('token', body.token);
      slot.appendChild(el);
      // The NPS card asks only when the server says it is the right moment (and never twice).
      // Floating: a corner card never moves the page, whether or not it decides to show.
      var nps = document.createElement('aftercare-nps');
      nps.setAttribute('token', body.token);
      nps.setAttribute('layout', 'floating');
      document.body.appendChild(nps);
    })
    .catch(function (e) {
      slot.textContent = 'Could not sign you in to the demo: ' + e.message;
    });
})();
