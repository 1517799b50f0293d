import { DomainError, notFound } from '../core/errors.js';
import type { Subject } from '../core/messages/common.js';
import {
  ACTIONS,
  type Action,
  CUSTODY_RECORDS,
  isAction,
  LEGAL_VISIT_ACTS,
  RELEASE_DATE_ACTS,
  REPRESENTATION_ACTS,
  ROUTE_ACTIONS,
} from './actions.js';
import { ROLES, type Role } from './model.js';

export { ACTIONS, type Action, isAction, ROUTE_ACTIONS } from './actions.js';
export { partiesOfRole, type RoleParties } from './role-parties.js';

/**
 * The one access policy (docs/domain.md, Roles): who may do what, to which subject, within
 * which scope. Routes (`config.access`), services, the pure decisions (the transfer state machine, the
 * manifest) and the UI (`actionsOf`, through the session) all ask it; nothing else decides access.
 * Anything not granted here is refused. Pure: no I/O.
 */

/** Who a grant is for: a user's role, or `system` (internal jobs such as scenario loading, and the CLI operator). */
export type Grantee = Role | 'system';

/** Every grantee, in the order the access matrix shows them. */
export const GRANTEES: readonly Grantee[] = [...ROLES, 'system'];

/**
 * How far a grant reaches (docs/domain.md, Parties, users and access). `all`: every subject of the action.
 * `own_clients`: the people a representation in force names the user's law office for (counsel).
 * `own_courts`: what belongs to the user's courts: a hold or order they issued, a person under one (court).
 * `own_person`: the one person a family contact is verified for (family). `unsealed`: every subject no
 * court has sealed (monitor).
 */
export type Scope = 'all' | 'own_clients' | 'own_courts' | 'own_person' | 'unsealed';

/** Every scope, in the order the access matrix and the docs show them. */
export const SCOPES_IN_ORDER: readonly Scope[] = [
  'all',
  'own_clients',
  'own_courts',
  'own_person',
  'unsealed',
];

/** One line of the policy: these roles may take these actions, within this scope. */
export interface Grant {
  readonly roles: readonly Grantee[];
  readonly actions: readonly Action[];
  readonly scope: Scope;
}

/** A grant, written as Outline writes its policies: `allow(roles, actions, scope)`. */
function allow(roles: readonly Grantee[], actions: readonly Action[], scope: Scope): Grant {
  return { roles, actions, scope };
}

/** The roles that read the records behind transfers (docs/domain.md, Roles). */
const READERS: readonly Role[] = [
  'admin',
  'sending_officer',
  'sending_legal',
  'receiving_officer',
  'receiving_custody',
  'court',
  'monitor',
];

/**
 * The policy, one grant a line. The order of the roles in a line is the order a refusal names them in
 * ("only court or sending_legal may"). `admin` is never implied: it holds only what is written here.
 */
