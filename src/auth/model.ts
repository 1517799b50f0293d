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
