import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { deriveStatus, foundAnswer } from '../locator/model.js';
import { custodyFactsOf, locatorFacility } from '../locator/store.js';
import type { FamilyPerson, RepresentationView } from './contract.js';
import type { Representation } from './model.js';
import { recordRepresentation } from './service.js';
import { findParty, listRepresentations } from './store.js';

/**
 * What the API shows of parties beyond the service's own records: representations with the person's
 * reference and the office's code, counsel's own office's representations and notices, and the family view.
 */

/** Representations with the reference of their person and the code of their office, for a reader. */
export async function withNames(db: Db, reps: readonly Representation[]): Promise<RepresentationView[]> {
  if (reps.length === 0) return [];
  const names = await db
    .selectFrom('representations as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('parties as o', 'o.id', 'r.office_id')
    .select(['r.id', 'p.ref', 'o.code'])
    .where(
      'r.id',
      'in',
      reps.map((r) => r.id),
    )
    .execute();
  return reps.map((r) => ({
    ...r,
    personRef: names.find((n) => n.id === r.id)?.ref ?? null,
    officeCode: names.find((n) => n.id === r.id)?.code ?? null,
  }));
}

/** One representation with the reference of its person and the code of its office. */
export async function withName(db: Db, rep: Representation): Promise<RepresentationView> {
  const [view] = await withNames(db, [rep]);
  if (!view) throw notFound('person', rep.personId);
  return view;
}

/** The law office counsel act for: a notice of appearance is filed for it, never for another. */
async function ownOffice(ctx: AppContext, actor: Actor): Promise<string> {
  for (const id of actor.parties?.partyIds ?? []) {
    const party = await findParty(ctx.handle.db, id);
    if (party?.kind === 'law_office') return party.id;
  }
  throw new DomainError('forbidden', 'party.no_law_office', { actor: actor.id });
}

/** The representations of the signed-in counsel's own office (recorded, and the notices they filed), oldest first. */
export async function ownRepresentations(ctx: AppContext, actor: Actor): Promise<RepresentationView[]> {
  authorize(actor, 'representation:file');
  const reps: Representation[] = [];
  for (const officeId of actor.parties?.partyIds ?? []) {
    reps.push(...(await listRepresentations(ctx.handle.db, { officeId })));
  }
  return withNames(ctx.handle.db, reps);
}

/** Counsel file a notice of appearance for their own office; in force once sending legal confirms it. */
export async function fileAppearance(
  ctx: AppContext,
  actor: Actor,
  input: { ref: string; agreement: string; from: string },
): Promise<RepresentationView> {
  authorize(actor, 'representation:file');
  const office = await ownOffice(ctx, actor);
  const rep = await recordRepresentation(ctx, actor, {
    person: { ref: input.ref, agreement: input.agreement },
    office,
    from: input.from,
    source: 'appearance',
  });
  return withName(ctx.handle.db, rep);
}

/**
 * The family view: the public locator's answer (status, since when, facility and address, never the cell)
 * for the one person the signed-in family contact is verified for. Anyone else's person is not found.
 */
export async function familyPerson(ctx: AppContext, actor: Actor): Promise<FamilyPerson> {
  const personId = actor.parties?.people[0];
  if (!personId) throw notFound('person', 'family');
  authorize(actor, 'family:read', { kind: 'person', id: personId, personId });
  const status = deriveStatus(await custodyFactsOf(ctx.handle.db, personId));
  const facility = status.facilityId ? await locatorFacility(ctx.handle.db, status.facilityId) : undefined;
  const answer = foundAnswer(status, facility ?? null);
  if (!answer.match) throw notFound('person', personId);
  return { status: answer.status, since: answer.since, facility: answer.facility };
}
