// Settings → Returns in the console: an owner adds a return reason (after a refused save that
// names the problem and keeps the typing), and a shopper then finds it in the returns widget's
// reasons step, with the comment rule the owner chose. The store's settings are put back in
// `finally`. The new reason goes last, so returns tests running meanwhile keep their reasons.
const { test, expect, fixturePage, customerToken, ADMIN_KEY } = require('./helpers');
const { signIn, violations, noSidewaysScroll } = require('./console-helpers');

const admin = { Authorization: `Bearer ${ADMIN_KEY}` };

test('an owner adds a return reason and the shopper can choose it in the returns widget', async ({ page, context, request }) => {
  test.setTimeout(60_000);
  const res = await request.get('/v1/admin/returns/settings', { headers: admin });
  expect(res.ok(), await res.text()).toBeTruthy();
  const original = await res.json();
  const code = `late_${Date.now().toString(36)}`;
  const label = 'Arrived after the event';
  const added = `Reason ${original.reasons.length + 1}`;
  try {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Aftercare console' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Returns' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings — Returns' })).toBeVisible();
    await expect(page.getByLabel('Shoppers may start a return within (days after delivery)')).toHaveValue(String(original.policy.window_days));
    expect(await violations(page)).toEqual([]);
    await noSidewaysScroll(page);

    // A code that is not one: refused, named, the typing kept.
    const blank = page.getByRole('group', { name: 'New reason (leave empty to add none)' });
    await blank.getByLabel('Code', { exact: true }).fill('Arrived Late');
    await blank.getByLabel('Label in English', { exact: true }).fill(label);
    await blank.getByLabel('Comment', { exact: true }).selectOption('required');
    await page.getByRole('button', { name: 'Save return settings' }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved: 1 field needs attention.');
    const row = page.getByRole('group', { name: added, exact: true });
    const codeField = row.getByLabel('Code', { exact: true });
    await expect(codeField).toHaveValue('Arrived Late');
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(row.getByLabel('Label in English', { exact: true })).toHaveValue(label);
    await expect(row.getByLabel('Comment', { exact: true })).toHaveValue('required');
    expect(await violations(page)).toEqual([]);
    await noSidewaysScroll(page);
    await page.getByRole('alert').getByRole('link', { name: new RegExp(`^${added} — Code`) }).click();
    await expect(codeField).toBeFocused();
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Save return settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved. Shoppers see them now.');
    await expect(page.getByRole('group', { name: added, exact: true }).getByLabel('Code', { exact: true })).toHaveValue(code);

    // The shopper (Ana, order 1029 delivered five days ago) sees it in the reasons step.
    const shopper = await context.newPage();
    const token = await customerToken(request, 'cus_ana');
    await fixturePage(shopper, '/fixture/console-settings-returns-1029.html',
      `<main><h1>Returns</h1><aftercare-returns order="1029" token="${token}"></aftercare-returns></main>`);
    const w = shopper.locator('aftercare-returns');
    await expect(w.getByRole('heading', { level: 2, name: /Choose what to return/ })).toBeVisible();
    await w.getByRole('checkbox', { name: /Merino Crew Sweater/ }).check();
    await w.getByRole('button', { name: 'Continue' }).click();
    await expect(w.getByRole('heading', { level: 2, name: /Tell us why/ })).toBeVisible();
    const reason = w.getByLabel('Reason (Merino Crew Sweater)');
    await expect(reason.locator('option').last()).toHaveText(label);
    await reason.selectOption(code);
    await expect(w.getByLabel(/Describe the problem \(required\)/)).toBeVisible();
  } finally {
    const put = await request.put('/v1/admin/returns/settings', { headers: admin, data: original });
    expect(put.ok(), await put.text()).toBeTruthy();
  }
});
