// Every tracking state a worried shopper can meet, over the seeded demo orders (token mode,
// as on a signed-in account page): what the stepper says, the notice, and the next step.
const { test, expect, fixturePage, customerToken, ADMIN_KEY } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Open one order in token mode; returns the widget locator. */
async function openOrder(page, request, customer, order, { locale = 'en', extra = '' } = {}) {
  const token = await customerToken(request, customer);
  await fixturePage(page, `/fixture/order-${order}-${locale}.html`,
    `<main><h1>Order</h1><aftercare-tracking order="${order}" token="${token}" locale="${locale}" ${extra}></aftercare-tracking></main>`, { lang: locale });
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: new RegExp(order) })).toBeVisible();
  return widget;
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).include('aftercare-tracking').withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// order, customer, the current step's words, what the notice must say, the next step it must offer.
const STATES = [
  ['1003', 'cus_ana', null, /preparing/i, null],
  ['1004', 'cus_ben', /ordered|shipped/i, null, null],
  ['1002', 'cus_ana', /in transit/i, null, null],
  ['1005', 'cus_ben', /out for delivery/i, null, null],
  ['1001', 'cus_ana', /delivered/i, null, null],
  ['1011', 'cus_ana', /in transit/i, /weather|delay/i, /late|estimate/i],
  ['1009', 'cus_dev', /in transit/i, /customs/i, /contact dhl|carrier/i],
  ['1022', 'cus_ben', /in transit/i, /address/i, /address/i],
  ['1023', 'cus_carla', /in transit/i, /damaged/i, /contact us|contact the store|get in touch/i],
  ['1024', 'cus_dev', /in transit/i, /lost/i, /contact us|contact the store|get in touch/i],
  ['1025', 'cus_ana', /in transit|out for delivery/i, /refused/i, /contact us|contact the store|get in touch/i],
  ['1007', 'cus_carla', /out for delivery/i, /attempt|missed|couldn.t deliver/i, /try again|rearrange|redeliver/i],
  ['1008', 'cus_dev', /out for delivery/i, /pickup|collect/i, /collect by/i],
  ['1012', 'cus_ben', /in transit/i, /returned|back to/i, /contact us|contact the store|get in touch/i],
  ['1021', 'cus_ana', /in transit/i, /was .* now/i, null],
  ['1026', 'cus_ben', /in transit/i, /no update/i, null],
  ['1027', 'cus_carla', /in transit/i, /haven.t had tracking updates/i, /contact us|contact the store|get in touch/i],
];

