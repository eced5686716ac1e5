// Brazilian Portuguese end to end: chosen by `locale="pt-BR"` or the page's `lang`, in every
// widget, with the server's own texts (reasons, survey wording) and `Intl` money and dates.
const { test, expect, fixturePage, customerToken, deliveredCustomer, returnableOrder } = require('./helpers');
const AxeBuilder = require('@axe-core/playwright').default;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, selector) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the tracking lookup speaks Portuguese by attribute or by the page language', async ({ page }) => {
  await fixturePage(page, '/fixture/pt-attr.html', '<main><aftercare-tracking locale="pt-BR"></aftercare-tracking></main>');
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { name: 'Rastreie seu pedido' })).toBeVisible();
  await expect(widget.getByLabel('Número do pedido')).toBeVisible();
  await widget.getByRole('button', { name: 'Rastrear pedido' }).click();
  await expect(widget.getByText('Informe o número do pedido.')).toBeVisible();

  await fixturePage(page, '/fixture/pt-lang.html', '<main><aftercare-tracking></aftercare-tracking></main>', { lang: 'pt-BR' });
  await expect(page.locator('aftercare-tracking').getByLabel('Número do pedido')).toBeVisible();
  expect(await axe(page, 'aftercare-tracking')).toEqual([]);
});

test('a signed-in order in Portuguese: status, stepper, dates and money through Intl', async ({ page, request }) => {
  const token = await customerToken(request, 'cus_ana');
  await fixturePage(page, '/fixture/pt-order.html',
    `<main><aftercare-tracking order="1002" token="${token}"></aftercare-tracking></main>`, { lang: 'pt-BR' });
  const widget = page.locator('aftercare-tracking');
  await expect(widget.getByRole('heading', { level: 2, name: 'Pedido 1002' })).toBeVisible();
  await expect(widget.getByText('Código de rastreio').first()).toBeVisible();
  await expect(widget.getByRole('list', { name: 'Andamento da entrega' })).toBeVisible();
  // Portuguese month abbreviations come from Intl, not from our catalog.
  await expect(widget.getByText(/Realizado em .*\b(jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\.?/).first()).toBeVisible();
  expect(await axe(page, 'aftercare-tracking')).toEqual([]);
});

test('returns in Portuguese: steps, reasons from the server and euros formatted for Brazil', async ({ page, request }) => {
  const o = await returnableOrder(request, { tag: 'pt', customer: true });
  await fixturePage(page, `/fixture/returns-pt-${o.number}.html`,
    `<main><h1>Devoluções</h1><aftercare-returns order="${o.number}" token="${o.token}" locale="pt-BR"></aftercare-returns></main>`, { lang: 'pt-BR' });
  const w = page.locator('aftercare-returns');
  await expect(w.getByRole('heading', { level: 2, name: /Etapa 1 de 4\s*:\s*Escolha o que devolver/ })).toBeVisible();
  await expect(w.getByText(/^Devolva até /).first()).toBeVisible();
  await expect(w.getByText(/129,00/).first()).toBeVisible();
  await expect(w.getByRole('region', { name: 'Direito de desistência' })).toBeVisible();
  await w.getByRole('button', { name: 'Continuar' }).click();
  await expect(w.getByText('Escolha pelo menos um item para devolver.')).toBeVisible();
  await w.getByRole('checkbox', { name: /Packable Rain Jacket/ }).check();
  await w.getByRole('button', { name: 'Continuar' }).click();
  await expect(w.getByRole('heading', { level: 2, name: /Etapa 2 de 4/ })).toBeVisible();
  const reason = w.getByLabel('Motivo (Packable Rain Jacket)');
  await expect(reason.locator('option', { hasText: 'Ficou pequeno' })).toHaveCount(1);
  expect(await axe(page, 'aftercare-returns')).toEqual([]);
});

test('the NPS card asks in Portuguese with the store name and follows up by category', async ({ page, request }) => {
  const shopper = await deliveredCustomer(request, 'ptbr');
  await fixturePage(page, `/fixture/nps-pt-${shopper.id}.html`,
    `<main><h1>Obrigado</h1><aftercare-nps token="${shopper.token}" locale="pt-BR" order="${shopper.number}"></aftercare-nps></main>`, { lang: 'pt-BR' });
  const card = page.locator('aftercare-nps');
  await expect(card.getByRole('group', { name: /recomendar Aurora Outfitters/ })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Agora não' })).toBeVisible();
  await card.getByRole('radio', { name: '9' }).check();
  await expect(card.getByText('Do que você mais gostou?')).toBeVisible();
  expect(await axe(page, 'aftercare-nps')).toEqual([]);
});

test('switching an NPS card to Portuguese at runtime rewords the store\'s question too, keeping the score', async ({ page, request }) => {
  const shopper = await deliveredCustomer(request, 'ptswitch');
  await fixturePage(page, `/fixture/nps-switch-${shopper.id}.html`,
    `<main><h1>Thanks</h1><aftercare-nps token="${shopper.token}" locale="en" order="${shopper.number}"></aftercare-nps></main>`);
  const card = page.locator('aftercare-nps');
  await expect(card.getByRole('group', { name: /recommend Aurora Outfitters/ })).toBeVisible();
  await card.getByRole('radio', { name: '9' }).check();
  await card.evaluate((el) => el.setAttribute('locale', 'pt-BR'));
  await expect(card.getByRole('group', { name: /recomendar Aurora Outfitters/ })).toBeVisible();
  await expect(card.getByText('Extremamente provável')).toBeVisible();
  await expect(card.getByText('Do que você mais gostou?')).toBeVisible();
  await expect(card.getByRole('radio', { name: '9' })).toBeChecked();
  expect(await axe(page, 'aftercare-nps')).toEqual([]);
});
