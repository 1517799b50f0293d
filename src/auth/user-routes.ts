import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { noContent, problemResponse } from '../core/contract.js';
import { newUserBody, userCreatedSchema } from '../parties/contract.js';
import {
  passwordResetSchema,
  roleBody,
  tokenCreateBody,
  tokenCreatedSchema,
  tokenListSchema,
  tokenParams,
  userListSchema,
  userParams,
  userSummarySchema,
} from './contract.js';
import { requestActor } from './http.js';
import {
  addUser,
  changeRole,
  disableUser,
  enableUser,
  listUserSummaries,
  listUserTokens,
  resetPassword,
  revokeToken,
} from './lifecycle.js';
import { createToken } from './service.js';

const tags = ['users'];
const refusals = { 403: problemResponse(403), 404: problemResponse(404), 409: problemResponse(409) };

/** The admin's user lifecycle under /api/v1/users (src/auth/lifecycle.ts). */
export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'List users',
        description:
          'Every user by name: role, created, disabled, last sign-in, live sessions and tokens. Never a secret.',
        response: { 200: userListSchema, 403: problemResponse(403) },
      },
    },
    async (request) => ({ items: await listUserSummaries(ctx, requestActor(request)) }),
  );
  r.post(
    '/api/v1/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'addUser',
        summary: 'Add a user with their parties and a one-time password',
        description:
          'The role decides the kinds of party the user acts for: counsel a law office, a court user one or more courts, family a family contact. The generated password is answered once (it is not kept in clear) and opens one session, in which the user must set a new password.',
        body: newUserBody,
        response: {
          201: userCreatedSchema,
          400: problemResponse(400),
          403: problemResponse(403),
          404: problemResponse(404),
          409: problemResponse(409),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await addUser(ctx, requestActor(request), request.body)),
  );
  r.post(
    '/api/v1/users/:name/disable',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'disableUser',
        summary: 'Disable a user, ending their sessions and revoking their tokens',
        description:
          'The next request with any of their sessions or tokens is 401. The last enabled admin cannot be disabled (409).',
        params: userParams,
        response: { 200: userSummarySchema, ...refusals },
      },
    },
    async (request) => disableUser(ctx, requestActor(request), request.params.name),
  );
  r.post(
    '/api/v1/users/:name/enable',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'enableUser',
        summary: 'Enable a disabled user',
        description: 'The user may sign in again; the tokens revoked when they were disabled stay revoked.',
        params: userParams,
        response: { 200: userSummarySchema, ...refusals },
      },
    },
    async (request) => enableUser(ctx, requestActor(request), request.params.name),
  );
  r.put(
    '/api/v1/users/:name/role',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'changeUserRole',
        summary: "Change a user's role",
        description:
          'Applies to their live sessions and tokens at once. The last enabled admin keeps the admin role (409).',
        params: userParams,
        body: roleBody,
        response: { 200: userSummarySchema, 400: problemResponse(400), ...refusals },
      },
    },
    async (request) => changeRole(ctx, requestActor(request), request.params.name, request.body.role),
  );
  r.post(
    '/api/v1/users/:name/reset-password',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'resetUserPassword',
        summary: "Reset a user's password to a one-time password",
        description:
          'Answers the one-time password once (it is not kept in clear). It opens one session, in which the user must set a new password (POST /api/v1/auth/password) before anything else. Their sessions end.',
        params: userParams,
        response: { 200: passwordResetSchema, 403: problemResponse(403), 404: problemResponse(404) },
      },
    },
    async (request) => resetPassword(ctx, requestActor(request), request.params.name),
  );
  r.get(
    '/api/v1/users/:name/tokens',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        operationId: 'listUserTokens',
        summary: "List a user's API tokens",
        description: 'Newest first, each active, expired or revoked. Never the token or its hash.',
        params: userParams,
        response: { 200: tokenListSchema, 403: problemResponse(403), 404: problemResponse(404) },
      },
    },
    async (request) => ({ items: await listUserTokens(ctx, requestActor(request), request.params.name) }),
  );
  r.post(
    '/api/v1/users/:name/tokens',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'createUserToken',
        summary: 'Issue an API token for a user',
        description:
          'The token is answered once and only its hash is kept. It expires after `expiresInDays` (90 by default, at most 365).',
        params: userParams,
        body: tokenCreateBody,
        response: {
          201: tokenCreatedSchema,
          400: problemResponse(400),
          403: problemResponse(403),
          404: problemResponse(404),
        },
      },
    },
    async (request, reply) => {
      const created = await createToken(ctx, requestActor(request), request.params.name, request.body);
      return reply
        .code(201)
        .send({ token: created.token, tokenId: created.tokenId, expiresAt: created.expiresAt });
    },
  );
  r.post(
    '/api/v1/users/:name/tokens/:tokenId/revoke',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        operationId: 'revokeUserToken',
        summary: 'Revoke an API token',
        description: 'The next request with the token is 401.',
        params: tokenParams,
        response: { 204: noContent, ...refusals },
      },
    },
    async (request, reply) => {
      await revokeToken(ctx, requestActor(request), request.params.tokenId, request.params.name);
      return reply.code(204).send();
    },
  );
}
