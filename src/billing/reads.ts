import { agreementHeading, resolveAgreementId } from '../agreements/store.js';
import { authorize, scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import {
  AGING_BUCKETS,
  type AgingBucket,
  agingBucket,
  type DocumentKind,
  type InvoiceStatus,
} from './invoices.js';
import * as store from './store.js';

/**
 * Billing's reads (docs/domain.md, Billing): a document with its lines as the reader may see them, the
 * documents of an agreement and their aging. The commands (service.ts) find agreements and documents here.
 */

type Q = Db | Tx;

/** An agreement's id from its id or code, or not found. */
export async function agreementOf(q: Q, idOrCode: string): Promise<string> {
  const id = await resolveAgreementId(q, idOrCode);
  if (!id) throw notFound('agreement', idOrCode);
  return id;
}

/** A document by number or id, or not found. */
export async function requireDocument(q: Q, numberOrId: string | number): Promise<store.InvoiceRow> {
  const doc = await store.findDocument(q, numberOrId);
  if (!doc) throw notFound('invoice', String(numberOrId));
  return doc;
}

/**
 * A document's lines as `actor` may see them: a reader whose sight of people stops at sealed records (a
 * monitor) reads a sealed person's line without its ref or person, so that the invoice does not name whom a
 * court sealed; the line's days and amount remain, and the totals still count them.
 */
async function linesAsSeenBy(db: Db, actor: Actor, invoiceId: string) {
  const lines = await store.documentLines(db, invoiceId);
  const people = lines.flatMap((l) => (l.personId ? [l.personId] : []));
  const sealed =
    scopeOf(actor.role, 'people:read') === 'all' || people.length === 0
      ? new Set<string>()
      : await sealedAmong(db, people);
  return lines.map((l) =>
    l.personId && sealed.has(l.personId)
      ? { ...l, ref: '', personId: null, sealed: true }
      : { ...l, sealed: false },
  );
}

/** Which of `personIds` a court has sealed. */
async function sealedAmong(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('person_seals')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** A document with its lines, payments and the corrections that reference it. */
export async function invoiceDetail(ctx: AppContext, actor: Actor, numberOrId: string | number) {
  authorize(actor, 'billing:read');
  const db = ctx.handle.db;
  const row = await requireDocument(db, numberOrId);
  const [lines, payments, corrections, referenced, agreement] = await Promise.all([
    linesAsSeenBy(db, actor, row.id),
    store.paymentsOf(db, row.id),
    store.correctionsOf(db, row.id),
    row.referencesId ? store.findDocument(db, row.referencesId) : Promise.resolve(null),
    agreementHeading(db, row.agreementId),
  ]);
  return {
    ...row,
    agreement: agreement ? { id: row.agreementId, ...agreement } : null,
    lines,
    payments,
    corrections: corrections.map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      status: c.status,
      totalCents: c.total_cents,
    })),
    references: referenced ? { id: referenced.id, number: referenced.number, kind: referenced.kind } : null,
  };
}

export interface AgingReport {
  asOf: string;
  buckets: Record<AgingBucket, number>;
  outstandingCents: number;
  documents: {
    number: number;
    kind: DocumentKind;
    month: string;
    dueOn: string;
    balanceCents: number;
    bucket: AgingBucket;
  }[];
}

/** The documents of an agreement (filters optional), and the aging of what is outstanding. */
export async function listInvoices(
  ctx: AppContext,
  actor: Actor,
  filter: { agreement?: string; month?: string; kind?: DocumentKind; status?: InvoiceStatus } = {},
): Promise<{ documents: store.InvoiceRow[]; aging: AgingReport }> {
  authorize(actor, 'billing:read');
  const db = ctx.handle.db;
  const agreementId = filter.agreement ? await agreementOf(db, filter.agreement) : undefined;
  const documents = await store.listDocuments(db, {
    ...(agreementId ? { agreementId } : {}),
    ...(filter.month ? { month: filter.month } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  const all =
    filter.month || filter.kind || filter.status
      ? await store.listDocuments(db, agreementId ? { agreementId } : {})
      : documents;
  return { documents, aging: aging(all, ctx.clock.now()) };
}

function aging(documents: readonly store.InvoiceRow[], now: Date): AgingReport {
  const asOf = now.toISOString().slice(0, 10);
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  const owed = documents
    .filter((d) => d.balanceCents > 0 && d.dueOn)
    .map((d) => {
      const local = localDate(now, d.zone);
      const bucket = agingBucket(d.dueOn!, local);
      buckets[bucket] += d.balanceCents;
      return {
        number: d.number,
        kind: d.kind,
        month: d.month,
        dueOn: d.dueOn!,
        balanceCents: d.balanceCents,
        bucket,
      };
    });
  return { asOf, buckets, outstandingCents: owed.reduce((n, d) => n + d.balanceCents, 0), documents: owed };
}

/** An ISO 8601 instant with its offset (`Z` or `±hh:mm`): a time without one is ambiguous. */
