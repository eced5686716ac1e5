// Demo merchant insights: render the survey report from /demo/insights/{kind}.json (the same
// SurveyReport the secret-key API answers) and the returns report from
// /demo/insights/returns.json (ReturnsReport) with the server-rendered SVG charts. No inline
// script or style (strict CSP); every shopper- or merchant-written text goes in through
// textContent.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var kind = params.get('kind') === 'csat' ? 'csat' : 'nps';
  var labels = {
    nps: { score: 'NPS', note: '% promoters (9–10) minus % detractors (0–6); from −100 to 100.' },
    csat: { score: 'CSAT', note: '% of shoppers satisfied with their delivery (4–5 out of 5).' }
  };
  var categoryNames = { promoter: 'Promoters', passive: 'Passives', detractor: 'Detractors' };
  var $ = function (id) { return document.getElementById(id); };

  document.querySelectorAll('.kind-switch a').forEach(function (a) {
    if (a.dataset.kind === kind) a.setAttribute('aria-current', 'page');
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pct(n, total) {
    return total ? Math.round((100 * n) / total) + '%' : '–';
  }

  function date(iso) {
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function commentItem(c) {
    var li = el('li', 'comment comment-' + c.category);
    var q = el('blockquote', null, c.comment || '(no comment)');
    li.appendChild(q);
    var meta = [c.score + '/' + (kind === 'nps' ? 10 : 5)];
    if (c.order_number) meta.push('order #' + c.order_number);
    if (c.email) meta.push(c.email);
    meta.push(date(c.created_at));
    li.appendChild(el('p', 'comment-meta', meta.join(' · ')));
    if (c.awaiting_follow_up) li.appendChild(el('p', 'badge', 'Awaiting follow-up'));
    return li;
  }

  function render(r) {
    $('score-label').textContent = labels[kind].score;
    $('score-value').textContent = r.score === undefined ? 'no responses yet' : String(r.score);
    $('score-note').textContent = labels[kind].note + ' ' + r.responses + ' responses.';
    var list = $('breakdown');
    list.textContent = '';
    ['promoter', 'passive', 'detractor'].forEach(function (cat) {
      var n = r[cat + 's'];
      var li = el('li', 'breakdown-' + cat);
      li.appendChild(el('strong', null, categoryNames[cat]));
      li.appendChild(document.createTextNode(' ' + n + ' (' + pct(n, r.responses) + ')'));
      list.appendChild(li);
    });
    $('csv-link').href = '/demo/insights/' + kind + '.csv';

    var dist = $('distribution-chart');
    var scale = kind === 'nps' ? [0, 10] : [1, 5];
    var parts = [];
    for (var s = scale[0]; s <= scale[1]; s++) parts.push(s + ': ' + (r.distribution[s] || 0));
    dist.alt = 'Bar chart of ' + labels[kind].score + ' responses per score — ' + parts.join(', ') + '.';
    dist.src = '/demo/insights/' + kind + '/distribution.svg';
    var trend = $('trend-chart');
    var weeks = r.weekly.map(function (w) {
      return date(w.week_start) + ': ' + (w.score === undefined ? 'no responses' : w.score);
    });
    trend.alt = 'Line chart of the weekly ' + labels[kind].score + ' — ' + weeks.join('; ') + '.';
    trend.src = '/demo/insights/' + kind + '/trend.svg';

    var awaiting = r.comments.filter(function (c) { return c.awaiting_follow_up; });
    var fl = $('follow-up-list');
    fl.textContent = '';
    awaiting.forEach(function (c) { fl.appendChild(commentItem(c)); });
    if (!awaiting.length) fl.appendChild(el('li', 'muted', 'Nobody is waiting. Nice work.'));

    var groups = $('comment-groups');
    groups.textContent = '';
    ['detractor', 'passive', 'promoter'].forEach(function (cat) {
      var items = r.comments.filter(function (c) { return c.category === cat && c.comment; });
      var section = el('section', 'comment-group comment-group-' + cat);
      section.appendChild(el('h3', null, categoryNames[cat] + ' (' + items.length + ')'));
      var ul = el('ul', 'comment-list');
      items.forEach(function (c) { ul.appendChild(commentItem(c)); });
      if (!items.length) ul.appendChild(el('li', 'muted', 'No comments.'));
      section.appendChild(ul);
      groups.appendChild(section);
    });

    document.querySelectorAll('.insights [hidden]:not(.returns, .returns *, .products, .products *)').forEach(function (n) { n.hidden = false; });
    $('insights-status').textContent = '';
  }

  // Returns: the ReturnStatus wire names in workflow order, with their labels.
  var returnStatuses = [
    ['requested', 'Requested'], ['approved', 'Approved'], ['in_transit', 'In transit'],
    ['received', 'Received'], ['refunded', 'Refunded'], ['exchanged', 'Exchanged'],
    ['rejected', 'Rejected'], ['cancelled', 'Cancelled']
  ];
  var CHART_PRODUCTS = 10; // what the chart draws (charts::RETURNS_CHART_PRODUCTS)

  function units(n) { return n + (n === 1 ? ' unit' : ' units'); }

  // "mostly Too small (3)", "all Too large (2)", or "mostly Too small and Too large (2 each)"
  // on a tie (the chart's <desc> names the same reasons).
  function mainReason(product, labelOf) {
    var top = 0;
    product.reasons.forEach(function (x) { top = Math.max(top, x.units); });
    var leaders = product.reasons.filter(function (x) { return x.units === top; }).map(function (x) { return labelOf(x.reason); });
    if (leaders.length > 1) return 'mostly ' + leaders.join(' and ') + ' (' + top + ' each)';
    return (top === product.units ? 'all ' : 'mostly ') + leaders[0] + ' (' + top + ')';
  }

  function renderReturns(r) {
    var counts = {};
    r.by_status.forEach(function (s) { counts[s.status] = s.count; });
    var body = $('returns-by-status');
    body.textContent = '';
    var total = 0;
    returnStatuses.forEach(function (pair) {
      var n = counts[pair[0]] || 0;
      total += n;
      var tr = el('tr', 'status-' + pair[0]);
      var th = el('th', null, pair[1]);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', null, String(n)));
      body.appendChild(tr);
    });
    $('returns-total').textContent = String(total);

    var labels = {};
    r.reasons.forEach(function (x) { labels[x.code] = x.label; });
    var labelOf = function (code) { return labels[code] || code; };
    var products = r.reasons_by_product.filter(function (p) { return p.units > 0; }).slice(0, CHART_PRODUCTS);
    var list = $('returns-top');
    list.textContent = '';
    products.forEach(function (p) {
      var li = el('li');
      li.appendChild(el('strong', null, p.title));
      li.appendChild(document.createTextNode(': ' + units(p.units) + ', ' + mainReason(p, labelOf)));
      list.appendChild(li);
    });
    if (!products.length) list.appendChild(el('li', 'muted', 'No returns yet.'));

    var chart = $('returns-chart');
    var returned = products.reduce(function (sum, p) { return sum + p.units; }, 0);
    chart.alt = products.length
      ? 'Stacked bar chart of returned units by product and reason: ' + units(returned) + ' across ' +
        products.length + (products.length === 1 ? ' product' : ' products') + ', the most returned being ' +
        products[0].title + ' (' + units(products[0].units) + ', ' + mainReason(products[0], labelOf) + ').'
      : 'Stacked bar chart of returned units by product and reason: no returns yet.';
    chart.src = '/demo/insights/returns/reasons.svg';
    document.querySelector('.insights .returns').hidden = false;
  }

  // Feedback per product (/demo/insights/products.json, ProductInsight[]): a table with every
  // product and the server-rendered chart of the first eight.
  function renderProducts(list) {
    var body = $('products-rows');
    body.textContent = '';
    list.forEach(function (p) {
      var tr = el('tr');
      tr.appendChild(el('th', null, p.title)).setAttribute('scope', 'row');
      tr.appendChild(el('td', null, p.average_rating === undefined
        ? 'no reviews' : p.average_rating.toFixed(1) + ' / 5 (' + p.reviews + ')'));
      tr.appendChild(el('td', null, p.units_returned + ' of ' + p.units_ordered + ' (' +
        Math.round(p.return_rate * 100) + '%)'));
      tr.appendChild(el('td', null, p.top_return_reasons.map(function (r) {
        return r.reason.replace(/_/g, ' ') + ' (' + r.units + ')';
      }).join(', ') || '–'));
      var cell = el('td');
      p.comments.forEach(function (c) {
        var q = el('blockquote', null, c.comment);
        cell.appendChild(q);
        cell.appendChild(el('p', 'comment-meta', c.kind.toUpperCase() + ' ' + c.score + ' · order #' + c.order_number));
      });
      if (!p.comments.length) cell.textContent = '–';
      tr.appendChild(cell);
      body.appendChild(tr);
    });
    var shown = Math.min(list.length, 8);
    var chart = $('products-chart');
    chart.height = 64 + 34 * Math.max(shown, 1) + 24;
    chart.alt = list.length
      ? 'Bar chart of average rating and return rate for ' + shown + ' products; the table below lists the numbers.'
      : 'No product feedback yet.';
    chart.src = '/demo/insights/products.svg';
    document.querySelector('.insights .products').hidden = false;
  }

  var surveyDone = fetch('/demo/insights/' + kind + '.json')
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(render)
    .catch(function (e) {
      $('insights-status').textContent = 'Could not load the report (' + e.message + '). Is the server running with --demo?';
    });

  // The returns section sits below the survey: show it once the survey part has settled, so
  // it never appears first and then gets pushed down.
  var returnsReport = fetch('/demo/insights/returns.json')
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); });
  Promise.all([returnsReport, surveyDone])
    .then(function (both) { renderReturns(both[0]); })
    .catch(function (e) {
      $('returns-status').textContent = 'Could not load the returns report (' + e.message + ').';
    });
  var productsReport = fetch('/demo/insights/products.json')
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); });
  Promise.all([productsReport, surveyDone])
    .then(function (both) { renderProducts(both[0]); })
    .catch(function (e) {
      $('products-status').textContent = 'Could not load the product feedback (' + e.message + ').';
    });
})();
