// axe-core (WCAG 2.2 AA rules) over the tracking widget's states; axe pierces open shadow roots.
const { test, expect, fixturePage, customerToken, lookUp } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page) {
  const results = await new AxeBuilder({ page }).include('aftercare-tracking').withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('lookup form, error and timeline states have no axe violations', async ({ page }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await lookUp(widget, '1002', 'nobody@example.com');
  await expect(widget.getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await lookUp(widget, '1006', 'carla@example.com');
  await expect(widget.locator('[part~="parcel"]').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a processing order and the Spanish timeline have no axe violations', async ({ page, request }) => {
  const token = await customerToken(request, 'cus_ana');
  await fixturePage(page, '/fixture/a11y.html',
    `<main><h1>Pedidos</h1><aftercare-tracking order="1003" token="${token}"></aftercare-tracking>
     <aftercare-tracking order="1002" token="${token}" locale="es"></aftercare-tracking></main>`, { lang: 'es' });
  await expect(page.locator('aftercare-tracking').nth(1).locator('[part~="event"]').first()).toBeVisible();
  await expect(page.locator('aftercare-tracking').first().getByRole('heading', { name: /1003/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('keyboard users reach the lookup form and the carrier link', async ({ page }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
  await widget.getByLabel(/order number/i).focus();
  await page.keyboard.type('1002');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ana@example.com');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: /1002/ })).toBeVisible();
  const link = widget.getByRole('link', { name: /PQ4F6P0700123450128001W/ });
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el.getRootNode().activeElement === el)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
});

test('a 320 px wide phone does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '1006', 'carla@example.com');
  await expect(widget.locator('[part~="parcel"]').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
