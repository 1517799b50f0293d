import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';

/** The roles in DOMAIN.md, and `system` for internal jobs (scenario loading). */
export const ROLES = [
  'admin',
  'sending_officer',
  'sending_legal',
  'receiving_officer',
  'receiving_custody',
  'finance',
  'court',
  'counsel',
  'monitor',
] as const;
export type Role = (typeof ROLES)[number];

/** Every permission a route or use case can require. A route that names none is refused (default deny). */
export const PERMISSIONS = [
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
  'users:manage',
  'ledger:read',
  'dashboard:read',
  'billing:read',
  'billing:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'transfers:read',
  'agreements:read',
  'facilities:read',
  'people:read',
  'ledger:read',
  'dashboard:read',
];

/**
 * What each role may do (DOMAIN.md "Roles"). Counsel see only their clients, through the locator, which
 * a later feature adds; until then they see the dashboard only.
 */
export const ROLE_PERMISSIONS: Record<Role | 'system', ReadonlySet<Permission>> = {
  admin: new Set([...READ_ALL, 'agreements:write', 'facilities:write', 'users:manage', 'billing:read']),
  sending_officer: new Set([
    ...READ_ALL,
    'people:write',
    'people:import',
    'screenings:record',
    'transfers:act',
  ]),
  sending_legal: new Set([...READ_ALL, 'screenings:record', 'transfers:act', 'holds:record']),
  receiving_officer: new Set([...READ_ALL, 'transfers:act', 'housing:allocate']),
  receiving_custody: new Set([...READ_ALL, 'custody:record']),
  finance: new Set(['agreements:read', 'ledger:read', 'dashboard:read', 'billing:read', 'billing:write']),
  court: new Set([...READ_ALL, 'transfers:act', 'holds:record']),
  counsel: new Set(['dashboard:read', 'ledger:read']),
  monitor: new Set([...READ_ALL, 'billing:read']),
  system: new Set(PERMISSIONS),
};

/** True when `role` carries `permission`. */
export function can(role: string, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role as Role | 'system']?.has(permission) ?? false;
}

/** Throws `forbidden` unless the role carries the permission. */
export function authorize(actor: { role: string; id: string }, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError(
      'forbidden',
      `${actor.id} (role ${actor.role}) may not do this: it needs the ${permission} permission. Ask an admin for a user with a role that has it.`,
      { details: { permission, role: actor.role } },
    );
  }
}

export const userNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
  error: 'user names are 2–64 lower-case letters, digits, dots, dashes or underscores',
});

export const passwordSchema = z
  .string()
  .min(12, { error: 'passwords need at least 12 characters' })
  .max(200, { error: 'passwords are at most 200 characters' });

export const USER_EVENTS = { registered: 'user.registered', tokenIssued: 'user.api_token_issued' } as const;

/** Recorded when a user is created. Credentials never enter the ledger. */
export const userRegisteredSchema = z.object({ userId: z.string(), name: z.string(), role: z.enum(ROLES) });
export type UserRegistered = z.output<typeof userRegisteredSchema>;

/** Recorded when an API token is issued; the token itself never enters the ledger. */
export const apiTokenIssuedSchema = z.object({ userId: z.string(), tokenId: z.string() });
export type ApiTokenIssued = z.output<typeof apiTokenIssuedSchema>;

/** The user event types, each with its payload schema. */
export const userEvent = {
  registered: defineEvent(USER_EVENTS.registered, userRegisteredSchema),
  tokenIssued: defineEvent(USER_EVENTS.tokenIssued, apiTokenIssuedSchema),
};
