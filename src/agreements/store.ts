import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isUuid } from '../core/ids.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { type AgreementState, type AgreementStatus, agreementEvent } from './model.js';

type Q = Db | Tx;

/** Agreement event types and their projections: agreements and their versioned policies and fee schedules. */
export const agreementEvents: FeatureEvents = {
  feature: 'agreements',
  tables: [
    { table: 'agreements', orderBy: 'id' },
    { table: 'agreement_facilities', orderBy: 'agreement_id, facility_id' },
    { table: 'agreement_agencies', orderBy: 'agreement_id, agency_code' },
    { table: 'eligibility_policies', orderBy: 'agreement_id, version' },
    { table: 'fee_schedules', orderBy: 'agreement_id, version' },
  ],
  events: [
    projection(agreementEvent.created, async (tx, e) => {
      const p = e.payload;
      const at = new Date(e.recordedAt);
      await tx
        .insertInto('agreements')
        .values({
          id: p.agreementId,
          code: p.code,
          title: p.title,
          sending_jurisdiction: p.sendingJurisdiction,
          receiving_jurisdiction: p.receivingJurisdiction,
          status: p.status,
          effective_from: p.effectiveFrom,
          effective_to: p.effectiveTo,
          bed_allotment: p.bedAllotment,
          settings: JSON.stringify(p.settings),
          standards: JSON.stringify(p.standards),
          reports: JSON.stringify(p.reports),
          version: e.streamVersion,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const facilityId of p.facilityIds) {
        await tx
          .insertInto('agreement_facilities')
          .values({ agreement_id: p.agreementId, facility_id: facilityId })
          .execute();
      }
      const agencies = [
        ...p.sendingAgencies.map((code) => ({
          agreement_id: p.agreementId,
          agency_code: code,
          side: 'sending' as const,
        })),
        ...p.receivingAgencies.map((code) => ({
          agreement_id: p.agreementId,
          agency_code: code,
          side: 'receiving' as const,
        })),
      ];
      if (agencies.length > 0) await tx.insertInto('agreement_agencies').values(agencies).execute();
    }),
    projection(agreementEvent.revised, async (tx, e) => {
      const { agreementId, changes } = e.payload;
      await tx
        .updateTable('agreements')
        .set({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.effectiveFrom !== undefined ? { effective_from: changes.effectiveFrom } : {}),
          ...(changes.effectiveTo !== undefined ? { effective_to: changes.effectiveTo } : {}),
          ...(changes.bedAllotment !== undefined ? { bed_allotment: changes.bedAllotment } : {}),
          ...(changes.settings !== undefined ? { settings: JSON.stringify(changes.settings) } : {}),
          version: e.streamVersion,
          updated_at: new Date(e.recordedAt),
        })
        .where('id', '=', agreementId)
        .execute();
    }),
    projection(agreementEvent.statusChanged, async (tx, e) => {
      const p = e.payload;
      await tx
        .updateTable('agreements')
        .set({ status: p.to, version: e.streamVersion, updated_at: new Date(e.recordedAt) })
        .where('id', '=', p.agreementId)
        .execute();
    }),
    projection(agreementEvent.policyVersioned, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('eligibility_policies')
        .values({
          agreement_id: p.agreementId,
          version: p.version,
          policy_id: p.policyId,
          effective_from: p.effectiveFrom,
          rules: JSON.stringify(p.rules),
          recorded_at: new Date(e.recordedAt),
        })
        .execute();
      await touch(tx, p.agreementId, e.streamVersion, e.recordedAt);
    }),
    projection(agreementEvent.feeScheduleVersioned, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('fee_schedules')
        .values({
          agreement_id: p.agreementId,
          version: p.version,
          kind: p.kind,
          amount_cents: p.amountCents,
          currency: p.currency,
          billing_period: p.billingPeriod,
          effective_from: p.effectiveFrom,
          clause: p.clause,
          recorded_at: new Date(e.recordedAt),
        })
        .execute();
      await touch(tx, p.agreementId, e.streamVersion, e.recordedAt);
    }),
  ],
};

async function touch(tx: Tx, agreementId: string, version: number, at: string): Promise<void> {
  await tx
    .updateTable('agreements')
    .set({ version, updated_at: new Date(at) })
    .where('id', '=', agreementId)
    .execute();
}

/** The agreement read model. */
export interface AgreementView {
  id: string;
  code: string;
  title: string;
  sendingJurisdiction: string;
  receivingJurisdiction: string;
  status: AgreementStatus;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  bedAllotment: number;
  settings: Record<string, unknown>;
  standards: string[];
  reports: { id: string; title: string; due: string }[];
  version: number;
  facilityIds: string[];
  sendingAgencies: string[];
  receivingAgencies: string[];
  eligibilityPolicies: { version: number; policyId: string; effectiveFrom: string; rules: unknown }[];
  feeSchedules: {
    version: number;
    kind: string;
    amountCents: number;
    currency: string;
    billingPeriod: string;
    effectiveFrom: string;
    clause: string | null;
  }[];
  people: number;
}

