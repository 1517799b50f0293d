import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { agreementRoutes } from './agreements/routes.js';
import { type RegisteredRoute, registerAccessControl } from './auth/http.js';
import { authRoutes } from './auth/routes.js';
import { billingRoutes } from './billing/routes.js';
import type { AppContext } from './context.js';
import { DomainError, type ErrorCode, errorCatalogue, type FieldIssue } from './core/errors.js';
import { custodyRoutes } from './custody/routes.js';
import { checkReady } from './db/database.js';
import { screeningRoutes } from './eligibility/routes.js';
import { facilityRoutes } from './facilities/routes.js';
import { ledgerRoutes } from './ledger/routes.js';
import { oversightRoutes } from './oversight/routes.js';
import { peopleRoutes } from './people/routes.js';
import { manifestRoutes } from './transfers/manifest-routes.js';
import { transferRoutes } from './transfers/routes.js';

/**
 * The built web UI, served by the same process: `dist/web` under the package root, or `CUSTODIA_WEB_DIR`
 * (a build kept elsewhere, so a second working copy of the UI can be tested beside the first).
 */
const WEB_ROOT = (() => {
  if (process.env.CUSTODIA_WEB_DIR) return resolve(process.env.CUSTODIA_WEB_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, 'dist', 'web');
})();

/** An RFC 9457 problem document. */
export function problem(
  code: ErrorCode | string,
  status: number,
  title: string,
  detail: string,
  issues?: FieldIssue[],
) {
  return {
    type: `https://custodia.local/problems/${code.replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

function sendProblem(reply: FastifyReply, body: ReturnType<typeof problem>) {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Maps every error to problem+json. Messages of 5xx errors are hidden; they are logged instead. */
function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const entry = errorCatalogue[error.code];
    if (error.status >= 500) request.log.error({ err: error }, 'domain error');
    return sendProblem(reply, problem(error.code, entry.status, entry.title, error.message, error.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message ?? 'invalid',
    }));
    return sendProblem(
      reply,
      problem(
        'invalid_input',
        400,
        'Invalid input',
        `The request has ${issues.length} invalid field(s); fix those named in issues.`,
        issues,
      ),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return sendProblem(
      reply,
      problem(
        'malformed_json',
        400,
        'Malformed JSON',
        `The body is not valid JSON: ${error.message}. Send one JSON object.`,
      ),
    );
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return sendProblem(
      reply,
      problem('malformed_json', 400, 'Malformed JSON', 'The body is empty; send a JSON object.'),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendProblem(
      reply,
      problem(
        'unsupported_media_type',
        415,
        'Unsupported media type',
        `${error.message}. Send application/json.`,
      ),
    );
  }
  if (error.statusCode === 429) {
    return sendProblem(
      reply,
      problem(
        'rate_limited',
        429,
        'Too many requests',
        'Too many attempts from this address; wait a minute and try again.',
      ),
    );
  }
  if (error.statusCode && error.statusCode < 500) {
    return sendProblem(reply, problem('invalid_request', error.statusCode, 'Invalid request', error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    problem(
      'internal',
      500,
      'Internal error',
      `Something went wrong on our side; the request id is ${request.id}.`,
    ),
  );
}

/** Options for `buildApp`. */
export interface BuildOptions {
  /** Log requests (the server does; tests don't). */
  logger?: boolean;
}

/**
 * Builds the Fastify app from the feature routes. The HTTP server, the tests (through `inject`) and the CLI
 * use this one builder. The returned `routes` lists every route with its declared access.
 */
export async function buildApp(
  ctx: AppContext,
  options: BuildOptions = {},
): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        }
      : false,
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
  });
  const routes: RegisteredRoute[] = [];
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Cookies must be parsed before the access-control hook reads the session cookie.
  await app.register(cookie);
  registerAccessControl(app, ctx, routes);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Custodia API',
        version: '1',
        description:
          'Administers a cross-border custody agreement. Errors are RFC 9457 problem+json. Authenticate with a bearer token (`custodia token create`) or the session cookie from /api/v1/auth/login.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'custodia_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'The process is up' } },
    async () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Database reachable and migrations current' },
    },
    async (_request, reply) => {
      const ready = await checkReady(ctx.handle.db);
      const ok = ready.database && ready.migrations;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        components: {
          database: { status: ready.database ? 'ok' : 'down', engine: ctx.handle.engine },
          migrations: { status: ready.migrations ? 'ok' : 'pending' },
        },
      });
    },
  );

  await authRoutes(app, ctx);
  await agreementRoutes(app, ctx);
  await facilityRoutes(app, ctx);
  await peopleRoutes(app, ctx);
  await screeningRoutes(app, ctx);
  await transferRoutes(app, ctx);
  await manifestRoutes(app, ctx);
  await custodyRoutes(app, ctx);
  await billingRoutes(app, ctx);
  await ledgerRoutes(app, ctx);
  await oversightRoutes(app, ctx);
  await registerWeb(app);
  return { app, routes };
}

/** Serves the built web UI, with index.html for client-side routes. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(join(WEB_ROOT, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_ROOT, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'] ?? '';
    if (path.startsWith('api/')) {
      return sendProblem(
        reply,
        problem(
          'not_found',
          404,
          'Not found',
          `No API route ${request.method} ${request.url}. See /api/docs.`,
        ),
      );
    }
    if (!hasWeb) {
      return reply
        .type('text/plain; charset=utf-8')
        .send(
          'The web UI is not built. Run `npm run build`, then restart `custodia serve`. The API is at /api/docs.',
        );
    }
    if (path && existsSync(join(WEB_ROOT, path)) && !path.includes('..')) return reply.sendFile(path);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('not_found', 404, 'Not found', `No route ${request.method} ${request.url}. See /api/docs.`),
    ),
  );
}
