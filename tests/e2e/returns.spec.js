// <aftercare-returns> end to end: the demo storefront's returns page and fixture pages against
// the real server. Every test makes its own fresh orders through the admin API, so no test
// depends on seeded quantities surviving the others.
const path = require('node:path');
const { test, expect, fixturePage, lookUp, returnableOrder, adminReturnsFor, setReturnStatus } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FIXTURES = path.join(__dirname, 'fixtures');
const file = (name) => path.join(FIXTURES, name);

/** Record every aftercare:* event of the page in `window.__events`. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const n of ['ready', 'return-created', 'return-updated', 'return-cancelled', 'withdrawal-confirmed', 'error', 'lookup-failed']) {
      document.addEventListener(`aftercare:${n}`, (e) => window.__events.push({ name: n, detail: e.detail }));
    }
  });
}
const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);

/** The widget in token mode on a fixture page (what a signed-in customer's account page has). */
async function openReturns(page, o, attrs = '', lang = 'en') {
  await fixturePage(page, `/fixture/returns-${o.number}.html`,
    `<main><h1>Returns</h1><aftercare-returns order="${o.number}" token="${o.token}" ${attrs}></aftercare-returns></main>`, { lang });
  return page.locator('aftercare-returns');
}

async function violations(page) {
  const results = await new AxeBuilder({ page }).include('aftercare-returns').withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const step = (w, n, of, name) => expect(w.getByRole('heading', { level: 2, name: new RegExp(`Step ${n} of ${of}\\s*:\\s*${name}`) })).toBeVisible();
const next = (w) => w.getByRole('button', { name: 'Continue' }).click();

/** Items step → tick these titles → Continue. */
async function chooseItems(w, titles) {
  for (const t of titles) await w.getByRole('checkbox', { name: new RegExp(t) }).check();
  await next(w);
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

test('guest: full return with a photo and a mixed refund + exchange, QR, label and one created event', async ({ page, request }) => {
  test.setTimeout(60_000);
  const o = await returnableOrder(request, { tag: 'full' });
  await recordEvents(page);
  await page.goto('/returns.html');
  const w = page.locator('aftercare-returns');
  await expect(w.getByRole('heading', { name: 'Start a return' })).toBeVisible();
  await lookUp(w, o.number, o.email);

  await step(w, 1, 4, 'Choose what to return');
  await expect(w.getByText(/^Return by /)).toBeVisible();
  await expect(w.getByRole('heading', { level: 2 })).toBeFocused();
  await chooseItems(w, ['Trail Running Shoes', 'Packable Rain Jacket']);

  await step(w, 2, 4, 'Tell us why');
  await w.getByLabel('Reason (Trail Running Shoes)').selectOption('too_small');
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('damaged');
  // Choosing a reason that needs photos adds the Photos step.
  await step(w, 2, 5, 'Tell us why');
  await w.getByLabel('Comment (optional) (Packable Rain Jacket)').fill('The zip came off on first use.');
  await next(w);

  await step(w, 3, 5, 'Add photos');
  await expect(w.getByRole('group', { name: /Packable Rain Jacket.*\(required\)/ })).toBeVisible();
  await w.locator('input[type=file]').setInputFiles(file('damaged-socks.png'));
  await expect(w.getByText('Uploaded')).toBeVisible();
  await expect(w.getByRole('button', { name: 'Remove damaged-socks.png' })).toBeVisible();
  const preview = w.locator('.files img').first();
  await expect.poll(() => preview.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await next(w);

  await step(w, 4, 5, 'Refund or exchange');
  const shoes = w.getByRole('radiogroup', { name: /Trail Running Shoes/ });
  await expect(shoes.getByRole('radio', { name: 'Store credit (+10% bonus)' })).toBeVisible();
  await shoes.getByRole('radio', { name: 'Exchange for another size or colour' }).check();
  const variant = w.getByLabel('New size or colour (Trail Running Shoes)');
  await expect(variant.locator('option', { hasText: 'Slate / EU 44 (out of stock)' })).toBeDisabled();
  await variant.selectOption({ label: 'Slate / EU 43' });
  await w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: 'Refund to original payment' }).check();
  await next(w);

  await step(w, 5, 5, 'Review and submit');
  await expect(w.getByText('Exchange for Slate / EU 43')).toBeVisible();
  await expect(w.getByText('Reason: Arrived damaged')).toBeVisible();
  await expect(w.getByText('Comment: The zip came off on first use.')).toBeVisible();
  // The server's estimate: €129 refunded − 5 % restocking − €4.95 return shipping.
  const amounts = w.locator('.amounts');
  await expect(amounts).toContainText('Items to refund€129.00');
  await expect(amounts).toContainText('Restocking fee-€6.45');
  await expect(amounts).toContainText('Return shipping-€4.95');
  await expect(amounts).toContainText('Refund to your original payment€117.60');
  await expect(amounts).toContainText('Exchanged items (no charge)€119.00');
  await expect(w.getByRole('radio', { name: 'Drop it off at a carrier point' })).toBeChecked();
  await w.getByRole('radio', { name: 'Courier pickup from your address' }).check();
  await w.getByRole('button', { name: 'Submit return' }).click();

  const title = w.getByRole('heading', { level: 2, name: /^Return RMA-/ });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
  const rma = (await title.textContent()).replace('Return ', '');
  await expect(w.getByText('Your return has been requested.')).toBeVisible();
  await expect(w.getByText('Status: Requested')).toBeVisible();
  const qr = w.getByRole('img', { name: `QR code for return ${rma}` });
  await expect.poll(() => qr.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const label = w.getByRole('link', { name: /Print label/ });
  await expect(label).toHaveAttribute('target', '_blank');
  const labelPage = await request.get(await label.getAttribute('href'));
  expect(labelPage.ok()).toBeTruthy();
  expect(await labelPage.text()).toContain(rma);

  const created = await events(page, 'return-created');
  expect(created).toEqual([{ rma, order_number: o.number, status: 'requested', units: 2 }]);
  const stored = await adminReturnsFor(request, o.number);
  expect(stored.map((r) => r.rma)).toEqual([rma]);
  expect(stored[0].method).toBe('pickup');
  expect(stored[0].lines.map((l) => [l.sku, l.resolution, l.photos.length])).toEqual([
    ['TRAIL-RUN-SL-42', 'exchange', 0], ['RAIN-PACK-NV-M', 'refund', 1],
  ]);
  expect(stored[0].lines[0].exchange.sku).toBe('TRAIL-RUN-SL-43');
  expect(await events(page, 'error')).toEqual([]);
});

test('ineligible items are explained: final sale, window closed, not delivered yet', async ({ page, request }) => {
  const mixed = await returnableOrder(request, { tag: 'final', customer: true, lines: [['sweater', 1], ['beanie', 1]] });
  let w = await openReturns(page, mixed);
  await step(w, 1, 4, 'Choose what to return');
  await expect(w.getByRole('checkbox', { name: /Ribbed Beanie/ })).toBeDisabled();
  await expect(w.getByRole('checkbox', { name: /Ribbed Beanie/ })).toHaveAccessibleDescription("Final sale: this item can't be returned.");
  await expect(w.getByRole('checkbox', { name: /Merino Crew Sweater/ })).toBeEnabled();
  // Nothing chosen: the error is tied to the list and the first checkbox gets focus.
  await next(w);
  await expect(w.getByText('Choose at least one item to return.')).toBeVisible();
  await expect(w.getByRole('checkbox', { name: /Merino Crew Sweater/ })).toBeFocused();

  const late = await returnableOrder(request, { tag: 'late', customer: true, lines: [['socks', 2]], deliveredDaysAgo: 40 });
  w = await openReturns(page, late);
  await expect(w.getByRole('checkbox', { name: /Wool Hiking Socks/ })).toBeDisabled();
  await expect(w.getByText(/The return window (for this item has closed|closed on .+)\./)).toBeVisible();
  await expect(w.getByText('None of the items in this order can be returned right now.')).toBeVisible();
  await expect(w.getByRole('button', { name: 'Continue' })).toHaveCount(0);

  const transit = await returnableOrder(request, { tag: 'transit', customer: true, lines: [['jacket', 1]], deliveredDaysAgo: null });
  w = await openReturns(page, transit);
  await expect(w.getByRole('checkbox', { name: /Packable Rain Jacket/ })).toHaveAccessibleDescription('Not delivered yet: you can return it once it arrives.');

  // The seeded order 1031 (delivered 45 days ago) says the same, for a guest too.
  await page.goto('/returns.html');
  w = page.locator('aftercare-returns');
  await lookUp(w, '1031', 'carla@example.com');
  await expect(w.getByText(/The return window (for this item has closed|closed on .+)\./)).toBeVisible();
});

test('a reload at the resolution step comes back to the same step and choices (guest looks up again)', async ({ page, request }) => {
  test.setTimeout(60_000);
  const o = await returnableOrder(request, { tag: 'reload' });
  await page.goto('/returns.html');
  let w = page.locator('aftercare-returns');
  await lookUp(w, o.number, o.email);
  await chooseItems(w, ['Trail Running Shoes', 'Packable Rain Jacket']);
  await w.getByLabel('Reason (Trail Running Shoes)').selectOption('too_large');
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('changed_mind');
  await w.getByLabel('Comment (optional) (Packable Rain Jacket)').fill('Bought it twice by mistake');
  await next(w);
  await step(w, 3, 4, 'Refund or exchange');
  await w.getByRole('radiogroup', { name: /Trail Running Shoes/ }).getByRole('radio', { name: /Exchange/ }).check();
  await w.getByLabel('New size or colour (Trail Running Shoes)').selectOption('TRAIL-RUN-SL-41');
  await w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: /Store credit/ }).check();

  // What is kept: choices and the idempotency key, never the comment (free text).
  const stored = await page.evaluate((n) => localStorage.getItem(`aftercare:return:pk_demo_aurora:${n}`), o.number);
  expect(stored).toContain('"step":"resolution"');
  expect(stored).toContain('TRAIL-RUN-SL-41');
  expect(stored).not.toContain('Bought it twice');

  await page.reload();
  w = page.locator('aftercare-returns');
  // The session token lived in memory only: the guest looks the order up again, then resumes.
  await expect(w.getByRole('heading', { name: 'Start a return' })).toBeVisible();
  await lookUp(w, o.number, o.email);
  await step(w, 3, 4, 'Refund or exchange');
  await expect(w.getByRole('radiogroup', { name: /Trail Running Shoes/ }).getByRole('radio', { name: /Exchange/ })).toBeChecked();
  await expect(w.getByLabel('New size or colour (Trail Running Shoes)')).toHaveValue('TRAIL-RUN-SL-41');
  await expect(w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: /Store credit/ })).toBeChecked();
  await w.getByRole('button', { name: 'Back' }).click();
  await step(w, 2, 4, 'Tell us why');
  await expect(w.getByLabel('Reason (Trail Running Shoes)')).toHaveValue('too_large');
  await expect(w.getByLabel('Comment (optional) (Packable Rain Jacket)')).toHaveValue('');
});

