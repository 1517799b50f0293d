/**
 * Witnessing, as a log (C2SP tlog-witness): submit the newest checkpoint to every configured witness with
 * a consistency proof from the size the witness last cosigned, follow a 409's size, retry what failed in
 * transit with bounded back-off, and keep the cosignatures that verify. The served checkpoint carries them
 * (`cosignedCheckpointNote`).
 */

import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import { openCosignatures } from './cosignature.js';
import { proveConsistency } from './ledger.js';
import { type CheckpointRow, latestCheckpoint } from './store.js';
import { formatAddCheckpoint, parseConflictSize } from './witness-protocol.js';
import {
  cosignatureLines,
  largestCosignedSize,
  listWitnesses,
  saveCosignature,
  saveWitnessAnswer,
  type Witness,
  witnessAnswers,
} from './witness-store.js';

/** What one witness did with the checkpoint. */
export interface WitnessOutcome {
  witness: string;
  url: string;
  outcome: 'cosigned' | 'refused' | 'unreachable';
  /** The checkpoint size submitted. */
  size: number;
  /** The HTTP status of the last answer, if one came. */
  httpStatus: number | null;
  /** The size the witness says it cosigned last, when it said (a 409), or the size it cosigned now. */
  knownSize: number | null;
  /** What happened, in English (stored) — the CLI translates from the fields. */
  detail: string;
}

/** How to reach witnesses: injectable so tests need no sleeping. */
export interface WitnessTransport {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Attempts per witness for answers that may pass (network errors, 5xx, 429); default 4. */
  attempts?: number;
  /** Milliseconds before the first retry, doubled after each; default 500. */
  backoffMs?: number;
}

/** The real network, with a 10-second timeout per request. */
export const networkTransport: WitnessTransport = {
  fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10_000) }),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// At most this many 409 answers are followed per witness and submission: the first tells the size, a
// second can only come from a race with another submitter.
const MAX_CONFLICTS = 3;

/** Submits the newest checkpoint to every configured witness now; resolves when all have answered or given up. */
export async function witnessNewestCheckpoint(
  ctx: Pick<AppContext, 'handle' | 'clock'>,
  transport: WitnessTransport = networkTransport,
): Promise<{ checkpoint: CheckpointRow; outcomes: WitnessOutcome[]; note: string }> {
  const db = ctx.handle.db;
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint) throw new DomainError('not_found', 'ledger.no_checkpoint', {});
  const witnesses = await listWitnesses(db);
  const answers = await witnessAnswers(db);
  const outcomes = await Promise.all(
    witnesses.map(async (witness) => {
      const outcome = await submit(
        ctx,
        transport,
        witness,
        checkpoint,
        answers.get(witness.name)?.known_size,
      );
      await saveWitnessAnswer(db, {
        witness: witness.name,
        known_size: outcome.knownSize,
        outcome: outcome.outcome,
        http_status: outcome.httpStatus,
        detail: outcome.detail,
        answered_at: ctx.clock.now(),
      });
      return outcome;
    }),
  );
  return { checkpoint, outcomes, note: await cosignedCheckpointNote(db, checkpoint) };
}

/** The checkpoint note with the cosignatures stored for its size appended (several signature lines). */
export async function cosignedCheckpointNote(
  db: AppContext['handle']['db'],
  checkpoint: Pick<CheckpointRow, 'size' | 'note'>,
): Promise<string> {
  const lines = await cosignatureLines(db, checkpoint.size);
  return `${checkpoint.note}${lines.join('')}`;
}

