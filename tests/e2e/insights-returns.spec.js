// The "Returns" section of the demo merchant insights page: counts by status, the reasons
// chart and its text alternative. Other tests may create returns while these run, so the page
// is compared with the very report it fetched (and the chart with a report fetched alongside
// it), never with hard-coded numbers.
const { test, expect } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STATUS_LABELS = [
  ['requested', 'Requested'], ['approved', 'Approved'], ['in_transit', 'In transit'],
  ['received', 'Received'], ['refunded', 'Refunded'], ['exchanged', 'Exchanged'],
  ['rejected', 'Rejected'], ['cancelled', 'Cancelled'],
];
const CHART = '/demo/insights/returns/reasons.svg';

/** Open the insights page and return the returns report it rendered. */
async function openInsights(page, path = '/insights.html') {
  const response = page.waitForResponse((r) => r.url().endsWith('/demo/insights/returns.json'));
  await page.goto(path);
  const res = await response;
  expect(res.ok()).toBeTruthy();
  const report = await res.json();
  await expect(page.getByRole('heading', { name: 'Returns', exact: true })).toBeVisible();
  return report;
}

const topProducts = (report) => report.reasons_by_product.filter((p) => p.units > 0).slice(0, 10);

test('the returns section shows the counts of /demo/insights/returns.json and a loaded chart', async ({ page, request }) => {
  const report = await openInsights(page);
  // The report is the documented shape: every status once, in workflow order.
  expect(report.by_status.map((s) => s.status)).toEqual(STATUS_LABELS.map(([s]) => s));
  const fresh = await (await request.get('/demo/insights/returns.json')).json();
  expect(fresh.by_status.map((s) => s.status)).toEqual(STATUS_LABELS.map(([s]) => s));

  const table = page.getByRole('table', { name: 'Returns by status' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(STATUS_LABELS.length);
  let total = 0;
  for (const [i, [status, label]] of STATUS_LABELS.entries()) {
    const count = report.by_status.find((s) => s.status === status).count;
    total += count;
    await expect(rows.nth(i).getByRole('rowheader')).toHaveText(label);
    await expect(rows.nth(i).getByRole('cell')).toHaveText(String(count));
  }
  await expect(table.locator('tfoot')).toHaveText(new RegExp(`Total\\s*${total}$`));

  // The text alternative: the most returned products, in the report's order, with their units.
  const top = topProducts(report);
  expect(top.length, 'the seeded demo store has returns').toBeGreaterThan(0);
  const items = page.locator('#returns-top li');
  await expect(items).toHaveCount(top.length);
  for (const [i, p] of top.entries()) {
    await expect(items.nth(i)).toContainText(`${p.title}: ${p.units} unit`);
    await expect(items.nth(i)).toContainText(/(mostly|all) /);
  }

  // The chart loads at exactly the size the page reserved for it.
  const chart = page.getByRole('img', { name: /returned units by product and reason/i });
  await expect(chart).toHaveAttribute('src', CHART);
  await expect.poll(() => chart.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const size = await chart.evaluate((el) => [el.naturalWidth, el.naturalHeight, el.width / el.height]);
  expect(size.slice(0, 2)).toEqual([
    Number(await chart.getAttribute('width')), Number(await chart.getAttribute('height')),
  ]);
  expect(size[2]).toBeCloseTo(size[0] / size[1], 2);
  expect(await chart.getAttribute('alt')).toContain(`the most returned being ${top[0].title}`);
  await expect(chart).toHaveAccessibleDescription(new RegExp(top[0].title));

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('the chart draws what the report says, product by product and reason by reason', async ({ page, request }) => {
  await page.goto('/insights.html');
  // Retried as a whole: a return created by another test between the two requests only
  // means asking again.
  await expect(async () => {
    const svgRes = await request.get(CHART);
    expect(svgRes.headers()['content-type']).toContain('image/svg+xml');
    const svg = await svgRes.text();
    const report = await (await request.get('/demo/insights/returns.json')).json();
    const drawn = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return null;
      return {
        role: doc.documentElement.getAttribute('role'),
        desc: doc.querySelector('desc').textContent,
        legend: Array.from(doc.querySelectorAll('.legend text')).map((t) => t.textContent),
        products: Array.from(doc.querySelectorAll('g.product')).map((g) => ({
          title: g.getAttribute('data-title'),
          total: g.querySelector('.value').textContent,
          segments: Array.from(g.querySelectorAll('.segment')).map((s) => [s.getAttribute('data-reason'), Number(s.getAttribute('data-units'))]),
        })),
      };
    }, svg);
    expect(drawn, 'the chart is well-formed XML').not.toBeNull();
    expect(drawn.role).toBe('img');
    const top = topProducts(report);
    expect(drawn.products.map((p) => p.title)).toEqual(top.map((p) => p.title));
    const order = report.reasons.map((r) => r.code);
    for (const [i, p] of top.entries()) {
      expect(drawn.products[i].total).toBe(String(p.units));
      const segments = p.reasons.filter((r) => r.units > 0).map((r) => [r.reason, r.units])
        .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
      expect(drawn.products[i].segments).toEqual(segments);
      expect(drawn.desc).toContain(`${p.title}: ${p.units} unit`);
    }
    // The legend names every reason drawn, by its label, with its units.
    for (const r of report.reasons) {
      const units = top.flatMap((p) => p.reasons).filter((x) => x.reason === r.code).reduce((s, x) => s + x.units, 0);
      if (units > 0) expect(drawn.legend).toContain(`${r.label} (${units})`);
    }
  }).toPass({ timeout: 15_000 });
});

test('the chart does not move anything when it arrives', async ({ page }) => {
  // Hold the chart back so the section is laid out before the image exists.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**${CHART}`, async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await openInsights(page);
  const chart = page.locator('#returns-chart');
  const box = () => chart.evaluate((el) => { const r = el.getBoundingClientRect(); return [r.top, r.height]; });
  const footer = () => page.locator('footer').evaluate((el) => el.getBoundingClientRect().top);
  expect(await chart.evaluate((el) => el.naturalWidth)).toBe(0);
  const [before, footerBefore] = [await box(), await footer()];
  expect(before[1]).toBeGreaterThan(100);
  release();
  await expect.poll(() => chart.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  expect(await box()).toEqual(before);
  expect(await footer()).toBe(footerBefore);

  // A 320 px phone: one column, nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('product titles are shown as text, and an empty report says so', async ({ page }) => {
  const hostile = '<img src=x id=injected>Tee & "Co"';
  await page.route('**/demo/insights/returns.json', (route) => route.fulfill({
    json: {
      by_status: STATUS_LABELS.map(([status], i) => ({ status, count: i })),
      reasons_by_product: [{ title: hostile, reasons: [{ reason: 'too_small', units: 2 }, { reason: 'gone', units: 1 }], units: 3 }],
      reasons: [{ code: 'too_small', label: 'Too small', comment: 'optional', photos: 'disabled' }],
    },
  }));
  await openInsights(page);
  await expect(page.locator('#returns-top li')).toHaveText(`${hostile}: 3 units, mostly Too small (2)`);
  await expect(page.locator('#injected')).toHaveCount(0);
  await expect(page.locator('#returns-total')).toHaveText(String([0, 1, 2, 3, 4, 5, 6, 7].reduce((a, b) => a + b)));

  await page.unroute('**/demo/insights/returns.json');
  await page.route('**/demo/insights/returns.json', (route) => route.fulfill({
    json: { by_status: STATUS_LABELS.map(([status]) => ({ status, count: 0 })), reasons_by_product: [], reasons: [] },
  }));
  await openInsights(page);
  await expect(page.locator('#returns-top li')).toHaveText('No returns yet.');
  await expect(page.locator('#returns-total')).toHaveText('0');
  await expect(page.locator('#returns-chart')).toHaveAttribute('alt', /no returns yet/);
});

test('the insights page, returns section included, has no axe violations', async ({ page }) => {
  await openInsights(page);
  await expect(page.locator('#returns-top li').first()).toBeVisible();
  await expect(page.getByText(/NPS:?\s*-?\d+/).first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