test('a double-clicked submit (and a reload after it) makes exactly one return', async ({ page, request }) => {
  test.setTimeout(60_000);
  const o = await returnableOrder(request, { tag: 'double', customer: true, lines: [['socks', 3]] });
  await recordEvents(page);
  let w = await openReturns(page, o);
  await w.getByRole('checkbox', { name: /Wool Hiking Socks/ }).check();
  await w.getByLabel('Quantity to return (Wool Hiking Socks)').selectOption('2');
  await next(w);
  await w.getByLabel('Reason (Wool Hiking Socks)').selectOption('too_small');
  await next(w);
  await w.getByRole('radio', { name: 'Refund to original payment' }).check();
  await next(w);
  await step(w, 4, 4, 'Review and submit');
  await w.getByRole('button', { name: 'Submit return' }).dblclick();
  await expect(w.getByRole('heading', { level: 2, name: /^Return RMA-/ })).toBeVisible();
  expect(await events(page, 'return-created')).toHaveLength(1);
  let stored = await adminReturnsFor(request, o.number);
  expect(stored).toHaveLength(1);
  expect(stored[0].lines[0].quantity).toBe(2);

  // A reload reopens the status page of the return just made, and creates nothing.
  await page.reload();
  w = page.locator('aftercare-returns');
  await expect(w.getByRole('heading', { level: 2, name: `Return ${stored[0].rma}` })).toBeVisible();
  stored = await adminReturnsFor(request, o.number);
  expect(stored).toHaveLength(1);
  // Back to the order: one sock left to return, the new return is listed.
  await w.getByRole('button', { name: 'Back to your order' }).click();
  await step(w, 1, 4, 'Choose what to return');
  await expect(w.getByRole('button', { name: new RegExp(`${stored[0].rma} · Requested`) })).toBeVisible();
  await w.getByRole('checkbox', { name: /Wool Hiking Socks/ }).check();
  await expect(w.getByLabel('Quantity to return (Wool Hiking Socks)').locator('option')).toHaveCount(1);
});