async function submit(
  ctx: Pick<AppContext, 'handle' | 'clock'>,
  transport: WitnessTransport,
  witness: Witness,
  checkpoint: CheckpointRow,
  lastKnown: number | null | undefined,
): Promise<WitnessOutcome> {
  const db = ctx.handle.db;
  const base = { witness: witness.name, url: witness.url, size: checkpoint.size };
  // Start from what the witness said last, else from what it cosigned; a wrong guess costs one 409.
  let oldSize = lastKnown ?? (await largestCosignedSize(db, witness.name)) ?? 0;
  for (let conflicts = 0; ; ) {
    if (oldSize > checkpoint.size) {
      return {
        ...base,
        outcome: 'refused',
        httpStatus: 409,
        knownSize: oldSize,
        detail: `the witness has cosigned ${oldSize} entries of this log, but the log has ${checkpoint.size}: the log was rolled back`,
      };
    }
    const proof = oldSize === 0 ? [] : (await proveConsistency(db, oldSize, checkpoint.size)).proof;
    const answer = await post(transport, witness.url, formatAddCheckpoint(oldSize, proof, checkpoint.note));
    if (answer.kind === 'unreachable') {
      return {
        ...base,
        outcome: 'unreachable',
        httpStatus: answer.status,
        knownSize: lastKnown ?? null,
        detail: answer.detail,
      };
    }
    if (answer.status === 200) {
      return accept(ctx, witness, checkpoint, answer.body, base);
    }
    if (answer.status === 409) {
      const known = parseConflictSize(answer.body);
      conflicts += 1;
      if (known === undefined || known === oldSize || conflicts > MAX_CONFLICTS) {
        return {
          ...base,
          outcome: 'refused',
          httpStatus: 409,
          knownSize: known ?? null,
          detail: `409 Conflict: ${firstLine(answer.body)}`,
        };
      }
      oldSize = known;
      continue;
    }
    return {
      ...base,
      outcome: 'refused',
      httpStatus: answer.status,
      knownSize: oldSize,
      detail: `${answer.status}: ${firstLine(answer.body)}`,
    };
  }
}

async function accept(
  ctx: Pick<AppContext, 'handle' | 'clock'>,
  witness: Witness,
  checkpoint: CheckpointRow,
  lines: string,
  base: { witness: string; url: string; size: number },
): Promise<WitnessOutcome> {
  let found: ReturnType<typeof openCosignatures>['cosignatures'];
  try {
    found = openCosignatures(`${checkpoint.note}${lines}`, [witness.verifier]).cosignatures;
  } catch (error) {
    return {
      ...base,
      outcome: 'refused',
      httpStatus: 200,
      knownSize: null,
      detail: `the answer is not a valid cosignature: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const mine = found[0];
  if (!mine) {
    return {
      ...base,
      outcome: 'refused',
      httpStatus: 200,
      knownSize: null,
      detail: 'the answer holds no cosignature by the configured key',
    };
  }
  await saveCosignature(ctx.handle.db, {
    witness: witness.name,
    key_id: mine.keyId,
    size: checkpoint.size,
    line: mine.line,
    signed_at: new Date(mine.timestamp * 1000),
    received_at: ctx.clock.now(),
  });
  return { ...base, outcome: 'cosigned', httpStatus: 200, knownSize: checkpoint.size, detail: 'cosigned' };
}

type Answer =
  | { kind: 'answer'; status: number; body: string }
  | { kind: 'unreachable'; status: number | null; detail: string };

/** POSTs to `<url>/add-checkpoint`, retrying network errors, 5xx and 429 with doubling back-off. */
async function post(transport: WitnessTransport, url: string, body: string): Promise<Answer> {
  const attempts = transport.attempts ?? 4;
  let wait = transport.backoffMs ?? 500;
  let last: Answer = { kind: 'unreachable', status: null, detail: 'not attempted' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await transport.fetch(`${url.replace(/\/+$/, '')}/add-checkpoint`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body,
      });
      const text = await response.text();
      if (response.status < 500 && response.status !== 429)
        return { kind: 'answer', status: response.status, body: text };
      last = {
        kind: 'unreachable',
        status: response.status,
        detail: `${response.status}: ${firstLine(text)}`,
      };
    } catch (error) {
      last = {
        kind: 'unreachable',
        status: null,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    if (attempt < attempts) {
      await transport.sleep(wait);
      wait *= 2;
    }
  }
  return last;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 300) ?? '';
}

/** One line saying what a witness did, in the reader's language. */
export function outcomeText(lang: Lang, outcome: WitnessOutcome): string {
  switch (outcome.outcome) {
    case 'cosigned':
      return translate(lang, 'witness.outcome_cosigned', { witness: outcome.witness, size: outcome.size });
    case 'unreachable':
      return translate(lang, 'witness.outcome_unreachable', {
        witness: outcome.witness,
        url: outcome.url,
        detail: outcome.detail,
      });
    case 'refused':
      return translate(lang, 'witness.outcome_refused', {
        witness: outcome.witness,
        url: outcome.url,
        size: outcome.size,
        detail: outcome.detail,
      });
  }
}
