// Per-page code: a page fetches the loader, the shared core once, and each widget kind's own
// chunk(s) only when an element of that kind appears; a chunk that fails to load is contained.
// Which files belong to what comes from the build's manifest (dist/aftercare-manifest.json).
const { test, expect, fixturePage, customerToken, lookUp } = require('./helpers');

/** Every /sdk/ file the page requests, in order (file names only). */
function recordSdk(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/sdk\/(.+)$/);
    if (m) seen.push(m[1]);
  });
  return seen;
}

async function manifest(request) {
  const res = await request.get('/sdk/aftercare-manifest.json');
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** The files a page with these widget kinds and languages must fetch: loader, core, each
 *  kind's chunks, and each language's texts but English's (which are in the core). */
function expected(m, kinds, languages = []) {
  const files = new Set(['aftercare.js', ...m.core]);
  for (const k of kinds) for (const f of m.widgets[k]) files.add(f);
  for (const l of languages) for (const f of m.languages[l]) files.add(f);
  return [...files].sort();
}

test('the track page fetches the core and the tracking chunks, each once', async ({ page, request }) => {
  const m = await manifest(request);
  const seen = recordSdk(page);
  await page.goto('/track.html');
  await expect(page.locator('aftercare-tracking').getByLabel(/order number/i)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...seen].sort()).toEqual(expected(m, ['aftercare-tracking']));
  // Nothing of the other widgets, nor any other language, came along.
  const others = new Set([...m.widgets['aftercare-returns'], ...m.widgets['aftercare-nps'], ...Object.values(m.languages).flat()]);
  for (const f of m.widgets['aftercare-tracking']) others.delete(f);
  expect(seen.filter((f) => others.has(f))).toEqual([]);
});

test('two elements of one kind and an NPS card: core once, one chunk set per kind, Spanish only for the Spanish one', async ({ page, request }) => {
  const m = await manifest(request);
  const token = await customerToken(request, 'cus_ana');
  const seen = recordSdk(page);
  await fixturePage(page, '/fixture/sdk-two-kinds.html',
    `<aftercare-tracking id="a"></aftercare-tracking><aftercare-tracking id="b" locale="es"></aftercare-tracking>
     <aftercare-nps token="${token}" order="1001"></aftercare-nps>`);
  await expect(page.locator('#a').getByLabel(/order number/i)).toBeVisible();
  await expect(page.locator('#b').getByLabel(/número de pedido/i)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...seen].sort()).toEqual(expected(m, ['aftercare-tracking', 'aftercare-nps'], ['es']));
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.filter((f) => m.languages.pt_br.includes(f) && !m.languages.es.includes(f))).toEqual([]);
  // Switching an element to a language not fetched yet fetches just that language's texts.
  const before = seen.length;
  await page.locator('#a').evaluate((el) => el.setAttribute('locale', 'pt-BR'));
  await expect(page.locator('#a').getByLabel('Número do pedido')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const fresh = m.languages.pt_br.filter((f) => !m.languages.es.includes(f));
  expect(seen.slice(before).sort()).toEqual([...fresh].sort());
});

test('an element added later fetches only its own chunk, and renders', async ({ page, request }) => {
  const m = await manifest(request);
  const seen = recordSdk(page);
  await page.goto('/track.html');
  await expect(page.locator('aftercare-tracking').getByLabel(/order number/i)).toBeVisible();
  await page.waitForLoadState('networkidle');
  const before = seen.length;
  await page.evaluate(() => {
    const el = document.createElement('aftercare-returns');
    el.id = 'late-returns';
    document.querySelector('main').appendChild(el);
  });
  await expect(page.locator('#late-returns').getByLabel(/order number/i)).toBeVisible();
  await page.waitForLoadState('networkidle');
  const added = seen.slice(before).sort();
  const fresh = m.widgets['aftercare-returns'].filter((f) => !m.widgets['aftercare-tracking'].includes(f));
  expect(added).toEqual([...fresh].sort());
});

test('a widget whose code fails to load shows Try again; the others keep working', async ({ page, request, consoleErrors }) => {
  const m = await manifest(request);
  const own = m.widgets['aftercare-tracking'].find((f) => f.startsWith('aftercare-tracking-'));
  expect(own, 'the tracking chunk is in the manifest').toBeTruthy();
  await page.route(`**/sdk/${own}`, (route) => route.abort('connectionreset'));
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('aftercare:error', (e) => window.__errors.push({ tag: e.target.localName, ...e.detail }));
  });
  await fixturePage(page, '/fixture/sdk-contained.html',
    '<aftercare-tracking id="t"></aftercare-tracking><aftercare-returns id="r"></aftercare-returns>');
  const tracking = page.locator('#t');
  const retry = tracking.getByRole('button', { name: /try again/i });
  await expect(retry).toBeVisible();
  await expect(tracking.getByRole('alert')).toContainText(/didn't load/i);
  // The returns widget is unaffected: it renders and works.
  const returns = page.locator('#r');
  await lookUp(returns, '1031', 'carla@example.com');
  await expect(returns.getByText(/The return window (for this item has closed|closed on .+)\./)).toBeVisible();
  const errors = await page.evaluate(() => window.__errors);
  expect(errors).toContainEqual(expect.objectContaining({ tag: 'aftercare-tracking', code: 'bundle_load_failed' }));
  expect(errors.filter((e) => e.tag !== 'aftercare-tracking')).toEqual([]);
  // The network is back: Try again loads the code and the widget appears.
  await page.unroute(`**/sdk/${own}`);
  await retry.click();
  await expect(tracking.getByLabel(/order number/i)).toBeVisible();
  const unexpected = consoleErrors.filter((e) => !/ERR_CONNECTION_RESET|Failed to load resource|Failed to fetch|TypeError/i.test(e));
  expect(unexpected).toEqual([]);
  consoleErrors.length = 0;
});

test('hashed SDK files are immutable and precompressed; the loader is short-lived', async ({ request }) => {
  const m = await manifest(request);
  for (const f of [...m.core, ...m.widgets['aftercare-tracking']]) {
    const res = await request.get(`/sdk/${f}`, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers()['content-encoding']).toBe('br');
    expect(res.headers()['vary'] || '').toMatch(/accept-encoding/i);
    if (f.endsWith('.wasm')) expect(res.headers()['content-type']).toBe('application/wasm');
  }
  const loader = await request.get('/sdk/aftercare.js', { headers: { 'Accept-Encoding': 'br' } });
  expect(loader.headers()['cache-control']).toBe('public, max-age=300');
});
