// `cargo xtask bench` helper: render cost of a long timeline. Opens order 9500 (created by the
// bench with N checkpoints) with a customer token and measures (1) the first render: from the
// end of the order's HTTP response to the painted frame showing the latest 3 checkpoints (decode
// + view build + layout; the older ones are built on "Show all"), and (2) clicking "Show all"
// until every checkpoint is visible and painted. Prints JSON.
import { chromium } from '@playwright/test';

const [base, token, runsArg = '5'] = process.argv.slice(2);
const TOTAL = 500; // checkpoints of order 9500
const RECENT = 3; // shown before "Show all"
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/sdk/aftercare.js" data-key="pk_demo_aurora" async></script></head>
<body><aftercare-tracking order="9500" token="${token}"></aftercare-tracking></body></html>`;
const firstMs = [];
const renderMs = [];
const frames = [];
let events = 0;
for (let i = 0; i < Number(runsArg); i += 1) {
  const page = await browser.newPage();
  await page.route('**/bench/timeline.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.addInitScript((recent) => {
    window.__painted = new Promise((resolve) => {
      const check = () => {
        const el = document.querySelector('aftercare-tracking');
        const n = el && el.shadowRoot ? el.shadowRoot.querySelectorAll('[part~="event"]').length : 0;
        if (n >= recent) setTimeout(() => resolve(performance.now()), 0);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, RECENT);
  await page.goto(`${base}/bench/timeline.html`);
  const widget = page.locator('aftercare-tracking');
  await widget.getByRole('button', { name: /show all/i }).first().waitFor({ timeout: 30_000 });
  firstMs.push(await page.evaluate(async () => {
    const painted = await window.__painted;
    const response = performance.getEntriesByType('resource').filter((r) => r.name.includes('/v1/orders/9500')).pop();
    return painted - response.responseEnd;
  }));
  const result = await widget.evaluate((el, total) => new Promise((resolve) => {
    const button = [...el.shadowRoot.querySelectorAll('button')].find((b) => /show all/i.test(b.textContent));
    const count = () => [...el.shadowRoot.querySelectorAll('[part~="event"]')].filter((e) => e.checkVisibility()).length;
    const t0 = performance.now();
    button.click();
    let n = 0;
    const tick = () => {
      n += 1;
      if (count() >= total) setTimeout(() => resolve({ ms: performance.now() - t0, frames: n, events: count() }), 0);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), TOTAL);
  renderMs.push(result.ms);
  frames.push(result.frames);
  events = result.events;
  await page.close();
}
await browser.close();
console.log(JSON.stringify({ first_render_ms: firstMs, render_ms: renderMs, frames, events }));
