import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { dashboard } from './dashboard.js';

/** The dashboard summary. */
export async function oversightRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard',
    {
      config: { access: 'dashboard:read' },
      schema: { tags: ['oversight'], summary: 'Agreements, capacity and ledger' },
    },
    async () => dashboard(ctx),
  );
}