test('the open status page follows the merchant (approve, reject with a note) and the shopper can cancel', async ({ page, request }) => {
  test.setTimeout(60_000);
  const o = await returnableOrder(request, { tag: 'status', customer: true });
  const headers = { 'Aftercare-Key': 'pk_demo_aurora', Authorization: `Bearer ${o.token}` };
  const options = await (await request.get(`/v1/orders/${o.number}/returns/options?locale=en`, { headers })).json();
  const create = async (i, key) => {
    const res = await request.post(`/v1/orders/${o.number}/returns`, {
      headers: { ...headers, 'Idempotency-Key': key },
      data: { lines: [{ item_id: options.lines[i].item_id, quantity: 1, reason: 'too_small', resolution: 'refund' }], method: 'drop_off', locale: 'en' },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).rma;
  };
  const first = await create(0, `e2e-status-a-${o.number}`);
  const second = await create(1, `e2e-status-b-${o.number}`);
  await recordEvents(page);

  let w = await openReturns(page, o, `rma="${first}" refresh="2"`);
  await expect(w.getByRole('heading', { level: 2, name: `Return ${first}` })).toBeVisible();
  await expect(w.getByText('Status: Requested')).toBeVisible();
  await setReturnStatus(request, first, 'approved');
  await expect(w.getByText('Status: Approved')).toBeVisible({ timeout: 8_000 });
  await expect(w.locator('.announce')).toHaveText('Status updated: Approved');
  await expect(w.getByRole('list', { name: 'Return history' }).getByRole('listitem')).toHaveCount(2);
  await setReturnStatus(request, first, 'rejected', 'The soles show wear; we cannot accept worn shoes.');
  await expect(w.getByText('Status: Rejected')).toBeVisible({ timeout: 8_000 });
  await expect(w.getByText('Note from the store: The soles show wear; we cannot accept worn shoes.').first()).toBeVisible();
  await expect(w.getByRole('button', { name: 'Cancel return' })).toHaveCount(0);
  expect((await events(page, 'return-updated')).map((e) => e.status)).toEqual(['approved', 'rejected']);

  w = await openReturns(page, o, `rma="${second}"`);
  await w.getByRole('button', { name: 'Cancel return' }).click();
  await expect(w.getByText(/^Cancel this return\?/)).toBeFocused();
  await w.getByRole('button', { name: 'Keep the return' }).click();
  await expect(w.getByRole('button', { name: 'Cancel return' })).toBeFocused();
  await w.getByRole('button', { name: 'Cancel return' }).click();
  await w.getByRole('button', { name: 'Yes, cancel the return' }).click();
  await expect(w.getByText('Status: Cancelled')).toBeVisible();
  await expect(w.getByText('Status: Cancelled')).toBeFocused();
  expect(await events(page, 'return-cancelled')).toEqual([{ rma: second, order_number: o.number }]);
  expect((await adminReturnsFor(request, o.number)).find((r) => r.rma === second).status).toBe('cancelled');
});

test('a refused upload says why in its own row and leaves the rest of the form alone', async ({ page, request }) => {
  test.setTimeout(60_000);
  const o = await returnableOrder(request, { tag: 'upload', customer: true, lines: [['jacket', 1]] });
  let w = await openReturns(page, o);
  await chooseItems(w, ['Packable Rain Jacket']);
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('damaged');
  await w.getByLabel('Comment (optional) (Packable Rain Jacket)').fill('Torn pocket');
  await next(w);
  await step(w, 3, 5, 'Add photos');
  // Required photo missing: the error is linked to the file input.
  await next(w);
  const input = w.locator('input[type=file]');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(w.getByText('Add at least one photo.')).toBeVisible();

  // A real JPEG, a text file named .png (the server sniffs it: 415) and an SVG (refused here).
  await input.setInputFiles([file('damaged-sweater.jpg'), file('not-an-image.png'), file('vector.svg')]);
  // Each message in its file's row (the live region says them too).
  const files = w.locator('.files');
  await expect(files.getByText("not-an-image.png isn't a JPEG, PNG or WebP photo.")).toBeVisible();
  await expect(files.getByText("vector.svg isn't a JPEG, PNG or WebP photo.")).toBeVisible();
  await expect(w.locator('.files li', { hasText: 'damaged-sweater.jpg' }).getByText('Uploaded')).toBeVisible();
  await expect(w.getByText('Add at least one photo.')).toHaveCount(0);
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  // Dismiss one refused file; the good photo and everything before stay as they were.
  await w.getByRole('button', { name: 'Remove vector.svg' }).click();
  await expect(files.getByText("vector.svg isn't a JPEG, PNG or WebP photo.")).toHaveCount(0);
  await expect(input).toBeFocused();
  await w.getByRole('button', { name: 'Back' }).click();
  await expect(w.getByLabel('Reason (Packable Rain Jacket)')).toHaveValue('damaged');
  await expect(w.getByLabel('Comment (optional) (Packable Rain Jacket)')).toHaveValue('Torn pocket');
  await next(w);
  await expect(w.locator('.files li', { hasText: 'damaged-sweater.jpg' }).getByText('Uploaded')).toBeVisible();
  await next(w);
  await step(w, 4, 5, 'Refund or exchange');
});

test('EU withdrawal: button, confirmation step, stored declaration that is still there after a reload', async ({ page, request }) => {
  const o = await returnableOrder(request, { tag: 'withdraw', customer: true });
  await recordEvents(page);
  let w = await openReturns(page, o);
  const section = w.getByRole('region', { name: 'Right of withdrawal' });
  await expect(section).toContainText('within 14 days of delivery');
  await section.getByRole('button', { name: 'Withdraw from contract' }).click();
  await expect(w.getByRole('heading', { level: 2, name: 'Withdraw from the contract?' })).toBeFocused();
  await w.getByRole('button', { name: 'Go back' }).click();
  await step(w, 1, 4, 'Choose what to return');
  await w.getByRole('button', { name: 'Withdraw from contract' }).click();
  await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(w.getByRole('heading', { level: 2, name: 'Withdrawal confirmed' })).toBeFocused();
  const ref = (await w.getByText(/^Reference: WD-/).textContent()).replace('Reference: ', '');
  await expect(w.getByText(/^Recorded on /)).toBeVisible();
  await expect(w.locator('.statement')).toContainText(o.number);
  expect(await events(page, 'withdrawal-confirmed')).toEqual([{ order_number: o.number, reference: ref }]);

  await page.reload();
  w = page.locator('aftercare-returns');
  const past = w.getByRole('button', { name: new RegExp(`Withdrawal ${ref}`) });
  await expect(past).toBeVisible();
  await past.click();
  await expect(w.getByText(`Reference: ${ref}`)).toBeVisible();
  await expect(w.locator('.statement')).toContainText(o.number);
});

test('no axe violations on any step, error state, status page or withdrawal screen', async ({ page, request }) => {
  test.setTimeout(90_000);
  const check = async () => expect(await violations(page)).toEqual([]);
  await page.goto('/returns.html');
  let w = page.locator('aftercare-returns');
  await expect(w.getByRole('heading', { name: 'Start a return' })).toBeVisible();
  await check();

  const o = await returnableOrder(request, { tag: 'axe', customer: true });
  await fixturePage(page, '/fixture/returns-list.html', `<main><h1>Returns</h1><aftercare-returns token="${o.token}"></aftercare-returns></main>`);
  w = page.locator('aftercare-returns');
  await expect(w.getByRole('heading', { name: 'Choose an order to return' })).toBeVisible();
  await check();
  await w.getByRole('button', { name: new RegExp(`Order ${o.number}`) }).click();
  await step(w, 1, 4, 'Choose what to return');
  await expect(w.getByRole('button', { name: 'All orders' })).toBeVisible();
  await check();
  await next(w);
  await expect(w.getByText('Choose at least one item to return.')).toBeVisible();
  await check();
  await chooseItems(w, ['Trail Running Shoes', 'Packable Rain Jacket']);
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('not_as_described');
  await next(w);
  await expect(w.getByText('Choose a reason.')).toBeVisible();
  await expect(w.getByText('Describe the problem in a few words.')).toBeVisible();
  await check();
  await w.getByLabel('Reason (Trail Running Shoes)').selectOption('damaged');
  await w.getByLabel('Describe the problem (required) (Packable Rain Jacket)').fill('The colour is different from the photos.');
  await next(w);
  await step(w, 3, 5, 'Add photos');
  await w.locator('input[type=file]').first().setInputFiles([file('damaged-socks.png'), file('vector.svg')]);
  await expect(w.getByText('Uploaded')).toBeVisible();
  await check();
  await next(w);
  await step(w, 4, 5, 'Refund or exchange');
  await w.getByRole('radiogroup', { name: /Trail Running Shoes/ }).getByRole('radio', { name: /Exchange/ }).check();
  await next(w);
  await expect(w.getByText("Choose what you'd like instead.")).toBeVisible();
  await expect(w.getByText('Choose a size or colour that is in stock.')).toBeVisible();
  await check();
  await w.getByLabel('New size or colour (Trail Running Shoes)').selectOption('TRAIL-RUN-SL-43');
  await w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: /Store credit/ }).check();
  await next(w);
  await step(w, 5, 5, 'Review and submit');
  await expect(w.locator('.amounts')).toContainText('Total store credit');
  await check();
  await w.getByRole('button', { name: 'Submit return' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /^Return RMA-/ })).toBeVisible();
  await check();
  await w.getByRole('button', { name: 'Cancel return' }).click();
  await check();
  await w.getByRole('button', { name: 'Back to your order' }).click();
  await w.getByRole('button', { name: 'Withdraw from contract' }).click();
  await expect(w.getByRole('heading', { name: 'Withdraw from the contract?' })).toBeVisible();
  await check();
  await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(w.getByRole('heading', { name: 'Withdrawal confirmed' })).toBeVisible();
  await check();
});

