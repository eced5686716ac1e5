// `cargo xtask bench` helper: render cost of a long timeline. Opens order 9500 (created by the
// bench with N checkpoints) with a customer token, clicks "Show all" and measures until every
// checkpoint is in the DOM and the frame containing them has been painted. Prints JSON.
import { chromium } from '@playwright/test';

const [base, token, runsArg = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/sdk/aftercare.js" data-key="pk_demo_aurora" async></script></head>
<body><aftercare-tracking order="9500" token="${token}"></aftercare-tracking></body></html>`;
const renderMs = [];
const frames = [];
let events = 0;
for (let i = 0; i < Number(runsArg); i += 1) {
  const page = await browser.newPage();
  await page.route('**/bench/timeline.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${base}/bench/timeline.html`);
  const widget = page.locator('aftercare-tracking');
  await widget.getByRole('button', { name: /show all/i }).first().waitFor({ timeout: 30_000 });
  const result = await widget.evaluate((el) => new Promise((resolve) => {
    const button = [...el.shadowRoot.querySelectorAll('button')].find((b) => /show all/i.test(b.textContent));
    const count = () => el.shadowRoot.querySelectorAll('[part~="event"]').length;
    const t0 = performance.now();
    button.click();
    let n = 0;
    const tick = () => {
      n += 1;
      if (count() > 3) setTimeout(() => resolve({ ms: performance.now() - t0, frames: n, events: count() }), 0);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  renderMs.push(result.ms);
  frames.push(result.frames);
  events = result.events;
  await page.close();
}
await browser.close();
console.log(JSON.stringify({ render_ms: renderMs, frames, events }));
