import type { PartyKind } from '../parties/model.js';
import type { Role } from './model.js';

/** What parties a role's users act for: of which kinds, whether they must name one, and whether several. */
export interface RoleParties {
  readonly kinds: readonly PartyKind[];
  /** True where every grant of the role is scoped by its party, so a user without one would reach nothing. */
  readonly required: boolean;
  /** True where a user may act for several parties (a court user for several courts). */
  readonly several: boolean;
}

/**
 * The parties each role acts for (docs/domain.md, Parties, users and access). Finance works for either
 * side: the receiving side issues invoices, the sending side pays them.
 */
const PARTIES_OF_ROLE: Readonly<Record<Role, RoleParties>> = {
  admin: { kinds: ['installation'], required: false, several: false },
  sending_officer: { kinds: ['sending_agency'], required: false, several: false },
  sending_legal: { kinds: ['sending_agency'], required: false, several: false },
  receiving_officer: { kinds: ['receiving_agency'], required: false, several: false },
  receiving_custody: { kinds: ['receiving_agency'], required: false, several: false },
  finance: { kinds: ['sending_agency', 'receiving_agency'], required: false, several: false },
  court: { kinds: ['court'], required: true, several: true },
  counsel: { kinds: ['law_office'], required: true, several: false },
  family: { kinds: ['family_contact'], required: true, several: false },
  monitor: { kinds: ['monitoring_body'], required: false, several: false },
};

/** The parties `role`'s users act for; an unknown role acts for none. */
export function partiesOfRole(role: string): RoleParties {
  return (
    (PARTIES_OF_ROLE as Readonly<Record<string, RoleParties>>)[role] ?? {
      kinds: [],
      required: false,
      several: false,
    }
  );
}
