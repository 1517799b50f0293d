import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE } from './http.js';
import { ACTIONS, actionsOf } from './policy.js';
import { login, logout, sessionFor } from './service.js';

const userSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
const permissionsSchema = z
  .array(z.enum(ACTIONS))
  .describe(
    "the access policy's actions the user's role may take: the UI shows only the sections and forms they allow",
  );

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
        summary: 'Log in with a name and password; sets the session cookie',
        body: z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        response: {
          200: z.object({ user: userSchema, csrfToken: z.string(), permissions: permissionsSchema }),
        },
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
      schema: { tags: ['auth'], summary: 'End the current session' },
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
        summary: 'The signed-in user and the CSRF token for state-changing requests',
        response: {
          200: z.object({
            user: userSchema,
            csrfToken: z.string().nullable(),
            permissions: permissionsSchema,
          }),
        },
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
