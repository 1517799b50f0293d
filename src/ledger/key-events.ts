import { z } from 'zod';
import { defineEvent } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import { type NoteSigner, type NoteVerifier, parseVerifierKey, verifierFromPublicKey } from './note.js';
import { type FeatureEvents, projection } from './registry.js';

/**
 * The ledger's own events: a change of the checkpoint signing key. The rotation is recorded in the log it
 * signs, so anyone reading the log learns the new verifier key from an entry the old key vouches for.
 */

const verifierKeyText = z
  .string()
  .min(1)
  .describe('a C2SP note verifier key: origin+hex(keyid)+base64(0x01||pubkey)');

/** `ledger.key_rotated`: from the next checkpoint on, `verifierKey` signs; `previousVerifierKey` signed until now. */
export const keyRotatedSchema = z.object({
  verifierKey: verifierKeyText,
  previousVerifierKey: verifierKeyText,
});

/** The ledger's event types. */
export const ledgerEvent = {
  keyRotated: defineEvent('ledger.key_rotated', keyRotatedSchema),
};

/** The stream every key rotation is recorded in. */
export const KEY_STREAM = 'ledger:signing-key';

/** The ledger's events: a key rotation changes no read table. */
export const ledgerKeyEvents: FeatureEvents = {
  feature: 'ledger',
  tables: [],
  events: [projection(ledgerEvent.keyRotated, async () => {})],
};

/** One recorded key rotation: the entry that records it and the keys before and after. */
export interface KeyRotation {
  seq: number;
  previous: NoteVerifier;
  next: NoteVerifier;
}

/** Every key rotation recorded in the ledger, oldest first (payloads are checked when they are recorded). */
export async function keyRotations(q: Db | Tx): Promise<KeyRotation[]> {
  const rows = await q
    .selectFrom('ledger_entries')
    .select(['seq', 'leaf'])
    .where('type', '=', ledgerEvent.keyRotated.type)
    .orderBy('seq')
    .execute();
  return rows.map((row) => {
    const envelope = z.object({ payload: keyRotatedSchema }).parse(JSON.parse(row.leaf));
    return {
      seq: row.seq,
      previous: parseVerifierKey(envelope.payload.previousVerifierKey),
      next: parseVerifierKey(envelope.payload.verifierKey),
    };
  });
}

/**
 * The keys that signed this installation's checkpoints: the key the log started with, every key a
 * rotation recorded, and the current signer, without repeats.
 */
export function installationVerifiers(
  signer: Pick<NoteSigner, 'name' | 'publicKey'>,
  rotations: readonly KeyRotation[],
): NoteVerifier[] {
  const all = [
    ...rotations.flatMap((r) => [r.previous, r.next]),
    verifierFromPublicKey(signer.name, signer.publicKey),
  ];
  const seen = new Set<string>();
  return all.filter((v) => {
    const id = `${v.name}+${v.keyId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The key that must sign the checkpoint of `size` entries: the key in force after the last rotation
 * recorded below `size`, or the log's first key (the first rotation's previous key, or the signer).
 */
export function keyInForce(
  size: number,
  signer: Pick<NoteSigner, 'name' | 'publicKey'>,
  rotations: readonly KeyRotation[],
): NoteVerifier {
  const last = rotations.filter((r) => r.seq < size).at(-1);
  if (last) return last.next;
  return rotations[0]?.previous ?? verifierFromPublicKey(signer.name, signer.publicKey);
}
