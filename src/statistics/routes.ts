import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { problemResponse } from '../core/contract.js';
import { DomainError } from '../core/errors.js';
import { LocatorRateLimit } from '../locator/rate-limit.js';
import {
  publishAnswerSchema,
  statisticsAnswerSchema,
  statisticsParameters,
  statisticsQuery,
} from './contract.js';
import { statisticsCsv } from './csv.js';
import { publishStatistics, statistics } from './service.js';

/** The public statistics, and their publication by admins and monitors. */
export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['statistics'];
  // Computing a year of figures reads every custody day and the whole regime log: limited like the locator.
  const limit = new LocatorRateLimit(
    ctx.clock,
    ctx.config.statisticsRateLimit,
    50_000,
    'statistics.rate_limited',
  );
  r.get(
    '/api/v1/public/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'publicStatistics',
        summary: 'Public statistics of a facility or agreement for a period (no sign-in)',
        description:
          'Population at a date by nationality and legal status, transfers by outcome and month, deaths in custody with the rate per 100,000 of average daily population, the share of evaluated days that met each standard, custody length and releases by reason. Every count from 1 to 9 is `"<10"`; `"x"` hides a count of 10 or more so that no `"<10"` can be worked out from a total. The newest published release for the parameters (with its hash and ledger entry), or the figures computed now with `published: false`. `format=csv` answers the same figures as CSV. Limited per client address (429 with Retry-After).',
        querystring: statisticsQuery,
        response: {
          200: {
            description: 'The figures, as JSON or (format=csv) as CSV',
            content: {
              'application/json': { schema: statisticsAnswerSchema },
              'text/csv': { schema: z.string() },
            },
          },
          400: problemResponse(400),
          429: problemResponse(429),
        },
      },
    },
    async (request, reply) => {
      const { lang, format, ...query } = request.query;
      // `?lang=` chooses the language of any refusal, over Accept-Language.
      if (lang) request.headers['accept-language'] = lang;
      if (format !== undefined && format !== 'json' && format !== 'csv') {
        throw new DomainError(
          'invalid_input',
          'statistics.format_unknown',
          { field: 'format', value: format },
          { issues: [{ field: 'format', message: 'json or csv' }] },
        );
      }
      limit.take(request.ip);
      const answer = await statistics(ctx, query);
      if (format !== 'csv') return reply.type('application/json').send(answer);
      const name = `statistics-${answer.subject}-${answer.figures.from}-${answer.figures.to}.csv`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(statisticsCsv(answer));
    },
  );
  r.post(
    '/api/v1/statistics/publish',
    {
      config: { access: 'statistics:publish' },
      schema: {
        tags,
        operationId: 'publishStatistics',
        summary: 'Publish the statistics for a set of parameters (admins, monitors)',
        description:
          'Computes the figures now and records a `statistics.published` ledger event holding their hash. If the newest release for the same parameters holds the same figures, nothing is recorded (`recorded: false`); different figures are a revision, a new event naming the release it revises.',
        body: statisticsParameters,
        response: { 200: publishAnswerSchema, 400: problemResponse(400) },
      },
    },
    async (request) => publishStatistics(ctx, requestActor(request), request.body),
  );
}
