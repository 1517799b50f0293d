import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { pickLang } from '../core/i18n.js';
import { checkAgainstCheckpoint, checkpointVerdictKey, verdictText } from './checkpoint-check.js';
import {
  checkpointCheckBody,
  checkpointResponse,
  checkpointVerdictSchema,
  consistencyProofSchema,
  consistencyQuery,
  inclusionProofSchema,
  inclusionQuery,
  tileParams,
  tileResponse,
  verifierKeyResponse,
} from './contract.js';
import { toHex } from './encoding.js';
import { verifierKeyOf } from './key.js';
import { installationVerifiers, keyRotations } from './key-events.js';
import { proveConsistency, proveInclusion } from './ledger.js';
import { latestCheckpoint } from './store.js';
import { parseTilePath, readTile } from './tiles.js';
import { cosignedCheckpointNote } from './witnessing.js';

/** The checkpoint changes with every write: caches must ask again (c2sp.org/tlog-tiles, "Checkpoints"). */
const CHECKPOINT_CACHE = 'no-cache';
/** A tile's bytes never change once its hashes exist (a partial tile's width is in its path). */
const TILE_CACHE = 'public, max-age=31536000, immutable';

async function sendCheckpoint(ctx: AppContext, reply: FastifyReply) {
  const cp = await latestCheckpoint(ctx.handle.db);
  if (!cp) throw new DomainError('not_found', 'ledger.no_checkpoint', {});
  return reply
    .header('cache-control', CHECKPOINT_CACHE)
    .type('text/plain; charset=utf-8')
    .send(await cosignedCheckpointNote(ctx.handle.db, cp));
}

/** Ledger checkpoints and hash tiles (public) and proofs (signed-in readers). */
export async function ledgerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  // The same cosigned note at the API's public path and at the C2SP tlog-tiles path.
  const checkpointRoutes = [
    {
      url: '/api/v1/public/checkpoint',
      operationId: 'getCheckpoint',
      summary: 'The latest signed checkpoint (C2SP signed note, text/plain)',
      description:
        "The ledger's tree size and root hash, signed with the installation's key and cosigned by its witnesses: anyone can check the ledger grows only by appending.",
    },
    {
      url: '/tlog/checkpoint',
      operationId: 'getTlogCheckpoint',
      summary: 'The latest checkpoint with its witness cosignatures (C2SP tlog-tiles)',
      description:
        "The C2SP tlog-tiles checkpoint: the installation's signature, then one cosignature line per witness that cosigned this size (C2SP tlog-cosignature). With the tiles, anyone can check inclusion and consistency without an account.",
    },
  ];
  for (const { url, ...doc } of checkpointRoutes) {
    r.get(
      url,
      { config: { access: 'public' }, schema: { tags, ...doc, response: { 200: checkpointResponse } } },
      async (_request, reply) => sendCheckpoint(ctx, reply),
    );
  }
  r.get(
    '/tlog/tile/*',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getTlogTile',
        summary: 'A Merkle tree hash tile (C2SP tlog-tiles)',
        description:
          'Hash tiles only: level-0 tiles hold leaf hashes, higher levels the hashes of full tiles below. Entry bundles (`/tlog/tile/entries/…`, the leaves) hold personal data: the administrator and monitors only.',
        params: tileParams,
        response: { 200: tileResponse },
      },
    },
    async (request, reply) => {
      const path = request.params['*'];
      const tile = parseTilePath(path);
      if (!tile) throw new DomainError('not_found', 'ledger.tile_path', { path });
      const cp = await latestCheckpoint(ctx.handle.db);
      const bytes = cp ? await readTile(ctx.handle.db, tile, cp.size) : undefined;
      if (!bytes) throw new DomainError('not_found', 'ledger.tile_missing', { path, size: cp?.size ?? 0 });
      return reply
        .header('cache-control', TILE_CACHE)
        .type('application/octet-stream')
        .send(Buffer.from(bytes));
    },
  );
  r.get(
    '/api/v1/public/verifier-key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getVerifierKey',
        summary: 'The note verifier key for checkpoints',
        description: 'The public key that verifies the signature of every checkpoint.',
        response: { 200: verifierKeyResponse },
      },
    },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(`${verifierKeyOf(ctx.signer)}\n`),
  );
  r.get(
    '/api/v1/ledger/proofs/inclusion',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        operationId: 'getInclusionProof',
        summary: 'RFC 9162 inclusion proof for one entry',
        description:
          'The audit path proving entry `index` is in the tree of `size` entries (default: the latest).',
        querystring: inclusionQuery,
        response: { 200: inclusionProofSchema },
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
        operationId: 'getConsistencyProof',
        summary: 'RFC 9162 consistency proof between two tree sizes',
        description: 'The proof that the tree of `to` entries extends the tree of `from` entries unchanged.',
        querystring: consistencyQuery,
        response: { 200: consistencyProofSchema },
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
  r.post(
    '/api/v1/ledger/checkpoint-checks',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        operationId: 'checkCheckpoint',
        summary: 'Check the ledger against a checkpoint kept earlier',
        description:
          'Verifies the signature with the keys this installation has signed with, then: same size, same root; smaller, an RFC 9162 consistency proof to the current tree; larger, the ledger was rolled back. Reads only.',
        body: checkpointCheckBody,
        response: { 200: checkpointVerdictSchema },
      },
    },
    async (request) => {
      const db = ctx.handle.db;
      const verifiers = installationVerifiers(ctx.signer, await keyRotations(db));
      const verdict = await checkAgainstCheckpoint(db, request.body.note, verifiers);
      const lang = pickLang(request.headers['accept-language']);
      return {
        status: verdict.status,
        size: verdict.status === 'unsigned' ? null : verdict.size,
        ledgerSize: verdict.status === 'unsigned' ? null : verdict.ledgerSize,
        detail: verdictText(lang, 'checkpoint', verdict),
        messageKey: checkpointVerdictKey(verdict),
      };
    },
  );
}