test('Spanish: steps, labels, reasons and money in Spanish', async ({ page, request }) => {
  const o = await returnableOrder(request, { tag: 'es', customer: true });
  const w = await openReturns(page, o, 'locale="es"', 'es');
  await expect(w.getByRole('heading', { level: 2, name: /Paso 1 de 4\s*:\s*Elige qué quieres devolver/ })).toBeVisible();
  await expect(w.getByText(/^Devuélvelo antes del /)).toBeVisible();
  await expect(w.getByText('129,00 € · Cantidad: 1')).toBeVisible();
  await expect(w.getByRole('region', { name: 'Derecho de desistimiento' })).toBeVisible();
  await w.getByRole('button', { name: 'Continuar' }).click();
  await expect(w.getByText('Elige al menos un artículo para devolver.')).toBeVisible();
  await w.getByRole('checkbox', { name: /Packable Rain Jacket/ }).check();
  await w.getByRole('button', { name: 'Continuar' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /Paso 2 de 4\s*:\s*Cuéntanos el motivo/ })).toBeVisible();
  const reason = w.getByLabel('Motivo (Packable Rain Jacket)');
  await expect(reason.locator('option').first()).toHaveText('Elige un motivo');
  await reason.selectOption('damaged');
  await expect(w.getByLabel('Comentario (opcional) (Packable Rain Jacket)')).toBeVisible();
  await expect(w.getByText('En el siguiente paso añadirás al menos una foto.')).toBeVisible();
  await w.getByRole('button', { name: 'Continuar' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /Paso 3 de 5\s*:\s*Añade fotos/ })).toBeVisible();
  await expect(w.getByText('Elegir fotos')).toBeVisible();
  await w.getByRole('button', { name: 'Atrás' }).click();
  await expect(reason).toHaveValue('damaged');
});

