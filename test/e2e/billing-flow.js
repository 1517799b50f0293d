// Issue 5's E2E steps for billing, run by run.js after the standards steps: finance generates April 2025's
// invoice for cecot-2025 through the form (the scenario's cohort was received at CECOT that April), opens
// the draft and issues it; the PDF and CSV downloads answer with the lines shown; a partial payment
// through the form leaves the invoice partially paid with the balance total − payment; and the finance
// dashboard shows April's revenue and the outstanding balance.

import { screenshot } from './lib/screenshots.js';

const AGREEMENT = 'cecot-2025';
const MONTH = '2025-04';

/** Integer cents as `1,234.56`, by splitting digits (as the UI types and shows money). */
function money(cents) {
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

/** The rows of RFC 4180 CSV text (quoted fields, doubled quotes, CRLF line ends). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The billing steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state (page, API callers, people, signInAs…)
 */
export function billingSteps(flow) {
  const { assert, log } = flow;
  /** The invoice generated, as the steps learn it. */
  const invoice = { number: 0, totalCents: 0, paymentCents: 0, balanceCents: 0 };
  /** The lines as the invoice page shows them: ref, days, amount in cents. */
  let shownLines = [];
  const cents = async (selector, attribute) =>
    Number(await flow.page.locator(selector).first().getAttribute(attribute));

  return [
    [
      'as finance, generates April 2025 for cecot-2025 through the form, opens the draft and issues it (English and Spanish)',
      async () => {
        const { page } = flow;
        await flow.signInAs('finance', '/invoices');
        const form = page.locator('form.custodia-generate__form');
        await form.getByLabel('Agreement').selectOption(AGREEMENT);
        await form.getByLabel('Month').fill(MONTH);
        await form.getByRole('button', { name: 'Generate invoice' }).click();
        const result = page.locator('.custodia-generate__documents[data-action="drafted"]');
        await result.waitFor();
        const said = ((await page.locator('.custodia-generate__result').textContent()) ?? '').trim();
        assert(
          /for April 2025 drafted: \d+ (person|people), \d+ custody days?, \$[\d,]+\.\d\d/.test(said),
          said,
        );
        log(`         (${said.split('Review')[0]?.trim()})`);
        await result.locator('li[data-kind="invoice"] a').click();
        await page.waitForURL(/\/invoices\/\d+$/);
        invoice.number = Number(new URL(page.url()).pathname.split('/').pop());
        await page.locator('main h1 [data-status="draft"]').waitFor();
        shownLines = await page.locator('table.custodia-invoice-lines tbody tr').evaluateAll((rows) =>
          rows.map((r) => ({
            ref: r.getAttribute('data-ref'),
            days: Number(r.getAttribute('data-days')),
            amountCents: Number(r.getAttribute('data-amount-cents')),
          })),
        );
        assert(shownLines.length > 0, 'the April 2025 invoice has no line');
        invoice.totalCents = await cents('[data-total-cents]', 'data-total-cents');
        const sum = shownLines.reduce((n, l) => n + l.amountCents, 0);
        assert(
          sum === invoice.totalCents,
          `the lines add up to ${sum} cents, the total is ${invoice.totalCents}`,
        );
        assert(
          shownLines.every((l) => l.days >= 1 && l.days <= 30),
          `April has at most 30 custody days: ${JSON.stringify(shownLines)}`,
        );
        await page.getByRole('button', { name: 'Issue', exact: true }).click();
        await page.locator('main h1 [data-status="issued"]').waitFor();
        await page.getByText(/^Invoice No\. \d+ issued\. It is due on /).waitFor();
        const facts = ((await page.locator('.custodia-invoice-facts').textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        for (const words of ['April 2025', 'cecot-2025', 'Version 1', 'America/El_Salvador', 'Due']) {
          assert(facts.includes(words), `the invoice facts have no "${words}": ${facts}`);
        }
        assert(
          (await cents('[data-balance-cents]', 'data-balance-cents')) === invoice.totalCents,
          'an issued invoice owes its total',
        );
        assert(
          (await page.getByRole('button', { name: 'Issue', exact: true }).count()) === 0,
          'an issued invoice still offers "Issue"',
        );
        await flow.blur();
        await screenshot(page, 'invoice');

        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { level: 1, name: `Factura n.º ${invoice.number}` }).waitFor();
        const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
        for (const words of [
          'Emitida',
          'abril de 2025',
          'Líneas',
          'Saldo',
          'Registrar un pago',
          'Descargar el PDF',
        ]) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        await flow.blur();
        await screenshot(page, 'invoice-es');
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      'the PDF link answers a PDF, and the CSV link answers the lines the page shows',
      async () => {
        const { page, base } = flow;
        const pdfHref = await page.locator('a[data-format="pdf"]').getAttribute('href');
        assert(pdfHref, 'no PDF link');
        assert((await page.locator('a[data-format="pdf"]').getAttribute('download')) !== null, 'no download');
        const pdf = await page.request.get(new URL(pdfHref, base).href);
        assert(pdf.status() === 200, `the PDF answered ${pdf.status()}`);
        assert(
          (pdf.headers()['content-type'] ?? '').startsWith('application/pdf'),
          `the PDF is ${pdf.headers()['content-type']}`,
        );
        const body = await pdf.body();
        assert(body.subarray(0, 4).toString('latin1') === '%PDF', 'the PDF does not start with %PDF');
        const csvHref = await page.locator('a[data-format="csv"]').getAttribute('href');
        assert(csvHref, 'no CSV link');
        const csv = await page.request.get(new URL(csvHref, base).href);
        assert(csv.status() === 200, `the CSV answered ${csv.status()}`);
        assert(
          (csv.headers()['content-type'] ?? '').startsWith('text/csv'),
          `the CSV is ${csv.headers()['content-type']}`,
        );
        const [header, ...rows] = parseCsv(await csv.text());
        assert(header, 'the CSV is empty');
        const col = (name) => {
          const i = header.indexOf(name);
          assert(i >= 0, `the CSV has no ${name} column: ${header.join(',')}`);
          return i;
        };
        const [ref, days, amount] = [col('ref'), col('days'), col('amount_cents')];
        const fromCsv = rows.map((r) => ({
          ref: r[ref],
          days: Number(r[days]),
          amountCents: Number(r[amount]),
        }));
        assert(
          JSON.stringify(fromCsv) === JSON.stringify(shownLines),
          `the CSV rows differ from the lines shown:\n${JSON.stringify(fromCsv)}\n${JSON.stringify(shownLines)}`,
        );
        log(`         (PDF ${body.length} bytes; CSV ${fromCsv.length} lines)`);
      },
    ],
    [
      'records a partial payment through the form: partially paid, and the balance is the total less the payment',
      async () => {
        const { page } = flow;
        // A round part of the total, at least a cent and less than the total.
        invoice.paymentCents = Math.max(1, Math.min(invoice.totalCents - 1, 100_000));
        if (invoice.paymentCents * 2 > invoice.totalCents)
          invoice.paymentCents = Math.floor(invoice.totalCents / 2);
        const form = page.locator('form', { has: page.getByRole('heading', { name: 'Record a payment' }) });
        await form.getByLabel('Amount (USD)', { exact: true }).fill(money(invoice.paymentCents));
        await form.getByLabel('Reference').fill(`E2E-${flow.SUFFIX}`);
        assert(
          /^\d{4}-\d{2}-\d{2}$/.test(await form.getByLabel('Received on').inputValue()),
          'no date received',
        );
        await form.getByRole('button', { name: 'Record the payment' }).click();
        await page.locator('main h1 [data-status="partially_paid"]').waitFor();
        await page.getByText(/^Payment of \$[\d,]+\.\d\d recorded\. The balance is now /).waitFor();
        invoice.balanceCents = await cents('[data-balance-cents]', 'data-balance-cents');
        assert(
          invoice.balanceCents === invoice.totalCents - invoice.paymentCents,
          `the balance shown is ${invoice.balanceCents} cents, not ${invoice.totalCents} − ${invoice.paymentCents}`,
        );
        assert(
          (await cents('[data-paid-cents]', 'data-paid-cents')) === invoice.paymentCents,
          'the paid figure is not the payment',
        );
        const payments = (await page.locator('.custodia-invoice-payments').textContent()) ?? '';
        assert(payments.includes(`E2E-${flow.SUFFIX}`), `the payment is not listed: ${payments}`);
        log(
          `         (invoice ${invoice.number}: total ${money(invoice.totalCents)}, paid ${money(invoice.paymentCents)}, balance ${money(invoice.balanceCents)})`,
        );
      },
    ],
    [
      "the finance dashboard shows April's revenue and the outstanding balance; the invoices list agrees",
      async () => {
        const { page } = flow;
        await page.getByRole('link', { name: 'Finance', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/finance');
        const april = page.locator(`.custodia-finance-months tr[data-month="${MONTH}"]`);
        await april.waitFor({ state: 'attached' });
        assert((await page.getByLabel('Year').inputValue()) === '2025', 'the dashboard is not on 2025');
        const figure = async (name) => Number(await april.getAttribute(`data-${name}-cents`));
        assert(
          (await figure('invoiced')) === invoice.totalCents,
          `April invoiced ${await figure('invoiced')}`,
        );
        assert((await figure('paid')) === invoice.paymentCents, `April paid ${await figure('paid')}`);
        assert((await figure('accrued')) === invoice.totalCents, `April accrued ${await figure('accrued')}`);
        const bar = page.locator(`svg [data-month="${MONTH}"] rect[data-series="invoiced"]`);
        assert(
          Number(await bar.getAttribute('data-cents')) === invoice.totalCents,
          'the revenue chart has no invoiced bar for April',
        );
        const outstanding = await cents('[data-figure="outstanding"]', 'data-cents');
        assert(
          outstanding === invoice.balanceCents,
          `the dashboard shows ${outstanding} cents outstanding, not ${invoice.balanceCents}`,
        );
        const owed = page.locator(`.custodia-finance-owed tr[data-number="${invoice.number}"]`);
        assert(
          Number(await owed.getAttribute('data-balance-cents')) === invoice.balanceCents,
          'the invoice is not among the documents owed',
        );
        const words = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
        for (const text of [
          `$${money(invoice.balanceCents)}`,
          'Cost avoided',
          'Sustainability',
          'use-of-funds',
        ]) {
          assert(words.includes(text), `the dashboard has no "${text}"`);
        }
        await flow.blur();
        await screenshot(page, 'finance');
        await flow.scan();

        await page.getByRole('link', { name: /^Invoices, payments and credit notes/ }).click();
        await page.waitForURL((url) => url.pathname === '/invoices');
        const row = page.locator(`table.custodia-invoices tr[data-number="${invoice.number}"]`);
        await row.waitFor();
        await row.locator('[data-status="partially_paid"]').waitFor();
        assert(
          Number(await row.getAttribute('data-balance-cents')) === invoice.balanceCents,
          'the list shows another balance',
        );
        await flow.blur();
        await screenshot(page, 'invoices');
      },
    ],
  ];
}
