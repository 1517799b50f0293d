import { localDate } from '../core/dates.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { IntervalFact, TransferOutcome, TransferStepFact } from './model.js';
import {
  type Published,
  publishedFiguresSchema,
  type ReleaseParameters,
  statisticsEvent,
} from './release.js';

type Q = Db | Tx;

/** The statistics' event type and its projection: one row per published release. */
export const statisticsEvents: FeatureEvents = {
  feature: 'statistics',
  tables: [{ table: 'statistics_releases', orderBy: 'ledger_seq' }],
  events: [
    projection(statisticsEvent.published, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('statistics_releases')
        .values({
          id: p.releaseId,
          ledger_seq: e.seq,
          scope: p.scope,
          subject: p.subject,
          from_date: p.from,
          to_date: p.to,
          on_date: p.date,
          hash: p.hash,
          figures: JSON.stringify(p.figures),
          revises: p.revises,
          published_at: new Date(e.recordedAt),
          published_by: e.actor,
        })
        .execute();
    }),
  ],
};

/** A published release as the API serves it. */
export interface ReleaseRow {
  id: string;
  ledgerEntry: number;
  hash: string;
  figures: Published['figures'];
  revises: string | null;
  publishedAt: Date;
}

/** The newest release published for exactly these parameters, if any. */
export async function newestRelease(q: Q, p: ReleaseParameters): Promise<ReleaseRow | undefined> {
  const row = await q
    .selectFrom('statistics_releases')
    .select(['id', 'ledger_seq', 'hash', 'figures', 'revises', 'published_at'])
    .where('scope', '=', p.scope)
    .where('subject', '=', p.subject)
    .where('from_date', '=', p.from)
    .where('to_date', '=', p.to)
    .where('on_date', '=', p.date)
    .orderBy('ledger_seq', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ledgerEntry: Number(row.ledger_seq),
    hash: row.hash,
    // The projection stored figures the event schema accepted; parse keeps the type honest.
    figures: publishedFiguresSchema.parse(row.figures),
    revises: row.revises,
    publishedAt: row.published_at,
  };
}

/** The facilities a scope covers, with their zones. */
export async function scopeFacilities(
  q: Q,
  scope: { facilityId: string } | { agreementId: string },
): Promise<{ id: string; code: string; timeZone: string }[]> {
  let query = q.selectFrom('facilities as f').select(['f.id', 'f.code', 'f.time_zone']);
  query =
    'facilityId' in scope
      ? query.where('f.id', '=', scope.facilityId)
      : query
          .innerJoin('agreement_facilities as af', 'af.facility_id', 'f.id')
          .where('af.agreement_id', '=', scope.agreementId);
  const rows = await query.orderBy('f.code').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, timeZone: r.time_zone }));
}

/** Every custody interval at the facilities, as dates local to its facility. */
export async function intervalFacts(q: Q, facilityIds: readonly string[]): Promise<IntervalFact[]> {
  if (facilityIds.length === 0) return [];
  const rows = await q
    .selectFrom('custody_intervals as ci')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .innerJoin('facilities as f', 'f.id', 'ci.facility_id')
    .select([
      'p.nationalities',
      'p.legal_status',
      'ci.started_at',
      'ci.ended_at',
      'ci.release_reason',
      'f.time_zone',
    ])
    .where('ci.facility_id', 'in', facilityIds)
    .execute();
  return rows.map((r) => ({
    // A person of several nationalities is counted under the first their record lists.
    nationality: r.nationalities[0] ?? 'unknown',
    legalStatus: r.legal_status,
    startDate: localDate(r.started_at, r.time_zone),
    endDate: r.ended_at ? localDate(r.ended_at, r.time_zone) : null,
    releaseReason: r.release_reason,
  }));
}

const OUTCOME_STATUSES: readonly TransferOutcome[] = ['received', 'cancelled', 'on_hold', 'returned'];

/**
 * The steps into an outcome of the transfers that belong to the facilities: a transfer belongs to the
 * facility its manifest flew to or where its custody began; one that never got that far (cancelled before a
 * manifest, say) belongs to its agreement's facility when the agreement has only one.
 */
export async function transferStepFacts(
  q: Q,
  facilityIds: readonly string[],
  zone: string,
  /** For an agreement's statistics: every transfer of the agreement, wherever it went. */
  agreementId: string | null = null,
): Promise<TransferStepFact[]> {
  if (facilityIds.length === 0) return [];
  const agreements = await q
    .selectFrom('agreement_facilities')
    .select(['agreement_id', 'facility_id'])
    .execute();
  const facilitiesOf = new Map<string, string[]>();
  for (const a of agreements)
    facilitiesOf.set(a.agreement_id, [...(facilitiesOf.get(a.agreement_id) ?? []), a.facility_id]);
  const steps = await q
    .selectFrom('transfer_history as h')
    .innerJoin('transfers as t', 't.id', 'h.transfer_id')
    .select(['h.transfer_id', 'h.to_status', 'h.reason_code', 'h.at', 't.agreement_id'])
    .where('h.to_status', 'in', [...OUTCOME_STATUSES])
    .execute();
  const placed = new Map<string, string>();
  const custody = await q.selectFrom('custody_intervals').select(['transfer_id', 'facility_id']).execute();
  for (const c of custody) placed.set(c.transfer_id, c.facility_id);
  const flown = await q
    .selectFrom('manifest_entries as e')
    .innerJoin('manifests as m', 'm.id', 'e.manifest_id')
    .select(['e.transfer_id', 'm.facility_id'])
    .execute();
  for (const f of flown) if (!placed.has(f.transfer_id)) placed.set(f.transfer_id, f.facility_id);
  const mine = new Set(facilityIds);
  return steps
    .filter((s) => {
      if (agreementId !== null) return s.agreement_id === agreementId;
      const facility = placed.get(s.transfer_id);
      if (facility !== undefined) return mine.has(facility);
      const only = facilitiesOf.get(s.agreement_id) ?? [];
      return only.length === 1 && mine.has(only[0] ?? '');
    })
    .flatMap((s) => {
      const outcome = OUTCOME_STATUSES.find((o) => o === s.to_status);
      return outcome
        ? [{ transferId: s.transfer_id, outcome, date: localDate(s.at, zone), reason: s.reason_code }]
        : [];
    });
}
