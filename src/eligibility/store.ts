import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { PolicyRecord } from './engine.js';
import { screeningEvent } from './events.js';
import type { RuleEvaluation } from './policy.js';

type Q = Db | Tx;

export { SCREENING_EVENTS, type ScreeningRecorded } from './events.js';

/** Screening event types and their projections. */
export const screeningEvents: FeatureEvents = {
  feature: 'eligibility',
  tables: [{ table: 'screenings', orderBy: 'id' }],
  events: [
    projection(screeningEvent.recorded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('screenings')
        .values({
          id: p.screeningId,
          person_id: p.personId,
          agreement_id: p.agreementId,
          policy_id: p.policyId,
          policy_version: p.policyVersion,
          as_of: p.asOf,
          outcome: p.outcome,
          rules: JSON.stringify(p.rules),
          inputs_hash: p.inputsHash,
          person_version: p.personVersion,
          transfer_id: p.transferId ?? null,
          reason: p.reason ?? null,
          recorded_at: new Date(e.recordedAt),
          actor: e.actor,
        })
        .execute();
    }),
  ],
};

/** The agreement's policy version in force on `asOf`: the newest whose effective date is not later. */
export async function policyInForce(
  q: Q,
  agreementId: string,
  asOf: string,
): Promise<(PolicyRecord & { version: number }) | undefined> {
  const row = await q
    .selectFrom('eligibility_policies')
    .select(['version', 'policy_id', 'effective_from', 'rules'])
    .where('agreement_id', '=', agreementId)
    .where('effective_from', '<=', asOf)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    policyId: row.policy_id,
    effectiveFrom: row.effective_from,
    rules: row.rules as PolicyRecord['rules'],
  };
}

/** The most recent recorded screening of a person. */
export async function latestRecorded(q: Q, personId: string) {
  const row = await q
    .selectFrom('screenings')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    policy: row.policy_id,
    policyVersion: row.policy_version,
    asOf: row.as_of,
    outcome: row.outcome,
    rules: row.rules as RuleEvaluation[],
    inputsHash: row.inputs_hash,
    personVersion: row.person_version,
    recordedAt: row.recorded_at.toISOString(),
    actor: row.actor,
  };
}

const RECORDED_COLUMNS = [
  'id',
  'as_of',
  'outcome',
  'rules',
  'policy_id',
  'policy_version',
  'inputs_hash',
  'person_version',
  'recorded_at',
  'actor',
  'reason',
] as const;

function recordedScreening(x: {
  id: string;
  as_of: string;
  outcome: 'eligible' | 'pending' | 'ineligible';
  rules: RuleEvaluation[];
  policy_id: string;
  policy_version: number;
  inputs_hash: string;
  person_version: number;
  recorded_at: Date;
  actor: string;
  reason: string | null;
}) {
  return {
    id: x.id,
    asOf: x.as_of,
    outcome: x.outcome,
    rules: x.rules,
    policyId: x.policy_id,
    policyVersion: x.policy_version,
    inputsHash: x.inputs_hash,
    personVersion: x.person_version,
    recordedAt: x.recorded_at.toISOString(),
    actor: x.actor,
    reason: x.reason,
  };
}

/** A screening as recorded, every rule with its result, reason and source. */
export type RecordedScreening = ReturnType<typeof recordedScreening>;

/**
 * A transfer's recorded screenings, newest first, at most `limit`: those its steps were decided on and
 * the re-screenings made when the person's facts changed.
 */
export async function screeningsOfTransfer(
  q: Q,
  transferId: string,
  limit: number,
): Promise<RecordedScreening[]> {
  const rows = await q
    .selectFrom('screenings')
    .select(RECORDED_COLUMNS)
    .where('transfer_id', '=', transferId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(recordedScreening);
}

/** Recorded screenings by id (a step's screening, named by its transfer event), keyed by id. */
export async function screeningsById(q: Q, ids: readonly string[]): Promise<Map<string, RecordedScreening>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('screenings')
    .select(RECORDED_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((x) => [x.id, recordedScreening(x)]));
}
