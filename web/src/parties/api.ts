import type {
  FamilyPerson,
  NewAppearance,
  NewParty,
  NewUser,
  PartyList,
  PartyView,
  RepresentationList,
  RepresentationView,
  UserCreated,
} from '../../../src/parties/contract.ts';
import type { PartyKind } from '../../../src/parties/model.ts';
import { PARTY_KINDS } from '../../../src/parties/model.ts';
import { send } from '../api.ts';

/**
 * The API calls of parties, users with their parties, representations and the family view (docs/domain.md,
 * Parties, users and access): the shapes are the parties contract's (src/parties/contract.ts).
 */

export type {
  FamilyPerson,
  NewAppearance,
  NewParty,
  PartyKind,
  PartyList,
  PartyView,
  RepresentationList,
  RepresentationView,
  UserCreated,
};
export { PARTY_KINDS };

/** The path of the parties list. */
export const PARTIES_PATH = '/api/v1/parties';

/** The path of counsel's own office's representations and notices of appearance. */
export const OWN_REPRESENTATIONS_PATH = '/api/v1/representations/own';

/** The path of the family view. */
export const FAMILY_PERSON_PATH = '/api/v1/family/person';

/** True when `value` names a kind of party. */
export function isPartyKind(value: string): value is PartyKind {
  return (PARTY_KINDS as readonly string[]).includes(value);
}

/** Registers a party (admin). */
export function registerParty(party: NewParty): Promise<PartyView> {
  return send<PartyView>('POST', PARTIES_PATH, party);
}

/** Adds a user with their parties: the answer holds the one-time password, shown this once. */
export function addUser(user: NewUser): Promise<UserCreated> {
  return send<UserCreated>('POST', '/api/v1/users', user);
}

/** Files a notice of appearance for the signed-in counsel's office. */
export function fileAppearance(appearance: NewAppearance): Promise<RepresentationView> {
  return send<RepresentationView>('POST', '/api/v1/representations/appearances', appearance);
}
