/** The HTTP contract of signing in: request and response schemas. */
import { z } from 'zod';
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
  csrfToken: z.string().nullable().describe('send as x-csrf-token on every state-changing request'),
  permissions: permissionsSchema,
});
export type Session = z.output<typeof sessionSchema>;

/** `POST /api/v1/auth/login`: the session it opened (the cookie is set too). */
export const loginSchema = sessionSchema.extend({ csrfToken: z.string() });
