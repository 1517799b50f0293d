import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { Interval } from './custody-days.js';
import { billingEvent } from './events.js';
import type { FeeSchedule } from './fees.js';
import {
  balanceOf,
  type DocumentKind,
  type DocumentLine,
  type DocumentState,
  type InvoiceStatus,
  settlementStatus,
} from './invoices.js';

type Q = Db | Tx;

/** Projections for invoices, corrections and payments. */
export const billingEvents: FeatureEvents = {
  feature: 'billing',
  tables: [
    { table: 'invoices', orderBy: 'id' },
    { table: 'invoice_lines', orderBy: 'invoice_id, line_no' },
    { table: 'invoice_numbers', orderBy: 'singleton' },
    { table: 'payments', orderBy: 'id' },
    { table: 'report_obligations', orderBy: 'agreement_id, report, period' },
  ],
  events: [
    projection(billingEvent.drafted, async (tx, e) => {
      const p = e.payload;
      const row = {
        number: p.number,
        agreement_id: p.agreementId,
        kind: p.kind,
        month: p.month,
        references_id: p.referencesId,
        status: 'draft' as const,
        currency: p.currency,
        zone: p.zone,
        schedule_versions: p.scheduleVersions,
        clause: p.clause,
        total_days: p.totalDays,
        total_cents: p.totalCents,
        reason: p.reason,
        drafted_at: new Date(e.recordedAt),
      };
      const existing = await tx
        .selectFrom('invoices')
        .select('id')
        .where('id', '=', p.invoiceId)
        .executeTakeFirst();
      if (existing) {
        // Replacing a draft: the database refuses this for an issued document.
        await tx.deleteFrom('invoice_lines').where('invoice_id', '=', p.invoiceId).execute();
        await tx.updateTable('invoices').set(row).where('id', '=', p.invoiceId).execute();
      } else {
        await tx
          .insertInto('invoices')
          .values({ id: p.invoiceId, ...row })
          .execute();
      }
      await tx
        .insertInto('invoice_numbers')
        .values({ singleton: true, last_number: p.number })
        .onConflict((oc) =>
          oc
            .column('singleton')
            .doUpdateSet({ last_number: sql<number>`greatest(invoice_numbers.last_number, ${p.number})` }),
        )
        .execute();
      for (let i = 0; i < p.lines.length; i += 2000) {
        await tx
          .insertInto('invoice_lines')
          .values(
            p.lines.slice(i, i + 2000).map((l, j) => ({
              invoice_id: p.invoiceId,
              line_no: i + j + 1,
              kind: l.kind,
              ref: l.ref,
              person_id: l.personId,
              days: l.days,
              amount_cents: l.amountCents,
              parts: JSON.stringify(l.parts),
            })),
          )
          .execute();
      }
    }),
    projection(billingEvent.draftDiscarded, async (tx, e) => {
      // Only a draft can go (the database refuses deleting an issued document); its number stays retired.
      const p = e.payload;
      await tx.deleteFrom('invoice_lines').where('invoice_id', '=', p.invoiceId).execute();
      await tx.deleteFrom('invoices').where('id', '=', p.invoiceId).execute();
    }),
    projection(billingEvent.issued, async (tx, e) => {
      const p = e.payload;
      const doc = await tx
        .selectFrom('invoices')
        .select(['total_cents', 'kind'])
        .where('id', '=', p.invoiceId)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('invoices')
        .set({
          status: doc.kind === 'credit_note' ? 'issued' : settlementStatus(doc.total_cents, 0, 0),
          issued_at: new Date(p.issuedAt),
          due_on: p.dueOn,
        })
        .where('id', '=', p.invoiceId)
        .execute();
      if (p.creditsInvoiceId) await settle(tx, p.creditsInvoiceId, 0, p.creditedCents);
    }),
    projection(billingEvent.reportSubmitted, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('report_obligations')
        .values({
          agreement_id: p.agreementId,
          report: p.report,
          period: p.period,
          due_on: p.dueOn,
          submitted_at: new Date(p.submittedAt),
          submitted_by: e.actor,
          note: p.note,
        })
        .execute();
    }),
    projection(billingEvent.paymentRecorded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('payments')
        .values({
          id: p.paymentId,
          invoice_id: p.invoiceId,
          amount_cents: p.amountCents,
          received_on: p.receivedOn,
          reference: p.reference,
          recorded_at: new Date(e.recordedAt),
          recorded_by: e.actor,
        })
        .execute();
      await settle(tx, p.invoiceId, p.amountCents, 0);
    }),
  ],
};

