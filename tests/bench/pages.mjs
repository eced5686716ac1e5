// `cargo xtask bench` helper: what each demo page costs a shopper, in headless Chromium
// against the real server. Prints JSON; `cargo xtask bench` turns it into the report.
//
// Per page, median of N cold loads (fresh browser context, empty cache):
// - the files fetched from /sdk/ and their bytes as the server sends them with brotli
//   (Chromium sends no `br` over plain http, so each file is fetched again with
//   `Accept-Encoding: br` and its compressed body counted);
// - time from navigation start to the first widget painted (its `aftercare:ready`, then the
//   next frame);
// - cumulative layout shift;
// - main-thread busy time (Chromium's TaskDuration) until every widget is ready, minus the same
//   page's cost with only the loader (a page without widgets), per widget.
// Reference: a page that fetches the same order and renders the same tracking markup in plain
// JavaScript (tests/bench/reference/), timed the same way.
import { chromium } from '@playwright/test';
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [base = 'http://127.0.0.1:8080', runsArg = '5', token = ''] = process.argv.slice(2);
const runs = Number(runsArg);
const here = new URL('.', import.meta.url);
const referenceJs = readFileSync(new URL('reference/track-plain.js', here), 'utf8');
const referenceCss = readFileSync(new URL('reference/track-plain.css', here), 'utf8');

const page = (name, html) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${name}</title><script src="/sdk/aftercare.js" data-key="pk_demo_aurora" async></script>
<style>aftercare-tracking:not(:defined),aftercare-returns:not(:defined),aftercare-reviews:not(:defined){display:block;min-height:360px}</style></head>
<body>${html}</body></html>`;

const PAGES = [
  { name: 'track', path: '/track.html', widgets: 1 },
  { name: 'account', path: '/account.html', widgets: 2 },
  { name: 'returns', path: '/returns.html', widgets: 1 },
  { name: 'product', path: '/product.html', widgets: 1 },
  { name: 'review prompt', path: '/review.html', widgets: 1 },
  { name: 'no widget', path: '/', widgets: 0 },
  {
    name: 'order (token)', path: '/bench/order.html', widgets: 1,
    html: page('order', `<aftercare-tracking token="${token}" order="1002"></aftercare-tracking>`),
  },
  {
    name: 'every widget', path: '/bench/all.html', widgets: 4,
    html: page('all', `<aftercare-tracking token="${token}" order="1002"></aftercare-tracking>
      <aftercare-returns></aftercare-returns><aftercare-nps token="${token}" order="1001"></aftercare-nps>
      <aftercare-reviews product="BOTTLE-INS-750"></aftercare-reviews>`),
  },
  {
    name: 'reference: plain JS tracking', path: '/bench/reference.html', widgets: 1, reference: true,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/bench/reference.css"><script src="/bench/reference.js" data-token="${token}" defer></script></head>
<body><div id="tracking"></div></body></html>`,
  },
];

/** The body size of `url` as sent with `Accept-Encoding: br`. */
function brotliBytes(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'br' } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

const median = (v) => {
  const s = [...v].filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

async function load(spec) {
  const context = await browser.newContext({ baseURL: base });
  const p = await context.newPage();
  if (spec.html) await p.route(`**${spec.path}`, (r) => r.fulfill({ contentType: 'text/html', body: spec.html }));
  if (spec.reference) {
    await p.route('**/bench/reference.js', (r) => r.fulfill({ contentType: 'text/javascript', body: referenceJs }));
    await p.route('**/bench/reference.css', (r) => r.fulfill({ contentType: 'text/css', body: referenceCss }));
  }
  const sdk = [];
  p.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/sdk/')) sdk.push(u.pathname); });
  await p.addInitScript((expected) => {
    window.__cls = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    // Each widget's first paint: its `aftercare:ready`, then the frame after it.
    window.__ready = [];
    window.__all = new Promise((resolve) => {
      if (expected === 0) {
        addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
        return;
      }
      document.addEventListener('aftercare:ready', () => {
        requestAnimationFrame(() => setTimeout(() => {
          window.__ready.push(performance.now());
          if (window.__ready.length >= expected) resolve(performance.now());
        }));
      });
    });
  }, spec.widgets);
  const cdp = await context.newCDPSession(p);
  await cdp.send('Performance.enable');
  await p.goto(spec.path);
  const allReady = await Promise.race([
    p.evaluate(() => window.__all),
    new Promise((r) => setTimeout(() => r(null), 15_000)),
  ]);
  await p.waitForTimeout(300);
  const first = await p.evaluate(() => (window.__ready.length ? Math.min(...window.__ready) : null));
  const readyCount = await p.evaluate(() => window.__ready.length);
  const cls = await p.evaluate(() => window.__cls);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  await context.close();
  return { sdk, first, allReady, readyCount, cls, taskMs: task * 1000 };
}

const result = {};
for (const spec of PAGES) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await load(spec));
  const files = [...new Set(samples[0].sdk)];
  let bytes = 0;
  for (const f of files) bytes += await brotliBytes(`${base}${f}`);
  result[spec.name] = {
    path: spec.path,
    widgets: spec.widgets,
    sdk_requests: samples[0].sdk.length,
    sdk_files: files.map((f) => f.replace('/sdk/', '')),
    sdk_bytes_brotli: bytes,
    first_paint_ms: median(samples.map((s) => s.first)),
    all_ready_ms: median(samples.map((s) => s.allReady)),
    widgets_ready: median(samples.map((s) => s.readyCount)),
    main_thread_ms: median(samples.map((s) => s.taskMs)),
    layout_shift: median(samples.map((s) => s.cls)),
    first_paint_all_ms: samples.map((s) => s.first),
  };
}
await browser.close();
const baseline = result['no widget']?.main_thread_ms ?? 0;
for (const r of Object.values(result)) {
  r.main_thread_per_widget_ms = r.widgets ? Math.max(0, (r.main_thread_ms - baseline) / r.widgets) : null;
}
const ref = result['reference: plain JS tracking']?.first_paint_ms;
for (const r of Object.values(result)) r.first_paint_vs_reference = ref && r.first_paint_ms ? r.first_paint_ms / ref : null;
console.log(JSON.stringify(result));
