// The store's emails (issue #16) as the demo outbox shows them: an order confirmation and a
// shipping notice in Spanish, and a return in English, each read at 320 and 600 px (a phone
// and a desktop mail client's column) with no sideways scrolling, a 16 px base size and no
// axe violations; the message's link opens the order on the hosted order page.
const crypto = require('crypto');
const { test, expect, ADMIN_KEY, PUBLISHABLE_KEY, deliveredCustomer } = require('./helpers');
const { violations, noSidewaysScroll } = require('./console-helpers');

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** A new order placed now in Spanish, with a parcel just handed to the carrier. */
async function spanishOrder(request) {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const number = `M-${tag}`.slice(0, 20);
  const email = `mail_${tag}@example.com`;
  const now = Date.now();
  const order = {
    order_number: number, email, locale: 'es', currency: 'EUR', placed_at: iso(now - 60_000),
    items: [
      { sku: 'TRAIL-RUN-SL-42', title: 'Zapatillas de trail', variant: 'Pizarra / EU 42', quantity: 1, unit_price_minor: 11900 },
      { sku: 'SOCK-WOOL-HIKE', title: 'Calcetines de lana', quantity: 2, unit_price_minor: 1250 },
    ],
    shipping_minor: 495,
    shipping_address: { name: 'Lucía Fernández', line1: 'Calle Sierpes 8', city: 'Sevilla', postal_code: '41004', country: 'ES' },
    shipments: [{
      carrier_code: 'seur', carrier_name: 'SEUR', tracking_number: `SE${Math.floor(Math.random() * 1e10)}`,
      eta_earliest: iso(now + 2 * 86_400_000), eta_latest: iso(now + 3 * 86_400_000),
      items: [{ sku: 'TRAIL-RUN-SL-42', quantity: 1 }],
      events: [{ status: 'in_transit', description: 'En tránsito', occurred_at: iso(now - 30_000) }],
    }],
  };
  const res = await request.put(`/v1/admin/orders/${number}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` }, data: order });
  expect(res.ok(), await res.text()).toBeTruthy();
  return number;
}

/** The outbox row whose subject matches `subject`: its page's address. */
async function messageHref(page, subject) {
  await page.goto('/demo/outbox');
  const link = page.getByRole('link', { name: subject }).first();
  await expect(link).toBeVisible();
  return link.getAttribute('href');
}

async function readsWell(page, href, width, shot) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await noSidewaysScroll(page);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ac-card td')).fontSize));
  expect(size).toBeGreaterThanOrEqual(16);
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: shot, fullPage: true });
}