/** Adds a payment or a credit to an issued document and moves its status accordingly. */
async function settle(tx: Tx, invoiceId: string, paid: number, credited: number): Promise<void> {
  const doc = await tx
    .selectFrom('invoices')
    .select(['total_cents', 'paid_cents', 'credited_cents'])
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  const paidCents = doc.paid_cents + paid;
  const creditedCents = doc.credited_cents + credited;
  await tx
    .updateTable('invoices')
    .set({
      paid_cents: paidCents,
      credited_cents: creditedCents,
      status: settlementStatus(doc.total_cents, paidCents, creditedCents),
    })
    .where('id', '=', invoiceId)
    .execute();
}

export interface InvoiceRow {
  id: string;
  number: number;
  agreementId: string;
  kind: DocumentKind;
  month: string;
  referencesId: string | null;
  status: InvoiceStatus;
  currency: string;
  zone: string;
  scheduleVersions: number[];
  clause: string | null;
  totalDays: number;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  balanceCents: number;
  reason: string | null;
  draftedAt: string;
  issuedAt: string | null;
  dueOn: string | null;
}

const INVOICE_COLUMNS = [
  'id',
  'number',
  'agreement_id',
  'kind',
  'month',
  'references_id',
  'status',
  'currency',
  'zone',
  'schedule_versions',
  'clause',
  'total_days',
  'total_cents',
  'paid_cents',
  'credited_cents',
  'reason',
  'drafted_at',
  'issued_at',
  'due_on',
] as const;

type InvoiceDbRow = {
  id: string;
  number: number;
  agreement_id: string;
  kind: DocumentKind;
  month: string;
  references_id: string | null;
  status: InvoiceStatus;
  currency: string;
  zone: string;
  schedule_versions: number[];
  clause: string | null;
  total_days: number;
  total_cents: number;
  paid_cents: number;
  credited_cents: number;
  reason: string | null;
  drafted_at: Date;
  issued_at: Date | null;
  due_on: string | null;
};

function toRow(r: InvoiceDbRow): InvoiceRow {
  const balance = balanceOf({
    kind: r.kind,
    status: r.status,
    totalCents: r.total_cents,
    paidCents: r.paid_cents,
    creditedCents: r.credited_cents,
  });
  return {
    id: r.id,
    number: r.number,
    agreementId: r.agreement_id,
    kind: r.kind,
    month: r.month,
    referencesId: r.references_id,
    status: r.status,
    currency: r.currency,
    zone: r.zone,
    scheduleVersions: r.schedule_versions,
    clause: r.clause,
    totalDays: r.total_days,
    totalCents: r.total_cents,
    paidCents: r.paid_cents,
    creditedCents: r.credited_cents,
    balanceCents: balance,
    reason: r.reason,
    draftedAt: r.drafted_at.toISOString(),
    issuedAt: r.issued_at?.toISOString() ?? null,
    dueOn: r.due_on,
  };
}

/** Documents of an agreement, newest number first, optionally of one month, kind or status. */
export async function listDocuments(
  q: Q,
  filter: { agreementId?: string; month?: string; kind?: DocumentKind; status?: InvoiceStatus } = {},
): Promise<InvoiceRow[]> {
  let query = q.selectFrom('invoices').select(INVOICE_COLUMNS).orderBy('number', 'desc');
  if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
  if (filter.month) query = query.where('month', '=', filter.month);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toRow);
}

/** One document by number or id. */
export async function findDocument(q: Q, numberOrId: string | number): Promise<InvoiceRow | null> {
  const asNumber =
    typeof numberOrId === 'number' ? numberOrId : /^\d{1,9}$/.test(numberOrId) ? Number(numberOrId) : null;
  let query = q.selectFrom('invoices').select(INVOICE_COLUMNS);
  query =
    asNumber !== null
      ? query.where('number', '=', asNumber)
      : /^[0-9a-f-]{36}$/i.test(String(numberOrId))
        ? query.where('id', '=', String(numberOrId))
        : query.where(sql<boolean>`false`);
  const row = await query.executeTakeFirst();
  return row ? toRow(row) : null;
}

/** A document's lines in order. */
export async function documentLines(q: Q, invoiceId: string): Promise<(DocumentLine & { lineNo: number })[]> {
  const rows = await q
    .selectFrom('invoice_lines')
    .select(['line_no', 'kind', 'ref', 'person_id', 'days', 'amount_cents', 'parts'])
    .where('invoice_id', '=', invoiceId)
    .orderBy('line_no')
    .execute();
  return rows.map((r) => ({
    lineNo: r.line_no,
    kind: r.kind,
    ref: r.ref,
    personId: r.person_id,
    days: r.days,
    amountCents: r.amount_cents,
    parts: r.parts as unknown[],
  }));
}

