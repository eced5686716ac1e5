// Reviews as shoppers meet them: <aftercare-review> asks about delivered items (stars by
// keyboard, a photo, edit from the account, "not arrived yet"), never in the same visit as the
// NPS card; <aftercare-reviews> shows a product's published reviews (histogram filter, sort,
// helpful votes once per browser, the photo viewer by keyboard, the store's reply made through
// the admin API). Every test makes its own customer, order and product.
const path = require('node:path');
const { test, expect, fixturePage, customerToken, ADMIN_KEY } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BASE_URL = process.env.AFTERCARE_BASE_URL || 'http://127.0.0.1:8080';
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
const file = (name) => path.join(__dirname, 'fixtures', name);

async function axe(page, selector) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A new customer whose order of `skus` (each its own product, unknown to the catalog, so the
 * store's default use period applies) was delivered 30 days ago. Returns { id, number, token }.
 */
async function buyer(request, tag, skus) {
  const id = `e2e_${tag}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${id}@example.com`;
  const number = `V-${id.slice(-12)}`;
  const now = Date.now();
  const items = skus.map(([sku, title]) => ({ sku, title, quantity: 1, unit_price_minor: 3900, image_url: `${BASE_URL}/img/hiking-socks.svg` }));
  const order = {
    order_number: number, email, customer: { external_id: id, email, name: 'Rita Alves' },
    currency: 'EUR', placed_at: iso(now - 35 * DAY), items,
    shipments: [{
      carrier_code: 'seur', carrier_name: 'SEUR', tracking_number: `SEUR${Math.floor(Math.random() * 1e10)}`,
      shipped_at: iso(now - 33 * DAY), items: skus.map(([sku]) => ({ sku, quantity: 1 })),
      events: [
        { status: 'in_transit', description: 'Accepted at the sorting centre', occurred_at: iso(now - 33 * DAY) },
        { status: 'delivered', description: 'Delivered', occurred_at: iso(now - 30 * DAY) },
      ],
    }],
  };
  const res = await request.put(`/v1/admin/orders/${number}`, { headers: admin, data: order });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { id, number, token: await customerToken(request, id) };
}

const unique = (name) => `${name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();

/** Record every `aftercare:*` event the page hears. */
async function listen(page) {
  await page.evaluate(() => {
    window.__events = [];
    for (const n of ['aftercare:review-submitted', 'aftercare:review-postponed', 'aftercare:helpful-voted']) {
      document.addEventListener(n, (e) => window.__events.push({ name: n, detail: e.detail }));
    }
  });
}
const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);

test('the prompt takes stars by keyboard and a photo, then the author edits from the account and postpones another item', async ({ page, request }) => {
  const boots = unique('BOOT');
  const socks = unique('SOCK');
  const s = await buyer(request, 'prompt', [[boots, 'Alpine Boots'], [socks, 'Merino Socks']]);
  await fixturePage(page, `/fixture/review-${s.id}.html`, `<main><aftercare-review token="${s.token}"></aftercare-review></main>`);
  await listen(page);
  const w = page.locator('aftercare-review');
  await expect(w.getByRole('heading', { name: 'How are you getting on?' })).toBeVisible();
  const row = w.locator('.rv-item', { hasText: 'Alpine Boots' });
  await expect(row).toContainText(`From order ${s.number}`);
  expect(await axe(page, 'aftercare-review')).toEqual([]);

  await row.getByRole('button', { name: 'Write a review' }).click();
  await expect(w.getByRole('heading', { name: 'Review Alpine Boots' })).toBeFocused();
  // Sending nothing names every missing field and loses nothing.
  await w.getByRole('button', { name: 'Send review' }).click();
  await expect(w.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await expect(w.getByText('Fill this in.').first()).toBeVisible();
  expect(await axe(page, 'aftercare-review')).toEqual([]);
  // The APG radio group: Tab lands on the group, arrows move and choose.
  await w.getByRole('radio', { name: '1 star', exact: true }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(w.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await expect(w.locator('.rating-word')).toHaveText('Very good');
  await expect(w.locator('.star-shape')).toHaveText(['★', '★', '★', '★', '☆']);
  await w.getByLabel('Headline').fill('Dry feet on a wet ridge');
  await w.getByLabel('Your review', { exact: true }).fill('Too short');
  await w.getByLabel('Name shown with your review').fill('Rita A.');
  await w.getByRole('button', { name: 'Send review' }).click();
  await expect(w.getByText('Write at least 10 characters.')).toBeVisible();
  await expect(w.getByLabel('Your review', { exact: true })).toBeFocused();
  await w.getByLabel('Your review', { exact: true }).fill('Walked 20 km in the rain and my feet stayed dry. Stiff for the first two days.');
  await w.locator('input[type=file]').setInputFiles(file('damaged-sweater.jpg'));
  await expect(w.locator('.rv-photo img')).toBeVisible();
  await expect(w.locator('.rv-photo progress')).toHaveCount(0);
  await w.getByRole('radio', { name: 'Yes' }).check().catch(() => {}); // when the store asks it
  await w.getByRole('button', { name: 'Send review' }).click();
  await expect(w.getByText('Thank you for your review!')).toBeVisible();
  await expect(w.locator('.rv-item', { hasText: 'Alpine Boots' })).toHaveCount(0);
  await expect.poll(async () => (await events(page, 'aftercare:review-submitted')).length).toBe(1);
  const [submitted] = await events(page, 'aftercare:review-submitted');
  expect(submitted).toMatchObject({ sku: boots, rating: 4, status: 'pending', edited: false });
  expect(await axe(page, 'aftercare-review')).toEqual([]);

  // "Not arrived yet?" puts the other item off for a week.
  await w.locator('.rv-item', { hasText: 'Merino Socks' }).getByRole('button', { name: 'Not arrived yet?' }).click();
  await expect(w.getByText(/We'll ask again after/)).toBeVisible();
  await expect.poll(async () => (await events(page, 'aftercare:review-postponed')).length).toBe(1);
  const [postponed] = await events(page, 'aftercare:review-postponed');
  expect(postponed.sku).toBe(socks);
  expect(new Date(postponed.until).getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
  await expect(w.getByText('Nothing is waiting for your review. Thank you!')).toBeVisible();

  // The author finds it in the account, waiting for the store, and edits it.
  await fixturePage(page, `/fixture/review-account-${s.id}.html`, `<main><aftercare-account token="${s.token}"></aftercare-account></main>`);
  const a = page.locator('aftercare-account');
  await a.getByRole('button', { name: 'Your reviews' }).click();
  const own = a.locator('.rv-own', { hasText: 'Dry feet on a wet ridge' });
  await expect(own).toContainText("Waiting for the store's check");
  await expect(own.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  await own.getByRole('button', { name: 'Edit' }).click();
  await expect(a.getByText('An edited review is checked again before it appears.')).toBeVisible();
  await expect(a.locator('.rv-photo img')).toHaveCount(1);
  await a.getByRole('radio', { name: '3 stars' }).check();
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByText('Thank you for your review!')).toBeVisible();
  await expect(a.locator('.rv-own', { hasText: 'Dry feet on a wet ridge' }).getByRole('img', { name: '3 out of 5 stars' })).toBeVisible();
  expect(await axe(page, 'aftercare-account')).toEqual([]);
});

test("a signed review link from the store's email opens the prompt for that order only", async ({ page, request }) => {
  const s = await buyer(request, 'link', [[unique('LAMP'), 'Head Torch']]);
  // A second delivered order of the same customer: the link must not open it.
  const mug = unique('MUG');
  const other = await request.put(`/v1/admin/orders/${s.number}-B`, {
    headers: admin,
    data: {
      order_number: `${s.number}-B`, email: `${s.id}@example.com`, customer: { external_id: s.id, email: `${s.id}@example.com` },
      currency: 'EUR', placed_at: iso(Date.now() - 40 * DAY), items: [{ sku: mug, title: 'Camp Mug', quantity: 1, unit_price_minor: 900 }],
      shipments: [{ carrier_code: 'seur', carrier_name: 'SEUR', tracking_number: `SEUR${Math.floor(Math.random() * 1e10)}`, shipped_at: iso(Date.now() - 38 * DAY),
        items: [{ sku: mug, quantity: 1 }], events: [{ status: 'delivered', description: 'Delivered', occurred_at: iso(Date.now() - 35 * DAY) }] }],
    },
  });
  expect(other.ok(), await other.text()).toBeTruthy();
  const res = await request.post('/v1/admin/reviews/links', { headers: admin, data: { order_number: s.number, valid_days: 14 } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const link = await res.json();
  expect(new Date(link.expires_at).getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
  await fixturePage(page, `/fixture/review-link-${s.id}.html`, `<main><aftercare-review token="${link.token}"></aftercare-review></main>`);
  const w = page.locator('aftercare-review');
  await expect(w.locator('.rv-item')).toHaveCount(1);
  await expect(w.locator('.rv-item')).toContainText('Head Torch');
  await w.getByRole('button', { name: 'Write a review' }).click();
  await w.getByRole('radio', { name: '5 stars' }).check();
  await w.getByLabel('Headline').fill('Bright and light');
  await w.getByLabel('Your review', { exact: true }).fill('Lasted three nights of camping on one charge.');
  await w.getByLabel('Name shown with your review').fill('R. A.');
  await w.getByRole('button', { name: 'Send review' }).click();
  await expect(w.getByText('Thank you for your review!')).toBeVisible();
});

test('the NPS card and the review prompt never both ask in one visit', async ({ page, request }) => {
  const s = await buyer(request, 'oneask', [[unique('TENT'), 'Two-person Tent']]);
  await fixturePage(page, `/fixture/one-ask-${s.id}.html`,
    `<main><p>Shop</p></main><aftercare-review layout="floating" token="${s.token}"></aftercare-review>
     <aftercare-nps layout="floating" token="${s.token}" order="${s.number}"></aftercare-nps>`);
  const review = page.locator('aftercare-review .review.float');
  const nps = page.locator('aftercare-nps .nps');
  await expect(review.or(nps).first()).toBeVisible();
  await page.waitForTimeout(1500); // both have answered by now
  expect((await review.count()) + (await nps.count())).toBe(1);
  const asked = await page.evaluate(() => sessionStorage.getItem('aftercare:asked'));
  expect(['review', 'survey']).toContain(asked);
});

/** A published review of `sku` by a new buyer, with `photos` uploaded; returns its id. */
async function publishedReview(request, sku, { rating, title, photos = 0, name = 'Sam P.' }) {
  const s = await buyer(request, 'pub', [[sku, 'Summit Jacket']]);
  const auth = { 'aftercare-key': 'pk_demo_aurora', Authorization: `Bearer ${s.token}` };
  const photoIds = [];
  for (let i = 0; i < photos; i += 1) {
    const up = await request.post('/v1/review-photos', {
      headers: { ...auth, 'Content-Type': 'image/jpeg', 'Idempotency-Key': `p-${s.id}-${i}` },
      data: require('node:fs').readFileSync(file('damaged-sweater.jpg')),
    });
    expect(up.ok(), await up.text()).toBeTruthy();
    photoIds.push((await up.json()).id);
  }
  const res = await request.post('/v1/reviews', {
    headers: { ...auth, 'Idempotency-Key': `r-${s.id}` },
    data: { sku, rating, title, body: `${title}. Worn on three trips so far.`, display_name: name, photo_ids: photoIds },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  const id = (await res.json()).id;
  const mod = await request.post(`/v1/admin/reviews/${id}/moderation`, { headers: admin, data: { action: 'approve' } });
  expect(mod.ok(), await mod.text()).toBeTruthy();
  return id;
}

test('a product page filters, sorts, counts helpful votes once and opens photos by keyboard', async ({ page, request }) => {
  const sku = unique('JACKET');
  const best = await publishedReview(request, sku, { rating: 5, title: 'Warm and light', photos: 2, name: 'Lea M.' });
  await publishedReview(request, sku, { rating: 2, title: 'Zip broke', name: 'Tom R.' });
  await publishedReview(request, sku, { rating: 4, title: 'Good value' });
  await fixturePage(page, `/fixture/product-${sku}.html`, `<main><h1>Summit Jacket</h1><aftercare-reviews product="${sku}"></aftercare-reviews></main>`);
  await listen(page);
  const w = page.locator('aftercare-reviews');
  await expect(w.getByRole('heading', { name: 'Customer reviews' })).toBeVisible();
  await expect(w.locator('.avg-n')).toHaveText('3.7 out of 5');
  await expect(w.locator('.avg .stars')).toHaveText('★★★★☆');
  await expect(w.getByText('3 reviews')).toBeVisible();
  await expect(w.locator('.rv')).toHaveCount(3);
  expect(await axe(page, 'aftercare-reviews')).toEqual([]);

  // A histogram bar filters, and pressing it again shows everything.
  await w.getByRole('button', { name: '2 stars: 1 review' }).click();
  await expect(w.locator('.rv')).toHaveCount(1);
  await expect(w.locator('.rv')).toContainText('Zip broke');
  await expect(w.getByText('Showing 2-star reviews')).toBeVisible();
  await w.getByRole('button', { name: 'Show all reviews' }).click();
  await expect(w.locator('.rv')).toHaveCount(3);
  await w.getByRole('checkbox', { name: 'With photos' }).check();
  await expect(w.locator('.rv')).toHaveCount(1);
  await w.getByRole('checkbox', { name: 'With photos' }).uncheck();
  await expect(w.locator('.rv')).toHaveCount(3);
  await w.getByLabel('Sort by').selectOption('lowest');
  await expect(w.locator('.rv .rv-title').first()).toHaveText('Zip broke');
  await w.getByLabel('Sort by').selectOption('highest');
  await expect(w.locator('.rv .rv-title').first()).toHaveText('Warm and light');

  // "Helpful" counts once per browser, across reloads.
  const card = w.locator('.rv', { hasText: 'Warm and light' });
  await card.getByRole('button', { name: 'Helpful' }).click();
  await expect(card.getByRole('button', { name: 'Helpful (1)' })).toBeDisabled();
  await expect(card.getByText('Thanks for your feedback')).toBeVisible();
  await expect.poll(() => events(page, 'aftercare:helpful-voted')).toEqual([{ review_id: best, helpful_count: 1, counted: true }]);
  await page.reload();
  await listen(page);
  const again = w.locator('.rv', { hasText: 'Warm and light' });
  await again.getByRole('button', { name: 'Helpful (1)' }).click();
  await expect(again.getByRole('button', { name: 'Helpful (1)' })).toBeVisible();
  await expect.poll(() => events(page, 'aftercare:helpful-voted')).toEqual([{ review_id: best, helpful_count: 1, counted: false }]);

  // The photo viewer: opened by keyboard, arrows move, Escape closes and focus comes back.
  const thumb = again.getByRole('button', { name: 'Photo 1 of 2 by Lea M.' });
  await thumb.focus();
  await page.keyboard.press('Enter');
  const dialog = w.getByRole('dialog', { name: 'Photo 1 of 2 by Lea M.' });
  await expect(dialog).toBeVisible();
  expect(await axe(page, 'aftercare-reviews')).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(w.getByRole('dialog', { name: 'Photo 2 of 2 by Lea M.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(w.getByRole('dialog')).toHaveCount(0);
  await expect(again.getByRole('button', { name: 'Photo 2 of 2 by Lea M.' })).toBeFocused();
});

test("the store's reply made through the admin API appears under its review, in every language, at 320 px", async ({ page, request }) => {
  const sku = unique('STOVE');
  const id = await publishedReview(request, sku, { rating: 2, title: 'Hard to light', name: 'Ines G.' });
  const reply = await request.put(`/v1/admin/reviews/${id}/reply`, { headers: admin, data: { body: 'Sorry, Ines: we are sending you a new igniter today.' } });
  expect(reply.ok(), await reply.text()).toBeTruthy();
  await page.setViewportSize({ width: 320, height: 800 });
  for (const [locale, heading, storeReply] of [
    ['en', 'Customer reviews', 'Reply from the store'],
    ['es', 'Opiniones de clientes', 'Respuesta de la tienda'],
    ['pt-BR', 'Avaliações de clientes', 'Resposta da loja'],
  ]) {
    await fixturePage(page, `/fixture/reply-${sku}-${locale}.html`, `<main><aftercare-reviews product="${sku}" locale="${locale}"></aftercare-reviews></main>`, { lang: locale });
    const w = page.locator('aftercare-reviews');
    await expect(w.getByRole('heading', { name: heading })).toBeVisible();
    const r = w.locator('.rv', { hasText: 'Hard to light' });
    await expect(r.locator('.rv-reply')).toContainText(storeReply);
    await expect(r.locator('.rv-reply')).toContainText('new igniter');
    await w.locator('.disclosure summary').click();
    await expect(w.locator('.disclosure p').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page, 'aftercare-reviews')).toEqual([]);
  }
});
