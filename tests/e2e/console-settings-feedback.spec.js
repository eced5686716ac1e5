// Settings — Surveys and Reviews in the console, as an owner uses them and as shoppers then
// meet them: the NPS question rewritten in English shows on the shopper's card; an extra
// review question added for one product tag shows in that product's review form. A refused
// save keeps what was typed and passes axe. Each test restores the store's settings through
// the admin API, and changes only what no other test looks at (a question that still
// recommends the store, a tag no other product has).
const { test, expect, fixturePage, deliveredCustomer, returnableOrder, ADMIN_KEY } = require('./helpers');
const { signIn, violations, noSidewaysScroll } = require('./console-helpers');

const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function restore(request, path, original) {
  const res = await request.put(path, { headers: admin, data: original });
  expect(res.ok(), await res.text()).toBeTruthy();
}

test('the NPS question written in the console is the one the shopper is asked', async ({ page, context, request }) => {
  const path = '/v1/admin/surveys/nps/settings';
  const original = await (await request.get(path, { headers: admin })).json();
  const question = `How likely are you to recommend {store} to a friend, ${unique()}?`;
  try {
    await signIn(page);
    await page.goto('/console/settings/surveys');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings — Surveys' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Surveys' })).toHaveAttribute('aria-current', 'page');
    expect(await violations(page)).toEqual([]);
    await noSidewaysScroll(page);

    const nps = page.getByRole('region', { name: 'NPS' });
    const english = nps.getByRole('group', { name: 'In English' });
    const delivery = nps.getByLabel('Days after the first delivery before asking');
    const days = await delivery.inputValue();
    // Out of range and a blank question under its labels: both named, linked, and kept.
    await delivery.fill('400');
    await english.getByLabel('Question').fill('  ');
    await nps.getByRole('button', { name: 'Save NPS settings' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was saved: 2 fields need attention.');
    await expect(alert).toContainText('NPS — English — Question: This is needed.');
    await expect(delivery).toHaveValue('400');
    await expect(delivery).toHaveAttribute('aria-invalid', 'true');
    expect(await violations(page)).toEqual([]);
    await alert.getByRole('link', { name: /Days after the first delivery/ }).click();
    await expect(delivery).toBeFocused();

    await delivery.fill(days);
    await english.getByLabel('Question').fill(question);
    await nps.getByRole('button', { name: 'Save NPS settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved. Shoppers see them now.');
    await expect(page.getByRole('region', { name: 'NPS' }).getByRole('group', { name: 'In English' }).getByLabel('Question')).toHaveValue(question);
    const stored = await (await request.get(path, { headers: admin })).json();
    expect(stored.texts.find((t) => t.locale === 'en').question).toBe(question);

    const shopper = await deliveredCustomer(request, 'console-nps');
    const card = await context.newPage();
    await fixturePage(card, `/fixture/console-nps-${shopper.id}.html`,
      `<main><h1>Thanks</h1><aftercare-nps token="${shopper.token}" locale="en" order="${shopper.number}"></aftercare-nps></main>`);
    const asked = question.replace('{store}', 'Aurora Outfitters');
    await expect(card.locator('aftercare-nps').getByRole('group', { name: asked })).toBeVisible();
  } finally {
    await restore(request, path, original);
  }
});

test('an extra review question added for a tag is asked about that product only', async ({ page, context, request }) => {
  const path = '/v1/admin/reviews/settings';
  const original = await (await request.get(path, { headers: admin })).json();
  const id = unique();
  const tag = `e2e-settings-${id}`;
  const sku = `E2E-SET-${id}`.toUpperCase();
  const product = await request.put(`/v1/admin/products/e2e-settings-${id}`, {
    headers: admin, data: { title: 'Settings Scarf', tags: [tag], variants: [{ sku, label: 'One size', available: true }] },
  });
  expect(product.ok(), await product.text()).toBeTruthy();
  const scarf = { sku, title: 'Settings Scarf', variant: 'One size', unit_price_minor: 3900, image: 'ribbed-beanie' };
  const order = await returnableOrder(request, { tag: 'rvset', customer: true, lines: [[scarf, 1]], deliveredDaysAgo: 30 });
  const { token } = order;

  const openForm = async (shopper) => {
    await fixturePage(shopper, `/fixture/console-review-${id}.html`, `<main><aftercare-review token="${token}"></aftercare-review></main>`);
    const w = shopper.locator('aftercare-review');
    await w.locator('.rv-item', { hasText: 'Settings Scarf' }).getByRole('button', { name: 'Write a review' }).click();
    await expect(w.getByRole('heading', { name: 'Review Settings Scarf' })).toBeVisible();
    return w;
  };
  try {
    const shopper = await context.newPage();
    let form = await openForm(shopper);
    await expect(form.getByRole('group', { name: 'Would you recommend it?' })).toBeVisible();
    await expect(form.getByRole('group', { name: 'How does it fit?' })).toHaveCount(0);

    await signIn(page);
    await page.goto('/console/settings/reviews');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings — Reviews' })).toBeVisible();
    await expect(page.getByText(/whatever the rating and whether the review is published \(US FTC 16 CFR §465\.4\)/)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await noSidewaysScroll(page);

    const add = page.getByRole('group', { name: 'New extra question' });
    await add.getByLabel('Question').selectOption({ label: 'How does it fit?' });
    await add.getByLabel('Product tags, separated by commas').fill(tag);
    // A reward code prefix that is not one: refused with the new question kept.
    const prefix = page.getByLabel('Code prefix');
    await prefix.fill('no-dash');
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByRole('alert')).toContainText('Code prefix: This is not in the expected form.');
    await expect(prefix).toHaveValue('no-dash');
    await expect(page.locator(`input[value="${tag}"]`)).toHaveCount(1);
    expect(await violations(page)).toEqual([]);

    await prefix.fill(original.incentive ? original.incentive.code_prefix : '');
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved. Shoppers see them now.');
    const stored = await (await request.get(path, { headers: admin })).json();
    expect(stored.attributes).toEqual([...original.attributes, { attribute: 'fit', tags: [tag] }]);
    expect(stored.incentive).toEqual(original.incentive);

    form = await openForm(shopper);
    await expect(form.getByRole('group', { name: 'How does it fit?' })).toBeVisible();
    await expect(form.getByRole('group', { name: 'Would you recommend it?' })).toBeVisible();
  } finally {
    await restore(request, path, original);
  }
});
