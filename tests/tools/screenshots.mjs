// Screenshots of every tracking, NPS, returns and account state against a running demo server, for reviews and
// closing notes: `node tests/tools/screenshots.mjs http://127.0.0.1:8080 docs/screenshots`.
// Compare two runs (before / after a change) with `node tests/tools/diff.mjs BEFORE AFTER 0.1`.
// The returns states create a return and a withdrawal on the seeded orders 1029/1030: run it
// against a freshly seeded demo database (delete `.aftercare/demo.db` before `cargo xtask demo`)
// so two runs start from the same data; RMA numbers, references and times are masked.
// `ONLY=returns` (or `tracking`, `account`, `reviews`) takes just those states. The review states
// write a review as Ana (seeded data: run on a fresh demo database).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:8080', out = 'target/screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const token = async (page, customer) => (await (await page.request.get(`${base}/demo/customer-token?customer=${customer}`)).json()).token;
const page = await browser.newPage({ viewport: { width: 760, height: 900 } });

const only = process.env.ONLY || '';
async function fixture(name, body, lang = 'en', width = 760) {
  await page.setViewportSize({ width, height: 900 });
  await page.route(`**/shots/${name}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><link rel="stylesheet" href="/style.css"><script src="/sdk/aftercare.js" data-key="pk_demo_aurora" async></script></head><body><main>${body}</main></body></html>` }));
  await page.goto(`${base}/shots/${name}.html`);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

const states = [
  ['tracking-processing-1003', 'cus_ana', '1003'], ['tracking-label-created-1004', 'cus_ben', '1004'],
  ['tracking-in-transit-1002', 'cus_ana', '1002'], ['tracking-out-for-delivery-1005', 'cus_ben', '1005'],
  ['tracking-delivered-1001', 'cus_ana', '1001'], ['tracking-weather-delay-1011', 'cus_ana', '1011'],
  ['tracking-customs-1009', 'cus_dev', '1009'], ['tracking-address-1022', 'cus_ben', '1022'],
  ['tracking-damaged-1023', 'cus_carla', '1023'], ['tracking-lost-1024', 'cus_dev', '1024'],
  ['tracking-refused-1025', 'cus_ana', '1025'], ['tracking-attempted-1007', 'cus_carla', '1007'],
  ['tracking-pickup-1008', 'cus_dev', '1008'], ['tracking-returned-1012', 'cus_ben', '1012'],
  ['tracking-eta-revised-1021', 'cus_ana', '1021'], ['tracking-stalled-1026', 'cus_ben', '1026'],
  ['tracking-expired-1027', 'cus_carla', '1027'], ['tracking-two-parcels-1006', 'cus_carla', '1006'],
  ['tracking-long-history-1028', 'cus_dev', '1028'],
];
if (!only || only === 'tracking') for (const [name, customer, order] of states) {
  await fixture(name, `<aftercare-tracking order="${order}" token="${await token(page, customer)}"></aftercare-tracking>`);
}
if (!only || only === 'tracking') {
await fixture('tracking-customs-1009-es-phone', `<aftercare-tracking order="1009" locale="es" token="${await token(page, 'cus_dev')}"></aftercare-tracking>`, 'es', 360);
await fixture('tracking-guest-form', '<aftercare-tracking></aftercare-tracking>');
// NPS: demo customers with a delivered order and no survey history (Carla, Ana).
await fixture('nps-card-inline', `<h1>Thanks!</h1><aftercare-nps token="${await token(page, 'cus_carla')}"></aftercare-nps>`);
await page.locator('aftercare-nps').getByRole('radio', { name: '3' }).check();
await page.waitForTimeout(600);
await page.screenshot({ path: `${out}/nps-detractor-followup.png`, fullPage: true });
console.log(`${out}/nps-detractor-followup.png`);
await fixture('nps-card-floating-es', `<h1>Gracias</h1><aftercare-nps layout="floating" locale="es" token="${await token(page, 'cus_ana')}"></aftercare-nps>`, 'es');
}
if (!only || only === 'returns') await returns();
if (!only || only === 'account') await account();
if (!only || only === 'reviews') await reviews();
if (!only) {
await page.setViewportSize({ width: 1100, height: 900 });
await page.goto(`${base}/insights.html`);
await page.waitForTimeout(1200);
await page.screenshot({ path: `${out}/merchant-insights.png`, fullPage: true });
console.log(`${out}/merchant-insights.png`);
}
await browser.close();

/** Every returns state: guest lookup, order list, each step and its errors, the status page,
 *  the withdrawal section, confirmation and stored declaration, a closed window, Spanish, a phone. */