export const POLICY: readonly Grant[] = [
  // Reading. Counsel read their clients (a representation in force names their office), never the cell.
  // Monitors read every person, transfer and cell no court has sealed (a sealed person is not found); a
  // court, the people under a hold or order of its courts (a new case's person by exact identifier, 0032).
  allow(
    READERS.filter((r) => r !== 'monitor' && r !== 'court'),
    ['transfers:read', 'manifests:read', 'facilities:read', 'people:read', 'housing:read'],
    'all',
  ),
  allow(['court', 'monitor'], ['facilities:read'], 'all'),
  allow(['court'], ['transfers:read', 'people:read', 'housing:read'], 'own_courts'),
  allow(['monitor'], ['transfers:read', 'manifests:read', 'people:read', 'housing:read'], 'unsealed'),
  allow(['counsel'], ['people:read', 'transfers:read'], 'own_clients'),
  allow([...READERS, 'finance'], ['agreements:read'], 'all'),
  // Everyone who works a case sees the dashboard and the ledger; a family contact sees only their person.
  allow(
    ROLES.filter((r) => r !== 'family'),
    ['ledger:read', 'dashboard:read'],
    'all',
  ),
  // Proofs by person (decision 0031): counsel for their clients, monitors for records no court sealed, the
  // other ledger readers for everyone. Entry bundles hold every leaf: the installation and monitors only.
  allow(
    ROLES.filter((r) => r !== 'family' && r !== 'counsel' && r !== 'monitor'),
    ['ledger:person_proofs'],
    'all',
  ),
  allow(['counsel'], ['ledger:person_proofs'], 'own_clients'),
  allow(['monitor'], ['ledger:person_proofs'], 'unsealed'),
  allow(['admin'], ['ledger:entries'], 'all'),
  allow(['monitor'], ['ledger:entries'], 'unsealed'),
  allow(['admin', 'finance', 'monitor'], ['billing:read'], 'all'),
  allow(['admin', 'monitor'], ['locator_lookups:read'], 'all'),
  // Public statistics: anyone reads them; the installation or a monitor publishes a release.
  allow(['admin', 'monitor'], ['statistics:publish'], 'all'),
  // A family contact reads the locator's answer for the one person they are verified for.
  allow(['family'], ['family:read'], 'own_person'),

  // The installation: users, agreements, facilities.
  allow(['admin'], ['users:read', 'users:manage', 'agreements:write', 'facilities:write'], 'all'),

  // Parties: the installation registers them; those who record representations and family contacts,
  // and the courts and monitors, read them.
  allow(['admin'], ['parties:manage'], 'all'),
  allow(['admin', 'sending_legal', 'court', 'monitor'], ['parties:read'], 'all'),
  allow(['sending_legal', 'court'], ['representation:record'], 'all'),
  allow(['sending_legal'], ['representation:confirm'], 'all'),
  // Sealing a record: a court for its own courts' orders, sending_legal on a court's behalf.
  allow(['court'], ['person:seal'], 'own_courts'),
  allow(['sending_legal'], ['person:seal'], 'all'),
  allow(['counsel'], ['representation:file'], 'all'),

  // People and screenings.
  allow(['sending_officer'], ['people:write', 'people:import'], 'all'),
  allow(['sending_officer', 'sending_legal'], ['screenings:record'], 'all'),
  allow(['sending_legal'], ['notice:record', 'consent:record'], 'all'),
  allow(['sending_officer', 'sending_legal'], ['identity:verify'], 'all'),

  // Transfers: the routes, then each step of the state machine.
  allow(['sending_officer', 'sending_legal', 'receiving_officer', 'court'], ['transfers:act'], 'all'),
  allow(['sending_officer'], ['transfer:nominate', 'transfer:schedule', 'transfer:depart'], 'all'),
  allow(['sending_legal'], ['transfer:screen', 'transfer:approve'], 'all'),
  allow(['receiving_officer'], ['transfer:accept', 'transfer:reject', 'transfer:receive'], 'all'),
  allow(['sending_officer', 'sending_legal'], ['transfer:cancel'], 'all'),

  // Legal holds and return orders: a court records its own (the hold's or order's court is one of the
  // user's), sending_legal any court's on its behalf.
  allow(['sending_legal'], ['holds:record'], 'all'),
  allow(['court'], ['holds:record'], 'own_courts'),
  allow(
    ['court'],
    ['legal_hold:record', 'legal_hold:lift', 'transfer:hold', 'transfer:lift_hold', 'transfer:order_return'],
    'own_courts',
  ),
  allow(
    ['sending_legal'],
    ['legal_hold:record', 'legal_hold:lift', 'transfer:hold', 'transfer:lift_hold'],
    'all',
  ),

  // Release dates: overridden, or detention past them explained, by a court or sending legal on its behalf.
  allow(['court', 'sending_legal'], RELEASE_DATE_ACTS, 'all'),

  // The transport manifest: the sending officer boards and departs, the receiving officer takes intake.
  allow(
    ['sending_officer'],
    [
      'manifest:create',
      'manifest:add',
      'manifest:remove',
      'manifest:board',
      'manifest:depart',
      'manifest:returned_before_departure',
    ],
    'all',
  ),
  allow(['receiving_officer'], ['manifest:arrive', 'manifest:receive', 'manifest:close'], 'all'),
  allow(
    ['sending_officer', 'receiving_officer'],
    ['manifest:medical_diversion', 'manifest:missing_after_transport'],
    'all',
  ),

  // A return mirrors the outbound manifest: the receiving officer boards and departs, the sending officer
  // takes arrival and the handover. A repatriation is the receiving state's own: its officer does it all.
  allow(['receiving_officer'], ['transfer:repatriate'], 'all'),
  allow(
    ['receiving_officer'],
    [
      'return_manifest:create',
      'return_manifest:add',
      'return_manifest:remove',
      'return_manifest:board',
      'return_manifest:depart',
      'return_manifest:returned_before_departure',
    ],
    'all',
  ),
  allow(
    ['sending_officer'],
    ['return_manifest:arrive', 'return_manifest:hand_over', 'return_manifest:close'],
    'all',
  ),
  allow(
    ['receiving_officer', 'sending_officer'],
    ['return_manifest:medical_diversion', 'return_manifest:missing_after_transport'],
    'all',
  ),
  allow(
    ['receiving_officer'],
    [
      'repatriation_manifest:create',
      'repatriation_manifest:add',
      'repatriation_manifest:remove',
      'repatriation_manifest:board',
      'repatriation_manifest:depart',
      'repatriation_manifest:arrive',
      'repatriation_manifest:hand_over',
      'repatriation_manifest:returned_before_departure',
      'repatriation_manifest:medical_diversion',
      'repatriation_manifest:missing_after_transport',
      'repatriation_manifest:close',
    ],
    'all',
  ),

  // The receiving facility: allocation, and the custody records.
  allow(['receiving_officer'], ['housing:allocate'], 'all'),
  allow(['receiving_custody'], ['custody:record', ...CUSTODY_RECORDS], 'all'),

  // Billing: the receiving side issues, the sending side records payments (both are `finance` today).
  allow(['finance'], ['billing:write'], 'all'),

  // Legal visits (visits/, decision 0028): counsel request and cancel for their clients; receiving custody
  // schedules, refuses and records the outcome; monitors read those of every person not sealed.
  allow(
    ['counsel'],
    ['legal_visits:read', 'legal_visits:request', 'legal_visit:request', 'legal_visit:cancel'],
    'own_clients',
  ),
  allow(
    ['receiving_custody'],
    [
      'legal_visits:read',
      'legal_visits:manage',
      'legal_visit:schedule',
      'legal_visit:refuse',
      'legal_visit:record_outcome',
    ],
    'all',
  ),
  allow(['monitor'], ['legal_visits:read'], 'unsealed'),
  allow(['system'], LEGAL_VISIT_ACTS, 'all'),

  // Video-link hearings (hearings/, decision 0029): receiving custody keeps the rooms and reads every
  // hearing (its day lists); a court books, amends, cancels and records outcomes for its own courts only;
  // counsel read their clients' hearings, a family contact their person's next one; monitors read.
  allow(['receiving_custody'], ['rooms:manage', 'hearings:read'], 'all'),
  allow(
    ['court'],
    ['hearings:read', 'hearings:write', 'hearing:book', 'hearing:amend', 'hearing:cancel', 'hearing:outcome'],
    'own_courts',
  ),
  allow(['counsel'], ['hearings:read'], 'own_clients'),
  allow(['family'], ['hearings:read'], 'own_person'),
  allow(['monitor'], ['hearings:read'], 'unsealed'),
  allow(['system'], ['hearing:book', 'hearing:amend', 'hearing:cancel', 'hearing:outcome'], 'all'),

  // Internal jobs and the CLI operator: whoever can read the data directory already controls the
  // installation. They hold every route-level action, allocation and the custody records, but take no
  // step of a transfer, a manifest, a fact or a legal hold: those name a person with a role.
  allow(['system'], [...ROUTE_ACTIONS, ...CUSTODY_RECORDS, ...REPRESENTATION_ACTS, 'person:seal'], 'all'),
];

