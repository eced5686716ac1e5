// Demo merchant insights: render the survey report from /demo/insights/{kind}.json (the same
// SurveyReport the secret-key API answers) with the server-rendered SVG charts. No inline
// script or style (strict CSP); every shopper-written text goes in through textContent.
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

    document.querySelectorAll('.insights [hidden]').forEach(function (n) { n.hidden = false; });
    $('insights-status').textContent = '';
  }

  fetch('/demo/insights/' + kind + '.json')
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(render)
    .catch(function (e) {
      $('insights-status').textContent = 'Could not load the report (' + e.message + '). Is the server running with --demo?';
    });
})();
