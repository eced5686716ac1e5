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
      // The console answers a refused form or a page the role may not open with that page
      // and its 4xx status (422, 409, 403), and so does the unsubscribe page a spoiled link
      // (404): the page is the answer, not an error.
      const expectedApiAnswer = /status of 4\d\d/.test(msg.text()) && /\/(v1|console|unsubscribe)\//.test(msg.location().url || '');
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

const BASE_URL = process.env.AFTERCARE_BASE_URL || 'http://127.0.0.1:8080';
/** Demo catalog products (server/src/seed/returns.rs): SKU, title, variant, price, image. */
const PRODUCTS = {
  shoes: { sku: 'TRAIL-RUN-SL-42', title: 'Trail Running Shoes', variant: 'Slate / EU 42', unit_price_minor: 11900, image: 'trail-running-shoes' },
  jacket: { sku: 'RAIN-PACK-NV-M', title: 'Packable Rain Jacket', variant: 'Navy / M', unit_price_minor: 12900, image: 'rain-jacket' },
  sweater: { sku: 'MER-CREW-FG-M', title: 'Merino Crew Sweater', variant: 'Forest Green / M', unit_price_minor: 8900, image: 'merino-sweater' },
  socks: { sku: 'SOCK-WOOL-HIKE', title: 'Wool Hiking Socks', unit_price_minor: 1250, image: 'hiking-socks' },
  beanie: { sku: 'BEANIE-RIB-CH', title: 'Ribbed Beanie', variant: 'Charcoal', unit_price_minor: 2200, image: 'ribbed-beanie' },
};

/**
 * A brand-new order to return, pushed through the admin API so tests never share units.
 * `lines`: `[[product key or {sku, title, variant, unit_price_minor, image}, quantity], …]`;
 * `deliveredDaysAgo: null` leaves the parcel in transit
 * (shipped yesterday). A `customer` order also gets a customer token. Returns
 * `{ number, email, customer, token }`.
 */
async function returnableOrder(request, { tag = 'ret', lines = [['shoes', 1], ['jacket', 1]], deliveredDaysAgo = 3, customer = false, discountMinor = 0 } = {}) {
  const id = `${tag}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${id}@example.com`;
  const number = `R-${id.slice(-14)}`;
  const now = Date.now();
  const shippedDaysAgo = deliveredDaysAgo === null ? 1 : deliveredDaysAgo + 2;
  const items = lines.map(([key, quantity]) => {
    const p = typeof key === 'string' ? PRODUCTS[key] : key;
    return { sku: p.sku, title: p.title, variant: p.variant, quantity, unit_price_minor: p.unit_price_minor, image_url: `${BASE_URL}/img/${p.image}.svg` };
  });
  const events = [{ status: 'in_transit', description: 'Accepted at the sorting centre', occurred_at: iso(now - shippedDaysAgo * DAY) }];
  if (deliveredDaysAgo !== null) events.push({ status: 'delivered', description: 'Delivered', occurred_at: iso(now - deliveredDaysAgo * DAY) });
  const order = {
    order_number: number, email, currency: 'EUR', placed_at: iso(now - (shippedDaysAgo + 1) * DAY),
    discount_minor: discountMinor, items,
    customer: customer ? { external_id: id, email, name: 'Return Tester' } : undefined,
    shipments: [{
      carrier_code: 'seur', carrier_name: 'SEUR', tracking_number: `SEUR${Math.floor(Math.random() * 1e10)}`,
      shipped_at: iso(now - shippedDaysAgo * DAY), items: items.map((i) => ({ sku: i.sku, quantity: i.quantity })), events,
    }],
  };
  const res = await request.put(`/v1/admin/orders/${number}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` }, data: order });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { number, email, customer: customer ? id : null, token: customer ? await customerToken(request, id) : null };
}

/** The store's returns for one order, through the admin API (newest first). */
async function adminReturnsFor(request, orderNumber) {
  const res = await request.get('/v1/admin/returns?limit=100', { headers: { Authorization: `Bearer ${ADMIN_KEY}` } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()).items.filter((r) => r.order_number === orderNumber);
}

/** The merchant moves a return along (approve, reject with a note, …). */
async function setReturnStatus(request, rma, status, note) {
  const res = await request.post(`/v1/admin/returns/${rma}/status`, {
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Idempotency-Key': `e2e-${rma}-${status}-${Date.now()}` },
    data: note ? { status, note } : { status },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

module.exports.PRODUCTS = PRODUCTS;
module.exports.returnableOrder = returnableOrder;
module.exports.adminReturnsFor = adminReturnsFor;
module.exports.setReturnStatus = setReturnStatus;
