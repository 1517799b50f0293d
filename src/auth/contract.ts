/** The HTTP contract of signing in: request and response schemas. */
import { z } from 'zod';
import { ROLES, TOKEN_DAYS, userNameSchema } from './model.js';
import { ACTIONS } from './policy.js';

/** The login form. */
export const loginBody = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) });

/** The signed-in user. */
export const sessionUserSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type SessionUser = z.output<typeof sessionUserSchema>;

const permissionsSchema = z
  .array(z.enum(ACTIONS))
  .describe(
    "the access policy's actions the user's role may take: the UI shows only the sections and forms they allow",
  );

/** `GET /api/v1/auth/session`: the user, the CSRF token of a cookie session, and the role's permissions. */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  mustChangePassword: z
    .boolean()
    .describe(
      'true after a password reset: every route but POST /api/v1/auth/password answers 403 until then',
    ),
  csrfToken: z.string().nullable().describe('send as x-csrf-token on every state-changing request'),
  permissions: permissionsSchema,
});
export type Session = z.output<typeof sessionSchema>;

/** `POST /api/v1/auth/login`: the session it opened (the cookie is set too). */
export const loginSchema = sessionSchema.extend({ csrfToken: z.string() });

/** `POST /api/v1/auth/password`: the current password (not needed after a reset) and the new one. */
export const passwordChangeBody = z.object({
  currentPassword: z
    .string()
    .max(200)
    .optional()
    .describe('required unless the password was reset, when the session itself proves the one-time password'),
  newPassword: z.string().min(1).max(200).describe('at least 12 characters'),
});

/** A user as the admin's list shows them: never a secret. */
export const userSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().describe(`one of ${ROLES.join(', ')}`),
  createdAt: z.string().describe('ISO instant'),
  disabledAt: z.string().nullable().describe('ISO instant; null while the user is enabled'),
  lastSignInAt: z.string().nullable().describe('ISO instant of the last sign-in with a password'),
  mustChangePassword: z.boolean().describe('true after a reset, until the user sets a new password'),
  activeSessions: z.number().int().describe('sessions not yet expired'),
  activeTokens: z.number().int().describe('API tokens neither revoked nor expired'),
  parties: z.array(z.string()).describe('the codes of the parties the user acts for (their scope)'),
});
export type UserSummary = z.output<typeof userSummarySchema>;

/** `GET /api/v1/users`. */
export const userListSchema = z.object({ items: z.array(userSummarySchema) });

/** A user named in the path. */
export const userParams = z.object({ name: userNameSchema });

/** A user's token named in the path. */
export const tokenParams = z.object({ name: userNameSchema, tokenId: z.uuid() });

/** `PUT /api/v1/users/{name}/role`. */
export const roleBody = z.object({ role: z.enum(ROLES) });

/** `POST /api/v1/users/{name}/reset-password`: the user, and the one-time password, shown this once. */
export const passwordResetSchema = z.object({
  user: userSummarySchema,
  password: z.string().describe('the one-time password: shown once, it opens one session to set a new one'),
});

/** An API token as the admin sees it: never the token or its hash. */
export const tokenSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable().describe('null only for tokens issued before tokens expired'),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type TokenSummary = z.output<typeof tokenSummarySchema>;

/** `GET /api/v1/users/{name}/tokens`. */
export const tokenListSchema = z.object({ items: z.array(tokenSummarySchema) });

/** `POST /api/v1/users/{name}/tokens`: how many days the token lives (default 90, at most 365). */
export const tokenCreateBody = z.object({
  expiresInDays: z.number().int().min(1).max(TOKEN_DAYS.max).optional(),
});

/** The new token, shown once. */
export const tokenCreatedSchema = z.object({
  token: z
    .string()
    .describe('send as "Authorization: Bearer <token>"; it is not stored and cannot be shown again'),
  tokenId: z.string(),
  expiresAt: z.string(),
});
