import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { noContent, problemResponse } from '../core/contract.js';
import { loginBody, loginSchema, passwordChangeBody, sessionSchema } from './contract.js';
import { requestActor, SESSION_COOKIE } from './http.js';
import { changeOwnPassword } from './lifecycle.js';
import { actionsOf } from './policy.js';
import { login, logout, sessionFor } from './service.js';
import { LoginThrottle } from './throttle.js';

/**
 * Login, logout and the current session. Failed logins are throttled per client address and per account
 * (src/auth/throttle.ts); the throttle lives as long as the app, one per server process.
 */
export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const throttle = new LoginThrottle(ctx.clock, ctx.config.loginRateLimit);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Log in with a name and password; sets the session cookie',
        description:
          'Opens a web session: sets the httpOnly session cookie and returns the CSRF token to send as x-csrf-token. Failed logins are throttled per client address and per account: beyond a few, each further attempt waits (30 seconds, doubling to 15 minutes), and the 429 says when to try again (Retry-After, and `retryAt` in params).',
        body: loginBody,
        response: { 200: loginSchema, 429: problemResponse(429) },
      },
    },
    async (request, reply) => {
      // request.ip and request.protocol are the proxy's X-Forwarded-For and -Proto only when
      // CUSTODIA_TRUST_PROXY believes it; otherwise the connection's own.
      const session = await throttle.guard(request.ip, request.body.name, () => login(ctx, request.body));
      reply.setCookie(SESSION_COOKIE, session.sessionId, {
        ...sessionCookie(request),
        expires: session.expiresAt,
      });
      return {
        user: session.user,
        mustChangePassword: session.user.mustChangePassword === true,
        csrfToken: session.csrfToken,
        permissions: actionsOf(session.user.role),
      };
    },
  );
  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'End the current session',
        description: 'Ends the cookie session (a bearer token stays valid) and clears the cookie.',
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      if (request.sessionId) await logout(ctx, request.sessionId);
      reply.clearCookie(SESSION_COOKIE, sessionCookie(request));
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/v1/auth/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'getSession',
        summary: 'The signed-in user and the CSRF token for state-changing requests',
        description:
          "The user, the role's permissions, and the CSRF token of a cookie session (null for a bearer token).",
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const session = request.sessionId ? await sessionFor(ctx, request.sessionId) : undefined;
      return {
        user: request.user!,
        mustChangePassword: request.user!.mustChangePassword === true,
        csrfToken: session?.csrfToken ?? null,
        permissions: actionsOf(request.user!.role),
      };
    },
  );
  r.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'changePassword',
        summary: 'Set a new password for the signed-in user',
        description:
          'After an admin reset the password (a one-time password), this is the only route open until it is called; the current password is then not asked for. Otherwise `currentPassword` must be right.',
        body: passwordChangeBody,
        response: { 204: noContent, 400: problemResponse(400) },
      },
    },
    async (request, reply) => {
      requestActor(request);
      await changeOwnPassword(ctx, request.user!, request.body);
      return reply.code(204).send();
    },
  );
}

/**
 * The session cookie's attributes, the same when set and when cleared: httpOnly, SameSite=Strict, and
 * Secure whenever the request came over TLS, itself or through a proxy CUSTODIA_TRUST_PROXY believes.
 */
function sessionCookie(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' } as const;
}
