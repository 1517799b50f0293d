import type { Role } from '../auth/model.js';
import { partiesOfRole } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { systemActor } from '../ledger/events.js';
import type { PartyKind } from '../parties/model.js';
import { registerParty } from '../parties/service.js';
import { findParty } from '../parties/store.js';

/** The party a test user of a role that must name one acts for (a family contact needs a person: not here). */
const TEST_PARTIES: Partial<Record<Role, { kind: PartyKind; code: string }>> = {
  court: { kind: 'court', code: 'D.D.C.' },
  counsel: { kind: 'law_office', code: 'Test law office' },
};

/**
 * The party codes to create a test user of `role` with: for a role that must name its party (court,
 * counsel), one registered here when missing; none for the other roles. Family contacts are left to the
 * test, which knows the person.
 */
export async function testPartiesFor(ctx: AppContext, role: Role): Promise<string[]> {
  const party = TEST_PARTIES[role];
  if (!party || !partiesOfRole(role).required) return [];
  if (!(await findParty(ctx.handle.db, party.code))) {
    await registerParty(ctx, systemActor('test'), party);
  }
  return [party.code];
}
