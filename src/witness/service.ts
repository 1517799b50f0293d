/**
 * `add-checkpoint` as a witness answers it (C2SP tlog-witness): parse, find the log, check its signature,
 * decide against the newest checkpoint cosigned for it (model.ts), and on success record the new head
 * durably before answering with the cosignature. Calls are serialized, so the check of the old size and
 * the write of the new head are atomic, as the spec requires.
 */

import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Lang } from '../core/i18n.js';
import { type MessageKey, type Params, translate } from '../core/messages/index.js';
import { Mutex } from '../db/mutex.js';
import { CheckpointError, parseCheckpoint } from '../ledger/checkpoint.js';
import { type Cosigner, cosign } from '../ledger/cosignature.js';
import { NoteError, openNote } from '../ledger/note.js';
import { parseAddCheckpoint, TLOG_SIZE_CONTENT_TYPE } from '../ledger/witness-protocol.js';
import { decide } from './model.js';
import { readCosignedHeads, readFollowedLogs, writeCosignedHead } from './state.js';

/** An HTTP answer: status, content type and body. */
export interface WitnessAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** What the witness needs: its data directory, its key and a clock for the cosignature's timestamp. */
export interface WitnessContext {
  dataDir: string;
  cosigner: Cosigner;
  clock: Clock;
}

const locks = new WeakMap<WitnessContext, Mutex>();

/** Answers one add-checkpoint request body, in the reader's language for refusals. */
export async function addCheckpoint(ctx: WitnessContext, text: string, lang: Lang): Promise<WitnessAnswer> {
  let lock = locks.get(ctx);
  if (!lock) {
    lock = new Mutex();
    locks.set(ctx, lock);
  }
  await lock.lock();
  try {
    return answer(ctx, text, lang);
  } finally {
    lock.unlock();
  }
}

function answer(ctx: WitnessContext, text: string, lang: Lang): WitnessAnswer {
  const refuse = <K extends MessageKey>(status: number, key: K, params: Params = {}): WitnessAnswer => ({
    status,
    contentType: 'text/plain; charset=utf-8',
    body: `${translate(lang, key, params)}\n`,
  });
  const request = parseAddCheckpoint(text);
  if ('error' in request) return refuse(400, 'witness.malformed', { reason: request.error });
  const origin = request.note.slice(0, request.note.indexOf('\n'));
  const log = readFollowedLogs(ctx.dataDir).find((l) => l.origin === origin);
  if (!log) return refuse(404, 'witness.unknown_origin', { origin });
  let body: string;
  let logLines: string;
  try {
    const opened = openNote(request.note, [log.verifier]);
    body = opened.body;
    logLines = opened.verified.map((sig) => `\u2014 ${sig.name} ${sig.base64}\n`).join('');
  } catch (error) {
    if (error instanceof NoteError && error.reason !== 'malformed') {
      return refuse(403, 'witness.unsigned', { origin });
    }
    return refuse(400, 'witness.malformed', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  let checkpoint: ReturnType<typeof parseCheckpoint>;
  try {
    checkpoint = parseCheckpoint(body);
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error;
    return refuse(400, 'witness.malformed', { reason: error.message });
  }
  const latest = readCosignedHeads(ctx.dataDir).get(origin);
  const decision = decide(latest, { oldSize: request.oldSize, proof: request.proof, checkpoint });
  switch (decision.kind) {
    case 'bad_request':
      return refuse(400, 'witness.old_size_larger', { oldSize: request.oldSize, size: checkpoint.size });
    case 'conflict':
      return { status: 409, contentType: TLOG_SIZE_CONTENT_TYPE, body: `${decision.size}\n` };
    case 'unprocessable':
      return refuse(422, `witness.${decision.reason}`, {
        origin,
        size: checkpoint.size,
        known: latest?.size ?? 0,
      });
    case 'cosign': {
      const timestamp = Math.max(1, Math.floor(ctx.clock.now().getTime() / 1000));
      const line = cosign(body, ctx.cosigner, timestamp);
      writeCosignedHead(ctx.dataDir, origin, {
        size: checkpoint.size,
        root: checkpoint.root,
        note: `${body}\n${logLines}${line}`,
      });
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: line };
    }
  }
}

/**
 * The newest cosigned checkpoint of the log whose origin hashes (SHA-256, lowercase hex) to `originHash`:
 * tlog-witness's monitoring endpoint, so monitors can compare what witnesses saw.
 */
export function cosignedCheckpoint(ctx: WitnessContext, originHash: string): string | undefined {
  for (const [origin, head] of readCosignedHeads(ctx.dataDir)) {
    if (createHash('sha256').update(origin, 'utf8').digest('hex') === originHash) return head.note;
  }
  return undefined;
}