/** The scope each grantee holds each action in, built once from `POLICY`; a pair granted twice is a mistake. */
const SCOPES: ReadonlyMap<string, ReadonlyMap<Action, Scope>> = (() => {
  const byRole = new Map<string, Map<Action, Scope>>();
  for (const grant of POLICY) {
    for (const role of grant.roles) {
      const actions = byRole.get(role) ?? new Map<Action, Scope>();
      byRole.set(role, actions);
      for (const action of grant.actions) {
        if (actions.has(action))
          throw new Error(`The policy grants ${action} to ${role} twice; keep one line.`);
        actions.set(action, grant.scope);
      }
    }
  }
  return byRole;
})();

/** The scope within which `role` may take `action`, or undefined when it may not at all. */
export function scopeOf(role: string, action: string): Scope | undefined {
  if (!isAction(action)) return undefined;
  return SCOPES.get(role)?.get(action);
}

/**
 * True when `role` may take `action` on some subject: the question a route and the UI ask. Unknown roles
 * and actions are refused (deny by default).
 */
export function can(role: string, action: string): boolean {
  return scopeOf(role, action) !== undefined;
}

/** The actions `role` may take, in the policy's order: the session's `permissions`, which the UI shows from. */
export function actionsOf(role: string): Action[] {
  return ACTIONS.filter((action) => can(role, action));
}

