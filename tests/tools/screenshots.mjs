// Screenshots of every tracking and NPS state against a running demo server, for reviews and
// closing notes: `node tests/tools/screenshots.mjs http://127.0.0.1:8080 docs/screenshots`.
// Compare two runs (before / after a change) with `node tests/tools/diff.mjs BEFORE AFTER 0.1`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:8080', out = 'target/screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const token = async (page, customer) => (await (await page.request.get(`${base}/demo/customer-token?customer=${customer}`)).json()).token;
const page = await browser.newPage({ viewport: { width: 760, height: 900 } });

async function fixture(name, body, lang = 'en', width = 760) {
  await page.setViewportSize({ width, height: 900 });
  await page.route(`**/shots/${name}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><link rel="stylesheet" href="/style.css"><script src="/sdk/aftercare.js" data-key="pk_demo_aurora" async></script></head><body><main>${body}</main></body></html>` }));
  await page.goto(`${base}/shots/${name}.html`);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

const states = [
  ['tracking-processing-1003', 'cus_ana', '1003'], ['tracking-label-created-1004', 'cus_ben', '1004'],
  ['tracking-in-transit-1002', 'cus_ana', '1002'], ['tracking-out-for-delivery-1005', 'cus_ben', '1005'],
  ['tracking-delivered-1001', 'cus_ana', '1001'], ['tracking-weather-delay-1011', 'cus_ana', '1011'],
  ['tracking-customs-1009', 'cus_dev', '1009'], ['tracking-address-1022', 'cus_ben', '1022'],
  ['tracking-damaged-1023', 'cus_carla', '1023'], ['tracking-lost-1024', 'cus_dev', '1024'],
  ['tracking-refused-1025', 'cus_ana', '1025'], ['tracking-attempted-1007', 'cus_carla', '1007'],
  ['tracking-pickup-1008', 'cus_dev', '1008'], ['tracking-returned-1012', 'cus_ben', '1012'],
  ['tracking-eta-revised-1021', 'cus_ana', '1021'], ['tracking-stalled-1026', 'cus_ben', '1026'],
  ['tracking-expired-1027', 'cus_carla', '1027'], ['tracking-two-parcels-1006', 'cus_carla', '1006'],
  ['tracking-long-history-1028', 'cus_dev', '1028'],
];
for (const [name, customer, order] of states) {
  await fixture(name, `<aftercare-tracking order="${order}" token="${await token(page, customer)}"></aftercare-tracking>`);
}
await fixture('tracking-customs-1009-es-phone', `<aftercare-tracking order="1009" locale="es" token="${await token(page, 'cus_dev')}"></aftercare-tracking>`, 'es', 360);
await fixture('tracking-guest-form', '<aftercare-tracking></aftercare-tracking>');
// NPS: demo customers with a delivered order and no survey history (Carla, Ana).
await fixture('nps-card-inline', `<h1>Thanks!</h1><aftercare-nps token="${await token(page, 'cus_carla')}"></aftercare-nps>`);
await page.locator('aftercare-nps').getByRole('radio', { name: '3' }).check();
await page.waitForTimeout(600);
await page.screenshot({ path: `${out}/nps-detractor-followup.png`, fullPage: true });
console.log(`${out}/nps-detractor-followup.png`);
await fixture('nps-card-floating-es', `<h1>Gracias</h1><aftercare-nps layout="floating" locale="es" token="${await token(page, 'cus_ana')}"></aftercare-nps>`, 'es');
await page.setViewportSize({ width: 1100, height: 900 });
await page.goto(`${base}/insights.html`);
await page.waitForTimeout(1200);
await page.screenshot({ path: `${out}/merchant-insights.png`, fullPage: true });
console.log(`${out}/merchant-insights.png`);
await browser.close();
