import { DomainError } from '../core/errors.js';
import type { POLICY_ACTION_WORDS } from '../core/messages/auth.js';
import { ROLES, type Role } from './model.js';

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

/** The route-level actions: what routes declare as `config.access`. */
export const ROUTE_ACTIONS = [
  'agreements:read',
  'agreements:write',
  'facilities:read',
  'facilities:write',
  'people:read',
  'people:write',
  'people:import',
  'screenings:record',
  'transfers:read',
  'transfers:act',
  'holds:record',
  'housing:allocate',
  'custody:record',
  'users:read',
  'users:manage',
  'parties:read',
  'parties:manage',
  'ledger:read',
  'dashboard:read',
  'billing:read',
  'billing:write',
  'locator_lookups:read',
] as const;

/** Representation records (parties/): recorded by sending legal or a court, filed by counsel, confirmed. */
const REPRESENTATION_ACTS = [
  'representation:record',
  'representation:file',
  'representation:confirm',
] as const;

/** The receiving custody's records (custody/). */
const CUSTODY_RECORDS = [
  'release:record',
  'notification:record',
  'regime_log:record',
  'incident:report',
  'incident:change_status',
  'death_notice:record',
  'headcount:record',
  'isolation:record',
  'consular:record',
] as const;

/**
 * Every action the policy knows, by subject. The route-level actions (plural subjects) are what routes
 * declare as `config.access`; the others are the single steps services and decisions check.
 */
export const ACTIONS = [
  ...ROUTE_ACTIONS,
  // The transfer state machine: one action per transition (transfers/model.ts, TRANSITIONS).
  'transfer:nominate',
  'transfer:screen',
  'transfer:approve',
  'transfer:accept',
  'transfer:reject',
  'transfer:schedule',
  'transfer:depart',
  'transfer:receive',
  'transfer:hold',
  'transfer:lift_hold',
  'transfer:cancel',
  'transfer:order_return',
  'transfer:repatriate',
  // The transport manifest's decisions (transfers/manifest.ts).
  'manifest:create',
  'manifest:add',
  'manifest:remove',
  'manifest:board',
  'manifest:depart',
  'manifest:arrive',
  'manifest:receive',
  'manifest:returned_before_departure',
  'manifest:medical_diversion',
  'manifest:missing_after_transport',
  'manifest:close',
  // The decisions on a manifest out of the receiving facility: a court-ordered return, a repatriation.
  'return_manifest:create',
  'return_manifest:add',
  'return_manifest:remove',
  'return_manifest:board',
  'return_manifest:depart',
  'return_manifest:arrive',
  'return_manifest:hand_over',
  'return_manifest:returned_before_departure',
  'return_manifest:medical_diversion',
  'return_manifest:missing_after_transport',
  'return_manifest:close',
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
  // The facts the sending state's law turns on (transfers/facts.ts), and legal holds (transfers/holds.ts).
  'notice:record',
  'consent:record',
  'identity:verify',
  'legal_hold:record',
  'legal_hold:lift',
  // Representation (parties/): who a law office represents.
  ...REPRESENTATION_ACTS,
  ...CUSTODY_RECORDS,
] as const;

/** An action the policy grants or refuses. */
export type Action = (typeof ACTIONS)[number];

// Every action has the words its refusal says (core/messages/auth.ts): a missing one fails to compile.
type MissingWords = Exclude<Action, keyof typeof POLICY_ACTION_WORDS>;
const everyActionHasWords: [MissingWords] extends [never] ? true : MissingWords = true;
void everyActionHasWords;

/**
 * How far a grant reaches. `all`: every subject of the action. The party scopes arrive with parties
 * (docs/domain.md, Roles): `own_party` (the user's agency's records), `own_clients`
 * (counsel's represented people), `own_courts` (a court's own cases).
 */
export type Scope = 'all' | 'own_party' | 'own_clients' | 'own_courts';

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
  // Reading. Counsel see only the dashboard and the ledger until the locator shows them their clients.
  allow(READERS, ['transfers:read', 'facilities:read', 'people:read'], 'all'),
  allow([...READERS, 'finance'], ['agreements:read'], 'all'),
  allow([...ROLES], ['ledger:read', 'dashboard:read'], 'all'),
  allow(['admin', 'finance', 'monitor'], ['billing:read'], 'all'),
  allow(['admin', 'monitor'], ['locator_lookups:read'], 'all'),

  // The installation: users, agreements, facilities.
  allow(['admin'], ['users:read', 'users:manage', 'agreements:write', 'facilities:write'], 'all'),

  // Parties: the installation registers them; those who record representations and family contacts,
  // and the courts and monitors, read them.
  allow(['admin'], ['parties:manage'], 'all'),
  allow(['admin', 'sending_legal', 'court', 'monitor'], ['parties:read'], 'all'),
  allow(['sending_legal', 'court'], ['representation:record'], 'all'),
  allow(['sending_legal'], ['representation:confirm'], 'all'),
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
  allow(['court'], ['transfer:order_return'], 'all'),

  // Legal holds: recorded by a court, or by sending_legal on a court's behalf.
  allow(['sending_legal', 'court'], ['holds:record'], 'all'),
  allow(
    ['court', 'sending_legal'],
    ['legal_hold:record', 'legal_hold:lift', 'transfer:hold', 'transfer:lift_hold'],
    'all',
  ),

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

  // Internal jobs and the CLI operator: whoever can read the data directory already controls the
  // installation. They hold every route-level action, allocation and the custody records, but take no
  // step of a transfer, a manifest, a fact or a legal hold: those name a person with a role.
  allow(['system'], [...ROUTE_ACTIONS, ...CUSTODY_RECORDS, ...REPRESENTATION_ACTS], 'all'),
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

/** True when `value` names an action of the policy. */
export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

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

/** Who is acting, as the policy sees them: the id the ledger records and the role that authorises. */
export interface PolicyActor {
  readonly id: string;
  readonly role: string;
}

/** What an action is taken on, for the scope check. Parties will add the party, client or court it belongs to. */
export interface PolicySubject {
  readonly id: string;
}

/**
 * True when a grant's scope covers the subject. The party scopes need the actor's and the subject's
 * parties, which do not exist yet: until they do, those scopes admit nothing, so a grant given one early
 * refuses rather than over-grants.
 */
function covers(scope: Scope, _actor: PolicyActor, _subject: PolicySubject | undefined): boolean {
  return scope === 'all';
}

/**
 * Throws `forbidden` unless `actor` may take `action` (on `subject`, when the scope depends on it). The
 * refusal names the actor, the role, what it may not do and which roles may, in the reader's language.
 *
 * @example
 * authorize(actor, 'transfer:approve');
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
  if (!covers(scope, actor, subject)) {
    throw new DomainError(
      'forbidden',
      'policy.out_of_scope',
      { actor: actor.id, role: actor.role, action, scope, subjectId: subject?.id ?? null },
      { details: { ...details, role: actor.role, scope, subjectId: subject?.id ?? null } },
    );
  }
}