/** Agreement ids matching an id or code. */
export async function resolveAgreementId(q: Q, idOrCode: string): Promise<string | undefined> {
  // Only a well-formed uuid is compared with the id column: anything else is a code (or no match), never a cast error.
  const isId = isUuid(idOrCode);
  const row = await q
    .selectFrom('agreements')
    .select('id')
    .where(isId ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  return row?.id;
}

/** Agreements after `cursor` (by id). */
export async function listAgreements(
  q: Q,
  options: { cursor?: string; limit: number },
): Promise<AgreementView[]> {
  let query = q.selectFrom('agreements').select('id').orderBy('id').limit(options.limit);
  if (options.cursor) query = query.where('id', '>', options.cursor);
  const ids = (await query.execute()).map((r) => r.id);
  const views: AgreementView[] = [];
  for (const id of ids) {
    const view = await findAgreement(q, id);
    if (view) views.push(view);
  }
  return views;
}

/**
 * One agreement with its facilities, agencies, policy and fee versions, by id or code, in one query: a
 * transfer decision and every screening read it, so its parts come as JSON columns of the agreement's row.
 */
export async function findAgreement(q: Q, idOrCode: string): Promise<AgreementView | undefined> {
  // Only a well-formed uuid is compared with the id column: anything else is a code (or no match), never a cast error.
  const a = await q
    .selectFrom('agreements as a')
    .selectAll('a')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('agreement_facilities as f')
          .select('f.facility_id')
          .whereRef('f.agreement_id', '=', 'a.id')
          .orderBy('f.facility_id'),
      ).as('facilities'),
      jsonArrayFrom(
        eb
          .selectFrom('agreement_agencies as g')
          .select(['g.agency_code', 'g.side'])
          .whereRef('g.agreement_id', '=', 'a.id')
          .orderBy('g.agency_code'),
      ).as('agencies'),
      jsonArrayFrom(
        eb
          .selectFrom('eligibility_policies as p')
          .select(['p.version', 'p.policy_id', 'p.effective_from', 'p.rules'])
          .whereRef('p.agreement_id', '=', 'a.id')
          .orderBy('p.version'),
      ).as('policies'),
      jsonArrayFrom(
        eb
          .selectFrom('fee_schedules as s')
          .select([
            's.version',
            's.kind',
            's.amount_cents',
            's.currency',
            's.billing_period',
            's.effective_from',
            's.clause',
          ])
          .whereRef('s.agreement_id', '=', 'a.id')
          .orderBy('s.version'),
      ).as('fees'),
      // The maintained count (migration 0030): one row, whatever the roster's size.
      eb
        .selectFrom('roster_counts as r')
        .select('r.people')
        .whereRef('r.agreement_id', '=', 'a.id')
        .as('people'),
    ])
    .where(isUuid(idOrCode) ? 'a.id' : 'a.code', '=', idOrCode)
    .executeTakeFirst();
  if (!a) return undefined;
  const { facilities, agencies, policies, fees } = a;
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    sendingJurisdiction: a.sending_jurisdiction,
    receivingJurisdiction: a.receiving_jurisdiction,
    status: a.status,
    effectiveFrom: a.effective_from,
    effectiveTo: a.effective_to,
    bedAllotment: a.bed_allotment,
    settings: a.settings as Record<string, unknown>,
    standards: a.standards as string[],
    reports: a.reports as AgreementView['reports'],
    version: a.version,
    facilityIds: facilities.map((f) => f.facility_id),
    sendingAgencies: agencies.filter((g) => g.side === 'sending').map((g) => g.agency_code),
    receivingAgencies: agencies.filter((g) => g.side === 'receiving').map((g) => g.agency_code),
    eligibilityPolicies: policies.map((p) => ({
      version: p.version,
      policyId: p.policy_id,
      effectiveFrom: p.effective_from,
      rules: p.rules,
    })),
    feeSchedules: fees.map((f) => ({
      version: f.version,
      kind: f.kind,
      amountCents: f.amount_cents,
      currency: f.currency,
      billingPeriod: f.billing_period,
      effectiveFrom: f.effective_from,
      clause: f.clause,
    })),
    people: a.people ?? 0,
  };
}

/** The state decisions about an agreement need. */
export async function loadAgreementState(q: Q, agreementId: string): Promise<AgreementState | undefined> {
  const a = await q
    .selectFrom('agreements')
    .select(['id', 'status'])
    .where('id', '=', agreementId)
    .executeTakeFirst();
  if (!a) return undefined;
  const policy = await q
    .selectFrom('eligibility_policies')
    .select(['version', 'effective_from'])
    .where('agreement_id', '=', agreementId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fee = await q
    .selectFrom('fee_schedules')
    .select(['version', 'effective_from'])
    .where('agreement_id', '=', agreementId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    agreementId: a.id,
    status: a.status,
    policyVersions: policy?.version ?? 0,
    feeScheduleVersions: fee?.version ?? 0,
    latestPolicyFrom: policy?.effective_from ?? null,
    latestFeeFrom: fee?.effective_from ?? null,
  };
}

/** Codes already taken. */
export async function agreementCodeTaken(q: Q, code: string): Promise<boolean> {
  return !!(await q.selectFrom('agreements').select('id').where('code', '=', code).executeTakeFirst());
}

/** The settings of every agreement covering a facility. */
export async function settingsOfAgreementsCovering(
  q: Q,
  facilityId: string,
): Promise<Record<string, unknown>[]> {
  const rows = await q
    .selectFrom('agreement_facilities as af')
    .innerJoin('agreements as a', 'a.id', 'af.agreement_id')
    .select('a.settings')
    .where('af.facility_id', '=', facilityId)
    .execute();
  return rows.map((r) => r.settings as Record<string, unknown>);
}

/** An agreement's code, title and parties, as an invoice names it. */
export async function agreementHeading(
  q: Q,
  agreementId: string,
): Promise<{ code: string; title: string; sending: string; receiving: string } | undefined> {
  const row = await q
    .selectFrom('agreements')
    .select(['code', 'title', 'sending_jurisdiction', 'receiving_jurisdiction'])
    .where('id', '=', agreementId)
    .executeTakeFirst();
  return row
    ? {
        code: row.code,
        title: row.title,
        sending: row.sending_jurisdiction,
        receiving: row.receiving_jurisdiction,
      }
    : undefined;
}