async function returns() {
  const w = page.locator('aftercare-returns');
  const wait = (ms = 500) => page.waitForTimeout(ms);
  const shot = async (name, mask = []) => {
    await wait();
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true, mask, maskColor: '#888' });
    console.log(`${out}/${name}.png`);
  };
  const step = (re) => w.getByRole('heading', { level: 2, name: re }).waitFor();
  const next = () => w.getByRole('button', { name: /^(Continue|Continuar)$/ }).click();
  // Drafts live in localStorage: start every flow from none.
  const fresh = async () => { await page.goto(`${base}/style.css`); await page.evaluate(() => localStorage.clear()); };
  const statusMask = () => [w.locator('.status-page h2'), w.locator('.status-page .qr'), w.locator('.status-page time')];

  await fresh();
  await fixture('returns-guest-form', '<aftercare-returns></aftercare-returns>');
  await w.getByRole('button', { name: 'Find order' }).click();
  await shot('returns-guest-form-errors');
  await fixture('returns-order-list', `<aftercare-returns token="${await token(page, 'cus_ana')}"></aftercare-returns>`);
  await fixture('returns-window-closed-1031', `<aftercare-returns order="1031" token="${await token(page, 'cus_carla')}"></aftercare-returns>`);

  // Ana's 1029: the Items step with the final-sale beanie, past returns, the withdrawal section.
  await fresh();
  await fixture('returns-items-1029', `<aftercare-returns order="1029" token="${await token(page, 'cus_ana')}"></aftercare-returns>`);
  await next();
  await w.getByText('Choose at least one item to return.').waitFor();
  await shot('returns-items-error-1029');
  await w.getByRole('checkbox', { name: /Wool Hiking Socks/ }).check();
  await shot('returns-items-chosen-1029');

  // A guest's 1030 through every step to the status page.
  await fresh();
  await fixture('returns-guest-1030', '<aftercare-returns></aftercare-returns>');
  await w.getByLabel(/order number/i).fill('1030');
  await w.getByLabel(/email/i).fill('returns@example.com');
  await w.getByRole('button', { name: 'Find order' }).click();
  await step(/Step 1 of 4/);
  await shot('returns-step-items-1030');
  await w.getByRole('checkbox', { name: /Trail Running Shoes/ }).check();
  await w.getByRole('checkbox', { name: /Packable Rain Jacket/ }).check();
  await next();
  await step(/Step 2 of 4/);
  await shot('returns-step-reasons-1030');
  await next();
  await w.getByText('Choose a reason.').first().waitFor();
  await shot('returns-step-reasons-errors-1030');
  await w.getByLabel('Reason (Trail Running Shoes)').selectOption('not_as_described');
  await w.getByLabel('Reason (Packable Rain Jacket)').selectOption('damaged');
  await step(/Step 2 of 5/);
  await shot('returns-step-reasons-comment-1030');
  await w.getByLabel('Describe the problem (required) (Trail Running Shoes)').fill('The colour is not the one in the photos.');
  await w.getByLabel('Comment (optional) (Packable Rain Jacket)').fill('The zip came off on first use.');
  await next();
  await step(/Step 3 of 5/);
  await shot('returns-step-photos-1030');
  await next();
  await w.getByText('Add at least one photo.').waitFor();
  await shot('returns-step-photos-error-1030');
  await w.locator('input[type=file]').last().setInputFiles([new URL('../e2e/fixtures/damaged-socks.png', import.meta.url).pathname, new URL('../e2e/fixtures/vector.svg', import.meta.url).pathname]);
  await w.getByText('Uploaded').waitFor();
  await wait(800);
  await shot('returns-step-photos-uploaded-1030');
  await next();
  await step(/Step 4 of 5/);
  await shot('returns-step-resolution-1030');
  await w.getByRole('radiogroup', { name: /Trail Running Shoes/ }).getByRole('radio', { name: /Exchange/ }).check();
  await next();
  await w.getByText("Choose what you'd like instead.").waitFor();
  await shot('returns-step-resolution-errors-1030');
  await w.getByLabel('New size or colour (Trail Running Shoes)').selectOption({ label: 'Slate / EU 43' });
  await w.getByRole('radiogroup', { name: /Packable Rain Jacket/ }).getByRole('radio', { name: /Store credit/ }).check();
  await next();
  await step(/Step 5 of 5/);
  await w.locator('.amounts').waitFor();
  await shot('returns-step-review-1030');
  await w.getByRole('button', { name: 'Submit return' }).click();
  await w.getByRole('heading', { level: 2, name: /^Return RMA-/ }).waitFor();
  await wait(800);
  await shot('returns-status-submitted-1030', statusMask());
  await w.getByRole('button', { name: 'Cancel return' }).click();
  await shot('returns-status-cancel-confirm-1030', statusMask());
  await w.getByRole('button', { name: 'Back to your order' }).click();
  await step(/Step 1 of 4/);
  await shot('returns-items-after-return-1030', [w.locator('.past button')]);

  // The withdrawal: confirmation, then the stored declaration.
  await fresh();
  await fixture('returns-withdrawal-section-1029', `<aftercare-returns order="1029" token="${await token(page, 'cus_ana')}"></aftercare-returns>`);
  await w.getByRole('button', { name: 'Withdraw from contract' }).click();
  await shot('returns-withdrawal-confirm-1029');
  await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await w.getByRole('heading', { level: 2, name: 'Withdrawal confirmed' }).waitFor();
  await shot('returns-withdrawal-done-1029', [w.locator('.wd-done .ref'), w.locator('.wd-done time'), w.locator('.wd-done .statement')]);

  // Spanish, and a 360 px phone.
  await fresh();
  await fixture('returns-items-1029-es', `<aftercare-returns order="1029" locale="es" token="${await token(page, 'cus_ana')}"></aftercare-returns>`, 'es', 760);
  await w.getByRole('button', { name: 'Continuar' }).click();
  await w.getByText('Elige al menos un artículo para devolver.').waitFor();
  await shot('returns-items-error-1029-es');
  await w.getByRole('checkbox', { name: /Wool Hiking Socks/ }).check();
  await next();
  await w.getByRole('heading', { level: 2, name: /Paso 2 de/ }).waitFor();
  await w.getByLabel(/Motivo/).selectOption('damaged');
  await shot('returns-step-reasons-1029-es');
  await fresh();
  await fixture('returns-items-1029-phone', `<aftercare-returns order="1029" token="${await token(page, 'cus_ana')}"></aftercare-returns>`, 'en', 360);
  await fixture('returns-guest-form-es-phone', '<aftercare-returns locale="es"></aftercare-returns>', 'es', 360);
  await fresh();
}

