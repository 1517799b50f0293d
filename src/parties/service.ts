import { resolveAgreementId } from '../agreements/store.js';
import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { findPerson, statesByRef } from '../people/store.js';
import { courtSubject } from '../transfers/model.js';
import {
  decideConfirmation,
  decideEnd,
  decideParty,
  decideRepresentation,
  type Party,
  type PartyKind,
  type PersonSealed,
  partyEvent,
  type Representation,
  type RepresentationSource,
} from './model.js';
import { authorizePerson } from './scope.js';
import { findParty, findRepresentation, listParties, listRepresentations } from './store.js';

type Q = Db | Tx;

/** A person named by id, or by ref under an agreement (id or code). */
export type PersonName = { personId: string } | { ref: string; agreement: string };

/** The person's id and agreement, or not found. */
async function resolvePerson(q: Q, name: PersonName): Promise<{ id: string; agreementId: string }> {
  if ('personId' in name) {
    const person = await findPerson(q, name.personId);
    if (!person) throw notFound('person', name.personId);
    return { id: person.id, agreementId: person.agreementId };
  }
  const agreementId = await resolveAgreementId(q, name.agreement);
  if (!agreementId) throw notFound('agreement', name.agreement);
  const state = (await statesByRef(q, agreementId, [name.ref])).get(name.ref);
  if (!state)
    throw new DomainError('not_found', 'custody.person_ref_not_found', {
      ref: name.ref,
      agreement: name.agreement,
    });
  return { id: state.personId, agreementId };
}

async function requireParty(q: Q, code: string): Promise<Party> {
  const party = await findParty(q, code);
  if (!party) throw new DomainError('not_found', 'party.not_found', { code });
  return party;
}

/** Registers a party (admin); a family contact names the one person it is verified for. */
export async function registerParty(
  ctx: AppContext,
  actor: Actor,
  input: { kind: PartyKind; code: string; name?: string; person?: PersonName },
): Promise<Party> {
  authorize(actor, 'parties:manage');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const person = input.person ? await resolvePerson(tx, input.person) : null;
    const registered = decideParty(
      { kind: input.kind, code: input.code, name: input.name ?? '', personId: person?.id ?? null },
      await listParties(tx),
      now,
      ctx.newId,
    );
    return {
      events: [event(partyEvent.registered, `party:${registered.partyId}`, registered, { newStream: true })],
      result: {
        id: registered.partyId,
        kind: registered.kind,
        code: registered.code,
        name: registered.name,
        personId: registered.personId,
      },
    };
  });
  return result;
}

/** Every party, optionally of one kind. */
export async function parties(ctx: AppContext, actor: Actor, kind?: PartyKind): Promise<Party[]> {
  authorize(actor, 'parties:read');
  return listParties(ctx.handle.db, kind);
}

/**
 * Records that a law office represents a person from a date (to a date). Sending legal or a court record
 * it, in force at once; counsel file a notice of appearance (`appearance`), in force once sending legal
 * confirms it.
 */
export async function recordRepresentation(
  ctx: AppContext,
  actor: Actor,
  input: {
    person: PersonName;
    office: string;
    from: string;
    to?: string | null;
    source: RepresentationSource;
  },
): Promise<Representation> {
  authorize(actor, input.source === 'appearance' ? 'representation:file' : 'representation:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const person = await resolvePerson(tx, input.person);
    const office = await requireParty(tx, input.office);
    const recorded = decideRepresentation(
      {
        personId: person.id,
        agreementId: person.agreementId,
        office,
        from: input.from,
        to: input.to ?? null,
        source: input.source,
      },
      await listRepresentations(tx, { personId: person.id }),
      now,
      ctx.newId,
    );
    return {
      events: [
        event(partyEvent.representationRecorded, `representation:${recorded.representationId}`, recorded, {
          newStream: true,
        }),
      ],
      result: {
        id: recorded.representationId,
        personId: recorded.personId,
        agreementId: recorded.agreementId,
        officeId: recorded.officeId,
        from: recorded.from,
        to: recorded.to,
        source: recorded.source,
        confirmedAt: recorded.source === 'recorded' ? recorded.at : null,
      },
    };
  });
  return result;
}

/** Confirms a notice of appearance (sending legal): the office then represents the person. */
export async function confirmRepresentation(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Representation> {
  authorize(actor, 'representation:confirm');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const rep = await findRepresentation(tx, id);
    if (!rep) throw new DomainError('not_found', 'party.representation_not_found', { id });
    const confirmed = decideConfirmation(rep, now);
    return {
      events: [event(partyEvent.representationConfirmed, `representation:${rep.id}`, confirmed)],
      result: { ...rep, confirmedAt: confirmed.at },
    };
  });
  return result;
}

/** Ends a representation on a day (sending legal or a court). */
export async function endRepresentation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  to: string,
): Promise<Representation> {
  authorize(actor, 'representation:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const rep = await findRepresentation(tx, id);
    if (!rep) throw new DomainError('not_found', 'party.representation_not_found', { id });
    const ended = decideEnd(rep, to, now);
    return {
      events: [event(partyEvent.representationEnded, `representation:${rep.id}`, ended)],
      result: { ...rep, to: ended.to },
    };
  });
  return result;
}

/** A person's representations, oldest first. */
export async function representationsOf(
  ctx: AppContext,
  actor: Actor,
  person: PersonName,
): Promise<Representation[]> {
  authorize(actor, 'parties:read');
  const { id } = await resolvePerson(ctx.handle.db, person);
  // A person the reader may not read (a monitor and a sealed record) has no representations to show.
  await authorizePerson(ctx, actor, 'people:read', id);
  return listRepresentations(ctx.handle.db, { personId: id });
}

/**
 * Seals a person's record by a court's order (a court for its own courts, sending legal on a court's
 * behalf): from then on monitors and the public locator do not find the person; every count still does.
 */
export async function sealPerson(
  ctx: AppContext,
  actor: Actor,
  input: { person: PersonName; court: string; order: string; on?: string },
): Promise<PersonSealed> {
  // The requester names the court, so a court not theirs is told so (403), not "not found".
  authorize(actor, 'person:seal', courtSubject(input.court, input.order));
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const person = await resolvePerson(tx, input.person);
    const sealed = await tx
      .selectFrom('person_seals')
      .select(['court', 'order_ref'])
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (sealed) {
      throw new DomainError('conflict', 'person.already_sealed', {
        personId: person.id,
        court: sealed.court,
        order: sealed.order_ref,
      });
    }
    const payload: PersonSealed = {
      personId: person.id,
      court: input.court.trim(),
      order: input.order.trim(),
      on: input.on ?? now.toISOString().slice(0, 10),
      at: now.toISOString(),
      by: actor.id,
    };
    return { events: [event(partyEvent.personSealed, `person:${person.id}`, payload)], result: payload };
  });
  return result;
}
