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
 * The facts the sending state's law turns on, recorded one at a time (DOMAIN.md, People): written notice,
 * consent to a treaty transfer, identity verification. Each is a new version of the person's record and
 * re-screens the person's open transfers in the same transaction (DOMAIN.md, Eligibility).
 */

type Fact = 'notice' | 'consent' | 'identityVerification';

/** Who may record each fact (DOMAIN.md, Roles: sending_legal records notices and consent; officers handle people). */
export const FACT_ROLES: Readonly<Record<Fact, readonly string[]>> = {
  notice: ['sending_legal'],
  consent: ['sending_legal'],
  identityVerification: ['sending_officer', 'sending_legal'],
};

const REASONS: Readonly<Record<Fact, RescreenReason>> = {
  notice: 'notice_recorded',
  consent: 'consent_recorded',
  identityVerification: 'identity_verified',
};

const WORDS: Readonly<Record<Fact, string>> = {
  notice: 'notice',
  consent: 'consent',
  identityVerification: 'an identity verification',
};

async function recordFact<F extends Fact>(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  fact: F,
  value: NonNullable<PersonRecord[F]>,
): Promise<{ personId: string; version: number; rescreened: string[] }> {
  const roles = FACT_ROLES[fact];
  if (!roles.includes(actor.role)) {
    throw new DomainError(
      'forbidden',
      `${actor.id} (role ${actor.role}) may not record ${WORDS[fact]}: only ${roles.join(' or ')} may (DOMAIN.md, Roles).`,
      { details: { rule: 'fact-role', fact, role: actor.role, allowedRoles: roles } },
    );
  }
  const { events } = await transact(ctx, actor, async (tx, now) => {
    const person = await findPerson(tx, personId);
    if (!person || person.withdrawnReason) throw notFound('person', personId);
    const record = recordOf(person);
    if (fact === 'consent' && record.consent) {
      throw new DomainError(
        'conflict',
        `Consent was already verified by ${record.consent.verifiedBy} on ${record.consent.verifiedOn}; verified consent cannot be withdrawn or replaced (DOMAIN.md, People).`,
        { details: { rule: 'consent-final', consent: record.consent } },
      );
    }
    const revised: PersonRecord = { ...record, [fact]: value };
    const state = (await statesByRef(tx, person.agreementId, [record.ref])).get(record.ref);
    const event = decideUpsert(person.agreementId, state, revised, recordHashOf(revised), ctx.newId);
    if (!event) {
      throw new DomainError(
        'conflict',
        `This ${fact === 'identityVerification' ? 'verification' : fact} is already recorded as given; nothing changed.`,
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
