import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import type { InvoiceDetail } from './api.ts';
import { FinanceActions } from './finance-actions.tsx';

/** Invoice No. 12 for April 2025, issued, with $1,000.00 still owed. */
function anInvoice(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: 'doc-12',
    number: 12,
    agreementId: 'agreement-1',
    kind: 'invoice',
    month: '2025-04',
    referencesId: null,
    status: 'issued',
    currency: 'USD',
    zone: 'America/El_Salvador',
    scheduleVersions: [1],
    clause: null,
    totalDays: 30,
    totalCents: 150_000,
    paidCents: 50_000,
    creditedCents: 0,
    balanceCents: 100_000,
    reason: null,
    draftedAt: '2025-05-01T12:00:00Z',
    issuedAt: '2025-05-02T12:00:00Z',
    dueOn: '2025-06-01',
    agreement: null,
    lines: [],
    payments: [],
    corrections: [],
    references: null,
    ...overrides,
  };
}

const WORDS = {
  en: {
    payment: 'Record a payment',
    amount: 'Amount (USD)',
    received: 'Received on',
    reference: 'Reference',
    record: 'Record the payment',
    invalid: 'Enter an amount above zero with at most two decimals, e.g. 1,234.56.',
    overBalance: 'That is more than the balance of $1,000.00.',
    future: 'The date received cannot be in the future.',
    noDate: 'Enter the date the payment was received.',
    noReference: 'Enter the payment’s reference.',
    credit: 'Draft a credit note',
    creditAmount: 'Amount to credit (USD)',
    reason: 'Reason',
    draft: 'Draft the credit note',
    creditOver: 'A credit note cannot credit more than the balance of $1,000.00.',
    noReason: 'Enter the reason for the credit.',
    overMax: 'One payment or credit note can be at most $1,000,000,000.00.',
    dueOn: 'Due date (optional)',
    issue: 'Issue',
    dueBefore: /^Enter a date on or after .+, or leave it empty\.$/,
  },
  es: {
    payment: 'Registrar un pago',
    amount: 'Importe (USD)',
    received: 'Recibido el',
    reference: 'Referencia',
    record: 'Registrar el pago',
    invalid: 'Indique un importe mayor que cero con dos decimales como máximo, p. ej. 1,234.56.',
    overBalance: 'Es más que el saldo de $1,000.00.',
    future: 'La fecha de recepción no puede ser futura.',
    noDate: 'Indique la fecha en que se recibió el pago.',
    noReference: 'Indique la referencia del pago.',
    credit: 'Preparar una nota de crédito',
    creditAmount: 'Importe que se acredita (USD)',
    reason: 'Motivo',
    draft: 'Preparar la nota de crédito',
    creditOver: 'Una nota de crédito no puede acreditar más que el saldo de $1,000.00.',
    noReason: 'Indique el motivo del crédito.',
    overMax: 'Un pago o una nota de crédito no puede superar $1,000,000,000.00.',
    dueOn: 'Fecha de vencimiento (opcional)',
    issue: 'Emitir',
    dueBefore: /^Indique una fecha igual o posterior al .+, o déjela vacía\.$/,
  },
} as const;

/** The form under the heading `title`. */
function formOf(title: string): HTMLElement {
  const form = screen.getByRole('heading', { name: title }).closest('form');
  if (!form) throw new Error(`no form under "${title}"`);
  return form;
}

/** The message a field shows, as its `aria-describedby` names it; null when it shows none. */
function errorOf(field: HTMLElement): string | null {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((one) => one.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

/** Answers every request with `body`, as the server would. */
function answer(body: unknown) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () => new Response(JSON.stringify(body), { status: 200 }));
}

