import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import type { MonthBill } from './fees.js';
import { agingBucket, type DocumentState, decideIssue, decidePayment, planGeneration } from './invoices.js';

const bill = (lines: [string, number, number][]): MonthBill => ({
  month: '2025-04',
  zone: 'America/El_Salvador',
  currency: 'USD',
  lines: lines.map(([ref, days, amountCents]) => ({ ref, personId: null, days, amountCents, parts: [] })),
  charges: [],
  totalDays: lines.reduce((n, l) => n + l[1], 0),
  totalCents: lines.reduce((n, l) => n + l[2], 0),
});

const doc = (over: Partial<DocumentState>): DocumentState => ({
  id: 'inv-1',
  number: 1,
  kind: 'invoice',
  month: '2025-04',
  referencesId: null,
  status: 'issued',
  currency: 'USD',
  totalCents: 328_768,
  paidCents: 0,
  creditedCents: 0,
  dueOn: '2025-06-04',
  lines: [
    { kind: 'person', ref: 'A', personId: null, days: 30, amountCents: 164_384 },
    { kind: 'person', ref: 'B', personId: null, days: 30, amountCents: 164_384 },
  ],
  ...over,
});

describe('planning a month again', () => {
  it('drafts a credit note for what was over-billed and a supplementary invoice for what was under-billed', () => {
    const plan = planGeneration(
      bill([
        ['A', 20, 109_589],
        ['B', 30, 164_384],
        ['C', 5, 27_397],
      ]),
      [doc({})],
    );
    expect(plan.action).toBe('correct');
    if (plan.action !== 'correct') return;
    expect(plan.creditNote?.lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([['A', 10, 54_795]]);
    expect(plan.supplementary?.lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([['C', 5, 27_397]]);
    expect(plan.discard).toEqual([]);
  });

  it('discards a drafted correction the record no longer calls for, and leaves a manual credit note alone', () => {
    const stale = doc({
      id: 'cn-2',
      number: 2,
      kind: 'credit_note',
      referencesId: 'inv-1',
      status: 'draft',
      totalCents: 54_795,
      lines: [{ kind: 'person', ref: 'A', personId: null, days: 10, amountCents: 54_795 }],
    });
    const manual = doc({
      id: 'cn-3',
      number: 3,
      kind: 'credit_note',
      referencesId: 'inv-1',
      status: 'draft',
      totalCents: 1_000,
      lines: [{ kind: 'credit', ref: 'credit', personId: null, days: 0, amountCents: 1_000 }],
    });
    const same = planGeneration(
      bill([
        ['A', 30, 164_384],
        ['B', 30, 164_384],
      ]),
      [doc({}), stale, manual],
    );
    expect(same).toMatchObject({ action: 'unchanged', discard: [expect.objectContaining({ id: 'cn-2' })] });
    // Over-billed again: the drafted correction is redrafted in place; the manual note is never reused.
    const again = planGeneration(
      bill([
        ['A', 25, 136_986],
        ['B', 30, 164_384],
      ]),
      [doc({}), stale, manual],
    );
    expect(again).toMatchObject({
      action: 'correct',
      creditNote: { replaces: expect.objectContaining({ id: 'cn-2' }) },
      supplementary: null,
      discard: [],
    });
  });

  it('issues an invoice only once its month is over, in the facility’s zone', () => {
    const draft = doc({ status: 'draft' });
    expect(() =>
      decideIssue(draft, null, { issuedAt: '2025-05-01T05:00:00.000Z', dueOn: null, today: '2025-04-30' }),
    ).toThrow(/2025-04 is not over yet .* issue it from 2025-05-01/);
    expect(
      decideIssue(draft, null, {
        issuedAt: '2025-05-01T07:00:00.000Z',
        dueOn: '2025-05-31',
        today: '2025-05-01',
      }),
    ).toMatchObject({ invoiceId: 'inv-1', dueOn: '2025-05-31' });
    expect(() =>
      decideIssue(draft, null, {
        issuedAt: '2025-05-03T07:00:00.000Z',
        dueOn: '2025-05-02',
        today: '2025-05-03',
      }),
    ).toThrow(/due date 2025-05-02 is before the issue date 2025-05-03/);
  });

  it('refuses an overpayment in either language, the Spanish amounts as the web shows money', () => {
    const refusalOf = (run: () => unknown): DomainError => {
      try {
        run();
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const pay = { paymentId: 'p1', amountCents: 400_000, receivedOn: '2025-06-01', reference: 'wire 7' };
    const error = refusalOf(() => decidePayment(doc({ paidCents: 28_768 }), pay));
    expect(error.details).toEqual({ rule: 'no-overpayment', amountCents: 400_000, balanceCents: 300_000 });
    expect(error.message).toBe('A payment of 400000 cents is more than the 300000 cents owed on invoice 1.');
    expect(error.localized('es')).toBe(
      'Un pago de $4,000.00 supera los $3,000.00 que se adeudan en la factura n.º 1.',
    );
    const issued = refusalOf(() =>
      decideIssue(doc({}), null, { issuedAt: '2025-05-01T07:00:00.000Z', dueOn: null, today: '2025-05-01' }),
    );
    expect(issued.localized('es')).toBe(
      'La factura n.º 1 ya está emitida; un documento emitido no cambia nunca. Corríjala con una nota de crédito o una factura complementaria.',
    );
  });

  it('ages an amount by the days it is late', () => {
    expect(
      ['2025-06-04', '2025-06-05', '2025-07-04', '2025-07-05', '2025-09-02', '2025-09-03'].map((d) =>
        agingBucket('2025-06-04', d),
      ),
    ).toEqual(['current', '1-30', '1-30', '31-60', '61-90', '90+']);
  });
});
