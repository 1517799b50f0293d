import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import type { Actor } from '../ledger/events.js';
import { type Action, authorize, isAction, type Scope, scopeOf } from './policy.js';
import { actorFor, type SessionUser, sessionFor, userForToken } from './service.js';

/** What a route needs: an action of the access policy, any signed-in user, or nothing (public). */
export type RouteAccess = Action | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares this; a route without it is refused at startup (default deny). */
    access?: RouteAccess;
    /**
     * True when the handler applies the access policy's scope itself (it filters its list, or answers
     * "not found" for a subject out of scope, through `inScope`/`visibility`). Only then may a role whose
     * grant of `access` is scoped (counsel, court, family, monitor) reach it; otherwise the route is
     * refused to them, since it would show every subject. A list of scopes opens it to those scopes only
     * (a manifest's people filtered for monitors is not a view counsel have).
     */
    scoped?: boolean | readonly Scope[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    /** Set for cookie sessions, so logout can end them and CSRF can be checked. */
    sessionId: string | null;
  }
}

export const SESSION_COOKIE = 'custodia_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a user signed in with a one-time password may reach: setting a new password, and their own
 * session (to learn they must) and logout. Every other route answers 403 until the password is changed.
 */
const OPEN_UNTIL_PASSWORD_CHANGED = new Set([
  '/api/v1/auth/password',
  '/api/v1/auth/session',
  '/api/v1/auth/logout',
]);

/** Every route registered, with its declared access, for the route-permission test. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/**
 * Enforces access on every route. Routes must declare `config.access`; one that doesn't stops the app from
 * starting. Callers authenticate with a bearer API token or the session cookie; a cookie-authenticated
 * request that changes state must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerAccessControl(
  app: FastifyInstance,
  ctx: AppContext,
  routes: RegisteredRoute[],
): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRoute', (route) => {
    // Swagger UI's own static routes are public documentation.
    if (route.prefix === '/api/docs' || route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, access });
    if (!access) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access; add config: { access: '<permission>' }.`,
      );
    }
    if (access !== 'authenticated' && access !== 'public' && !isAction(access)) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares access ${access}, which the access policy (auth/policy.ts) does not know; use one of its actions.`,
      );
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access) {
      // Unknown URLs reach the 404 handler, which declares nothing: let it answer.
      if (request.routeOptions.url === undefined) return;
      throw new DomainError('forbidden', 'policy.route_closed', {});
    }
    if (access === 'public') return;
    await authenticate(ctx, request);
    if (!request.user) throw new DomainError('unauthenticated', 'auth.sign_in', {});
    if (request.sessionId && !SAFE_METHODS.has(request.method)) {
      const session = await sessionFor(ctx, request.sessionId);
      if (!session || request.headers['x-csrf-token'] !== session.csrfToken) {
        throw new DomainError('forbidden', 'auth.csrf', {});
      }
    }
    if (request.user.mustChangePassword && !OPEN_UNTIL_PASSWORD_CHANGED.has(request.routeOptions.url ?? '')) {
      throw new DomainError('forbidden', 'auth.must_change_password', {});
    }
    if (access !== 'authenticated') {
      const actor = actorFor(request.user);
      const scoped = request.routeOptions.config.scoped;
      const scope = scopeOf(actor.role, access);
      // A route that applies scopes itself needs only the grant; any other needs it on every subject.
      if (scope !== undefined && (scoped === true || (Array.isArray(scoped) && scoped.includes(scope))))
        return;
      authorize(actor, access);
    }
    void reply;
  });
}

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('unauthenticated', 'auth.bearer_malformed', {});
    request.user = (await userForToken(ctx, match[1])) ?? null;
    if (!request.user) throw new DomainError('unauthenticated', 'auth.token_unknown', {});
    return;
  }
  const sessionId = request.cookies?.[SESSION_COOKIE];
  if (sessionId) {
    const session = await sessionFor(ctx, sessionId);
    if (session) {
      request.user = session.user;
      request.sessionId = sessionId;
    }
  }
}

/** The ledger actor for the request's user. */
export function requestActor(request: FastifyRequest): Actor {
  if (!request.user) throw new DomainError('unauthenticated', 'auth.sign_in_first', {});
  return actorFor(request.user);
}
