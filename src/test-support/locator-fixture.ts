import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import { registerAgency, registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { aFacility, anAgreement } from './factories.js';

/**
 * What the locator's tests start from: the sending agency a miss names (US-ICE), a facility with a postal
 * address, and an agreement in force between them. Returns their ids.
 */
export async function locatorAgreement(
  ctx: AppContext,
  facility: { code: string; name: string; address: string },
): Promise<{ agreementId: string; facilityId: string }> {
  const system = systemActor('test');
  await registerAgency(ctx, system, {
    code: 'US-ICE',
    name: 'U.S. Immigration and Customs Enforcement',
    jurisdiction: 'US',
  });
  const facilityId = (await registerFacility(ctx, system, aFacility(facility))).id;
  const agreement = await createAgreement(
    ctx,
    system,
    anAgreement([facilityId], { sendingAgencies: ['US-ICE'] }),
  );
  return { agreementId: agreement.id, facilityId };
}
