// The merchant console (/console), used as a merchant would: sign in, act on what shoppers
// did, and watch the shopper's open page follow. Every page is checked with axe, at 1280 and
// 768 px, with the keyboard. The sign-in rules themselves (throttling, CSRF, rotation, roles)
// are proved in server/tests/console_auth.rs.
const { test, expect, fixturePage, returnableOrder, deliveredCustomer, PUBLISHABLE_KEY } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OWNER = 'owner@aurora.example';
const AGENT = 'agent@aurora.example';
const PASSWORD = 'aurora-console-demo';

// One after another: they sign the same two demo users in, and one changes a user's language.
test.describe.configure({ mode: 'serial' });

async function signIn(page, email = OWNER) {
  await page.goto('/console');
  await expect(page).toHaveURL(/\/console\/sign-in\?next=%2Fconsole/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** A new order with one return waiting for approval; `{ o, rma }`. */
async function requestedReturn(request) {
  const o = await returnableOrder(request, { tag: 'console', customer: true });
  const headers = { 'Aftercare-Key': PUBLISHABLE_KEY, Authorization: `Bearer ${o.token}` };
  const options = await (await request.get(`/v1/orders/${o.number}/returns/options?locale=en`, { headers })).json();
  const res = await request.post(`/v1/orders/${o.number}/returns`, {
    headers: { ...headers, 'Idempotency-Key': `e2e-console-${o.number}` },
    data: { lines: [{ item_id: options.lines[0].item_id, quantity: 1, reason: 'too_small', resolution: 'refund' }], method: 'drop_off', locale: 'en' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { o, rma: (await res.json()).rma };
}

test('approving a return in the console moves the shopper\'s open status page', async ({ page, context, request }) => {
  test.setTimeout(60_000);
  const { o, rma } = await requestedReturn(request);
  const shopper = await context.newPage();
  await fixturePage(shopper, `/fixture/console-return-${o.number}.html`,
    `<main><h1>Your return</h1><aftercare-returns order="${o.number}" token="${o.token}" rma="${rma}" refresh="2"></aftercare-returns></main>`);
  const w = shopper.locator('aftercare-returns');
  await expect(w.getByText('Status: Requested')).toBeVisible();

  await signIn(page);
  await page.getByRole('link', { name: /returns? waiting for approval/ }).click();
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Returns' }).click();
  await page.getByLabel('Search').fill(o.email);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('link', { name: rma }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Return ${rma}` })).toBeVisible();
  await expect(page.getByText('Trail Running Shoes')).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: the return is now “Approved”.');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await expect(w.getByText('Status: Approved')).toBeVisible({ timeout: 8_000 });

  // Rejecting needs a note; the browser asks for it before anything is sent.
  await page.getByText('Reject', { exact: true }).click();
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: the return is now “Approved”.');
  await page.getByLabel('Why (the shopper reads this)').fill('The box was opened and the shoes worn outdoors.');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: the return is now “Rejected”.');
  await expect(w.getByText('Status: Rejected')).toBeVisible({ timeout: 8_000 });
  await expect(w.getByText('Note from the store: The box was opened and the shoes worn outdoors.').first()).toBeVisible();

  // The audit log names who did it, with before and after.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const row = page.getByRole('row', { name: new RegExp(`return.status ${rma}.*rejected`) });
  await expect(row).toContainText(OWNER);
});

test('a detractor who asked to be contacted is marked followed up', async ({ page, request }) => {
  const c = await deliveredCustomer(request, 'console_nps');
  const id = `e2e-console-${Date.now().toString(36)}`;
  const res = await request.put(`/v1/survey-responses/${id}`, {
    headers: { 'Aftercare-Key': PUBLISHABLE_KEY, Authorization: `Bearer ${c.token}` },
    data: { kind: 'nps', score: 2, comment: 'The parcel arrived crushed and nobody answered my email.', wants_contact: true, visit_id: `visit-${id}` },
  });
  expect(res.ok(), await res.text()).toBeTruthy();

  await signIn(page, AGENT);
  await page.getByRole('link', { name: /asked to be contacted/ }).first().click();
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByLabel('Show').selectOption('follow-up');
  await page.getByRole('button', { name: 'Apply' }).click();
  const card = page.locator(`#response-${id}`);
  await expect(card).toContainText('The parcel arrived crushed');
  await expect(card).toContainText(c.email);
  await card.getByRole('button', { name: 'Mark followed up' }).click();
  await expect(page.getByRole('status')).toHaveText('Marked as followed up.');
  await expect(page.locator(`#response-${id}`)).toHaveCount(0);
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator(`#response-${id}`).getByRole('button', { name: 'Mark followed up' })).toHaveCount(0);
});

test('agents see no owner areas; signing out ends the session', async ({ page }) => {
  await signIn(page, AGENT);
  const nav = page.getByRole('navigation', { name: 'Aftercare console' });
  await expect(nav.getByRole('link')).toHaveText(['Today', 'Returns', 'Reviews', 'Requests', 'Surveys']);
  const res = await page.goto('/console/audit');
  expect(res.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Not for your role' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await page.goto('/console/returns');
  await expect(page).toHaveURL(/\/console\/sign-in/);
});

test('every console page: no axe violations at 1280 and 768 px, usable by keyboard', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { rma } = await requestedReturn(request);
  const signInPage = await page.goto('/console/sign-in');
  expect(signInPage.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(await violations(page)).toEqual([]);
  // Keyboard only: the email field has focus; tab to the password and submit with Enter.
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(OWNER);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // The skip link is the first stop and moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const pages = ['/console', '/console/returns', `/console/returns/${rma}`, '/console/requests',
    '/console/surveys/nps', '/console/surveys/csat?show=detractor', '/console/audit', '/console/account'];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res.status(), path).toBe(200);
      expect(await violations(page), `${path} at ${width}px`).toEqual([]);
      await noSidewaysScroll(page);
    }
  }
  // An action's button says it is busy while the server answers, and cannot be pressed twice.
  await page.goto(`/console/returns/${rma}`);
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
  await page.route(`**/console/returns/${rma}/status`, async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  const approve = page.getByRole('button', { name: 'Approve' });
  await approve.click();
  await approve.click({ force: true, timeout: 1_000 }).catch(() => {});
  await expect(page.getByRole('status')).toHaveText('Done: the return is now “Approved”.');
  expect(posts).toBe(1);
});

test('the console speaks Spanish when the user chooses it, and the choice is kept', async ({ page }) => {
  await signIn(page, AGENT);
  await page.getByRole('link', { name: /agent@aurora\.example/ }).click();
  await page.getByLabel('Console language').selectOption('es');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Idioma guardado.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Hoy' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('/console/account');
  await page.getByLabel('Idioma de la consola').selectOption('en');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('status')).toHaveText('Language saved.');
});