/**
 * The user roles that may take `action`, in the order the policy names them (internal jobs left out):
 * what a refusal and the UI say about who may.
 */
export function rolesAllowed(action: Action): Role[] {
  const roles: Role[] = [];
  for (const grant of POLICY) {
    if (!grant.actions.includes(action)) continue;
    for (const role of grant.roles) if (role !== 'system' && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/**
 * The parties a user acts for, as the scopes need them (loaded with the session from `user_parties`).
 * A user with none is in no party's scope: every scoped grant then admits nothing.
 */
export interface ActorParties {
  /** The ids of the user's parties (a law office's id is what representations name). */
  readonly partyIds: readonly string[];
  /** The code keys (`codeKey`, parties/model.ts) of the user's courts: what holds and orders name. */
  readonly courts: readonly string[];
  /** The people the user's family-contact parties are verified for. */
  readonly people: readonly string[];
}

/** No party: what a user not tied to any has. */
export const NO_PARTIES: ActorParties = { partyIds: [], courts: [], people: [] };

/** Who is acting, as the policy sees them: the id the ledger records, the role that authorises, their parties. */
export interface PolicyActor {
  readonly id: string;
  readonly role: string;
  /** Absent for internal jobs and the CLI operator, whose grants are all `all`. */
  readonly parties?: ActorParties;
}

/**
 * What an action is taken on, for the scope check: what it is (so that out of scope reads exactly as a miss)
 * and the facts the scopes turn on. A fact left out admits nothing (deny by default).
 */
export interface PolicySubject {
  readonly kind: Subject;
  readonly id: string;
  /** The law offices representing the person concerned on the day (representations in force). */
  readonly representedBy?: readonly string[];
  /** The code keys of the courts the subject belongs to: the court of a hold or order, a person's holds' courts. */
  readonly courts?: readonly string[];
  /** The person the subject is about. */
  readonly personId?: string;
  /** Whether a court has sealed the person's record; must be given (false) for `unsealed` to admit. */
  readonly sealed?: boolean;
  /**
   * True when the requester named the subject themselves (the court of a hold they are recording): out of
   * scope is then a refusal that says why (403), since there is no existence to hide.
   */
  readonly disclosed?: boolean;
}

/** The policy's view of an actor: its id, role and parties (none for internal jobs), nothing else. */
export function policyActorOf(actor: PolicyActor): PolicyActor {
  return actor.parties
    ? { id: actor.id, role: actor.role, parties: actor.parties }
    : { id: actor.id, role: actor.role };
}

function shares(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a?.some((x) => b.includes(x)) === true;
}

/** True when a grant's scope covers the subject, for this actor's parties (exported for the policy's tests). */
export function covers(scope: Scope, actor: PolicyActor, subject: PolicySubject): boolean {
  const parties = actor.parties ?? NO_PARTIES;
  switch (scope) {
    case 'all':
      return true;
    case 'own_clients':
      return shares(subject.representedBy, parties.partyIds);
    case 'own_courts':
      return shares(subject.courts, parties.courts);
    case 'own_person':
      return subject.personId !== undefined && parties.people.includes(subject.personId);
    case 'unsealed':
      return subject.sealed === false;
  }
}

/**
 * True when `actor` may take `action` on `subject`: granted, and within the grant's scope. What a service
 * asks before it shows a subject it has found (a `false` is answered as a miss, never as a refusal).
 */
export function inScope(actor: PolicyActor, action: Action, subject: PolicySubject): boolean {
  const scope = scopeOf(actor.role, action);
  return scope !== undefined && covers(scope, actor, subject);
}

/**
 * Which subjects of an action an actor reaches, for a store to filter a list by (parties/visibility.ts turns
 * it into SQL). `none` when the role holds no grant, or a scoped grant with no party behind it.
 */
export type Visibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'clients'; readonly offices: readonly string[] }
  | { readonly kind: 'courts'; readonly courts: readonly string[] }
  | { readonly kind: 'people'; readonly people: readonly string[] }
  | { readonly kind: 'unsealed' };

/** What `actor` may see of `action`'s subjects: the list form of `inScope`. */
export function visibility(actor: PolicyActor, action: Action): Visibility {
  const scope = scopeOf(actor.role, action);
  return scope === undefined ? { kind: 'none' } : visibilityOf(scope, actor.parties ?? NO_PARTIES);
}

/** The subjects a scope reaches for a user of these parties: a scoped grant with no party behind it reaches none. */
export function visibilityOf(scope: Scope, parties: ActorParties): Visibility {
  const nonEmpty = (list: readonly string[], v: Visibility): Visibility =>
    list.length > 0 ? v : { kind: 'none' };
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'own_clients':
      return nonEmpty(parties.partyIds, { kind: 'clients', offices: parties.partyIds });
    case 'own_courts':
      return nonEmpty(parties.courts, { kind: 'courts', courts: parties.courts });
    case 'own_person':
      return nonEmpty(parties.people, { kind: 'people', people: parties.people });
    case 'unsealed':
      return { kind: 'unsealed' };
  }
}

/**
 * Throws `forbidden` unless `actor` may take `action`; with a subject, also unless the grant's scope covers
 * it, and then as `not_found` for that subject, word for word what a miss says, so that a refusal never
 * tells anyone the subject exists (unless the requester disclosed it: then `forbidden`, saying why). The refusal names the actor, the role, what it may not do and which
 * roles may, in the reader's language. Without a subject, a scoped grant is refused: a service that
 * acts on subjects of a scoped grant must say which.
 *
 * @example
 * authorize(actor, 'transfer:approve');
 * authorize(actor, 'people:read', { kind: 'person', id, representedBy, sealed });
 */
export function authorize(actor: PolicyActor, action: Action, subject?: PolicySubject): void {
  const allowedRoles = rolesAllowed(action);
  const details = { rule: 'policy', action, allowedRoles };
  if (typeof actor?.id !== 'string' || actor.id.trim() === '') {
    throw new DomainError('forbidden', 'policy.no_actor', { action, allowedRoles }, { details });
  }
  const scope = scopeOf(actor.role, action);
  if (scope === undefined) {
    throw new DomainError(
      'forbidden',
      'policy.refused',
      { actor: actor.id, role: actor.role, action, allowedRoles },
      { details: { ...details, role: actor.role } },
    );
  }
  if (subject && covers(scope, actor, subject)) return;
  if (subject && !subject.disclosed) throw notFound(subject.kind, subject.id);
  if (scope !== 'all') {
    const subjectId = subject?.id ?? null;
    throw new DomainError(
      'forbidden',
      'policy.out_of_scope',
      { actor: actor.id, role: actor.role, action, scope, subjectId },
      { details: { ...details, role: actor.role, scope, subjectId } },
    );
  }
}
