import { z } from 'zod';
import { defineEvent } from '../core/events.js';

/** The roles in docs/domain.md; what each may do is the access policy (`policy.ts`). */
export const ROLES = [
  'admin',
  'sending_officer',
  'sending_legal',
  'receiving_officer',
  'receiving_custody',
  'finance',
  'court',
  'counsel',
  'family',
  'monitor',
] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` is one of the roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const userNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
  error: 'user names are 2–64 lower-case letters, digits, dots, dashes or underscores',
});

/** The length a password must have, in characters. */
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

export const passwordSchema = z
  .string()
  .min(PASSWORD_LENGTH.min, { error: `passwords need at least ${PASSWORD_LENGTH.min} characters` })
  .max(PASSWORD_LENGTH.max, { error: `passwords are at most ${PASSWORD_LENGTH.max} characters` });

export const USER_EVENTS = {
  registered: 'user.registered',
  tokenIssued: 'user.api_token_issued',
  tokenRevoked: 'user.api_token_revoked',
  disabled: 'user.disabled',
  enabled: 'user.enabled',
  roleChanged: 'user.role_changed',
  passwordReset: 'user.password_reset',
  passwordChanged: 'user.password_changed',
  partyJoined: 'user.party_joined',
} as const;

/** Recorded when a user is created. Credentials never enter the ledger. */
export const userRegisteredSchema = z.object({ userId: z.string(), name: z.string(), role: z.enum(ROLES) });
export type UserRegistered = z.output<typeof userRegisteredSchema>;

/**
 * Recorded when an API token is issued; the token itself never enters the ledger. `expiresAt` is absent
 * from tokens issued before tokens expired.
 */
export const apiTokenIssuedSchema = z.object({
  userId: z.string(),
  tokenId: z.string(),
  expiresAt: z.string().optional(),
});
export type ApiTokenIssued = z.output<typeof apiTokenIssuedSchema>;

/** Recorded when an admin revokes an API token: which token, of which user. */
export const apiTokenRevokedSchema = z.object({ userId: z.string(), name: z.string(), tokenId: z.string() });

/** Recorded when a user is disabled: their sessions ended and these tokens were revoked with it. */
export const userDisabledSchema = z.object({
  userId: z.string(),
  name: z.string(),
  sessionsEnded: z.number().int().nonnegative(),
  tokensRevoked: z.array(z.string()),
});

/** Recorded when a disabled user is enabled again (their revoked tokens stay revoked). */
export const userEnabledSchema = z.object({ userId: z.string(), name: z.string() });

/** Recorded when a user's role changes. */
export const userRoleChangedSchema = z.object({
  userId: z.string(),
  name: z.string(),
  from: z.enum(ROLES),
  to: z.enum(ROLES),
});

/**
 * Recorded when an admin resets a user's password (the one-time password never enters the ledger), or
 * when a user sets a new password.
 */
export const userPasswordSchema = z.object({ userId: z.string(), name: z.string() });

/** Recorded when a user is tied to a party they act for (docs/domain.md, Parties, users and access). */
export const userPartyJoinedSchema = z.object({ userId: z.string(), name: z.string(), partyId: z.string() });
export type UserPartyJoined = z.output<typeof userPartyJoinedSchema>;

/** The user event types, each with its payload schema. */
export const userEvent = {
  registered: defineEvent(USER_EVENTS.registered, userRegisteredSchema),
  tokenIssued: defineEvent(USER_EVENTS.tokenIssued, apiTokenIssuedSchema),
  tokenRevoked: defineEvent(USER_EVENTS.tokenRevoked, apiTokenRevokedSchema),
  disabled: defineEvent(USER_EVENTS.disabled, userDisabledSchema),
  enabled: defineEvent(USER_EVENTS.enabled, userEnabledSchema),
  roleChanged: defineEvent(USER_EVENTS.roleChanged, userRoleChangedSchema),
  passwordReset: defineEvent(USER_EVENTS.passwordReset, userPasswordSchema),
  passwordChanged: defineEvent(USER_EVENTS.passwordChanged, userPasswordSchema),
  partyJoined: defineEvent(USER_EVENTS.partyJoined, userPartyJoinedSchema),
};

/** How long an API token lives, in days, when `--expires-in` is not given, and the longest it may. */
export const TOKEN_DAYS = { default: 90, max: 365 } as const;