for (const [order, customer, step, notice, next] of STATES) {
  test(`order ${order}: stepper, notice and next step; no axe violations`, async ({ page, request }) => {
    const widget = await openOrder(page, request, customer, order);
    if (step) await expect(widget.locator('[aria-current="step"]').first()).toContainText(step);
    if (notice) await expect(widget.getByText(notice).first()).toBeVisible();
    if (next) await expect(widget.getByText(next).first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

test('a long history collapses to the latest updates and expands on demand', async ({ page, request }) => {
  const widget = await openOrder(page, request, 'cus_dev', '1028');
  const events = widget.locator('[part~="event"]:visible');
  await expect(events).toHaveCount(3);
  const showAll = widget.getByRole('button', { name: /show all 40/i });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(events).toHaveCount(40);
  await expect(widget.getByRole('button', { name: /show fewer/i })).toHaveAttribute('aria-expanded', 'true');
  expect(await axe(page)).toEqual([]);
});

test('keyboard users reach the copy button, "show all" and the carrier link; copying confirms', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openOrder(page, request, 'cus_dev', '1028');
  const reach = async (locator) => {
    for (let i = 0; i < 60 && !(await locator.evaluate((el) => el.getRootNode().activeElement === el)); i += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(locator).toBeFocused();
  };
  await page.locator('h1').click();
  const copy = widget.getByRole('button', { name: /copy/i }).first();
  await reach(copy);
  await page.keyboard.press('Enter');
  await expect(widget.getByText(/copied/i).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\w{6,}/);
  await reach(widget.locator('[part~="parcel"] a[href]').first());
  await reach(widget.getByRole('button', { name: /show all/i }));
  await page.keyboard.press('Enter');
  await expect(widget.locator('[part~="event"]:visible')).toHaveCount(40);
});

test('an order in two parcels says so, with each parcel\'s items and the unshipped ones', async ({ page, request }) => {
  const widget = await openOrder(page, request, 'cus_carla', '1006');
  await expect(widget.getByText(/ships in 2 packages|2 packages/i).first()).toBeVisible();
  await expect(widget.locator('[part~="parcel"]')).toHaveCount(2);
  await expect(widget.getByRole('img', { name: 'Linen Shirt' }).first()).toBeVisible();
  await expect(widget.getByText('Leather Belt')).toBeVisible();
});

test('the help section shows the store\'s FAQ and contact channels, and notices link to it', async ({ page, request }) => {
  const widget = await openOrder(page, request, 'cus_ana', '1011');
  const help = widget.getByRole('heading', { name: /need help/i });
  await expect(help).toBeVisible();
  await expect(widget.getByRole('link', { name: /help@aurora\.example/ })).toBeVisible();
  const faq = widget.locator('details').first();
  await faq.locator('summary').click();
  await expect(faq).toHaveAttribute('open', '');
});

test('Spanish shoppers get the exception banner and revised ETA in Spanish', async ({ page, request }) => {
  let widget = await openOrder(page, request, 'cus_dev', '1009', { locale: 'es' });
  await expect(widget.getByText(/aduana/i).first()).toBeVisible();
  widget = await openOrder(page, request, 'cus_ana', '1021', { locale: 'es' });
  await expect(widget.getByText(/antes:? .* ahora/i).first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('a new carrier event ingested through the admin API appears on an open page without reload', async ({ page, request }) => {
  const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
  const order = await (await request.get('/v1/admin/orders/1010', { headers: admin })).json();
  const shipmentId = order.shipments[0].id;
  const token = await request.post('/v1/orders/lookup', {
    headers: { 'Aftercare-Key': 'pk_demo_aurora' }, data: { order_number: '1010', email: 'guest@example.com' },
  });
  expect(token.ok()).toBeTruthy();
  const session = (await token.json()).token;
  await fixturePage(page, '/fixture/live.html', `<aftercare-tracking order="1010" token="${session}" refresh="2"></aftercare-tracking>`);
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: /1010/ })).toBeVisible();
  await expect(widget.getByText(/updated/i).first()).toBeVisible();
  const marker = `Arrived at the Leipzig hub ${Date.now()}`;
  const ingest = await request.post(`/v1/admin/shipments/${shipmentId}/events`, {
    headers: { ...admin, 'Idempotency-Key': `live-${Date.now()}` },
    data: { events: [{ carrier_event_id: `live-${Date.now()}`, raw_status: 'transit', description: marker, location: { city: 'Leipzig', country: 'DE' }, occurred_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }] },
  });
  expect(ingest.ok()).toBeTruthy();
  await expect(widget.locator('[part~="event"]').first()).toContainText(marker, { timeout: 15_000 });
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('every state fits a 320 px phone without sideways scrolling', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const [order, customer] of [['1008', 'cus_dev'], ['1009', 'cus_dev'], ['1021', 'cus_ana'], ['1028', 'cus_dev']]) {
    await openOrder(page, request, customer, order);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `order ${order}`).toBeLessThanOrEqual(0);
  }
});

test('live refresh pauses while the tab is hidden and catches up when it is shown again', async ({ page, request }) => {
  const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
  const order = await (await request.get('/v1/admin/orders/1015', { headers: admin })).json();
  const shipmentId = order.shipments[0].id;
  const session = await request.post('/v1/orders/lookup', {
    headers: { 'Aftercare-Key': 'pk_demo_aurora' }, data: { order_number: '1015', email: 'tom.reed@example.com' },
  });
  expect(session.ok()).toBeTruthy();
  let polls = 0;
  page.on('request', (r) => { if (r.url().includes('/v1/orders/1015')) polls += 1; });
  await fixturePage(page, '/fixture/hidden.html',
    `<aftercare-tracking order="1015" token="${(await session.json()).token}" refresh="2"></aftercare-tracking>`);
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: /1015/ })).toBeVisible();
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await page.waitForTimeout(500);
  const marker = `Sorted at the Memphis hub ${Date.now()}`;
  const ingest = await request.post(`/v1/admin/shipments/${shipmentId}/events`, {
    headers: { ...admin, 'Idempotency-Key': `hidden-${Date.now()}` },
    data: { events: [{ carrier_event_id: `hidden-${Date.now()}`, status: 'in_transit', description: marker, location: { city: 'Memphis', region: 'TN', country: 'US' }, occurred_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }] },
  });
  expect(ingest.ok()).toBeTruthy();
  const before = polls;
  await page.waitForTimeout(5_000); // more than two refresh intervals
  expect(polls, 'no polling while hidden').toBe(before);
  await expect(widget.getByText(marker)).toHaveCount(0);
  await setHidden(false);
  await expect(widget.locator('[part~="event"]').first()).toContainText(marker, { timeout: 5_000 });
});
