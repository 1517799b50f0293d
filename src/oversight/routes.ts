import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { dashboardSchema } from './contract.js';
import { dashboard } from './dashboard.js';

/** The dashboard summary. */
export async function oversightRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard',
    {
      config: { access: 'dashboard:read' },
      schema: {
        tags: ['oversight'],
        operationId: 'getDashboard',
        summary: 'Agreements, capacity and ledger',
        description:
          'Each agreement and facility with its capacity and occupancy, transfers by state, manifest alarms, and the ledger head.',
        response: { 200: dashboardSchema },
      },
    },
    async (request) => dashboard(ctx, requestActor(request)),
  );
}
