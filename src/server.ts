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
  type RouteOptions,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agreementRoutes } from './agreements/routes.js';
import { type RegisteredRoute, registerAccessControl } from './auth/http.js';
import { authRoutes } from './auth/routes.js';
import { userRoutes } from './auth/user-routes.js';
import { billingRoutes } from './billing/routes.js';
import type { AppContext } from './context.js';
import { type ProblemStatus, problemResponse } from './core/contract.js';
import { DomainError, errorTitle, type FieldIssue } from './core/errors.js';
import { type Lang, pickLang } from './core/i18n.js';
import { translate } from './core/messages/index.js';
import { custodyRoutes } from './custody/routes.js';
import { checkReady } from './db/database.js';
import { screeningRoutes } from './eligibility/routes.js';
import { facilityRoutes } from './facilities/routes.js';
import { hearingRoutes } from './hearings/routes.js';
import { ledgerProofRoutes } from './ledger/proof-routes.js';
import { ledgerRoutes } from './ledger/routes.js';
import { locatorRoutes } from './locator/routes.js';
import { oversightRoutes } from './oversight/routes.js';
import { partyRoutes } from './parties/routes.js';
import { peopleRoutes } from './people/routes.js';
import { releaseRoutes } from './releases/routes.js';
import { DOCS_CONTENT_SECURITY_POLICY, registerSecurityHeaders } from './security-headers.js';
import { statisticsRoutes } from './statistics/routes.js';
import { registerTextBoundary } from './text-boundary.js';
import { manifestRoutes } from './transfers/manifest-routes.js';
import { transferRoutes } from './transfers/routes.js';
import { legalVisitRoutes } from './visits/routes.js';

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

/** An RFC 9457 problem document, in the reader's language, with what a client needs to translate it itself. */
export function problem(error: DomainError, lang: Lang) {
  return {
    type: `https://custodia.local/problems/${error.code.replace(/_/g, '-')}`,
    title: errorTitle(error.code, lang),
    status: error.status,
    detail: error.localized(lang),
    code: error.code,
    messageKey: error.messageKey,
    params: error.params,
    ...(error.issues.length > 0 ? { issues: error.issues } : {}),
  };
}

/**
 * Sends `error` as problem+json in the language the request asked for (`Accept-Language`, default English).
 * A refusal that says when to try again (a throttled login) carries it as Retry-After too.
 */
