// The tracking widget as shoppers use it on the demo storefront.
const { test, expect, fixturePage, customerToken, lookUp } = require('./helpers');

test('a guest looks up an order on the track page and sees its timeline', async ({ page }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '1002', 'ana@example.com');
  await expect(widget.getByRole('heading', { name: /1002/ })).toBeVisible();
  await expect(widget.getByText('Correos', { exact: false }).first()).toBeVisible();
  const tracking = widget.getByRole('link', { name: /PQ4F6P0700123450128001W/ });
  await expect(tracking).toBeVisible();
  // Every checkpoint, newest first, with its place.
  const events = widget.locator('[part~="event"]');
  await expect(events).toHaveCount(3);
  await expect(events.nth(0)).toContainText('In transit to the destination hub');
  await expect(events.nth(0)).toContainText('Zaragoza');
  await expect(events.nth(1)).toContainText('Accepted at the Correos sorting centre');
  await expect(events.nth(2)).toContainText('Shipment information received');
  await expect(events.nth(2)).toContainText('Madrid');
  // The stepper says where the parcel is in words, not only by colour.
  await expect(widget.locator('[aria-current="step"]').first()).toContainText(/in transit/i);
  // Items in the parcel.
  await expect(widget.getByText('Merino Crew Sweater').first()).toBeVisible();
});

test('a wrong email and an unknown order get the same non-revealing message', async ({ page }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '1002', 'someone.else@example.com');
  const message = widget.getByRole('alert');
  await expect(message).toBeVisible();
  const wrongEmail = await message.innerText();
  await lookUp(widget, '999999', 'ana@example.com');
  await expect(message).toHaveText(wrongEmail);
  await expect(widget.locator('[part~="event"]')).toHaveCount(0);
});

test('bad input is explained per field before anything is sent', async ({ page }) => {
  let lookups = 0;
  page.on('request', (r) => { if (r.url().includes('/v1/orders/lookup')) lookups += 1; });
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '10 02', 'not-an-email');
  const email = widget.getByLabel(/email/i);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByLabel(/order number/i)).toHaveAttribute('aria-invalid', 'true');
  expect(lookups).toBe(0);
});

test('with a customer token the tracking widget lists the customer\'s orders', async ({ page, request }) => {
  const token = await customerToken(request, 'cus_ana');
  await fixturePage(page, '/fixture/track-token.html', `<main><aftercare-tracking token="${token}"></aftercare-tracking></main>`);
  const widget = page.locator('aftercare-tracking');
  await widget.getByRole('button', { name: /1002/ }).click();
  await expect(widget.getByRole('heading', { name: /1002/ })).toBeVisible();
  await expect(widget.locator('[part~="event"]').first()).toContainText('Zaragoza');
  // No lookup form in token mode.
  await expect(widget.getByLabel(/email/i)).toHaveCount(0);
});

test('a customer token cannot open another customer\'s order', async ({ page, request }) => {
  const token = await customerToken(request, 'cus_ana');
  await fixturePage(page, '/fixture/other-customer.html', `<aftercare-tracking order="1006" token="${token}"></aftercare-tracking>`);
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('alert')).toBeVisible();
  await expect(widget.getByText('Linen Shirt')).toHaveCount(0);
});

test('an order split into two parcels shows both and the item not shipped yet', async ({ page }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '1006', 'carla@example.com');
  await expect(widget.locator('[part~="parcel"]')).toHaveCount(2);
  await expect(widget.getByText('1Z999AA10123456784')).toBeVisible();
  await expect(widget.getByText('SEUR7788123')).toBeVisible();
  await expect(widget.getByText('Leather Belt')).toBeVisible();
});

test('Spanish shoppers get Spanish, and changing the locale attribute re-renders', async ({ page }) => {
  await fixturePage(page, '/fixture/locale.html', '<aftercare-tracking locale="es"></aftercare-tracking>');
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByLabel(/número de pedido/i)).toBeVisible();
  await widget.evaluate((el) => el.setAttribute('locale', 'en'));
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
  await expect(widget.getByLabel(/número de pedido/i)).toHaveCount(0);
});

test('the page language is used when no locale attribute is given', async ({ page }) => {
  await fixturePage(page, '/fixture/lang-es.html', '<aftercare-tracking></aftercare-tracking>', { lang: 'es-MX' });
  await expect(page.locator('aftercare-tracking').getByLabel(/número de pedido/i)).toBeVisible();
});

test('each screen reports once: a failed load, "Try again", and switching orders never replay old answers', async ({ page, request, consoleErrors }) => {
  const token = await customerToken(request, 'cus_ana');
  await page.addInitScript(() => {
    window.__events = [];
    for (const n of ['order-loaded', 'error']) document.addEventListener(`aftercare:${n}`, (e) => window.__events.push([n, e.detail.order_number || e.detail.code]));
  });
  // 1002 cannot be reached until the shopper presses "Try again" (the client's own retries
  // fail too); then it answers.
  let down = true;
  await page.route('**/v1/orders/1002', (route) => (down ? route.abort('connectionrefused') : route.continue()));
  // 1003's answer is slow: the shopper goes back before it arrives.
  await page.route('**/v1/orders/1003', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await fixturePage(page, '/fixture/tracking-once.html', `<aftercare-tracking token="${token}"></aftercare-tracking>`);
  const widget = page.locator('aftercare-tracking');
  await widget.getByRole('button', { name: /1002/ }).click();
  await expect(widget.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 });
  down = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  await expect(widget.locator('[part~="event"]').first()).toContainText('Zaragoza');
  // The page switches the element to 1003, then to 1001 before 1003's answer arrives.
  await page.locator('aftercare-tracking').evaluate((el) => el.setAttribute('order', '1003'));
  await expect(widget.getByRole('status')).toBeAttached();
  await page.locator('aftercare-tracking').evaluate((el) => el.setAttribute('order', '1001'));
  await expect(widget.getByRole('heading', { level: 2, name: /1001/ })).toBeVisible();
  await page.waitForTimeout(2000); // 1003's late answer arrives now, and must change nothing
  await expect(widget.getByRole('heading', { level: 2, name: /1001/ })).toBeVisible();
  const events = await page.evaluate(() => window.__events);
  expect(events).toEqual([['error', 'network_error'], ['order-loaded', '1002'], ['order-loaded', '1001']]);
  // The refused connections are what this test provokes.
  expect(consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  consoleErrors.length = 0;
});
