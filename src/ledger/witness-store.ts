import { sql } from 'kysely';
import { z } from 'zod';
import { defineEvent } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { LedgerCosignatureTable, LedgerWitnessAnswerTable } from '../db/schema.js';
import { type CosignatureVerifier, parseCosignerVerifierKey } from './cosignature.js';
import { type FeatureEvents, projection } from './registry.js';

type Q = Db | Tx;

/**
 * The witnesses this log submits its checkpoints to (C2SP tlog-witness), recorded as ledger events so that
 * anyone reading the log sees which witnesses vouch for it and since when; and the cosignatures and
 * answers they gave, kept beside the checkpoints (operational records, not events).
 */

/** `ledger.witness_added`: from now on checkpoints are submitted to `url`, cosigned by `verifierKey`. */
export const witnessAddedSchema = z.object({
  name: z.string().min(1).describe("the witness's cosigner key name"),
  url: z.string().min(1).describe('the submission prefix: `<url>/add-checkpoint`'),
  verifierKey: z.string().min(1).describe('the cosigner verifier key: name+hex(keyid)+base64(0x04||pubkey)'),
});

/** The witness events. */
export const witnessEvent = {
  added: defineEvent('ledger.witness_added', witnessAddedSchema),
};

/** The stream a witness's configuration is recorded in. */
export function witnessStream(name: string): string {
  return `ledger:witness:${name}`;
}

/** The witness events and their read table. */
export const ledgerWitnessEvents: FeatureEvents = {
  feature: 'ledger-witnesses',
  tables: [{ table: 'ledger_witnesses', orderBy: 'name' }],
  events: [
    projection(witnessEvent.added, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('ledger_witnesses')
        .values({ name: p.name, url: p.url, verifier_key: p.verifierKey, added_at: new Date(e.recordedAt) })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ url: p.url, verifier_key: p.verifierKey, added_at: new Date(e.recordedAt) }),
        )
        .execute();
    }),
  ],
};

/** A configured witness. */
export interface Witness {
  name: string;
  url: string;
  verifierKey: string;
  verifier: CosignatureVerifier;
  addedAt: Date;
}

/** Every configured witness, by name. */
export async function listWitnesses(q: Q): Promise<Witness[]> {
  const rows = await q.selectFrom('ledger_witnesses').selectAll().orderBy('name').execute();
  return rows.map((row) => ({
    name: row.name,
    url: row.url,
    verifierKey: row.verifier_key,
    verifier: parseCosignerVerifierKey(row.verifier_key),
    addedAt: row.added_at,
  }));
}

/** A cosignature received for the checkpoint of `size`. */
export type CosignatureRow = LedgerCosignatureTable;

/** Stores a cosignature (one per witness and size; a newer one for the same size replaces it). */
export async function saveCosignature(q: Q, row: CosignatureRow): Promise<void> {
  await q
    .insertInto('ledger_cosignatures')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['witness', 'size']).doUpdateSet({
        key_id: row.key_id,
        line: row.line,
        signed_at: row.signed_at,
        received_at: row.received_at,
      }),
    )
    .execute();
}

/** The cosignature lines for the checkpoint of `size` by witnesses still configured, by witness name. */
export async function cosignatureLines(q: Q, size: number): Promise<string[]> {
  const rows = await q
    .selectFrom('ledger_cosignatures as c')
    .innerJoin('ledger_witnesses as w', 'w.name', 'c.witness')
    .select('c.line')
    .where('c.size', '=', size)
    .orderBy('c.witness')
    .execute();
  return rows.map((row) => row.line);
}

/** The largest size a witness cosigned, or undefined. */
export async function largestCosignedSize(q: Q, witness: string): Promise<number | undefined> {
  const row = await q
    .selectFrom('ledger_cosignatures')
    .select(sql<number | null>`max(size)`.as('size'))
    .where('witness', '=', witness)
    .executeTakeFirst();
  return row?.size ?? undefined;
}

/** The query for the newest checkpoint size cosigned by at least `quorum` configured witnesses. */
function witnessedSizeQuery(q: Q, quorum: number) {
  return q
    .selectFrom('ledger_cosignatures as c')
    .innerJoin('ledger_witnesses as w', 'w.name', 'c.witness')
    .select('c.size')
    .groupBy('c.size')
    .having(sql<number>`count(distinct c.witness)`, '>=', quorum)
    .orderBy('c.size', 'desc')
    .limit(1);
}

/**
 * The newest checkpoint size cosigned by at least `quorum` configured witnesses: the newest size anyone
 * may rely on as witnessed (null when none is).
 */
export async function newestWitnessedSize(q: Q, quorum: number): Promise<number | null> {
  const row = await witnessedSizeQuery(q, quorum).executeTakeFirst();
  return row?.size ?? null;
}

/**
 * How many witnesses are configured and the newest size cosigned by at least `quorum` of them (see
 * `newestWitnessedSize`), in one statement: what the dashboard shows of the witnessing on every request.
 */
export async function witnessingSummary(
  q: Q,
  quorum: number,
): Promise<{ witnesses: number; witnessedSize: number | null }> {
  const row = await q
    .selectNoFrom((eb) => [
      eb.selectFrom('ledger_witnesses').select(sql<number>`count(*)::int`.as('n')).as('witnesses'),
      witnessedSizeQuery(q, quorum).as('witnessed_size'),
    ])
    .executeTakeFirstOrThrow();
  return { witnesses: row.witnesses ?? 0, witnessedSize: row.witnessed_size ?? null };
}

/** What a witness answered last. */
export type WitnessAnswerRow = LedgerWitnessAnswerTable;

/** Records what a witness answered last. */
export async function saveWitnessAnswer(q: Q, row: WitnessAnswerRow): Promise<void> {
  await q
    .insertInto('ledger_witness_answers')
    .values(row)
    .onConflict((oc) =>
      oc.column('witness').doUpdateSet({
        known_size: row.known_size,
        outcome: row.outcome,
        http_status: row.http_status,
        detail: row.detail,
        answered_at: row.answered_at,
      }),
    )
    .execute();
}

/** What each witness answered last, by witness name. */
export async function witnessAnswers(q: Q): Promise<Map<string, WitnessAnswerRow>> {
  const rows = await q.selectFrom('ledger_witness_answers').selectAll().execute();
  return new Map(rows.map((row) => [row.witness, row]));
}
