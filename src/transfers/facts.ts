import { type Action, authorize } from '../auth/policy.js';
import type { AppContext, RescreenReason } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { payloadIf } from '../core/events.js';
import { screeningEvent } from '../eligibility/events.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { decideUpsert, type PersonRecord, recordOf } from '../people/model.js';
import { recordHashOf } from '../people/service.js';
import { findPerson, statesByRef } from '../people/store.js';

/**
 * The facts the sending state's law turns on, recorded one at a time (docs/domain.md, People): written notice,
 * consent to a treaty transfer, identity verification. Each is a new version of the person's record and
 * re-screens the person's open transfers in the same transaction (docs/domain.md, Eligibility).
 */

type Fact = 'notice' | 'consent' | 'identityVerification';

/** The access policy's action for recording each fact: who may is decided there (auth/policy.ts). */
const FACT_ACTIONS: Readonly<Record<Fact, Action>> = {
  notice: 'notice:record',
  consent: 'consent:record',
  identityVerification: 'identity:verify',
};

const REASONS: Readonly<Record<Fact, RescreenReason>> = {
  notice: 'notice_recorded',
  consent: 'consent_recorded',
  identityVerification: 'identity_verified',
};

async function recordFact<F extends Fact>(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  fact: F,
  value: NonNullable<PersonRecord[F]>,
): Promise<{ personId: string; version: number; rescreened: string[] }> {
  authorize(actor, FACT_ACTIONS[fact]);
  const { events } = await transact(ctx, actor, async (tx, now) => {
    const person = await findPerson(tx, personId);
    if (!person || person.withdrawnReason) throw notFound('person', personId);
    const record = recordOf(person);
    if (fact === 'consent' && record.consent) {
      throw new DomainError(
        'conflict',
        'transfer.consent_already_verified',
        { verifiedBy: record.consent.verifiedBy, verifiedOn: record.consent.verifiedOn },
        { details: { rule: 'consent-final', consent: record.consent } },
      );
    }
    const revised: PersonRecord = { ...record, [fact]: value };
    const state = (await statesByRef(tx, person.agreementId, [record.ref])).get(record.ref);
    const event = decideUpsert(person.agreementId, state, revised, recordHashOf(revised), ctx.newId);
    if (!event) {
      throw new DomainError(
        'conflict',
        'transfer.fact_unchanged',
        { fact },
        {
          details: { rule: 'fact-unchanged', fact },
        },
      );
    }
    return {
      events: [event],
      result: null,
      followUp: (t) => ctx.reactions.peopleRevised(ctx, t, [personId], REASONS[fact], now),
    };
  });
  const person = await findPerson(ctx.handle.db, personId);
  return {
    personId,
    version: person?.version ?? 0,
    rescreened: events.flatMap((e) => {
      const p = payloadIf(screeningEvent.recorded, e);
      return p?.transferId ? [p.transferId] : [];
    }),
  };
}

/** Records written notice of the intended transfer served on the person (and counsel). */
export function recordNotice(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  notice: NonNullable<PersonRecord['notice']>,
) {
  return recordFact(ctx, actor, personId, 'notice', notice);
}

/** Records verified consent to a treaty transfer; once recorded it cannot be withdrawn. */
export function recordConsent(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  consent: NonNullable<PersonRecord['consent']>,
) {
  return recordFact(ctx, actor, personId, 'consent', consent);
}

/** Records an identity verification (a biometric match, or two identifiers corroborated). */
export function recordIdentityVerification(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  verification: NonNullable<PersonRecord['identityVerification']>,
) {
  return recordFact(ctx, actor, personId, 'identityVerification', verification);
}
