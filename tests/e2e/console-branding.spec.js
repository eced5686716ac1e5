// Settings → Branding and Embed, used as a merchant would: pick colours and watch the real
// widgets follow before saving, save, and see a storefront that links the theme stylesheet take
// the new look; then write a snippet, copy it, and see the widget it embeds running.
const { test, expect, fixturePage, ADMIN_KEY, PUBLISHABLE_KEY } = require('./helpers');
const { signIn, violations, noSidewaysScroll } = require('./console-helpers');

test.describe.configure({ mode: 'serial' });

const admin = { Authorization: `Bearer ${ADMIN_KEY}` };

/** The computed value of a CSS property on the first element matching `selector`. */
function computed(locator, property) {
  return locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p).trim(), property);
}

test('a colour picked in Branding shows in the preview at once and on the storefront once saved', async ({ page, context, request }) => {
  test.setTimeout(60_000);
  const original = await (await request.get('/v1/admin/store/branding', { headers: admin })).json();
  try {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Branding' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings — Branding' })).toBeVisible();
    const tracking = page.locator('[data-brand-preview] aftercare-tracking');
    // The real widget, opened on the newest order.
    await expect(tracking.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    // Live: the preview's buttons take the colour before anything is saved.
    await page.getByLabel('Buttons and links').fill('#7a1f5c');
    await expect.poll(() => computed(tracking, '--aftercare-color-primary')).toBe('#7a1f5c');
    await page.getByLabel('Typeface').selectOption('serif');
    await expect.poll(() => computed(tracking, '--aftercare-font-family')).toContain('Georgia');

    // Too little contrast is refused, said, and kept.
    await page.getByLabel('Text on buttons').fill('#c080a0');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved: 1 field needs attention.');
    await expect(page.getByRole('alert')).toContainText('Text on buttons');
    await expect(page.getByText('Too little contrast: at least 4.50:1.')).toBeVisible();
    await expect(page.getByLabel('Text on buttons')).toHaveValue('#c080a0');
    await expect(page.getByLabel('Buttons and links')).toHaveValue('#7a1f5c');
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Text on buttons').fill('#ffffff');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.locator('#flash')).toHaveText(/Branding saved/);
    await expect(page.getByLabel('Buttons and links')).toHaveValue('#7a1f5c');
    await page.setViewportSize({ width: 768, height: 1000 });
    await noSidewaysScroll(page);
    expect(await violations(page)).toEqual([]);

    // A storefront that links the theme stylesheet (as the Embed snippet does) takes the look.
    const shopper = await context.newPage();
    await fixturePage(shopper, '/fixture/branding.html',
      '<main><h1>Track your order</h1><aftercare-tracking></aftercare-tracking></main>',
      { head: `<link rel="stylesheet" href="/theme/${PUBLISHABLE_KEY}.css">` });
    const button = shopper.locator('aftercare-tracking').getByRole('button').first();
    await expect(button).toBeVisible();
    expect(await computed(button, 'background-color')).toBe('rgb(122, 31, 92)');
    expect(await computed(button, 'font-family')).toContain('Georgia');
  } finally {
    const res = await request.put('/v1/admin/store/branding', { headers: admin, data: original });
    expect(res.ok(), await res.text()).toBeTruthy();
  }
});

test('Embed writes a snippet for this store, copies it, and runs the widget it embeds', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Embed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Embed' })).toBeVisible();
  const head = page.getByLabel('Once per page, in <head>');
  await expect(head).toHaveValue(new RegExp(`/theme/${PUBLISHABLE_KEY}\\.css`));
  await expect(head).toHaveValue(new RegExp(`data-key="${PUBLISHABLE_KEY}"`));
  // The guest lookup form, running.
  await expect(page.locator('.preview aftercare-tracking').getByRole('button').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // A choice shows its snippet at once (the script submits the form).
  await page.getByLabel(/Product reviews/).check();
  await expect(page).toHaveURL(/widget=reviews/);
  const element = page.getByLabel('Where the widget goes');
  await expect(element).toHaveValue(/^<aftercare-reviews product="[^"]+"><\/aftercare-reviews>$/);
  await expect(page.locator('.preview aftercare-reviews').getByRole('heading').first()).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(element).toHaveValue(/locale="es"/);

  await page.getByLabel(/Order tracking/).check();
  await page.getByLabel(/For signed-in customers/).check();
  await expect(element).toHaveValue('<aftercare-tracking token="CUSTOMER_TOKEN" locale="es"></aftercare-tracking>');
  await expect(page.getByText(/Replace CUSTOMER_TOKEN/)).toBeVisible();
  await page.locator('.copyable').filter({ has: element }).getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await element.inputValue());
  await expect(page.locator('.copyable').filter({ has: element }).getByRole('button', { name: 'Copied' })).toBeVisible();

  await page.getByLabel(/NPS or CSAT survey card/).check();
  await expect(element).toHaveValue(/^<aftercare-nps token="CUSTOMER_TOKEN"/);
  await expect(page.getByText(/so it is not shown here/)).toBeVisible();
  await page.setViewportSize({ width: 768, height: 1000 });
  await noSidewaysScroll(page);
  expect(await violations(page)).toEqual([]);
});
