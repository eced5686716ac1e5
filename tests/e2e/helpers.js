// Shared helpers for the end-to-end tests: console-error capture, fixture pages served on the
// real server's origin, and the admin API.
const { test: base, expect } = require('@playwright/test');

const ADMIN_KEY = process.env.AFTERCARE_ADMIN_KEY || 'sk_demo_aurora_secret';
const PUBLISHABLE_KEY = 'pk_demo_aurora';

/**
 * `test` with `consoleErrors`: every console error, uncaught page error and CSP violation.
 * It must be empty when a test ends; a test that provokes errors on purpose (API down)
 * removes exactly the ones it expects.
 */
const test = base.extend({
  consoleErrors: [async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium logs every 4xx API answer ("Failed to load resource: … 404"); those are
      // answers the widget handles (unknown order, forbidden), not page errors.
      const expectedApiAnswer = /status of 4\d\d/.test(msg.text()) && /\/v1\//.test(msg.location().url || '');
      if (!expectedApiAnswer) errors.push(`${msg.text()} @ ${msg.location().url || ''}`);
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  }, { auto: true }],
});

/**
 * Serve `html` at `path` on the real server's origin (so the loader, API and CSP origin are
 * the real ones) without adding test pages to the demo storefront.
 */
async function fixturePage(page, path, body, { head = '', lang = 'en' } = {}) {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script src="/sdk/aftercare.js" data-key="${PUBLISHABLE_KEY}" async></script>${head}</head><body>${body}</body></html>`;
  await page.route(`**${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(path);
}

/** A fresh customer token for a seeded demo customer (what a merchant backend would print). */
async function customerToken(request, customer) {
  const res = await request.get(`/demo/customer-token?customer=${customer}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).token;
}

/** Guest lookup through the widget's form. */
async function lookUp(widget, orderNumber, email) {
  await widget.getByLabel(/order number|número de pedido/i).fill(orderNumber);
  await widget.getByLabel(/email|correo/i).fill(email);
  await widget.getByRole('button', { name: /track|find|look up|buscar|seguir|localizar/i }).click();
}

module.exports = { test, expect, fixturePage, customerToken, lookUp, ADMIN_KEY, PUBLISHABLE_KEY };

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A brand-new customer whose first order was delivered `deliveredDaysAgo` days ago, created
 * through the admin API (so survey tests never share history). Returns { id, email, token }.
 */
async function deliveredCustomer(request, tag, deliveredDaysAgo = 10) {
  const id = `e2e_${tag}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${id}@example.com`;
  const number = `E2E-${id.slice(-12)}`;
  const now = Date.now();
  const order = {
    order_number: number, email, customer: { external_id: id, email, name: 'Test Shopper' },
    currency: 'EUR', placed_at: iso(now - (deliveredDaysAgo + 5) * DAY),
    items: [{ sku: 'TEE-M', title: 'Organic Tee', quantity: 1, unit_price_minor: 2500 }],
    shipments: [{
      carrier_code: 'ups', carrier_name: 'UPS', tracking_number: `1Z${Math.floor(Math.random() * 1e12)}`,
      items: [{ sku: 'TEE-M', quantity: 1 }],
      events: [
        { status: 'in_transit', description: 'Picked up', occurred_at: iso(now - (deliveredDaysAgo + 3) * DAY) },
        { status: 'delivered', description: 'Delivered', occurred_at: iso(now - deliveredDaysAgo * DAY) },
      ],
    }],
  };
  const res = await request.put(`/v1/admin/orders/${number}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` }, data: order });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { id, email, number, token: await customerToken(request, id) };
}

module.exports.deliveredCustomer = deliveredCustomer;