function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  const body = problem(error, pickLang(request.headers['accept-language']));
  const retryAfter = error.params.retryAfterSeconds;
  if (error.status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** A request validation issue in the reader's language: Zod's own Spanish text for its issue codes. */
function localizedIssues(
  error: { validation: ZodFastifySchemaValidationError[]; validationContext?: string },
  lang: Lang,
): FieldIssue[] {
  return error.validation.map((v) => {
    const field = `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`;
    let message = v.message ?? 'invalid';
    // A refinement of ours names its catalogue message (e.g. a date's year out of range): use its text.
    const keyed = catalogueKeyOf(v.params);
    if (keyed) return { field, message: translate(lang, keyed, {}) };
    if (lang === 'es') {
      // Zod keeps the input out of the issue; its English text names the type received, which the Spanish
      // text needs too ("recibido número", not "recibido indefinido").
      const received = /received (\w+)$/.exec(message)?.[1];
      const input = 'input' in v.params || received === undefined ? {} : { input: SAMPLE_OF_TYPE[received] };
      const issue = { ...v.params, ...input, code: v.keyword, path: [], message } as unknown as Parameters<
        ReturnType<typeof z.locales.es>['localeError']
      >[0];
      const spanish = SPANISH_ISSUES(issue);
      if (spanish) message = typeof spanish === 'string' ? spanish : (spanish.message ?? message);
    }
    return { field, message };
  });
}
const SPANISH_ISSUES = z.locales.es().localeError;

/** The catalogue key a refinement put in its issue's params, when it names a message without parameters. */
function catalogueKeyOf(params: Record<string, unknown>): 'date.year_range' | undefined {
  const inner = params.params;
  if (typeof inner !== 'object' || inner === null || !('messageKey' in inner)) return undefined;
  return inner.messageKey === 'date.year_range' ? 'date.year_range' : undefined;
}
/** A value of each type Zod's English messages name as received, for its Spanish text to name the same. */
const SAMPLE_OF_TYPE: Readonly<Record<string, unknown>> = {
  number: 0,
  string: '',
  boolean: false,
  null: null,
  array: [],
  object: {},
  undefined: undefined,
  bigint: 0n,
  date: new Date(0),
};

/** Maps every error to problem+json. Messages of 5xx errors are hidden; they are logged instead. */
function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (e: DomainError) => sendProblem(request, reply, e);
  if (error instanceof DomainError) {
    if (error.status >= 500) request.log.error({ err: error }, 'domain error');
    return send(error);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = localizedIssues(error, pickLang(request.headers['accept-language']));
    return send(
      new DomainError('invalid_input', 'request.invalid_fields', { count: issues.length }, { issues }),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return send(new DomainError('malformed_json', 'request.malformed_json', { reason: error.message }));
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return send(new DomainError('malformed_json', 'request.empty_json', {}));
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(
      new DomainError('unsupported_media_type', 'request.unsupported_media_type', { reason: error.message }),
    );
  }
  if (error.statusCode && error.statusCode < 500) {
    const invalid = new DomainError('invalid_request', 'request.invalid', { reason: error.message });
    const body = problem(invalid, pickLang(request.headers['accept-language']));
    return reply
      .code(error.statusCode)
      .type('application/problem+json')
      .send({ ...body, status: error.statusCode });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(new DomainError('internal', 'request.internal', { requestId: String(request.id) }));
}

/** The operations' tags, in the order the docs UI lists them. */
const API_TAGS = [
  { name: 'health', description: 'Whether the process is up and the database ready' },
  { name: 'auth', description: 'Signing in and out, and the current session' },
  { name: 'users', description: 'Users, roles, passwords and API tokens: the admin manages them' },
  { name: 'agreements', description: 'Custody agreements, their eligibility policies and fee schedules' },
  { name: 'facilities', description: 'Agencies, facilities, cells, and the allocation of people to cells' },
  { name: 'people', description: 'The people of an agreement: records, search and bulk import' },
  { name: 'eligibility', description: 'Screenings: who may be transferred, each rule explained' },
  { name: 'transfers', description: 'Transfers, their actions, legal holds and the facts screenings need' },
  {
    name: 'manifests',
    description: 'Transport manifests: boarding, departure, arrival, intake, reconciliation',
  },
  {
    name: 'custody',
    description: 'Custody intervals, releases, the regime log, incidents, headcounts, occupancy, compliance',
  },
  {
    name: 'releases',
    description: 'Release dates with their breakdown and history, overrides, and the releases-due worklist',
  },
  { name: 'billing', description: 'Invoices, corrections, payments and the billing reports' },
  { name: 'ledger', description: 'Signed checkpoints of the ledger and Merkle proofs' },
  { name: 'oversight', description: 'The dashboard' },
  {
    name: 'locator',
    description: 'The public locator (exact match, never the cell) and the record of signed-in lookups',
  },
  {
    name: 'statistics',
    description: 'Public statistics with small counts suppressed, and their publication as ledger events',
  },
  {
    name: 'parties',
    description: 'Parties users act for, representations and notices of appearance, and the family view',
  },
  {
    name: 'hearings',
    description: 'Video-link hearings: rooms and schedules, bookings with alternatives, outcomes, day lists',
  },
];

/** `GET /readyz`: one component per dependency. */
const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  components: z.object({
    database: z.object({ status: z.enum(['ok', 'down']), engine: z.enum(['pglite', 'postgres']) }),
    migrations: z.object({ status: z.enum(['ok', 'pending']) }),
    replica: z
      .object({
        status: z.enum(['ok', 'down']),
        reads: z.enum(['replica', 'primary']),
        lagSeconds: z.number().nullable(),
        lagBytes: z.number().nullable(),
      })
      .optional()
      .describe(
        'With DATABASE_READ_URL: the streaming replica the lagging reads go to. Not required for readiness: while it is down, the primary answers those reads.',
      ),
  }),
});

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const documented = new WeakSet<object>();

/**
 * Completes a route's OpenAPI operation from what it declares: the problem+json responses its access and
 * inputs make possible (400 with inputs, 401 and 403 unless public, 404 with a path or a body naming
 * something, 409 and 422 for writes), a description that says who may call it, and
 * no security requirement on public routes. A response the route declares itself is kept.
 */
function documentRoute(route: RouteOptions): void {
  const schema = route.schema;
  // A GET's HEAD route shares its schema: complete it once.
  if (!schema || schema.hide || documented.has(schema)) return;
  documented.add(schema);
  const access = route.config?.access;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const writes = methods.some((m) => WRITE_METHODS.has(m));
  const hasInput = Boolean(schema.body || schema.querystring || schema.params);
  const statuses: ProblemStatus[] = [];
  if (hasInput || writes) statuses.push(400);
  if (access !== 'public') statuses.push(401, 403);
  if (schema.params || writes || schema.querystring) statuses.push(404);
  if (writes) statuses.push(409, 422);
  const response: Record<string, unknown> = { ...(schema.response as Record<string, unknown> | undefined) };
  for (const status of statuses) response[status] ??= problemResponse(status);
  schema.response = response;
  const who =
    access === 'public'
      ? 'Public: no sign-in needed.'
      : access === 'authenticated'
        ? 'Any signed-in user.'
        : `Needs the \`${access}\` permission.`;
  schema.description = `${schema.description ?? schema.summary ?? ''}\n\n${who}`.trim();
  if (access === 'public') schema.security = [];
}

