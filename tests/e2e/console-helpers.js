// Shared by the console's end-to-end specs: the seeded demo users, signing in through the
// form, axe over the whole page, and the no-sideways-scroll check.
const { expect } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OWNER = 'owner@aurora.example';
const AGENT = 'agent@aurora.example';
const PASSWORD = 'aurora-console-demo';

/** Sign `email` in from a fresh page: /console sends the browser to the sign-in form. */
async function signIn(page, email = OWNER) {
  await page.goto('/console');
  await expect(page).toHaveURL(/\/console\/sign-in\?next=%2Fconsole/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** axe's WCAG 2.2 AA violations on the whole page, one line each. */
async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

module.exports = { OWNER, AGENT, PASSWORD, signIn, violations, noSidewaysScroll };
