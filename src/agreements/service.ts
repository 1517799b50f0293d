import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import { requireIdCursor } from '../core/ids.js';
import { policyFromRecord } from '../eligibility/engine.js';
import { existingFacilityIds, registeredAgencyCodes } from '../facilities/store.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import {
  type AgreementCreated,
  type AgreementInput,
  type AgreementPatch,
  type AgreementState,
  agreementEvent,
  decideFeeScheduleVersion,
  decidePolicyVersion,
  decideStatusChange,
  type EligibilityPolicyInput,
  type FeeScheduleInput,
} from './model.js';
import * as store from './store.js';

/** Creates an agreement, with its first policy and fee schedule versions when given. */
export async function createAgreement(ctx: AppContext, actor: Actor, input: AgreementInput) {
  authorize(actor, 'agreements:write');
  // A policy the engine cannot apply exactly is refused before anything is recorded.
  if (input.eligibilityPolicy) policyFromRecord(input.eligibilityPolicy, input.receivingJurisdiction);
  const { result } = await transact(ctx, actor, async (tx) => {
    if (await store.agreementCodeTaken(tx, input.code)) {
      throw new DomainError('conflict', 'agreement.code_taken', { code: input.code });
    }
    const facilities = await existingFacilityIds(tx, input.facilityIds);
    const missing = input.facilityIds.filter((id) => !facilities.includes(id));
    if (missing.length > 0) throw notFound('facility', missing.join(', '));
    const codes = [...input.sendingAgencies, ...input.receivingAgencies];
    if (codes.length > 0) {
      const known = await registeredAgencyCodes(tx, codes);
      const unknown = codes.filter((c) => !known.includes(c));
      if (unknown.length > 0) {
        throw new DomainError('invalid_input', 'agreement.agencies_unknown', { unknown });
      }
    }
    const agreementId = ctx.newId();
    const { eligibilityPolicy, feeSchedule, ...rest } = input;
    const stream = `agreement:${agreementId}`;
    const created: AgreementCreated = { agreementId, ...rest };
    const events: NewEvent[] = [event(agreementEvent.created, stream, created, { newStream: true })];
    const state = {
      agreementId,
      status: input.status,
      policyVersions: 0,
      feeScheduleVersions: 0,
      latestPolicyFrom: null,
      latestFeeFrom: null,
    };
    if (eligibilityPolicy) {
      events.push(
        event(agreementEvent.policyVersioned, stream, decidePolicyVersion(state, eligibilityPolicy)),
      );
    }
    if (feeSchedule) {
      events.push(
        event(agreementEvent.feeScheduleVersioned, stream, decideFeeScheduleVersion(state, feeSchedule)),
      );
    }
    return { events, result: agreementId };
  });
  return getAgreement(ctx, actor, result);
}

/**
 * The shared shape of every change to an existing agreement: authorise, load its state inside the write
 * transaction, let a pure decision produce the events, and return the agreement as it now stands.
 */
async function changeAgreement(
  ctx: AppContext,
  actor: Actor,
  idOrCode: string,
  decide: (state: AgreementState, stream: string) => NewEvent[],
) {
  authorize(actor, 'agreements:write');
  const id = await store.resolveAgreementId(ctx.handle.db, idOrCode);
  if (!id) throw notFound('agreement', idOrCode);
  await transact(ctx, actor, async (tx) => {
    const state = await store.loadAgreementState(tx, id);
    if (!state) throw notFound('agreement', idOrCode);
    return { events: decide(state, `agreement:${id}`), result: null };
  });
  return getAgreement(ctx, actor, id);
}

/** Revises an agreement; a status change follows the lifecycle. */
export async function reviseAgreement(
  ctx: AppContext,
  actor: Actor,
  idOrCode: string,
  patch: AgreementPatch,
) {
  return changeAgreement(ctx, actor, idOrCode, (state, streamId) => {
    const { status, ...changes } = patch;
    const events: NewEvent[] = [];
    if (Object.keys(changes).length > 0) {
      events.push(event(agreementEvent.revised, streamId, { agreementId: state.agreementId, changes }));
    }
    const statusChange = status ? decideStatusChange(state, status) : null;
    if (statusChange) events.push(event(agreementEvent.statusChanged, streamId, statusChange));
    return events;
  });
}

/** Adds a new eligibility policy version. Old screenings keep the version they used. */
export async function addPolicyVersion(
  ctx: AppContext,
  actor: Actor,
  idOrCode: string,
  input: EligibilityPolicyInput,
) {
  policyFromRecord(input);
  return changeAgreement(ctx, actor, idOrCode, (state, streamId) => [
    event(agreementEvent.policyVersioned, streamId, decidePolicyVersion(state, input)),
  ]);
}

/** Adds a new fee schedule version, in force from its effective date. */
export async function addFeeScheduleVersion(
  ctx: AppContext,
  actor: Actor,
  idOrCode: string,
  input: FeeScheduleInput,
) {
  return changeAgreement(ctx, actor, idOrCode, (state, streamId) => [
    event(agreementEvent.feeScheduleVersioned, streamId, decideFeeScheduleVersion(state, input)),
  ]);
}

/** One agreement by id or code. */
export async function getAgreement(ctx: AppContext, actor: Actor, idOrCode: string) {
  authorize(actor, 'agreements:read');
  const view = await store.findAgreement(ctx.handle.db, idOrCode);
  if (!view) throw notFound('agreement', idOrCode);
  return view;
}

/** Agreements, paged by id. */
export async function listAgreements(
  ctx: AppContext,
  actor: Actor,
  options: { cursor?: string; limit?: number },
) {
  authorize(actor, 'agreements:read');
  requireIdCursor(options.cursor);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const items = await store.listAgreements(ctx.handle.db, {
    limit: limit + 1,
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? (page.at(-1)?.id ?? null) : null };
}
