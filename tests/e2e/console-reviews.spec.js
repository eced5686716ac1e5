// The console's Reviews area (/console/reviews), used as a merchant would: a shopper's review
// waits for moderation; the merchant replies to it and approves it in the console, and the
// reply shows under the review on the storefront's product page. Rejecting asks for a neutral
// reason first. The review pages pass axe at 1280 and 768 px. The rules themselves (reasons,
// lengths, guards, audit) are proved in server/tests/it/console_reviews.rs.
const { test, expect, customerToken, ADMIN_KEY, PUBLISHABLE_KEY } = require('./helpers');
const { OWNER, signIn, violations } = require('./console-helpers');

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
// A demo product the storefront's product page knows (demo-site/product.js).
const SKU = 'PACK-ROLL-20';

// One after another: they sign the same demo owner in.
test.describe.configure({ mode: 'serial' });

/** A new customer whose order of the demo daypack was delivered 20 days ago, and their review of it (pending). */
async function pendingReview(request, title, rating = 4) {
  const id = `e2e_crev_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const number = `CR-${id.slice(-12)}`;
  const now = Date.now();
  const order = {
    order_number: number, email: `${id}@example.com`, customer: { external_id: id, email: `${id}@example.com`, name: 'Noa Lind' },
    currency: 'EUR', placed_at: iso(now - 25 * DAY),
    items: [{ sku: SKU, title: 'Roll-top Daypack 20 L', quantity: 1, unit_price_minor: 8900 }],
    shipments: [{
      carrier_code: 'ups', carrier_name: 'UPS', tracking_number: `1Z${Math.floor(Math.random() * 1e12)}`,
      items: [{ sku: SKU, quantity: 1 }],
      events: [
        { status: 'in_transit', description: 'Picked up', occurred_at: iso(now - 23 * DAY) },
        { status: 'delivered', description: 'Delivered', occurred_at: iso(now - 20 * DAY) },
      ],
    }],
  };
  const put = await request.put(`/v1/admin/orders/${number}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` }, data: order });
  expect(put.ok(), await put.text()).toBeTruthy();
  const token = await customerToken(request, id);
  const res = await request.post('/v1/reviews', {
    headers: { 'Aftercare-Key': PUBLISHABLE_KEY, Authorization: `Bearer ${token}` },
    data: { sku: SKU, rating, title, body: 'Carried it to work every day for three weeks in the rain: laptop stayed dry.', attributes: {}, display_name: 'Noa L.', photo_ids: [] },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

/** The review's card in the queue, following "Next page" until it is there. */
async function card(page, id) {
  const c = page.locator(`#review-${id}`);
  for (let i = 0; i < 50 && (await c.count()) === 0; i += 1) {
    await page.getByRole('link', { name: 'Next page' }).click();
  }
  await expect(c).toBeVisible();
  return c;
}

test('a reply written in the console shows under the review on the product page', async ({ page, context, request }) => {
  test.setTimeout(90_000);
  const title = `Dry through every storm ${Date.now().toString(36)}`;
  const id = await pendingReview(request, title);

  await signIn(page);
  await page.getByRole('link', { name: /reviews? waiting for moderation/ }).click();
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  let c = await card(page, id);
  await expect(c.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(c).toContainText('4 out of 5 stars');
  await expect(c).toContainText(`(${SKU})`);
  await expect(c).toContainText('Verified buyer');

  const words = 'Thank you, Noa! Roll the top three times and it stays dry in a downpour.';
  await c.getByLabel('Reply under this review').fill(words);
  await c.getByRole('button', { name: 'Save reply' }).click();
  await expect(page.getByRole('status')).toHaveText('Reply saved: it shows under the review once it is published.');
  c = await card(page, id);
  await expect(c.locator('blockquote.store-reply')).toHaveText(words);
  await c.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status')).toHaveText('Review approved: it is on the product page now.');
  await expect(page.locator(`#review-${id}`)).toHaveCount(0);

  const shop = await context.newPage();
  await shop.goto(`/product.html?sku=${SKU}`);
  const w = shop.locator('aftercare-reviews');
  const r = w.locator('.rv', { hasText: title });
  await expect(r).toBeVisible({ timeout: 30_000 });
  await expect(r.locator('.rv-reply')).toContainText('Reply from the store');
  await expect(r.locator('.rv-reply')).toContainText(words);

  // The audit log names who did both.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`review\\.reply review ${id} `) })).toContainText(OWNER);
  await expect(page.getByRole('row', { name: new RegExp(`review\\.moderated review ${id} `) })).toContainText('published');
});

test('rejecting asks for a neutral reason first', async ({ page, request }) => {
  const title = `Strap came loose ${Date.now().toString(36)}`;
  const id = await pendingReview(request, title, 2);
  await signIn(page);
  await page.goto('/console/reviews');
  const c = await card(page, id);
  const reason = c.getByLabel('Reason for not publishing');
  await c.getByRole('button', { name: 'Reject' }).click();
  // The browser asks for the reason before anything is sent.
  expect(await reason.evaluate((s) => s.validity.valueMissing)).toBe(true);
  await expect(page).not.toHaveURL(/done=/);
  await reason.selectOption('off_topic');
  await c.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toHaveText('Review rejected: the author sees the reason.');
  await page.getByRole('navigation', { name: 'Reviews by status' }).getByRole('link', { name: 'Rejected' }).click();
  await expect(await card(page, id)).toContainText('Rejected: off topic.');
});

test('the review pages: no axe violations at 1280 and 768 px, no sideways scroll', async ({ page, request }) => {
  test.setTimeout(90_000);
  await pendingReview(request, `Axe check ${Date.now().toString(36)}`);
  await signIn(page);
  const pages = ['/console', '/console/reviews', '/console/reviews?status=published', '/console/reviews?status=rejected',
    '/console/reviews/import'];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res.status(), path).toBe(200);
      expect(await violations(page), `${path} at ${width}px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width}px: horizontal overflow in px`).toBeLessThanOrEqual(0);
    }
    // A refused import: every bad line listed in an alert, the pasted text kept.
    await page.goto('/console/reviews/import');
    const bad = 'title,body,rating,review_date,product_handle\nMeh,Too short,9,2025-06-01,PACK-ROLL-20\n';
    await page.getByLabel('Contents of the CSV file').fill(bad);
    await page.getByRole('button', { name: 'Import reviews' }).click();
    await expect(page.getByRole('alert')).toContainText('Line 2, column “rating”: the rating must be a whole number from 1 to 5.');
    await expect(page.getByLabel('Contents of the CSV file')).toHaveValue(bad);
    expect(await violations(page), `refused import at ${width}px`).toEqual([]);
  }
});
