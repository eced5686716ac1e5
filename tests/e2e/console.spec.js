// The merchant console (/console), used as a merchant would: sign in, act on what shoppers
// did, and watch the shopper's open page follow. Every page is checked with axe, at 1280 and
// 768 px, with the keyboard. The sign-in rules themselves (throttling, CSRF, rotation, roles)
// are proved in server/tests/it/console_auth.rs.
const { test, expect, fixturePage, customerToken, returnableOrder, deliveredCustomer, ADMIN_KEY, PUBLISHABLE_KEY } = require('./helpers');
const { OWNER, AGENT, PASSWORD, signIn, violations, noSidewaysScroll } = require('./console-helpers');

// One after another: they sign the same two demo users in, and one changes a user's language.
test.describe.configure({ mode: 'serial' });

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
  await page.locator('summary', { hasText: 'Reject' }).click();
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
  await expect(nav.getByRole('link')).toHaveText(['Today', 'Returns', 'Reviews', 'Requests', 'Orders', 'Surveys', 'Insights', 'Embed']);
  const res = await page.goto('/console/audit');
  expect(res.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Not for your role' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await page.goto('/console/returns');
  await expect(page).toHaveURL(/\/console\/sign-in/);
});

test('signing in by keyboard alone, and the skip link', async ({ page }) => {
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
});

// One test per width: eighteen pages with axe each take most of a minute on a busy machine.
for (const width of [1280, 768]) {
  test(`every console page: no axe violations and no sideways scrolling at ${width} px`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const { rma } = await requestedReturn(request);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page);
    const pages = ['/console', '/console/returns', `/console/returns/${rma}`, '/console/requests',
      '/console/surveys/nps', '/console/surveys/csat?show=detractor', '/console/audit', '/console/account',
      '/console/users', '/console/keys', '/console/settings', '/console/settings/returns',
      '/console/settings/surveys', '/console/settings/reviews', '/console/settings/branding', '/console/settings/emails', '/console/embed',
      '/console/embed?widget=reviews'];
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res.status(), path).toBe(200);
      expect(await violations(page), `${path} at ${width}px`).toEqual([]);
      await noSidewaysScroll(page);
    }
  });
}

test('an action\'s button says it is busy while the server answers, and cannot be pressed twice', async ({ page, request }) => {
  const { rma } = await requestedReturn(request);
  await signIn(page);
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

test('an owner adds a user and copies the one-time link; replacing a key asks first', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Users' }).click();
  const email = `e2e.${Date.now().toString(36)}@aurora.example`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Agent:/).check();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: `Send this link to ${email}` })).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Setup link' }).inputValue();
  expect(link).toMatch(/\/console\/setup\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Waiting for setup');
  expect(await violations(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Keys' }).click();
  await page.getByText('Replace the secret key').click();
  await expect(page.getByText(/The old key stops working at once/)).toBeVisible();
  // The tick is required: the browser refuses the form without it.
  await page.locator('form').filter({ hasText: 'The old key stops' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('heading', { name: 'Your new secret key' })).toHaveCount(0);
});

test('a setting changed in the console changes the widget; a refused save keeps what was typed', async ({ page, context, request }) => {
  const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
  const original = await (await request.get('/v1/admin/store/settings', { headers: admin })).json();
  try {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Settings' }).click();
    // A value out of range is refused, named, and kept.
    await page.getByLabel('Shoppers may ask to cancel within (hours)').fill('9999');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved: 1 field needs attention.');
    await expect(page.getByLabel('Shoppers may ask to cancel within (hours)')).toHaveValue('9999');
    await expect(page.getByLabel('Shoppers may ask to cancel within (hours)')).toHaveAttribute('aria-invalid', 'true');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('alert').getByRole('link').click();
    await expect(page.getByLabel('Shoppers may ask to cancel within (hours)')).toBeFocused();
    await page.getByLabel('Shoppers may ask to cancel within (hours)').fill(String(original.changes.cancel_window_hours));
    await page.getByLabel('Support phone').fill('+34 600 123 456');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved. Shoppers see them now.');

    const shopper = await context.newPage();
    const token = await customerToken(request, 'cus_ana');
    await fixturePage(shopper, '/fixture/console-settings-1011.html',
      `<main><h1>Order</h1><aftercare-tracking order="1011" token="${token}"></aftercare-tracking></main>`);
    const widget = shopper.locator('aftercare-tracking');
    await expect(widget.getByRole('heading', { name: /need help/i })).toBeVisible();
    await expect(widget.getByText(/600 123 456/).first()).toBeVisible();
  } finally {
    const res = await request.put('/v1/admin/store/settings', { headers: admin, data: original });
    expect(res.ok(), await res.text()).toBeTruthy();
  }
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
