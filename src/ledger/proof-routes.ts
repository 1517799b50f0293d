import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import { scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { personParams } from '../people/contract.js';
import { entryBundleParams, entryBundleResponse, personProofsSchema } from './contract.js';
import { bundleRange, parseBundlePath, readBundle } from './entry-bundles.js';
import { touchesSealedRecord } from './person-index.js';
import { personProofs } from './person-proofs.js';
import { latestCheckpoint } from './store.js';

/**
 * A bundle's bytes never change, but they hold personal data: cacheable for ever by the reader's own
 * client, never by a shared cache (tlog-tiles asks for long-lived caching of this immutable endpoint).
 */
const BUNDLE_CACHE = 'private, max-age=31536000, immutable';

/** True when an Accept-Encoding header admits gzip (named, or `*`, without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** Proofs by person (monitors, counsel, the other ledger readers) and entry bundles (monitors, admin). */
export async function ledgerProofRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  r.get(
    '/api/v1/people/:id/ledger',
    {
      config: { access: 'ledger:person_proofs', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonLedgerProofs',
        summary:
          'Every ledger entry about a person, each with its inclusion proof against the newest witnessed checkpoint',
        description:
          'Index, type, time and leaf hash of each entry about the person (never the leaf: it may hold what the reader may not see), with its RFC 9162 inclusion proof against the newest checkpoint the witness quorum cosigned, or the newest signed one when none is (`checkpoint.witnessed` false). Counsel read their clients, monitors records no court sealed; anyone else is "not found".',
        params: personParams,
        response: { 200: personProofsSchema },
      },
    },
    async (request) => personProofs(ctx, requestActor(request), request.params.id),
  );
  r.get(
    '/tlog/tile/entries/*',
    {
      config: { access: 'ledger:entries', scoped: true },
      schema: {
        tags,
        operationId: 'getTlogEntryBundle',
        summary: 'An entry bundle: the ledger leaves of one level-0 tile (C2SP tlog-tiles), for monitors',
        description:
          "The leaves hold personal data: the installation's administrator and monitors only. A monitor is refused (403) a bundle holding an entry about a record a court sealed; the level-0 hash tile at the same path gives those entries' hashes.",
        params: entryBundleParams,
        response: { 200: entryBundleResponse },
      },
    },
    async (request, reply) => {
      const path = request.params['*'];
      const tile = parseBundlePath(path);
      if (!tile) throw new DomainError('not_found', 'ledger.tile_path', { path: `entries/${path}` });
      const cp = await latestCheckpoint(ctx.handle.db);
      const size = cp?.size ?? 0;
      const actor = requestActor(request);
      if (scopeOf(actor.role, 'ledger:entries') === 'unsealed') {
        const { from, to } = bundleRange(tile);
        if (await touchesSealedRecord(ctx.handle.db, from, Math.min(to, size))) {
          throw new DomainError('forbidden', 'ledger.bundle_sealed', { path });
        }
      }
      const bytes = await readBundle(ctx.handle.db, tile, size);
      if (!bytes)
        throw new DomainError('not_found', 'ledger.tile_missing', { path: `entries/${path}`, size });
      reply
        .header('cache-control', BUNDLE_CACHE)
        .header('vary', 'accept-encoding')
        .type('application/octet-stream');
      // tlog-tiles: bundles SHOULD be compressed at the HTTP layer; gzip when the client accepts it.
      if (acceptsGzip(request.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(gzipSync(bytes));
      }
      return reply.send(Buffer.from(bytes));
    },
  );
}
