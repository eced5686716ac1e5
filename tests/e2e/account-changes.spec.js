// <aftercare-account>, what a shopper changes and keeps: cancellation and delivery-address
// requests answered by the store (through the admin API) while the page is open, the profile
// and address book checked per country, refunds, "Buy again", the printable receipt, and the
// customer's own data (download and erase). Every test makes its own customer and orders.
const { test, expect, fixturePage, customerToken, ADMIN_KEY, PUBLISHABLE_KEY } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BASE_URL = process.env.AFTERCARE_BASE_URL || 'http://127.0.0.1:8080';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const admin = { Authorization: `Bearer ${ADMIN_KEY}` };

async function axe(page) {
  const results = await new AxeBuilder({ page }).include('aftercare-account').withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A new customer with one order: unshipped and placed an hour ago by default (cancellable), or
 * delivered. Returns { id, email, number, token }.
 */
async function shopper(request, tag, { delivered = false, refundedMinor = 0 } = {}) {
  const id = `e2e_${tag}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${id}@example.com`;
  const number = `C-${id.slice(-12)}`;
  const now = Date.now();
  const order = {
    order_number: number, email, customer: { external_id: id, email, name: 'Marta Lopes' },
    currency: 'EUR', placed_at: iso(now - (delivered ? 6 * DAY : HOUR)),
    items: [
      { sku: 'TRAIL-RUN-SL-42', title: 'Trail Running Shoes', variant: 'Slate / EU 42', quantity: 1, unit_price_minor: 11900,
        image_url: `${BASE_URL}/img/trail-running-shoes.svg`, product_url: `${BASE_URL}/product.html?sku=TRAIL-RUN-SL-42` },
      { sku: 'SOCK-WOOL-HIKE', title: 'Wool Hiking Socks', quantity: 2, unit_price_minor: 1250,
        image_url: `${BASE_URL}/img/hiking-socks.svg` },
    ],
    shipping_minor: 495, tax_minor: 0, refunded_minor: refundedMinor,
    shipping_address: { name: 'Marta Lopes', line1: 'Calle Mayor 5', city: 'Madrid', postal_code: '28013', country: 'ES' },
    payment: { brand: 'visa', last4: '4242' },
    shipments: delivered ? [{
      carrier_code: 'seur', carrier_name: 'SEUR', tracking_number: `SEUR${Math.floor(Math.random() * 1e10)}`,
      shipped_at: iso(now - 5 * DAY),
      items: [{ sku: 'TRAIL-RUN-SL-42', quantity: 1 }, { sku: 'SOCK-WOOL-HIKE', quantity: 2 }],
      events: [
        { status: 'in_transit', description: 'Accepted at the sorting centre', occurred_at: iso(now - 5 * DAY) },
        { status: 'delivered', description: 'Delivered', occurred_at: iso(now - 3 * DAY) },
      ],
    }] : [],
  };
  const res = await request.put(`/v1/admin/orders/${number}`, { headers: admin, data: order });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { id, email, number, token: await customerToken(request, id) };
}

async function open(page, s, attrs = '') {
  await fixturePage(page, `/fixture/account-${s.id}.html`,
    `<header><p>Storefront header</p></header><main><aftercare-account token="${s.token}" ${attrs}></aftercare-account></main>`);
  return page.locator('aftercare-account');
}

/** Resolves with the detail of the next `name` event on the page. */
function nextEvent(page, name) {
  return page.evaluate((n) => new Promise((resolve) => {
    document.addEventListener(n, (e) => resolve(e.detail), { once: true });
  }), name);
}

async function pendingRequest(request, number) {
  const res = await request.get('/v1/admin/requests?status=pending&limit=100', { headers: admin });
  expect(res.ok(), await res.text()).toBeTruthy();
  const found = (await res.json()).items.find((r) => r.order_number === number);
  expect(found, `a pending request for ${number}`).toBeTruthy();
  return found;
}

async function decide(request, id, decision, note) {
  const res = await request.post(`/v1/admin/requests/${id}/decision`, {
    headers: { ...admin, 'Idempotency-Key': `e2e-decide-${id}-${Date.now()}` },
    data: note ? { decision, note } : { decision },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

test('a shopper asks to cancel an unshipped order and sees the store accept it while the page is open', async ({ page, request }) => {
  const s = await shopper(request, 'cancel');
  const widget = await open(page, s, `order="${s.number}"`);
  await expect(widget.getByText(/^You can ask to cancel until /)).toBeVisible();
  await widget.getByRole('button', { name: 'Cancel order' }).click();
  await expect(widget.getByRole('heading', { name: 'Cancel this order' })).toBeVisible();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByText('Choose a reason.')).toBeVisible();
  await widget.getByRole('radio', { name: 'Another reason' }).check();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByText('Fill this in.')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await widget.getByLabel(/^Anything the store should know/).fill('Bought the same shoes in a shop nearby.');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: `Ask the store to cancel order ${s.number}?` })).toBeVisible();
  const sent = nextEvent(page, 'aftercare:cancel-requested');
  await widget.getByRole('button', { name: 'Yes, ask to cancel' }).click();
  expect(await sent).toEqual(expect.objectContaining({ order_number: s.number }));
  await expect(widget.getByRole('status').filter({ hasText: 'Your request was sent. The store will reply here.' })).toBeVisible();
  await expect(widget.getByText('Cancellation requested')).toBeVisible();
  await expect(widget.getByText('Reason: Another reason')).toBeVisible();
  await expect(widget.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  const req = await pendingRequest(request, s.number);
  expect(req).toEqual(expect.objectContaining({ kind: 'cancellation', reason: 'other' }));
  await decide(request, req.id, 'accept');
  await expect(widget.getByText('Cancellation accepted')).toBeVisible({ timeout: 15_000 });
  await expect(widget.getByText('This order was cancelled').first()).toBeVisible();
  await expect(widget.getByRole('button', { name: 'Return items' })).toHaveCount(0);
});

test('a delivery-address change to a saved address, declined by the store with a note', async ({ page, request }) => {
  const s = await shopper(request, 'addr');
  const saved = await request.post('/v1/me/addresses', {
    headers: { 'aftercare-key': PUBLISHABLE_KEY, Authorization: `Bearer ${s.token}`, 'Idempotency-Key': `e2e-addr-${s.id}` },
    data: { address: { name: 'Marta Lopes', line1: 'Rua Augusta 100', city: 'Lisboa', postal_code: '1100148', country: 'PT' } },
  });
  expect(saved.ok(), await saved.text()).toBeTruthy();
  const widget = await open(page, s, `order="${s.number}"`);
  await widget.getByRole('button', { name: 'Change delivery address' }).click();
  const choice = widget.getByRole('radio', { name: /Rua Augusta 100, 1100-148 Lisboa/ });
  await expect(choice).toBeChecked();
  expect(await axe(page)).toEqual([]);
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: 'Ask the store to deliver the items not shipped yet to this address?' })).toBeVisible();
  const sent = nextEvent(page, 'aftercare:address-change-requested');
  await widget.getByRole('button', { name: 'Yes, ask for this address' }).click();
  expect(await sent).toEqual(expect.objectContaining({ order_number: s.number }));
  await expect(widget.getByText('Address change requested')).toBeVisible();

  const req = await pendingRequest(request, s.number);
  expect(req.address).toEqual(expect.objectContaining({ postal_code: '1100-148', country: 'PT' }));
  await decide(request, req.id, 'reject', 'Your parcel is already packed.');
  await expect(widget.getByText('Address change declined')).toBeVisible({ timeout: 15_000 });
  await expect(widget.getByText('The store says: Your parcel is already packed.')).toBeVisible();
});

