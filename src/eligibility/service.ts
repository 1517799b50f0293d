import { findAgreement, resolveAgreementId } from '../agreements/store.js';
import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError, invalidInput, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson } from '../parties/scope.js';
import { type PersonRecord, recordOf } from '../people/model.js';
import { exportRecords, findPerson, statesByRef } from '../people/store.js';
import { policyFromRecord, type Screening, screen } from './engine.js';
import { type ScreeningRecorded, screeningEvent, screeningRecordedOf } from './events.js';
import type { EligibilityPolicy } from './policy.js';
import { latestRecorded, policyInForce } from './store.js';

/**
 * The policy an agreement applies on a date, ready for the engine, with its stored version number. Takes
 * the database or a transaction, so a transfer decision reads it inside its own transaction.
 */
export async function policyAt(
  q: Db | Tx,
  agreementIdOrCode: string,
  asOf: string,
): Promise<{ agreementId: string; policy: EligibilityPolicy; version: number }> {
  if (!isIsoDate(asOf)) {
    throw invalidInput('eligibility.as_of_not_date', { asOf }, [
      { field: 'asOf', message: 'must be a real date written YYYY-MM-DD' },
    ]);
  }
  const agreementId = await resolveAgreementId(q, agreementIdOrCode);
  if (!agreementId) throw notFound('agreement', agreementIdOrCode);
  const agreement = await findAgreement(q, agreementId);
  const record = await policyInForce(q, agreementId, asOf);
  if (!record) {
    const first = agreement?.eligibilityPolicies[0]?.effectiveFrom;
    throw new DomainError('rule_refusal', 'eligibility.no_policy_in_force', {
      agreement: agreement?.code ?? agreementIdOrCode,
      asOf,
      first: first ?? null,
    });
  }
  return {
    agreementId,
    policy: policyFromRecord(record, agreement?.receivingJurisdiction),
    version: record.version,
  };
}

/** The policy an agreement applies on a date (see `policyAt`), read outside any transaction. */
export function policyFor(ctx: AppContext, agreementIdOrCode: string, asOf: string) {
  return policyAt(ctx.handle.db, agreementIdOrCode, asOf);
}

/** Screens records (from a file or the store) without storing anything: the what-if tool. */
export async function* screenRecords(
  records: AsyncIterable<PersonRecord>,
  policy: EligibilityPolicy,
  asOf: string,
): AsyncGenerator<Screening> {
  for await (const record of records) yield screen(record, policy, asOf);
}

/** The stored people to screen: one ref, or all of the agreement's (streamed). */
export async function* storedRecords(
  ctx: AppContext,
  actor: Actor,
  agreementId: string,
  selection: { ref: string } | { all: true },
): AsyncGenerator<PersonRecord> {
  authorize(actor, 'people:read');
  if ('all' in selection) {
    yield* exportRecords(ctx.handle.db, agreementId);
    return;
  }
  const state = (await statesByRef(ctx.handle.db, agreementId, [selection.ref])).get(selection.ref);
  if (!state || state.withdrawn) throw notFound('person_ref', selection.ref);
  yield state.record;
}

/**
 * Screens a stored person as of a date and records the screening in the ledger, with the policy version,
 * the person's record version and the inputs' hash, so it can be recomputed and is never changed by a
 * later policy version.
 */
export async function recordScreening(
  ctx: AppContext,
  actor: Actor,
  input: { personId: string; asOf: string },
): Promise<ScreeningRecorded> {
  authorize(actor, 'screenings:record');
  const person = await findPerson(ctx.handle.db, input.personId);
  if (!person || person.withdrawnReason) throw notFound('person', input.personId);
  const { policy, version } = await policyFor(ctx, person.agreementId, input.asOf);
  const { result } = await transact(ctx, actor, async (tx) => {
    // Screen the record as it stands inside the transaction, so the screening matches the version stored.
    const current = await findPerson(tx, input.personId);
    if (!current) throw notFound('person', input.personId);
    const s = screen(recordOf(current), policy, input.asOf);
    const payload = screeningRecordedOf(ctx.newId(), current, s, version);
    return {
      events: [event(screeningEvent.recorded, `person:${current.id}`, payload)],
      result: payload,
    };
  });
  return result;
}

/** A person's screening as of a date, computed now (not stored), with the last recorded one. */
export async function personScreening(ctx: AppContext, actor: Actor, personId: string, asOf: string) {
  await authorizePerson(ctx, actor, 'people:read', personId);
  const person = await findPerson(ctx.handle.db, personId);
  if (!person) throw notFound('person', personId);
  const { policy, version } = await policyFor(ctx, person.agreementId, asOf);
  return {
    personId,
    personVersion: person.version,
    policyVersion: version,
    current: screen(recordOf(person), policy, asOf),
    lastRecorded: await latestRecorded(ctx.handle.db, personId),
  };
}
