// The console's Orders and Insights areas, used as support would: find an order by the
// shopper's email, open it, and read it exactly as the shopper reads it (the real tracking
// widget, under the order page's own CSP); then the per-product insights. Every page is
// checked with axe at 1280 and 768 px. The rules (search, the pass, the CSP, other stores)
// are proved in server/tests/it/console_orders.rs.
const { test, expect, lookUp } = require('./helpers');
const { signIn, violations, noSidewaysScroll } = require('./console-helpers');

// One after another: they sign the same demo owner in.
test.describe.configure({ mode: 'serial' });

test('support finds order 1002 by email and sees what the shopper sees', async ({ page, context }) => {
  test.setTimeout(60_000);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await page.getByLabel('Order number or email').fill('ana@example.com');
  await page.getByRole('button', { name: 'Find orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders matching “ana@example.com”' })).toBeVisible();
  await page.getByRole('link', { name: '1002', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Order 1002' })).toBeVisible();
  await expect(page.getByText('cus_ana')).toBeVisible();

  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: /1002/ })).toBeVisible({ timeout: 15_000 });
  const headline = (await widget.locator('.headline').innerText()).trim();
  // Text, not layout: the console's column is narrower than the storefront's.
  const words = (t) => t.replace(/\s+/g, ' ').trim();
  const step = words(await widget.locator('[aria-current="step"]').first().textContent());
  const events = (await widget.locator('[part~="event"]').allTextContents()).map(words);
  expect(events.length).toBe(3);

  // The shopper's own page, on the demo storefront.
  const shopper = await context.newPage();
  await shopper.goto('/track.html');
  const theirs = shopper.locator('aftercare-tracking');
  await lookUp(theirs, '1002', 'ana@example.com');
  await expect(theirs.getByRole('heading', { name: /1002/ })).toBeVisible();
  expect((await theirs.locator('.headline').innerText()).trim()).toBe(headline);
  expect(words(await theirs.locator('[aria-current="step"]').first().textContent())).toBe(step);
  expect((await theirs.locator('[part~="event"]').allTextContents()).map(words)).toEqual(events);
  expect(headline).toBe('Your order is on its way');
  await shopper.close();
});

test('orders, an order and insights pass axe at 1280 and 768 px', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const pages = [
    ['orders', '/console/orders?q=ana%40', 'Orders'],
    ['order', '/console/orders/1002', 'Order 1002'],
    ['insights', '/console/insights', 'Insights'],
  ];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path, title] of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      if (name === 'order') {
        await expect(page.locator('aftercare-tracking').getByRole('heading', { name: /1002/ })).toBeVisible({ timeout: 15_000 });
      }
      if (name === 'insights') {
        for (const img of await page.locator('.charts img').all()) {
          await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
        }
      }
      expect(await violations(page), `${name} at ${width}px`).toEqual([]);
      await noSidewaysScroll(page);
      await page.screenshot({ path: `/tmp/ord-${name}-${width}.png`, fullPage: true });
    }
  }
});

test('the order search works from the keyboard', async ({ page }) => {
  await signIn(page);
  await page.goto('/console/orders');
  await page.getByLabel('Order number or email').focus();
  await page.keyboard.type('1002');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/console\/orders\?q=1002/);
  const link = page.getByRole('link', { name: '1002', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Order 1002' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Order 1002/ })).toHaveCount(0);
});