test('a new delivery address is checked with the country\'s rules before it is sent', async ({ page, request }) => {
  const s = await shopper(request, 'newaddr');
  const widget = await open(page, s, `order="${s.number}"`);
  await widget.getByRole('button', { name: 'Change delivery address' }).click();
  const form = widget.locator('form.addr-form');
  await expect(form.getByLabel('Full name')).toHaveValue('Marta Lopes');
  await form.getByLabel('Country').selectOption('US');
  await expect(form.getByLabel('ZIP code')).toBeVisible();
  await form.getByLabel('Street and number').fill('500 Market St');
  await form.getByLabel('ZIP code').fill('941');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByRole('button', { name: 'Continue' }).click();
  await expect(form.getByText('Enter a valid ZIP code, for example 94103.')).toBeVisible();
  await expect(form.getByLabel('ZIP code')).toBeFocused();
  await expect(form.getByLabel('State')).toHaveAttribute('aria-invalid', 'true');
  expect(await axe(page)).toEqual([]);
  await form.getByLabel('ZIP code').fill('94105');
  await form.getByLabel('State').fill('ca');
  await form.getByRole('button', { name: 'Continue' }).click();
  const confirm = widget.locator('.confirm-box');
  await expect(confirm.locator('address')).toContainText('94105 San Francisco');
  await expect(confirm.locator('address')).toContainText('CA');
  await confirm.getByRole('button', { name: 'Yes, ask for this address' }).click();
  await expect(widget.getByText('Address change requested')).toBeVisible();
  await expect(widget.getByRole('button', { name: 'Change delivery address' })).toHaveCount(0);
});