/** The account: what needs attention first, the order list (all, filtered, searched, nothing found), a customer with 40
 *  orders, its preferences after a change, one order's page, a return started in it, the guest
 *  lookup, Spanish on a phone. */
async function account() {
  const w = page.locator('aftercare-account');
  const snap = async (name) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    console.log(`${out}/${name}.png`);
  };
  await fixture('account-orders', `<aftercare-account token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await fixture('account-attention-dev', `<aftercare-account token="${await token(page, 'cus_dev')}"></aftercare-account>`);
  await fixture('account-orders-ana', `<aftercare-account token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('radio', { name: 'Delivered' }).check();
  await snap('account-orders-delivered');
  await w.getByRole('radio', { name: 'All' }).check();
  await w.getByLabel('Search your orders').fill('zzz');
  await w.getByRole('button', { name: 'Search' }).click();
  await w.locator('.card.empty').waitFor();
  await snap('account-orders-none-match');
  await fixture('account-orders-40', `<aftercare-account token="${await token(page, 'cus_olivia')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'Communication preferences' }).click();
  await w.getByRole('checkbox', { name: 'Offers and news' }).check();
  await w.getByText('Saved.').waitFor();
  await snap('account-preferences-saved');
  await w.getByRole('checkbox', { name: 'Offers and news' }).uncheck();
  await fixture('account-order-1029', `<aftercare-account order="1029" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'Return items' }).click();
  await w.getByRole('heading', { name: 'Choose what to return' }).waitFor();
  await snap('account-order-1029-return');
  // Order changes (not sent: the seeded states stay as they are).
  await fixture('account-order-1032-cancellable', `<aftercare-account order="1032" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'Cancel order' }).click();
  await w.getByRole('button', { name: 'Continue' }).click();
  await snap('account-cancel-form-error');
  await w.getByRole('radio', { name: 'I found a better price' }).check();
  await w.getByRole('button', { name: 'Continue' }).click();
  await snap('account-cancel-confirm');
  await fixture('account-order-1033-cancel-rejected', `<aftercare-account order="1033" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await fixture('account-order-1034-address-pending', `<aftercare-account order="1034" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await fixture('account-order-1032-address-pick', `<aftercare-account order="1032" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'Change delivery address' }).click();
  await w.getByRole('radio', { name: 'A new address' }).waitFor();
  await snap('account-address-pick');
  await w.getByRole('radio', { name: 'A new address' }).check();
  await w.getByRole('button', { name: 'Continue' }).click();
  await w.getByLabel('Country').selectOption('US');
  await w.getByLabel('ZIP code').fill('941');
  await w.getByRole('button', { name: 'Continue' }).click();
  await snap('account-address-form-errors-us');
  // Refunds, Buy again and the receipt (screen and print).
  await fixture('account-order-1017-refund', `<aftercare-account order="1017" token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'View receipt' }).click();
  await snap('account-receipt-1017');
  await page.emulateMedia({ media: 'print' });
  await snap('account-receipt-1017-print');
  await page.emulateMedia({ media: 'screen' });
  // Profile and address book, and the customer's data.
  await fixture('account-profile-ana', `<aftercare-account token="${await token(page, 'cus_ana')}"></aftercare-account>`);
  await w.getByRole('button', { name: 'Profile and addresses' }).click();
  await w.getByText('Saved addresses').waitFor();
  await snap('account-profile-ana');
  await w.getByRole('button', { name: 'Add an address' }).click();
  await w.getByRole('button', { name: 'Save address' }).click();
  await snap('account-profile-new-address-errors');
  await w.getByRole('button', { name: 'Your data' }).click();
  await w.getByRole('button', { name: 'Delete my data…' }).click();
  await snap('account-privacy-confirm');
  await fixture('account-order-1032-es-phone', `<aftercare-account locale="es" order="1032" token="${await token(page, 'cus_ana')}"></aftercare-account>`, 'es', 360);
  await fixture('account-guest-form', '<aftercare-account></aftercare-account>');
  await fixture('account-orders-es-phone', `<aftercare-account locale="es" token="${await token(page, 'cus_ana')}"></aftercare-account>`, 'es', 360);
}

async function reviews() {
  const snap = async (name) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    console.log(`${out}/${name}.png`);
  };
  // The product page's reviews: summary, filters, a filtered list, the viewer, the disclosure.
  await fixture('reviews-product', '<aftercare-reviews product="BOTTLE-INS-750"></aftercare-reviews>');
  const r = page.locator('aftercare-reviews');
  await r.getByRole('button', { name: /^2 stars/ }).click();
  await snap('reviews-product-2-stars');
  await r.getByRole('button', { name: 'Show all reviews' }).click();
  await r.locator('.photo-btn').first().click();
  await snap('reviews-photo-viewer');
  await page.keyboard.press('Escape');
  await r.locator('.disclosure summary').click();
  await snap('reviews-disclosure');
  await fixture('reviews-product-es-phone', '<aftercare-reviews locale="es" product="BOTTLE-INS-750"></aftercare-reviews>', 'es', 360);
  await fixture('reviews-product-pt-br', '<aftercare-reviews locale="pt-BR" product="SUN-POL-TORT"></aftercare-reviews>', 'pt-BR');
  await fixture('reviews-product-none', '<aftercare-reviews product="GLOVE-TOUCH-M"></aftercare-reviews>');
  // The prompt: Ana's delivered items, the form, its errors, thanks; the floating card.
  const ana = await token(page, 'cus_ana');
  await fixture('review-prompt', `<aftercare-review token="${ana}"></aftercare-review>`);
  const w = page.locator('aftercare-review');
  await w.getByRole('button', { name: 'Write a review' }).first().click();
  await snap('review-form');
  await w.getByRole('button', { name: 'Send review' }).click();
  await snap('review-form-errors');
  await w.getByRole('radio', { name: '4 stars' }).check();
  await w.getByLabel('Headline').fill('Fits a laptop and lunch');
  await w.getByLabel('Your review', { exact: true }).fill('Roomy, dry in a downpour, and the roll-top is quick to close with gloves on.');
  await w.getByLabel('Name shown with your review').fill('Ana L.');
  await w.getByRole('button', { name: 'Send review' }).click();
  await w.getByText('Thank you for your review!').waitFor();
  await snap('review-thanks');
  await page.evaluate(() => sessionStorage.clear());
  await fixture('review-floating-phone', `<p>Storefront</p><aftercare-review layout="floating" token="${ana}"></aftercare-review>`, 'en', 360);
  await fixture('review-account', `<aftercare-account token="${ana}"></aftercare-account>`);
  await page.locator('aftercare-account').getByRole('button', { name: 'Your reviews' }).click();
  await snap('review-account');
  await fixture('review-prompt-pt-br', `<aftercare-review locale="pt-BR" token="${ana}"></aftercare-review>`, 'pt-BR');
}
