import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { toHex } from './encoding.js';
import { verifierKeyOf } from './key.js';
import { proveConsistency, proveInclusion } from './ledger.js';
import { latestCheckpoint } from './store.js';

/** Ledger checkpoints (public) and proofs (signed-in readers). */
export async function ledgerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  r.get(
    '/api/v1/public/checkpoint',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The latest signed checkpoint (C2SP signed note, text/plain)' },
    },
    async (_request, reply) => {
      const cp = await latestCheckpoint(ctx.handle.db);
      if (!cp) throw new DomainError('not_found', 'ledger.no_checkpoint', {});
      return reply.type('text/plain; charset=utf-8').send(cp.note);
    },
  );
  r.get(
    '/api/v1/public/verifier-key',
    { config: { access: 'public' }, schema: { tags, summary: 'The note verifier key for checkpoints' } },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(`${verifierKeyOf(ctx.signer)}\n`),
  );
  r.get(
    '/api/v1/ledger/proofs/inclusion',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'RFC 9162 inclusion proof for one entry',
        querystring: z.object({
          index: z.coerce.number().int().min(0),
          size: z.coerce.number().int().min(1).optional(),
        }),
      },
    },
    async (request) => {
      const p = await proveInclusion(ctx.handle.db, request.query.index, request.query.size);
      return {
        index: p.index,
        size: p.size,
        leafHash: toHex(p.leafHash),
        proof: p.proof.map(toHex),
        root: toHex(p.root),
      };
    },
  );
  r.get(
    '/api/v1/ledger/proofs/consistency',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'RFC 9162 consistency proof between two tree sizes',
        querystring: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) }),
      },
    },
    async (request) => {
      const p = await proveConsistency(ctx.handle.db, request.query.from, request.query.to);
      return {
        from: p.from,
        to: p.to,
        proof: p.proof.map(toHex),
        fromRoot: toHex(p.fromRoot),
        toRoot: toHex(p.toRoot),
      };
    },
  );
}
