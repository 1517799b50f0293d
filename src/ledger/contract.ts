/** The HTTP contract of the ledger's checkpoints and proofs: request and response schemas. */
import { z } from 'zod';
import { binaryFile, contentResponse } from '../core/contract.js';

/** `GET /api/v1/public/checkpoint`: a C2SP signed note. */
export const checkpointResponse = contentResponse(
  'text/plain',
  z.string().describe('a C2SP tlog-checkpoint in a C2SP signed note'),
  'The latest signed checkpoint',
);

/** `GET /tlog/tile/<L>/<N>[.p/<W>]`: the path after `tile/`. */
export const tileParams = z.object({
  '*': z
    .string()
    .max(200)
    .describe(
      'the tile: `<L>/<N>[.p/<W>]`, L the tile level (0–63), N the index in 3-digit path elements, all but the last prefixed with x (1234067 is x001/x234/067), W the width of a partial tile (1–255)',
    ),
});

/** A hash tile: 32-byte SHA-256 hashes, concatenated. */
export const tileResponse = contentResponse(
  'application/octet-stream',
  binaryFile,
  'The tile: W (256 for a full tile) Merkle tree hashes of 32 bytes each, concatenated',
);

/** `GET /api/v1/public/verifier-key`: the note verifier key. */
export const verifierKeyResponse = contentResponse(
  'text/plain',
  z.string().describe('a C2SP note verifier key, one line'),
  'The verifier key of the checkpoints',
);

/** The query of an inclusion proof. */
export const inclusionQuery = z.object({
  index: z.coerce.number().int().min(0),
  size: z.coerce.number().int().min(1).optional(),
});

/** An RFC 9162 inclusion proof, hashes in hex. */
export const inclusionProofSchema = z.object({
  index: z.number().int(),
  size: z.number().int(),
  leafHash: z.string(),
  proof: z.array(z.string()),
  root: z.string(),
});

/** The query of a consistency proof. */
export const consistencyQuery = z.object({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .describe('the older tree size, at least 1: a proof from the empty tree proves nothing'),
  to: z.coerce.number().int().min(0),
});

/** An RFC 9162 consistency proof, hashes in hex. */
export const consistencyProofSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(z.string()),
  fromRoot: z.string(),
  toRoot: z.string(),
});

/** The latest checkpoint as the dashboard shows it. */
export const checkpointSummarySchema = z.object({
  size: z.number().int(),
  rootHex: z.string(),
  signedAt: z.string(),
  note: z.string(),
});

/** `POST /api/v1/ledger/checkpoint-checks`: a checkpoint kept earlier, to check the ledger against. */
export const checkpointCheckBody = z.object({
  note: z
    .string()
    .min(1)
    .max(16_384)
    .describe('a C2SP signed note holding a tlog-checkpoint, as `GET /api/v1/public/checkpoint` returned it'),
});

/** The verdict on a checkpoint: consistent, rolled back, forked, or not signed by this installation. */
export const checkpointVerdictSchema = z.object({
  status: z
    .enum(['consistent', 'rolled_back', 'forked', 'unsigned'])
    .describe(
      'consistent: the ledger extends the checkpoint; rolled_back: the checkpoint is larger than the ledger; forked: the ledger has another root at its size; unsigned: not signed by a key of this installation',
    ),
  size: z.number().int().nullable().describe("the checkpoint's tree size (null when unsigned)"),
  ledgerSize: z.number().int().nullable().describe("the ledger's size now (null when unsigned)"),
  detail: z.string().describe("what was found and what to do, in the reader's language"),
  messageKey: z.string().describe('the key of the detail in the message catalogue'),
});

/** `GET /tlog/tile/entries/<N>[.p/<W>]`: the path after `entries/`. */
export const entryBundleParams = z.object({
  '*': z
    .string()
    .max(200)
    .describe(
      'the bundle: `<N>[.p/<W>]`, N in 3-digit path elements, all but the last prefixed with x, W the width of a partial bundle (1–255)',
    ),
});

/** An entry bundle: the leaves, each prefixed with its length as a big-endian uint16. */
export const entryBundleResponse = contentResponse(
  'application/octet-stream',
  binaryFile,
  "The bundle: W (256 for a full bundle) ledger leaves (each event's RFC 8785 canonical JSON), each prefixed with its length in bytes as a big-endian uint16",
);

/** `GET /api/v1/people/{id}/ledger`: one entry about the person, with its inclusion proof. */
export const personProofEntrySchema = z.object({
  index: z.number().int().describe("the entry's index in the ledger"),
  type: z.string().describe('the event type, e.g. `transfer.nominated`'),
  recordedAt: z.string().describe('when it was recorded (ISO 8601)'),
  leafHash: z.string().describe('RFC 9162 leaf hash, SHA-256(0x00 ‖ leaf), in hex'),
  proof: z
    .array(z.string())
    .nullable()
    .describe(
      'the RFC 9162 inclusion proof against the checkpoint, hashes in hex; null when the entry is newer than the checkpoint',
    ),
});

/** A person's ledger entries with their proofs, against one checkpoint. */
export const personProofsSchema = z.object({
  personId: z.string(),
  checkpoint: z.object({
    size: z.number().int(),
    rootHex: z.string(),
    witnessed: z
      .boolean()
      .describe(
        'true when at least `quorum` witnesses cosigned it; false: the newest signed checkpoint, not witnessed yet',
      ),
    quorum: z.number().int(),
    note: z.string().describe('the checkpoint as a C2SP signed note, with every stored cosignature'),
  }),
  ledgerSize: z.number().int().describe("the ledger's size now"),
  entries: z.array(personProofEntrySchema),
});
export type PersonProofsView = z.output<typeof personProofsSchema>;