test('profile and address book: add, edit, make default and remove, with per-country postcodes', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  const s = await shopper(request, 'book', { delivered: true });
  const widget = await open(page, s);
  await widget.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Profile and addresses' }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
  await expect(widget.locator('.profile-facts')).toContainText('Marta Lopes');
  await expect(widget.locator('.profile-facts')).toContainText(s.email);
  await expect(widget.getByText('You have no saved addresses yet.')).toBeVisible();

  await widget.getByRole('button', { name: 'Add an address' }).click();
  const form = widget.locator('form.addr-form');
  await form.getByLabel('Full name').fill('Marta Lopes');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Street and number').fill('10 Downing Street');
  await form.getByLabel('Postcode').fill('sw1a2aa');
  await form.getByLabel('City').fill('London');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'Address saved.' })).toBeVisible();
  const cards = widget.locator('li.addr');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('SW1A 2AA London');
  await expect(cards.first()).toContainText('Default');

  await widget.getByRole('button', { name: 'Add an address' }).click();
  await form.getByLabel('Full name').fill('Marta at work');
  await form.getByLabel('Country').selectOption('BR');
  await form.getByLabel('Street and number').fill('Avenida Paulista 1000');
  await form.getByLabel('CEP').fill('01310100');
  await form.getByLabel('City').fill('São Paulo');
  await form.getByLabel('State').fill('sp');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(cards).toHaveCount(2);
  await expect(widget.getByText('01310-100 São Paulo')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);

  await widget.getByRole('button', { name: /^Make default\s*\(Marta at work\)$/ }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'Default address changed.' })).toBeVisible();
  await expect(cards.first()).toContainText('Avenida Paulista 1000');
  await expect(cards.first()).toContainText('Default');

  await widget.getByRole('button', { name: /^Edit\s*\(Marta Lopes\)$/ }).click();
  await form.getByLabel('Street and number').fill('11 Downing Street');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(widget.getByText('11 Downing Street')).toBeVisible();

  await widget.getByRole('button', { name: /^Remove\s*\(Marta Lopes\)$/ }).click();
  await expect(widget.getByText('Remove this address?')).toBeVisible();
  await widget.locator('li.addr').getByRole('button', { name: /^Remove\s*\(Marta Lopes\)$/ }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'Address removed.' })).toBeVisible();
  await expect(cards).toHaveCount(1);
});

test('a full address book says so and keeps the typed address', async ({ page, request }) => {
  const s = await shopper(request, 'full', { delivered: true });
  for (let i = 1; i <= 20; i++) {
    const res = await request.post('/v1/me/addresses', {
      headers: { 'aftercare-key': PUBLISHABLE_KEY, Authorization: `Bearer ${s.token}`, 'Idempotency-Key': `e2e-full-${s.id}-${i}` },
      data: { address: { name: 'Marta Lopes', line1: `Calle Mayor ${i}`, city: 'Madrid', postal_code: '28013', country: 'ES' } },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const widget = await open(page, s);
  await widget.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Profile and addresses' }).click();
  await expect(widget.locator('li.addr')).toHaveCount(20);
  await widget.getByRole('button', { name: 'Add an address' }).click();
  const form = widget.locator('form.addr-form');
  await form.getByLabel('Full name').fill('Marta at the beach');
  await form.getByLabel('Street and number').fill('Paseo Marítimo 7');
  await form.getByLabel('Postal code').fill('29016');
  await form.getByLabel('City').fill('Málaga');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'Your address book is full. Remove an address to save a new one.' })).toBeVisible();
  await expect(form.getByLabel('Street and number')).toHaveValue('Paseo Marítimo 7');
  await expect(widget.locator('li.addr')).toHaveCount(20);
  expect(await axe(page)).toEqual([]);
});