/**
 * OpenAPI has no wildcard: a route ending in `*` (the tlog tile paths, whose tail spans several
 * segments) is documented with the wildcard as the parameter `{path}`, which Spectral can match.
 */
const documentWildcard: typeof jsonSchemaTransform = (input) => {
  const params = input.schema.params;
  const wildcard = params instanceof z.ZodObject ? params.shape['*'] : undefined;
  if (!input.url.endsWith('/*') || !(wildcard instanceof z.ZodType)) return jsonSchemaTransform(input);
  return jsonSchemaTransform({
    ...input,
    url: `${input.url.slice(0, -1)}:path`,
    schema: { ...input.schema, params: z.object({ path: wildcard }) },
  });
};

/** Options for `buildApp`. */
export interface BuildOptions {
  /**
   * Log requests (the server does; tests don't): `true` to stdout, `{ stream }` to a destination such as
   * the request log file (src/request-log.ts). Authorization headers and cookies are redacted either way.
   */
  logger?: boolean | { stream: { write(line: string): void } };
  /** The built web UI to serve: `dist/web` (or `CUSTODIA_WEB_DIR`) unless given. */
  webRoot?: string;
}

/** What the logger never writes: credentials a request carries or a response sets. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

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
          redact: REDACTED,
          ...(typeof options.logger === 'object' ? { stream: options.logger.stream } : {}),
        }
      : false,
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
    // Believe X-Forwarded-For/-Proto only from the proxies CUSTODIA_TRUST_PROXY names: request.ip keys the
    // per-address login throttle and request.protocol makes the session cookie Secure.
    trustProxy: Array.isArray(ctx.config.trustProxy)
      ? [...ctx.config.trustProxy]
      : ctx.config.trustProxy === true,
  });
  const routes: RegisteredRoute[] = [];
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await registerSecurityHeaders(app);
  // Cookies must be parsed before the access-control hook reads the session cookie.
  await app.register(cookie);
  registerAccessControl(app, ctx, routes);
  registerTextBoundary(app);
  app.addHook('onRoute', documentRoute);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Custodia API',
        version: '1',
        description:
          'Administers a cross-border custody agreement. Errors are RFC 9457 problem+json. Authenticate with a bearer token (`custodia token create`) or the session cookie from /api/v1/auth/login.',
        contact: { name: 'Custodia maintainers', url: 'https://custodia.local/' },
        license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      },
      servers: [{ url: '/', description: 'The server this document was read from' }],
      tags: API_TAGS,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'custodia_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: documentWildcard,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CONTENT_SECURITY_POLICY });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        operationId: 'health',
        summary: 'The process is up',
        description: 'Answers while the process runs, whatever the state of the database.',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        operationId: 'readiness',
        summary: 'Database reachable and migrations current',
        description:
          'One component per dependency; 503 when the database is down or migrations are pending. With a read replica, its state and lag.',
        response: { 200: readinessSchema, 503: readinessSchema.describe('Not ready: a component is down') },
      },
    },
    async (_request, reply) => {
      const [ready, replica] = await Promise.all([checkReady(ctx.handle.db), ctx.reads.status()]);
      const ok = ready.database && ready.migrations;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        components: {
          database: { status: ready.database ? 'ok' : 'down', engine: ctx.handle.engine },
          migrations: { status: ready.migrations ? 'ok' : 'pending' },
          ...(replica ? { replica } : {}),
        },
      });
    },
  );

  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
  await agreementRoutes(app, ctx);
  await facilityRoutes(app, ctx);
  await peopleRoutes(app, ctx);
  await screeningRoutes(app, ctx);
  await transferRoutes(app, ctx);
  await manifestRoutes(app, ctx);
  await custodyRoutes(app, ctx);
  await releaseRoutes(app, ctx);
  await billingRoutes(app, ctx);
  await ledgerRoutes(app, ctx);
  await ledgerProofRoutes(app, ctx);
  await oversightRoutes(app, ctx);
  await locatorRoutes(app, ctx);
  await statisticsRoutes(app, ctx);
  await legalVisitRoutes(app, ctx);
  await hearingRoutes(app, ctx);
  await partyRoutes(app, ctx);
  await registerWeb(app, options.webRoot ?? WEB_ROOT);
  return { app, routes };
}

/** Serves the built web UI, with index.html for client-side routes. */
async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'] ?? '';
    if (path.startsWith('api/')) {
      return sendProblem(
        request,
        reply,
        new DomainError('not_found', 'request.no_api_route', { method: request.method, url: request.url }),
      );
    }
    if (!hasWeb) {
      return reply
        .type('text/plain; charset=utf-8')
        .send(
          'The web UI is not built. Run `npm run build`, then restart `custodia serve`. The API is at /api/docs.',
        );
    }
    if (path && existsSync(join(webRoot, path)) && !path.includes('..')) return reply.sendFile(path);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new DomainError('not_found', 'request.no_route', { method: request.method, url: request.url }),
    ),
  );
}
