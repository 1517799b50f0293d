import { DomainError } from '../core/errors.js';
import type { Actor } from '../ledger/events.js';

/**
 * DOMAIN.md, Roles: receiving custody keeps headcounts, the regime log, incidents and releases (and the
 * family notifications that follow intake). Internal jobs (`system`: the scenario, the CLI) may too.
 */
export function requireReceivingCustody(actor: Actor, what: string): void {
  if (actor.role === 'receiving_custody' || actor.role === 'system') return;
  throw new DomainError(
    'forbidden',
    `${actor.id} (role ${actor.role}) may not ${what}: only receiving_custody may (DOMAIN.md, Roles). Ask a user with that role.`,
    { details: { rule: 'custody-role', role: actor.role } },
  );
}