function renderActions(doc: InvoiceDetail, lang: Lang) {
  return renderIn(
    <FinanceActions doc={doc} name="Invoice No. 12" open={doc.status !== 'draft'} onChanged={() => {}} />,
    lang,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the payment form (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a missing amount and reference, names each, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.payment));
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(errorOf(form.getByLabelText(w.amount))).toBe(w.invalid);
    expect(errorOf(form.getByLabelText(w.reference))).toBe(w.noReference);
    expect(form.getByLabelText(w.amount).getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(form.getByLabelText(w.received))).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['more than two decimals', '12.345', 'invalid'],
    ['zero', '0.00', 'invalid'],
    ['a word', 'ten', 'invalid'],
    ['a negative amount', '-5', 'invalid'],
    ['more than the balance', '1,000.01', 'overBalance'],
    ['more than any amount can be', '99999999999999999999', 'overBalance'],
  ] as const)('refuses %s, naming the bound, and sends nothing', async (_, typed, message) => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.payment));
    await userEvent.type(form.getByLabelText(w.amount), typed);
    await userEvent.type(form.getByLabelText(w.reference), 'TR-1');
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(errorOf(form.getByLabelText(w.amount))).toBe(w[message]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses more than the contract allows one payment, naming that bound, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice({ totalCents: 300_000_000_000, balanceCents: 200_000_000_000 }), lang);
    const form = within(formOf(w.payment));
    await userEvent.type(form.getByLabelText(w.amount), '1,000,000,000.01');
    await userEvent.type(form.getByLabelText(w.reference), 'TR-1');
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(errorOf(form.getByLabelText(w.amount))).toBe(w.overMax);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a date received in the future or none, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.payment));
    await userEvent.type(form.getByLabelText(w.amount), '100');
    await userEvent.type(form.getByLabelText(w.reference), 'TR-1');
    fireEvent.change(form.getByLabelText(w.received), { target: { value: '2999-01-01' } });
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(errorOf(form.getByLabelText(w.received))).toBe(w.future);
    fireEvent.change(form.getByLabelText(w.received), { target: { value: '' } });
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(errorOf(form.getByLabelText(w.received))).toBe(w.noDate);
    expect(errorOf(form.getByLabelText(w.amount))).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the amount in cents, the date and the trimmed reference', async () => {
    const fetch = answer(anInvoice({ status: 'partially_paid', paidCents: 173_456, balanceCents: 0 }));
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.payment));
    await userEvent.type(form.getByLabelText(w.amount), '$1,000.00');
    await userEvent.clear(form.getByLabelText(w.amount));
    await userEvent.type(form.getByLabelText(w.amount), '999.5');
    fireEvent.change(form.getByLabelText(w.received), { target: { value: '2025-05-20' } });
    await userEvent.type(form.getByLabelText(w.reference), '  TR-1  ');
    await userEvent.click(form.getByRole('button', { name: w.record }));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/v1/invoices/12/payments');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      amountCents: 99_950,
      receivedOn: '2025-05-20',
      reference: 'TR-1',
    });
  });
});

describe.each(['en', 'es'] as const)('the credit-note form (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a missing amount and reason, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.credit));
    await userEvent.click(form.getByRole('button', { name: w.draft }));
    expect(errorOf(form.getByLabelText(w.creditAmount))).toBe(w.invalid);
    expect(errorOf(form.getByLabelText(w.reason))).toBe(w.noReason);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses more than the balance, naming it, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.credit));
    await userEvent.type(form.getByLabelText(w.creditAmount), '1000.01');
    await userEvent.type(form.getByLabelText(w.reason), 'Two days billed twice');
    await userEvent.click(form.getByRole('button', { name: w.draft }));
    expect(errorOf(form.getByLabelText(w.creditAmount))).toBe(w.creditOver);
    expect(errorOf(form.getByLabelText(w.reason))).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('drafts the credit note for the amount in cents and the reason', async () => {
    const fetch = answer(
      anInvoice({ id: 'doc-13', number: 13, kind: 'credit_note', status: 'draft', totalCents: 2_500 }),
    );
    renderActions(anInvoice(), lang);
    const form = within(formOf(w.credit));
    await userEvent.type(form.getByLabelText(w.creditAmount), '25');
    await userEvent.type(form.getByLabelText(w.reason), 'Two days billed twice');
    await userEvent.click(form.getByRole('button', { name: w.draft }));
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/v1/invoices/12/credit-notes');
    expect(JSON.parse(String(init?.body))).toEqual({ amountCents: 2_500, reason: 'Two days billed twice' });
  });
});

describe.each(['en', 'es'] as const)('the issue form (%s)', (lang) => {
  const w = WORDS[lang];
  const draft = anInvoice({ status: 'draft', issuedAt: null, dueOn: null, paidCents: 0, balanceCents: 0 });

  it('refuses a due date before today, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderActions(draft, lang);
    const due = screen.getByLabelText(w.dueOn);
    fireEvent.change(due, { target: { value: '2000-01-01' } });
    await userEvent.click(screen.getByRole('button', { name: w.issue }));
    expect(errorOf(due)).toMatch(w.dueBefore);
    expect(due.getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('issues with no due date when the field is left empty', async () => {
    const fetch = answer({ ...draft, status: 'issued', dueOn: '2025-06-01' });
    renderActions(draft, lang);
    await userEvent.click(screen.getByRole('button', { name: w.issue }));
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/v1/invoices/12/issue');
    expect(JSON.parse(String(init?.body))).toEqual({});
  });
});