test('refunds in the totals, Buy again, and a receipt that prints alone on A4 and Letter', async ({ page, request }) => {
  const s = await shopper(request, 'rcpt', { delivered: true, refundedMinor: 2500 });
  const widget = await open(page, s, `order="${s.number}"`);
  const totals = widget.locator('.bought .totals');
  await expect(totals.locator('.refund')).toContainText('Refunded');
  await expect(totals.locator('.refund dd')).toHaveText(/−\s?€?\s?25\.00/);
  await expect(totals.locator('.net')).toContainText('Paid after refunds');
  await expect(totals.locator('.net dd')).toHaveText(/123\.95/);
  const again = widget.getByRole('link', { name: /^Buy again\s*\(Trail Running Shoes\)$/ });
  await expect(again).toHaveAttribute('href', `${BASE_URL}/product.html?sku=TRAIL-RUN-SL-42`);
  await expect(widget.getByRole('link', { name: /Wool Hiking Socks/ })).toHaveCount(0);

  await widget.getByRole('button', { name: 'View receipt' }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Receipt' })).toBeFocused();
  const table = widget.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Wool Hiking Socks/ })).toContainText('25.00');
  expect(await axe(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Storefront header')).toBeHidden();
  await expect(widget.getByRole('button', { name: 'Print' })).toBeHidden();
  for (const format of ['A4', 'Letter']) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
    expect(pages, `${format} pages`).toBe(1);
  }
  await page.emulateMedia({ media: 'screen' });
  await widget.getByRole('button', { name: 'Back to the order' }).click();
  await expect(widget.getByRole('button', { name: 'View receipt' })).toBeVisible();
});

test('an order\'s past returns show where each stands and open its status page', async ({ page, request }) => {
  const widget = await open(page, { id: 'ana-past', token: await customerToken(request, 'cus_ana') }, 'order="1017"');
  const past = widget.getByRole('region', { name: 'Returns for this order' });
  await expect(past).toBeVisible();
  const row = past.getByRole('button').first();
  await expect(row).toHaveText(/^RMA-\S+ · \S.* · .+ · \d+ items?$/);
  const rma = (await row.textContent()).split(' · ')[0];
  await row.click();
  await expect(widget.getByRole('heading', { name: new RegExp(rma) }).first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('download my data, then delete it: the account is empty afterwards', async ({ page, request }) => {
  const s = await shopper(request, 'gdpr', { delivered: true });
  const widget = await open(page, s);
  await widget.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Your data' }).click();
  await expect(widget.getByRole('heading', { level: 2, name: 'Your data' })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  const exported = nextEvent(page, 'aftercare:data-exported');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  await exported;
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(require('fs').readFileSync(await download.path(), 'utf8'));
  expect(file.profile.email).toBe(s.email);
  expect(file.orders.map((o) => o.order_number)).toContain(s.number);
  expect(file.preferences.topics.length).toBe(5);
  await expect(widget.getByRole('status').filter({ hasText: 'Your file is ready. Check your downloads.' })).toBeVisible();
  // The server also emailed the customer a link to it ("your data is ready").
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/outbox');
  await expect(outbox.getByRole('row').filter({ hasText: s.email })
    .getByRole('link', { name: 'Your data from Aurora Outfitters is ready' })).toBeVisible();
  await outbox.close();

  await widget.getByRole('button', { name: 'Delete my data…' }).click();
  const word = widget.getByLabel('Type DELETE to confirm');
  await expect(word).toBeFocused();
  await word.fill('yes');
  await widget.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(widget.getByText('Type DELETE exactly to confirm.')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await word.fill('DELETE');
  const deleted = nextEvent(page, 'aftercare:data-deleted');
  await widget.getByRole('button', { name: 'Delete permanently' }).click();
  expect(await deleted).toEqual(expect.objectContaining({ orders_kept: 1 }));
  await expect(widget.getByRole('status').filter({ hasText: /^Your data was deleted/ })).toBeVisible();

  await widget.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Your orders' }).click();
  await expect(widget.locator('.card.empty')).toHaveText('You have no orders yet.');
  // The guest lookup with the erased email finds nothing either.
  const lookup = await request.post('/v1/orders/lookup', {
    headers: { 'aftercare-key': PUBLISHABLE_KEY, 'Idempotency-Key': `e2e-lookup-${s.id}` },
    data: { order_number: s.number, email: s.email },
  });
  expect(lookup.status()).toBe(404);
});