test('a 320 px wide phone never scrolls sideways, on any step', async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const o = await returnableOrder(request, { tag: 'phone', customer: true });
  const w = await openReturns(page, o);
  await step(w, 1, 4, 'Choose what to return');
  await noSidewaysScroll(page);
  await chooseItems(w, ['Trail Running Shoes', 'Packable Rain Jacket']);
  await w.getByLabel('Reason (Trail Running Shoes)').selectOption('wrong_item');
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('damaged');
  await noSidewaysScroll(page);
  await next(w);
  // Two drop zones: optional photos for the shoes (wrong item), required for the jacket.
  await expect(w.locator('input[type=file]')).toHaveCount(2);
  await w.locator('input[type=file]').last().setInputFiles(file('damaged-socks.png'));
  await expect(w.getByText('Uploaded')).toBeVisible();
  await noSidewaysScroll(page);
  await next(w);
  await w.getByRole('radiogroup', { name: /Trail Running Shoes/ }).getByRole('radio', { name: /Exchange/ }).check();
  await w.getByLabel('New size or colour (Trail Running Shoes)').selectOption('TRAIL-RUN-SL-41');
  await w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: /Refund/ }).check();
  await noSidewaysScroll(page);
  await next(w);
  await expect(w.locator('.amounts')).toBeVisible();
  await noSidewaysScroll(page);
  await w.getByRole('button', { name: 'Submit return' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /^Return RMA-/ })).toBeVisible();
  await noSidewaysScroll(page);
});