/** Payments on a document, oldest first. */
export async function paymentsOf(q: Q, invoiceId: string) {
  const rows = await q
    .selectFrom('payments')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    amountCents: p.amount_cents,
    receivedOn: p.received_on,
    reference: p.reference,
    recordedAt: p.recorded_at.toISOString(),
    recordedBy: p.recorded_by,
  }));
}

/** A document with what decisions need: its figures and lines. */
export async function documentState(q: Q, row: InvoiceRow): Promise<DocumentState> {
  return { ...row, lines: await documentLines(q, row.id) };
}

/** The month's documents for an agreement: the invoice and the corrections that reference it. */
export async function monthDocuments(q: Q, agreementId: string, month: string): Promise<DocumentState[]> {
  const rows = await listDocuments(q, { agreementId, month });
  return Promise.all(rows.map((r) => documentState(q, r)));
}

/**
 * The next document number: numbers are shared by invoices, supplementary invoices and credit notes, and
 * never given twice, even after a draft is discarded.
 */
export async function nextNumber(q: Q): Promise<number> {
  const row = await q.selectFrom('invoice_numbers').select('last_number').executeTakeFirst();
  return (row?.last_number ?? 0) + 1;
}

/** The agreement's fee schedule versions. */
export async function feeSchedules(q: Q, agreementId: string): Promise<FeeSchedule[]> {
  const rows = await q
    .selectFrom('fee_schedules')
    .select(['version', 'kind', 'amount_cents', 'currency', 'billing_period', 'effective_from', 'clause'])
    .where('agreement_id', '=', agreementId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    amountCents: r.amount_cents,
    currency: r.currency.trim(),
    billingPeriod: r.billing_period,
    effectiveFrom: r.effective_from,
    clause: r.clause,
  }));
}

/** The time zones of an agreement's facilities, by facility id, and the first one (the invoice's zone). */
export async function agreementZones(q: Q, agreementId: string) {
  const rows = await q
    .selectFrom('agreement_facilities as af')
    .innerJoin('facilities as f', 'f.id', 'af.facility_id')
    .select(['f.id', 'f.time_zone', 'f.code'])
    .where('af.agreement_id', '=', agreementId)
    .orderBy('f.code')
    .execute();
  return { byFacility: new Map(rows.map((r) => [r.id, r.time_zone])), first: rows[0]?.time_zone ?? null };
}

/**
 * Every custody interval under an agreement that overlaps [fromMs, toMs), with the person's ref: the
 * input of a month's bill (a day later each side, so no zone can be cut off). This is the hot path of a
 * month's bill for tens of thousands of people, so the rows travel as one text value, a line per interval
 * of tab-separated fields (the ref JSON-quoted, so no tab or newline of its own can split it; instants as
 * epoch milliseconds): the embedded engine then converts one value instead of five per row.
 */
export async function intervalsOverlapping(
  q: Q,
  agreementId: string,
  fromMs: number,
  toMs: number,
): Promise<{ ref: string; personId: string; interval: Interval; facilityId: string }[]> {
  const result = await sql<{ rows: string | null }>`
    select string_agg(
      to_json(p.ref)::text || E'\t' || ci.person_id::text || E'\t' || ci.facility_id::text || E'\t' ||
      floor(extract(epoch from ci.started_at) * 1000)::int8::text || E'\t' ||
      coalesce(floor(extract(epoch from ci.ended_at) * 1000)::int8::text, ''),
      E'\n') as rows
    from custody_intervals ci join people p on p.id = ci.person_id
    where ci.agreement_id = ${agreementId}
      and ci.started_at < ${new Date(toMs)}
      and (ci.ended_at is null or ci.ended_at > ${new Date(fromMs)})`.execute(q);
  const text = result.rows[0]?.rows;
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [ref, personId, facilityId, start, end] = line.split('\t') as [
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      ref: ref.includes('\\') ? (JSON.parse(ref) as string) : ref.slice(1, -1),
      personId,
      facilityId,
      interval: { intakeMs: Number(start), releaseMs: end === '' ? null : Number(end) },
    };
  });
}

/** The documents (credit notes, corrections) that reference a document, by number. */
export async function correctionsOf(q: Q, invoiceId: string) {
  return q
    .selectFrom('invoices')
    .select(['id', 'number', 'kind', 'status', 'total_cents'])
    .where('references_id', '=', invoiceId)
    .orderBy('number')
    .execute();
}
