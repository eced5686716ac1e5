// `cargo xtask bench` helper: time from navigation start to the first tracking widget's
// `aftercare:ready`, and cumulative layout shift, over N fresh page loads. Prints JSON.
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:8080', runsArg = '7'] = process.argv.slice(2);
const runs = Number(runsArg);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const ready = [];
const cls = [];
for (let i = 0; i < runs; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__ready = new Promise((resolve) => document.addEventListener('aftercare:ready', () => resolve(performance.now()), { once: true }));
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${base}/track.html`);
  ready.push(await page.evaluate(() => window.__ready));
  await page.waitForTimeout(200);
  cls.push(await page.evaluate(() => window.__cls));
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ ready_ms: ready, cls }));