test('a Spanish order\'s confirmation and shipping notice read well on a phone and a desktop', async ({ page, request }, testInfo) => {
  const number = await spanishOrder(request);
  const confirmation = await messageHref(page, new RegExp(`pedido ${number} confirmado`));
  const shipped = await messageHref(page, new RegExp(`pedido ${number} está en camino`));
  for (const width of [320, 600]) {
    await readsWell(page, confirmation, width, testInfo.outputPath(`confirmation-es-${width}.png`));
    await expect(page.getByText('Zapatillas de trail (Pizarra / EU 42)')).toBeVisible();
    await expect(page.getByText('Calle Sierpes 8')).toBeVisible();
    await readsWell(page, shipped, width, testInfo.outputPath(`shipped-es-${width}.png`));
    await expect(page.getByText(/ya está en manos de SEUR/)).toBeVisible();
  }
  // The button opens the order on the store's hosted page, already signed in to it.
  await page.goto(confirmation);
  await page.getByRole('link', { name: 'Ver tu pedido' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/orders/pk_demo_aurora/${number}\\?t=`));
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: new RegExp(number) }).first()).toBeVisible();
  await expect(widget.getByText('SEUR').first()).toBeVisible();
  await noSidewaysScroll(page);
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('order-page.png'), fullPage: true });
});

test('a return\'s email shows its QR code and label link in English, and a spoiled link still finds the order', async ({ page }, testInfo) => {
  const href = await messageHref(page, /^Return RMA-[A-Z0-9]+: what to do next$/);
  for (const width of [320, 600]) {
    await readsWell(page, href, width, testInfo.outputPath(`return-en-${width}.png`));
  }
  const qr = page.getByRole('img', { name: /QR code for return RMA-/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img) => img.naturalWidth)).toBeGreaterThan(100);
  // An order link altered on the way opens the page with the lookup form, not an error.
  const link = await page.getByRole('link', { name: 'View your order' }).first().getAttribute('href');
  await page.goto(`${link}x`);
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByLabel(/order number/i)).toBeVisible();
});

test('a shipping update\'s unsubscribe link asks first, unsubscribes in one click and can be undone', async ({ page, request }, testInfo) => {
  const number = await spanishOrder(request);
  const shipped = await messageHref(page, new RegExp(`pedido ${number} está en camino`));
  await page.goto(shipped);
  const href = await page.getByRole('link', { name: 'Darme de baja de «Novedades del envío»' }).getAttribute('href');
  // Opening the link only asks (mail filters open every link).
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name: 'Darse de baja' })).toBeVisible();
  await expect(page.getByText(/¿Dejar de recibir emails de .+ sobre «Novedades del envío»\?/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('unsubscribe-ask-es.png'), fullPage: true });
  await page.getByRole('button', { name: 'Darme de baja' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te has dado de baja' })).toBeVisible();
  await expect(page.getByText(/seguirán llegando/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath('unsubscribed-es-320.png'), fullPage: true });
  // A click by mistake is undone on the spot.
  await page.getByRole('button', { name: 'Volver a suscribirme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te has vuelto a suscribir' })).toBeVisible();
  // A spoiled link says so instead of failing silently.
  await page.goto(href.replace('?t=v1.', '?t=v1.x'));
  await expect(page.getByText(/no es válido o ha caducado/)).toBeVisible();
});

test('a review invitation lists what was delivered and opens the order\'s review page', async ({ page }, testInfo) => {
  // The server invites the demo's customers whose items are due when it starts (then hourly).
  const invite = () => page.getByRole('row').filter({ hasText: 'ana@example.com' })
    .getByRole('link', { name: 'Tell Aurora Outfitters what you think' }).first();
  await expect.poll(async () => { await page.goto('/demo/outbox'); return invite().count(); }).toBeGreaterThan(0);
  const href = await invite().getAttribute('href');
  for (const width of [320, 600]) {
    await readsWell(page, href, width, testInfo.outputPath(`review-invite-en-${width}.png`));
    await expect(page.getByText(/10% off your next order, whatever your rating/).first()).toBeVisible();
  }
  const buttons = page.getByRole('link', { name: 'Write a review' });
  expect(await buttons.count()).toBeGreaterThan(0);
  await buttons.first().click();
  await expect(page).toHaveURL(/\/reviews\/pk_demo_aurora\/[^/?]+\?t=v1\./);
  const widget = page.locator('aftercare-review');
  await expect(widget.getByRole('button', { name: 'Write a review' }).first()).toBeVisible();
  await noSidewaysScroll(page);
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('review-page.png'), fullPage: true });
});

/**
 * A survey link as an invitation carries it (shared/src/token.rs): what the server mints for
 * `nps:<order>`, signed with the store's secret key, living an hour.
 */
function surveyLink(number) {
  const b64 = (b) => Buffer.from(b).toString('base64url');
  const claims = { kind: 'survey_link', store: PUBLISHABLE_KEY, sub: `nps:${number}`, exp: Math.floor(Date.now() / 1000) + 3600 };
  const body = `v1.${b64(JSON.stringify(claims))}`;
  return `${body}.${b64(crypto.createHmac('sha256', ADMIN_KEY).update(body).digest())}`;
}

test('a survey invitation\'s score opens the page with it chosen, and sending it asks the follow-up', async ({ page, request }, testInfo) => {
  // The demo store invites by email to its NPS; the server writes the invitations when it
  // starts (then hourly).
  const invite = () => page.getByRole('link', { name: 'One quick question from Aurora Outfitters' }).first();
  await expect.poll(async () => { await page.goto('/demo/outbox'); return invite().count(); }).toBeGreaterThan(0);
  const href = await invite().getAttribute('href');
  for (const width of [320, 600]) {
    await readsWell(page, href, width, testInfo.outputPath(`survey-invite-en-${width}.png`));
  }
  // Nine, from the email: the page has nine chosen, and has recorded nothing (a link scanner
  // opening every link answers nothing).
  await page.setViewportSize({ width: 320, height: 900 });
  await page.getByRole('link', { name: '9', exact: true }).click();
  await expect(page).toHaveURL(/\/surveys\/pk_demo_aurora\?t=v1\.[^&]+&score=9/);
  await expect(page.getByRole('radio', { name: '9', exact: true })).toBeChecked();
  await expect(page.getByText('Nothing is saved until you do.')).toBeVisible();
  await noSidewaysScroll(page);
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('survey-page-en-320.png'), fullPage: true });

  // Answering, in Spanish, as a new customer (a demo customer's answer would change what
  // other tests see): three, by keyboard; the follow-up of a detractor; thanks.
  const shopper = await deliveredCustomer(request, 'mailsurvey');
  await page.goto(`/surveys/${PUBLISHABLE_KEY}?t=${surveyLink(shopper.number)}&score=3&locale=es`);
  const three = page.getByRole('radio', { name: '3', exact: true });
  await expect(three).toBeChecked();
  await page.getByRole('radio', { name: '0, Nada probable' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(three).toBeChecked();
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('heading', { name: 'Gracias: hemos guardado tu 3.' })).toBeVisible();
  await noSidewaysScroll(page);
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('¿Qué ha salido mal?').fill('Llegó tarde');
  await page.getByLabel('Pedir a la tienda que se ponga en contacto conmigo').check();
  await page.screenshot({ path: testInfo.outputPath('survey-follow-up-es-320.png'), fullPage: true });
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('heading', { name: /Gracias: tu opinión nos ayuda/ })).toBeVisible();
  // The merchant's report has the answer, with its comment, waiting for the store to call.
  const csv = await (await request.get('/v1/admin/surveys/nps/responses.csv', { headers: { Authorization: `Bearer ${ADMIN_KEY}` } })).text();
  const row = csv.split('\r\n').find((line) => line.includes(`customer:${shopper.id}`));
  expect(row).toContain('Llegó tarde');
  expect(row).toContain(shopper.number);
});
