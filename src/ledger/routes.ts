import type { FastifyInstance } from 'fastify';
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
  verifierKeyResponse,
} from './contract.js';
import { toHex } from './encoding.js';
import { verifierKeyOf } from './key.js';
import { installationVerifiers, keyRotations } from './key-events.js';
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
      schema: {
        tags,
        operationId: 'getCheckpoint',
        summary: 'The latest signed checkpoint (C2SP signed note, text/plain)',
        description:
          "The ledger's tree size and root hash, signed with the installation's key: anyone can check the ledger grows only by appending.",
        response: { 200: checkpointResponse },
      },
    },
    async (_request, reply) => {
      const cp = await latestCheckpoint(ctx.handle.db);
      if (!cp) throw new DomainError('not_found', 'ledger.no_checkpoint', {});
      return reply.type('text/plain; charset=utf-8').send(cp.note);
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
