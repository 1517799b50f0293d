import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { noContent } from '../core/contract.js';
import { loginBody, loginSchema, sessionSchema } from './contract.js';
import { SESSION_COOKIE } from './http.js';
import { actionsOf } from './policy.js';
import { login, logout, sessionFor } from './service.js';

/** Login, logout and the current session. Login is rate-limited per client address. */
export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, { global: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Log in with a name and password; sets the session cookie',
        description:
          'Opens a web session: sets the httpOnly session cookie and returns the CSRF token to send as x-csrf-token. Rate-limited per client address.',
        body: loginBody,
        response: { 200: loginSchema },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, request.body);
      reply.setCookie(SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return {
        user: session.user,
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
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
        csrfToken: session?.csrfToken ?? null,
        permissions: actionsOf(request.user!.role),
      };
    },
  );
}
