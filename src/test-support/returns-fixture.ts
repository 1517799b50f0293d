import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import { registerAgency, registerFacility } from '../facilities/service.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { aCourt, anActor } from './context.js';
import { anEligiblePerson } from './eligibility-fixtures.js';
import { aFacility, anAgreement } from './factories.js';

/** The roles a return involves: the sending officer and legal, the receiving officer, the court. */
export const RETURN_ACTORS = {
  officer: anActor('sending_officer'),
  legal: anActor('sending_legal'),
  receiving: anActor('receiving_officer'),
  court: aCourt('U.S. District Court, D.D.C.', 'D.D.C.'),
};

/** A facility and an agreement whose sending agencies (US-ICE, US-BOP) are registered, for returns. */
export async function aReturnsAgreement(
  ctx: AppContext,
): Promise<{ facilityId: string; agreementId: string }> {
  const admin = anActor('admin');
  for (const code of ['US-ICE', 'US-BOP'])
    await registerAgency(ctx, admin, { code, name: code, jurisdiction: 'US' });
  const facilityId = (await registerFacility(ctx, admin, aFacility())).id;
  const agreement = await createAgreement(
    ctx,
    admin,
    anAgreement([facilityId], { sendingAgencies: ['US-ICE', 'US-BOP'] }),
  );
  return { facilityId, agreementId: agreement.id };
}

async function* text(s: string) {
  yield s;
}

/** Imports eligible people by ref (each with its overrides); returns their ids by ref. */
export async function eligiblePeople(
  ctx: AppContext,
  agreementId: string,
  people: Record<string, NonNullable<Parameters<typeof anEligiblePerson>[0]>>,
): Promise<Record<string, string>> {
  const file = Object.entries(people)
    .map(([ref, overrides]) => JSON.stringify(anEligiblePerson({ ref, ...overrides })))
    .join('\n');
  await importPeople(ctx, RETURN_ACTORS.officer, agreementId, parsePeople(text(file), 'ndjson'));
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select(['id', 'ref'])
    .where('ref', 'in', Object.keys(people))
    .execute();
  return Object.fromEntries(rows.map((r) => [r.ref, r.id]));
}
