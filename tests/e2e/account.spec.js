// <aftercare-account>: the shopper's orders (filters, search, pagination) and one order's page
// (tracking, items and totals, address, payment, returns started in place), signed in with a
// customer token as a store's backend would print it, or as a guest through the lookup.
const { test, expect, fixturePage, customerToken, lookUp, deliveredCustomer } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, selector) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function account(page, request, customer, attrs = '', lang = 'en') {
  const token = await customerToken(request, customer);
  await fixturePage(page, `/fixture/account-${customer}.html`,
    `<main><aftercare-account token="${token}" ${attrs}></aftercare-account></main>`, { lang });
  return page.locator('aftercare-account');
}

test('the demo account page lists the signed-in customer\'s orders and opens one', async ({ page }) => {
  await page.goto('/account.html');
  const widget = page.locator('aftercare-account');
  await expect(widget).toHaveAttribute('token', /^v1\./);
  await expect(widget.getByRole('heading', { name: 'Your orders' })).toBeVisible();
  await expect(widget.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ orders$/ })).toBeVisible();
  await widget.getByRole('button', { name: /Order 1002/ }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Order 1002' })).toBeFocused();
  await expect(widget.locator('[part~="event"]').first()).toContainText('Zaragoza');
  // No lookup form in token mode.
  await expect(widget.getByLabel(/email/i)).toHaveCount(0);
});

