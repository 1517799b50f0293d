import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { releasePerson } from '../custody/service.js';
import { registerFacility } from '../facilities/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { invoiceDetail, listInvoices } from './reads.js';
import { draftCreditNote, generateInvoice, issueDocument, previewMonth, recordPayment } from './service.js';

const finance = anActor('finance');
const custody = anActor('receiving_custody');

describe(`billing on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let agreementId: string;

  beforeAll(async () => {
    // Three men received at CECOT-like SV-TEST at 19:00Z on 14 March 2025 (13:00 in San Salvador).
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    const facility = await registerFacility(ctx, anActor('admin'), aFacility());
    agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facility.id]))).id;
    await receivePeople(
      ctx,
      { agreementId, facilityId: facility.id },
      ['B-1', 'B-2', 'B-3'].map((ref) => anEligiblePerson({ ref })),
    );
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('drafts a month: a line per person, the arrival day counted, $20,000 a year by the day', async () => {
    ctx.clock.set('2025-04-02T15:00:00Z');
    await expect(generateInvoice(ctx, anActor('monitor'), 'test-agreement', '2025-03')).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    const first = await generateInvoice(ctx, finance, 'test-agreement', '2025-03');
    expect(first).toMatchObject({
      action: 'drafted',
      bill: { totalDays: 54, totalCents: 295_890, lines: 3 },
    });
    const again = await generateInvoice(ctx, finance, 'test-agreement', '2025-03');
    expect(again.action).toBe('redrafted');
    expect(again.documents).toHaveLength(1);
    expect(again.documents[0]?.number).toBe(first.documents[0]?.number);
    const detail = await invoiceDetail(ctx, anActor('monitor'), first.documents[0]!.number);
    expect(detail).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      totalCents: 295_890,
      scheduleVersions: [1],
    });
    expect(detail.lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([
      ['B-1', 18, 98_630],
      ['B-2', 18, 98_630],
      ['B-3', 18, 98_630],
    ]);
    expect(detail.lines[0]?.parts).toEqual([
      expect.objectContaining({
        from: '2025-03-14',
        to: '2025-03-31',
        explanation: 'round_half_up(18 × 2000000 / 365) = 98630',
      }),
    ]);
  });

  it('issues it, after which the database refuses any edit of it or its lines', async () => {
    const issued = await issueDocument(ctx, finance, 1);
    expect(issued).toMatchObject({ status: 'issued', dueOn: '2025-05-02', balanceCents: 295_890 });
    await expect(issueDocument(ctx, finance, 1)).rejects.toMatchObject({ code: 'rule_refusal' });
    const db = ctx.handle.db;
    await expect(
      sql`update invoice_lines set amount_cents = 1 where line_no = 1`.execute(db),
    ).rejects.toThrow(/is issued: its lines cannot be changed/);
    await expect(sql`delete from invoice_lines`.execute(db)).rejects.toThrow(/is issued/);
    await expect(sql`update invoices set total_cents = 1`.execute(db)).rejects.toThrow(/cannot be edited/);
    await expect(sql`update invoices set status = 'draft', issued_at = null`.execute(db)).rejects.toThrow(
      /cannot be edited/,
    );
    await expect(sql`delete from invoices`.execute(db)).rejects.toThrow(/cannot be deleted/);
    // Regenerating an issued month with nothing changed drafts nothing.
    expect((await generateInvoice(ctx, finance, 'test-agreement', '2025-03')).action).toBe('unchanged');
  });

  it('records payments up to the balance, and settles the invoice', async () => {
    const part = await recordPayment(ctx, finance, 1, {
      amountCents: 200_000,
      receivedOn: '2025-04-02',
      reference: 'FED-WIRE 0001',
    });
    expect(part).toMatchObject({ status: 'partially_paid', paidCents: 200_000, balanceCents: 95_890 });
    await expect(
      recordPayment(ctx, finance, 1, { amountCents: 95_891, receivedOn: '2025-04-02', reference: 'X' }),
    ).rejects.toMatchObject({ code: 'rule_refusal', details: { rule: 'no-overpayment' } });
    await expect(
      recordPayment(ctx, finance, 1, { amountCents: 5, receivedOn: '2025-04-03', reference: 'X' }),
    ).rejects.toThrow(/in the future/);
    const credit = await draftCreditNote(ctx, finance, 1, {
      amountCents: 890,
      reason: 'Goodwill: rounding dispute',
    });
    expect(credit).toMatchObject({
      kind: 'credit_note',
      status: 'draft',
      referencesId: part.id,
      totalCents: 890,
    });
    await issueDocument(ctx, finance, credit.number);
    const paid = await recordPayment(ctx, finance, 1, {
      amountCents: 95_000,
      receivedOn: '2025-04-02',
      reference: 'FED-WIRE 0002',
    });
    expect(paid).toMatchObject({ status: 'paid', paidCents: 295_000, creditedCents: 890, balanceCents: 0 });
    const detail = await invoiceDetail(ctx, finance, 1);
    expect(detail.payments.map((p) => p.amountCents)).toEqual([200_000, 95_000]);
    expect(detail.corrections).toEqual([
      expect.objectContaining({ number: credit.number, kind: 'credit_note' }),
    ]);
    // Total = sum of lines; payments and credits reconcile to the balance.
    expect(detail.lines.reduce((n, l) => n + l.amountCents, 0)).toBe(detail.totalCents);
    expect(detail.totalCents - detail.paidCents - detail.creditedCents).toBe(detail.balanceCents);
  });

  it('corrects an issued month with a credit note when a release is recorded late', async () => {
    ctx.clock.set('2025-05-01T15:00:00Z');
    const april = await generateInvoice(ctx, finance, 'test-agreement', '2025-04');
    expect(april.bill).toEqual({ totalDays: 90, totalCents: 3 * 164_384, lines: 3 });
    const number = april.documents[0]!.number;
    await issueDocument(ctx, finance, number);
    // B-2 was in fact released on 20 April at 08:00 local; receiving custody records it on 1 May.
    const b2 = await ctx.handle.db
      .selectFrom('people')
      .select('id')
      .where('ref', '=', 'B-2')
      .executeTakeFirstOrThrow();
    await releasePerson(ctx, custody, b2.id, {
      reason: 'court_ordered_return',
      at: '2025-04-20T14:00:00Z',
    });
    const corrected = await generateInvoice(ctx, finance, 'test-agreement', '2025-04');
    expect(corrected.action).toBe('corrections');
    const note = corrected.documents.find((d) => d.kind === 'credit_note')!;
    // 30 days billed, 19 due: 11 days, 164,384 − 104,110 cents.
    expect(note).toMatchObject({ status: 'draft', totalDays: 11, totalCents: 164_384 - 104_110 });
    const lines = (await invoiceDetail(ctx, finance, note.number)).lines;
    expect(lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([['B-2', 11, 60_274]]);
    await issueDocument(ctx, finance, note.number);
    expect((await invoiceDetail(ctx, finance, number)).balanceCents).toBe(3 * 164_384 - 60_274);
    expect((await generateInvoice(ctx, finance, 'test-agreement', '2025-04')).action).toBe('unchanged');
  });

  it('ages what is outstanding, and previews intervals without storing anything', async () => {
    ctx.clock.set('2025-07-15T15:00:00Z');
    const { aging, documents } = await listInvoices(ctx, anActor('monitor'), { agreement: 'test-agreement' });
    expect(documents.map((d) => d.kind)).toEqual(['credit_note', 'invoice', 'credit_note', 'invoice']);
    // April's invoice, due 31 May, is 45 days late on 15 July.
    expect(aging.buckets).toMatchObject({ current: 0, '31-60': 3 * 164_384 - 60_274 });
    expect(aging.outstandingCents).toBe(3 * 164_384 - 60_274);
    const before = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const preview = await previewMonth(ctx, finance, 'test-agreement', '2025-01', [
      { ref: 'X', intakeAt: '2025-02-01T03:00:00Z', releasedAt: null },
    ]);
    expect(preview.lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([['X', 1, 0]]);
    const after = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
    const report = await verifyLedger(ctx.handle.db, {
      signer: ctx.signer,
      events: ctx.events,
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('bills only the custody days that have happened when the month is not over', async () => {
    // 15 July, 10:00 in San Salvador: 1–14 July are custody days; 15 July's 23:59 is still ahead.
    ctx.clock.set('2025-07-15T16:00:00Z');
    const july = await generateInvoice(ctx, finance, 'test-agreement', '2025-07');
    expect(july.bill).toEqual({ totalDays: 28, totalCents: 2 * 76_712, lines: 2 });
    const julyNumber = july.documents[0]!.number;
    await expect(issueDocument(ctx, finance, julyNumber)).rejects.toMatchObject({
      code: 'rule_refusal',
      details: { rule: 'month-over', issuableFrom: '2025-08-01' },
    });
    // The database keeps what is issued and paid as recorded, whatever writes to it.
    const db = ctx.handle.db;
    const march = await db
      .selectFrom('invoices')
      .select('id')
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const draft = await db
      .selectFrom('invoices')
      .select('id')
      .where('number', '=', julyNumber)
      .executeTakeFirstOrThrow();
    await expect(
      sql`update invoice_lines set invoice_id = ${march.id}, line_no = 999 where invoice_id = ${draft.id}`.execute(
        db,
      ),
    ).rejects.toThrow(/is issued: its lines cannot be changed/);
    await expect(sql`update payments set amount_cents = 1`.execute(db)).rejects.toThrow(
      /never changed or deleted/,
    );
    await expect(sql`delete from payments`.execute(db)).rejects.toThrow(/never changed or deleted/);
    await expect(sql`truncate payments`.execute(db)).rejects.toThrow(/cannot be truncated/);
    await expect(sql`truncate invoice_lines`.execute(db)).rejects.toThrow(/cannot be truncated/);
    await expect(
      sql`update invoices set paid_cents = paid_cents - 890, credited_cents = credited_cents + 890 where number = 1`.execute(
        db,
      ),
    ).rejects.toThrow(/only ever added/);
    // A payment with no payment behind it.
    await expect(
      sql`update invoices set paid_cents = paid_cents + 1 where month = '2025-04' and kind = 'invoice'`.execute(
        db,
      ),
    ).rejects.toThrow(/must equal the payments and issued credit notes on record/);
    // The preview is the what-if tool: it bills a whole month, even one still to come.
    const preview = await previewMonth(ctx, finance, 'test-agreement', '2025-08', [
      { ref: 'X', intakeAt: '2025-07-01T00:00:00Z', releasedAt: null },
    ]);
    expect(preview.lines[0]).toMatchObject({ days: 31, amountCents: 169_863 });
  });
});
