// Benchmark reference (not product code): the physical limit for first paint. It fetches the
// order the tracking widget shows and renders the same markup (heading, stepper, carrier,
// ETA, items, latest checkpoints) with plain DOM calls, no framework and no wasm, then
// announces `aftercare:ready` like a widget does. `cargo xtask bench` times both alike.
(function () {
  var s = document.currentScript, root = document.getElementById('tracking');
  var steps = ['ordered', 'shipped', 'in_transit', 'out_for_delivery', 'delivered'];
  var money = function (m) { return new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).format(m.amount_minor / 100); };
  var when = function (t) { return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t)); };
  var el = function (parent, tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    parent.appendChild(e);
    return e;
  };
  fetch('/v1/orders/1002', { headers: { 'Aftercare-Key': 'pk_demo_aurora', Authorization: 'Bearer ' + s.dataset.token } })
    .then(function (r) { return r.json(); })
    .then(function (o) {
      var box = el(root, 'div', 'root');
      el(box, 'h2', '', 'Order ' + o.order_number);
      el(box, 'p', 'muted', 'Placed ' + when(o.placed_at) + ' · ' + money(o.totals.total));
      o.shipments.forEach(function (sh) {
        var card = el(box, 'section', 'card');
        el(card, 'h3', '', sh.status.replace(/_/g, ' '));
        var ol = el(card, 'ol', 'stepper');
        var at = steps.indexOf(sh.step);
        steps.forEach(function (st, i) {
          var li = el(ol, 'li', i <= at ? 'done' : '', st.replace(/_/g, ' '));
          if (i === at) li.setAttribute('aria-current', 'step');
        });
        el(card, 'p', '', sh.carrier.name + ' · ' + sh.tracking_number);
        if (sh.eta) el(card, 'p', 'muted', 'Estimated delivery ' + when(sh.eta.earliest || sh.eta.latest));
        var list = el(card, 'ol', 'events');
        var events = (sh.events || []).slice().reverse();
        events.slice(0, 3).forEach(function (ev) {
          var li = el(list, 'li');
          el(li, 'strong', '', ev.description || ev.status);
          el(li, 'span', 'muted', ' ' + when(ev.occurred_at) + (ev.location && ev.location.city ? ' · ' + ev.location.city : ''));
        });
        if (events.length > 3) el(card, 'button', 'btn', 'Show all ' + events.length + ' updates');
      });
      var items = el(box, 'ul', 'items');
      o.items.forEach(function (it) { el(items, 'li', '', it.quantity + ' × ' + it.title + ' ' + money(it.unit_price)); });
      document.dispatchEvent(new CustomEvent('aftercare:ready', { detail: { widget: 'reference' } }));
    });
})();