test('failure states: the API unreachable (with Try again), an expired sign-in, another customer\'s order', async ({ page, request, consoleErrors }) => {
  const o = await returnableOrder(request, { tag: 'fail', customer: true });
  await page.route('**/returns/options**', (route) => route.abort('connectionrefused'));
  let w = await openReturns(page, o);
  const retry = w.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  await expect(w.getByRole('alert')).toHaveText(/We couldn't reach the returns service/);
  await page.unroute('**/returns/options**');
  await retry.click();
  await step(w, 1, 4, 'Choose what to return');
  // Only the refused requests may have logged errors.
  expect(consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/i.test(e))).toEqual([]);
  consoleErrors.length = 0;

  w = await openReturns(page, { number: o.number, token: 'v1.eyJraW5kIjoiY3VzdG9tZXIifQ.bad' });
  await expect(w.getByRole('alert')).toHaveText(/Your sign-in has expired/);
  await expect(w.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  const other = await returnableOrder(request, { tag: 'other', customer: true });
  w = await openReturns(page, { number: o.number, token: other.token });
  await expect(w.getByRole('alert')).toHaveText("We couldn't find this order in your account.");
});

test('units returned meanwhile (409) and a variant sold out meanwhile (422) bring the shopper back to the right step', async ({ page, request }) => {
  test.setTimeout(60_000);
  const admin = { Authorization: `Bearer ${process.env.AFTERCARE_ADMIN_KEY || 'sk_demo_aurora_secret'}` };
  // A product of its own, so changing its stock touches no other test.
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
  const sku = (size) => `E2E-TEE-${tag}-${size}`;
  const putProduct = async (lAvailable) => {
    const res = await request.put(`/v1/admin/products/e2e-tee-${tag.toLowerCase()}`, { headers: admin, data: { title: 'Test Tee', tags: [], variants: [
      { sku: sku('M'), label: 'Ink / M', available: true }, { sku: sku('L'), label: 'Ink / L', available: lAvailable }] } });
    expect(res.ok(), await res.text()).toBeTruthy();
  };
  await putProduct(true);
  const tee = { sku: sku('M'), title: 'Test Tee', variant: 'Ink / M', unit_price_minor: 2500, image: 'linen-shirt' };
  const o = await returnableOrder(request, { tag: 'race', customer: true, lines: [[tee, 1], ['socks', 1]] });

  const w = await openReturns(page, o);
  await chooseItems(w, ['Test Tee', 'Wool Hiking Socks']);
  await w.getByLabel('Reason (Test Tee)').selectOption('too_small');
  await w.getByLabel('Reason (Wool Hiking Socks)').selectOption('too_small');
  await next(w);
  await w.getByRole('radiogroup', { name: /Test Tee/ }).getByRole('radio', { name: /Exchange/ }).check();
  await w.getByLabel('New size or colour (Test Tee)').selectOption(sku('L'));
  await w.getByRole('radiogroup', { name: /Wool Hiking Socks/ }).getByRole('radio', { name: /Refund/ }).check();
  await next(w);
  await step(w, 4, 4, 'Review and submit');

  // The size sells out while the shopper reads the summary: the server names the field.
  await putProduct(false);
  await w.getByRole('button', { name: 'Submit return' }).click();
  await step(w, 3, 4, 'Refund or exchange');
  await expect(w.getByText('Choose a size or colour that is in stock.')).toBeVisible();
  const variant = w.getByLabel('New size or colour (Test Tee)');
  await expect(variant).toHaveAttribute('aria-invalid', 'true');
  await expect(variant).toBeFocused();
  await expect(variant.locator('option', { hasText: 'Ink / L (out of stock)' })).toBeDisabled();
  await w.getByRole('radiogroup', { name: /Test Tee/ }).getByRole('radio', { name: /Store credit/ }).check();
  await next(w);
  await step(w, 4, 4, 'Review and submit');

  // Meanwhile the same sock goes back through another tab: 409, back to the items.
  const headers = { 'Aftercare-Key': 'pk_demo_aurora', Authorization: `Bearer ${o.token}` };
  const options = await (await request.get(`/v1/orders/${o.number}/returns/options?locale=en`, { headers })).json();
  const socks = options.lines.find((l) => l.sku === 'SOCK-WOOL-HIKE');
  const other = await request.post(`/v1/orders/${o.number}/returns`, {
    headers: { ...headers, 'Idempotency-Key': `e2e-race-${o.number}` },
    data: { lines: [{ item_id: socks.item_id, quantity: 1, reason: 'too_small', resolution: 'refund' }], method: 'drop_off' },
  });
  expect(other.status(), await other.text()).toBe(201);
  await w.getByRole('button', { name: 'Submit return' }).click();
  await step(w, 1, 4, 'Choose what to return');
  await expect(w.locator('.form-error')).toHaveText(/returned in the meantime/);
  await expect(w.getByRole('checkbox', { name: /Wool Hiking Socks/ })).toHaveAccessibleDescription(/Already returned/);
  // The tee is still chosen; going on from here makes one more return, with the tee only.
  await expect(w.getByRole('checkbox', { name: /Test Tee/ })).toBeChecked();
  await next(w);
  await next(w);
  await next(w);
  await w.getByRole('button', { name: 'Submit return' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /^Return RMA-/ })).toBeVisible();
  const stored = await adminReturnsFor(request, o.number);
  expect(stored).toHaveLength(2);
  expect(stored[0].lines.map((l) => [l.sku, l.resolution])).toEqual([[sku('M'), 'store_credit']]);
});
