// `cargo xtask bench` helper: what the merchant console costs, in headless Chromium against
// the real server. Prints JSON; `cargo xtask bench` adds it to the report.
//
// Signs the demo owner in once, then per page, median of N cold loads (fresh browser context
// carrying only the session cookie, empty cache):
// - every file the page fetched and its bytes as the server sends them with brotli
//   (Chromium sends no `br` over plain http, so each is fetched again with
//   `Accept-Encoding: br` and the session cookie, and its compressed body counted);
// - time to interactive: the navigation's `domInteractive`, and `loadEventEnd` (after the one
//   deferred script ran: every form works from the first paint, the script only adds the
//   busy state);
// - main-thread busy time (Chromium's TaskDuration).
import { chromium } from '@playwright/test';
import http from 'node:http';

const [base = 'http://127.0.0.1:8080', runsArg = '5', email = 'owner@aurora.example', password = 'aurora-console-demo'] = process.argv.slice(2);
const runs = Number(runsArg);
const PAGES = ['/console', '/console/returns', '/console/surveys/nps', '/console/requests', '/console/audit',
  '/console/settings', '/console/settings/returns', '/console/settings/surveys', '/console/settings/reviews',
  '/console/settings/branding', '/console/embed'];

const median = (v) => {
  const s = [...v].filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

function brotliBytes(url, cookie) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'br', Cookie: cookie } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] || 'identity' }));
    }).on('error', reject);
  });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

const signIn = await browser.newContext({ baseURL: base });
const p = await signIn.newPage();
await p.goto('/console/sign-in');
await p.getByLabel('Email').fill(email);
await p.getByLabel('Password').fill(password);
await p.getByRole('button', { name: 'Sign in' }).click();
await p.waitForURL(/\/console$/);
const state = await signIn.storageState();
const session = state.cookies.find((c) => c.name === 'aftercare_console');
const cookie = `aftercare_console=${session.value}`;
await signIn.close();

async function load(path) {
  const context = await browser.newContext({ baseURL: base, storageState: state });
  const page = await context.newPage();
  const files = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (u.origin === new URL(base).origin) files.push(u.pathname + u.search); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const res = await page.goto(path, { waitUntil: 'load' });
  if (res.status() !== 200) throw new Error(`${path} answered ${res.status()}`);
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { interactive: n.domInteractive, loaded: n.loadEventEnd };
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  await context.close();
  return { files, ...nav, taskMs: task * 1000 };
}

const result = {};
for (const path of PAGES) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await load(path));
  const files = [...new Set(samples[0].files)];
  const sizes = {};
  let total = 0;
  for (const f of files) {
    const s = await brotliBytes(`${base}${f}`, cookie);
    sizes[f] = s.bytes;
    total += s.bytes;
  }
  result[path] = {
    files: sizes,
    bytes_brotli: total,
    dom_interactive_ms: median(samples.map((s) => s.interactive)),
    load_ms: median(samples.map((s) => s.loaded)),
    main_thread_ms: median(samples.map((s) => s.taskMs)),
  };
}
await browser.close();
console.log(JSON.stringify({ runs, pages: result }));