test('an order\'s page: tracking, what was bought and paid, where it goes, and back to the list', async ({ page, request }) => {
  const widget = await account(page, request, 'cus_ana');
  await widget.getByRole('button', { name: /Order 1002/ }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Order 1002' })).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'Order summary' })).toBeVisible();
  const totals = widget.locator('.totals');
  for (const label of ['Subtotal', 'Shipping', 'Tax', 'Total']) await expect(totals.getByText(label, { exact: true })).toBeVisible();
  await expect(totals.locator('.grand dd')).toHaveText(/€\s?114\.00|114\.00\s?€/);
  await expect(widget.getByRole('heading', { name: 'Delivery address' })).toBeVisible();
  await expect(widget.locator('address')).toContainText(/\d{5}/);
  await expect(widget.getByRole('heading', { name: 'Payment' })).toBeVisible();
  await expect(widget.locator('.fact p')).toHaveText(/ending in \d{4}|PayPal|Visa|Mastercard/);
  expect(await axe(page, 'aftercare-account')).toEqual([]);
  await widget.getByRole('button', { name: 'All orders' }).click();
  await expect(widget.getByRole('heading', { name: 'Your orders' })).toBeVisible();
});

test('filters and search narrow the list and say how many match', async ({ page, request }) => {
  const widget = await account(page, request, 'cus_ana');
  const count = widget.getByRole('status').filter({ hasText: /^Showing/ });
  // Ana has more orders than one page shows (10): "Showing 10 of 11 orders".
  await expect(count).toHaveText(/^Showing \d+ of \d+ orders$/);
  const unfiltered = await count.textContent();

  await widget.getByRole('radio', { name: 'Delivered' }).check();
  await expect(count).not.toHaveText(unfiltered);
  const rows = widget.locator('.account-orders li');
  for (const text of await rows.allTextContents()) expect(text).toContain('Delivered');

  await widget.getByRole('radio', { name: 'All' }).check();
  await widget.getByLabel('Search your orders').fill('1002');
  await widget.getByRole('button', { name: 'Search' }).click();
  await expect(count).toHaveText('Showing 1 of 1 orders');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Order 1002');

  await widget.getByLabel('Search your orders').fill('no such thing at all');
  await widget.getByRole('button', { name: 'Search' }).click();
  await expect(widget.locator('.card.empty')).toContainText('No orders match. Try another filter or search.');
  await expect(widget.getByRole('status')).toHaveText('No orders match. Try another filter or search.');
  await widget.getByRole('button', { name: 'Show all orders' }).click();
  await expect(count).toHaveText(unfiltered);
  expect(await axe(page, 'aftercare-account')).toEqual([]);
});

test('a customer with 40 orders pages through them ten at a time', async ({ page, request }) => {
  const widget = await account(page, request, 'cus_olivia');
  const count = widget.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(count).toHaveText('Showing 10 of 40 orders');
  const rows = widget.locator('.account-orders li');
  await expect(rows).toHaveCount(10);
  await widget.getByRole('button', { name: 'Show more orders' }).click();
  await expect(count).toHaveText('Showing 20 of 40 orders');
  await expect(rows).toHaveCount(20);
  const numbers = (await rows.allTextContents()).map((t) => t.match(/Order (\S+)/)[1]);
  expect(new Set(numbers).size).toBe(20);
});

test('returns start inside the order\'s page', async ({ page, request }) => {
  const widget = await account(page, request, 'cus_ana', 'order="1029"');
  await expect(widget.getByRole('heading', { level: 2, name: 'Order 1029' })).toBeVisible();
  // A deep link has nowhere to go back to.
  await expect(widget.getByRole('button', { name: 'All orders' })).toHaveCount(0);
  await widget.getByRole('button', { name: 'Return items' }).click();
  await expect(widget.getByRole('heading', { name: 'Choose what to return' })).toBeFocused();
  await expect(widget.getByText('Merino Crew Sweater').first()).toBeVisible();
  expect(await axe(page, 'aftercare-account')).toEqual([]);
});

test('without a token a guest looks the order up and gets its page', async ({ page }) => {
  await fixturePage(page, '/fixture/account-guest.html', '<main><aftercare-account></aftercare-account></main>');
  const widget = page.locator('aftercare-account');
  await lookUp(widget, '1010', 'guest@example.com');
  await expect(widget.getByRole('heading', { level: 2, name: 'Order 1010' })).toBeFocused();
  await expect(widget.getByRole('heading', { name: 'Order summary' })).toBeVisible();
  await widget.getByRole('button', { name: 'Look up another order' }).click();
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
});

test('Spanish, and a 320 px phone without sideways scrolling', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const widget = await account(page, request, 'cus_ana', 'locale="es"');
  await expect(widget.getByRole('heading', { name: 'Tus pedidos' })).toBeVisible();
  await expect(widget.getByRole('radio', { name: 'Entregados' })).toBeVisible();
  await expect(widget.getByRole('status').filter({ hasText: /^Mostrando \d+ de \d+ pedidos$/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await widget.getByRole('button', { name: /Pedido 1002/ }).click();
  await expect(widget.getByRole('heading', { name: 'Resumen del pedido' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axe(page, 'aftercare-account')).toEqual([]);
});

test('communication preferences: saved at once with their time, and a customer who turns surveys off is not asked', async ({ page, request }) => {
  const shopper = await deliveredCustomer(request, 'prefs');
  await fixturePage(page, '/fixture/account-prefs.html',
    `<main><aftercare-account token="${shopper.token}"></aftercare-account></main>`);
  const widget = page.locator('aftercare-account');
  const saved = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('aftercare:preferences-saved', (e) => resolve(e.detail), { once: true });
  }));
  await widget.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Communication preferences' }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Communication preferences' })).toBeVisible();
  const box = (name) => widget.getByRole('checkbox', { name });
  await expect(box('Shipping updates')).toBeChecked();
  await expect(box('Review requests')).toBeChecked();
  await expect(box('Surveys')).toBeChecked();
  await expect(box('Offers and news')).not.toBeChecked();
  expect(await axe(page, 'aftercare-account')).toEqual([]);

  await box('Surveys').uncheck();
  await expect(widget.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(await saved).toEqual({ topic: 'surveys', enabled: false });
  await expect(box('Surveys')).toHaveAccessibleDescription(/Changed /);

  // Stored: a new page shows the choice, and the survey card is not offered any more.
  const prompt = await request.post('/v1/surveys/nps/prompt', {
    headers: { 'aftercare-key': 'pk_demo_aurora', Authorization: `Bearer ${shopper.token}` },
    data: { visit_id: `v-${Date.now()}` },
  });
  expect(prompt.ok(), await prompt.text()).toBeTruthy();
  const answer = await prompt.json();
  expect(answer.eligibility).toEqual(expect.objectContaining({ eligible: false, reason: 'opted_out' }));
  await page.reload();
  await page.locator('aftercare-account').getByRole('button', { name: 'Communication preferences' }).click();
  await expect(page.locator('aftercare-account').getByRole('checkbox', { name: 'Surveys' })).not.toBeChecked();
});

test('what needs the customer comes first: a parcel to collect, parcels in trouble, a return to send', async ({ page, request }) => {
  const widget = await account(page, request, 'cus_dev');
  const attention = widget.getByRole('region', { name: 'Needs your attention' });
  await expect(attention).toBeVisible();
  const items = attention.getByRole('listitem');
  // A pickup has a deadline: it is the most urgent.
  await expect(items.first()).toContainText('Your parcel is waiting at');
  await expect(items.first()).toContainText('Collect by');
  await expect(attention.getByText(/^Return .+ is waiting to be sent$/)).toBeVisible();
  await expect(attention.getByRole('button', { name: 'View order 1009' })).toBeVisible();
  expect(await axe(page, 'aftercare-account')).toEqual([]);
  await items.first().getByRole('button', { name: 'View order 1008' }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Order 1008' })).toBeFocused();
  await expect(widget.getByRole('region', { name: 'Needs your attention' })).toHaveCount(0);
});
