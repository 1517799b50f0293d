import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { recordRepresentation, registerParty } from '../parties/service.js';
import { anActor } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';

/**
 * For the legal visit tests: two people received at SV-TEST (`refs`, on the context's day), the law office
 * `Defensa Legal` representing the first of them from that day. Returns the people's ids by ref and the
 * office's id.
 */
export async function clientInCustody(
  ctx: AppContext & { clock: FixedClock },
  refs: readonly [string, string],
): Promise<{ person: Map<string, string>; officeId: string }> {
  const admin = anActor('admin');
  const facilityId = (await registerFacility(ctx, admin, aFacility())).id;
  const agreementId = (await createAgreement(ctx, admin, anAgreement([facilityId]))).id;
  await receivePeople(
    ctx,
    { agreementId, facilityId },
    refs.map((ref) => anEligiblePerson({ ref })),
  );
  const person = new Map<string, string>();
  for (const r of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute())
    person.set(r.ref, r.id);
  const office = await registerParty(ctx, admin, { kind: 'law_office', code: 'Defensa Legal' });
  await recordRepresentation(ctx, anActor('sending_legal'), {
    person: { personId: person.get(refs[0]) ?? '' },
    office: office.code,
    from: ctx.clock.now().toISOString().slice(0, 10),
    source: 'recorded',
  });
  return { person, officeId: office.id };
}
