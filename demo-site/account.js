// Demo stand-in for the merchant's backend: fetch a customer token for the signed-in shopper
// and put the widget on the page with it, exactly as server-side templating would print it.
(function () {
  var slot = document.getElementById('account-orders');
  if (!slot) return;
  // `?customer=cus_olivia` signs in another demo shopper (Olivia has 40 orders).
  var customer = new URLSearchParams(location.search).get('customer') || slot.dataset.customer;
  fetch('/demo/customer-token?customer=' + encodeURIComponent(customer))
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (body) {
      var el = document.createElement('aftercare-account');
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
