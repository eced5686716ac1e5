// The embedding contract merchants rely on: one script tag, Shadow DOM isolation, events,
// late elements (per-page code: sdk-loading.spec.js), clean removal, strict CSP, graceful failure.
const { test, expect, fixturePage, lookUp } = require('./helpers');

for (const path of ['/', '/product.html', '/product.html?sku=SUN-POL-TORT', '/review.html', '/order-confirmation.html', '/track.html', '/account.html', '/insights.html']) {
  test(`demo page ${path} loads under a strict CSP without console errors`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.waitForLoadState('networkidle');
  });
}

test('nothing heavy loads on a page without widgets', async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual([]);
});

test('an element added later by a single-page app renders, and removing it cleans up', async ({ page }) => {
  await fixturePage(page, '/fixture/spa.html', '<div id="app"></div>');
  await page.evaluate(() => {
    const el = document.createElement('aftercare-tracking');
    el.id = 'late';
    document.getElementById('app').appendChild(el);
  });
  const widget = page.locator('#late');
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
  const left = await page.evaluate(async () => {
    const el = document.getElementById('late');
    const root = el.shadowRoot;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return root.querySelectorAll('input, button, form').length;
  });
  expect(left).toBe(0);
});

test('outcomes are DOM events that reach the document', async ({ page }) => {
  await page.goto('/track.html');
  await page.evaluate(() => {
    window.seen = [];
    for (const type of ['aftercare:ready', 'aftercare:order-loaded', 'aftercare:lookup-failed']) {
      document.addEventListener(type, (e) => window.seen.push({ type, detail: e.detail }));
    }
  });
  const widget = page.locator('aftercare-tracking');
  await lookUp(widget, '1010', 'wrong@example.com');
  await expect(widget.getByRole('alert')).toBeVisible();
  await lookUp(widget, '1010', 'guest@example.com');
  await expect(widget.getByRole('heading', { name: /1010/ })).toBeVisible();
  const seen = await page.evaluate(() => window.seen);
  expect(seen.find((e) => e.type === 'aftercare:lookup-failed').detail.code).toBe('order_not_found');
  expect(seen.find((e) => e.type === 'aftercare:order-loaded').detail.order_number).toBe('1010');
});

test('hostile storefront CSS does not change the widget', async ({ page }) => {
  const body = '<div style="width:420px"><aftercare-tracking></aftercare-tracking></div>';
  const measure = async () => {
    const widget = page.locator('aftercare-tracking');
    await expect(widget.getByLabel(/order number/i)).toBeVisible();
    return widget.evaluate((el) => {
      const pick = (node) => {
        const s = getComputedStyle(node);
        return [node.tagName, s.display, s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.padding, Math.round(node.getBoundingClientRect().height)];
      };
      return Array.from(el.shadowRoot.querySelectorAll('*')).map(pick).concat([[Math.round(el.getBoundingClientRect().height)]]);
    });
  };
  await fixturePage(page, '/fixture/calm.html', body);
  const calm = await measure();
  const hostile = '<link rel="stylesheet" href="/fixture/hostile.css">';
  await page.route('**/fixture/hostile.css', (r) => r.fulfill({
    contentType: 'text/css',
    body: '* { all: unset } html { font-size: 40px !important } body { font: 32px/3 "Comic Sans MS" } div { display: flex; padding: 13px; color: red } input, button { background: hotpink }',
  }));
  await fixturePage(page, '/fixture/hostile.html', body, { head: hostile });
  expect(await measure()).toEqual(calm);
});

test('the API being down shows an error with a retry that recovers', async ({ page, consoleErrors }) => {
  await page.goto('/track.html');
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
  await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
  await lookUp(widget, '1002', 'ana@example.com');
  const retry = widget.getByRole('button', { name: /try again/i });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  await expect(widget.getByRole('alert')).toBeVisible();
  await page.unroute('**/v1/**');
  await retry.click();
  await expect(widget.getByRole('heading', { name: /1002/ })).toBeVisible();
  // Only the refused requests may have logged errors.
  const unexpected = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/i.test(e));
  expect(unexpected).toEqual([]);
  consoleErrors.length = 0;
});

test('the widget reserves its space while loading (no layout shift)', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/track.html');
  await expect(page.locator('aftercare-tracking').getByLabel(/order number/i)).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__cls)).toBeLessThan(0.01);
});
