import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../core/clock.js';
import { formatCheckpoint } from '../ledger/checkpoint.js';
import { openCosignatures, parseCosignerVerifierKey } from '../ledger/cosignature.js';
import { ephemeralSigner, verifierKeyOf } from '../ledger/key.js';
import { MemoryTree } from '../ledger/merkle.js';
import { signNote } from '../ledger/note.js';
import { formatAddCheckpoint } from '../ledger/witness-protocol.js';
import { addCheckpoint, type WitnessContext } from './service.js';
import { cosignerVerifierKey, followLog, loadOrCreateCosigner, WITNESS_KEY_FILE } from './state.js';

const log = ephemeralSigner('custodia.test/log');
const stranger = ephemeralSigner('custodia.test/log');
const tree = MemoryTree.fromLeafData(Array.from({ length: 10 }, (_, i) => new TextEncoder().encode(`e${i}`)));

function checkpoint(size: number, signer = log): string {
  return signNote(formatCheckpoint({ origin: signer.name, size, root: tree.rootAt(size) }), signer);
}

describe('the witness answering add-checkpoint', () => {
  let dir: string;
  let ctx: WitnessContext;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'custodia-witness-service-'));
    ctx = {
      dataDir: dir,
      cosigner: loadOrCreateCosigner(dir, 'custodia.test/w'),
      clock: new FixedClock('2025-03-01T12:00:00Z'),
    };
    followLog(dir, log.name, verifierKeyOf(log));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its key private and prints a cosigner key of type 0x04', () => {
    expect(statSync(join(dir, WITNESS_KEY_FILE)).mode & 0o777).toBe(0o600);
    const vkey = cosignerVerifierKey(ctx.cosigner);
    expect(vkey).toMatch(/^custodia\.test\/w\+[0-9a-f]{8}\+/);
    // base64 may hold '+': the key material is everything after the second one.
    expect(Buffer.from(vkey.slice('custodia.test/w+12345678+'.length), 'base64')[0]).toBe(0x04);
  });

  it('answers 400 to a malformed body, 404 to an unknown origin and 403 to a key it does not trust', async () => {
    expect((await addCheckpoint(ctx, 'old x\n\n', 'en')).status).toBe(400);
    const other = ephemeralSigner('custodia.test/other');
    const unknown = await addCheckpoint(ctx, formatAddCheckpoint(0, [], checkpoint(3, other)), 'es');
    expect(unknown).toMatchObject({ status: 404 });
    expect(unknown.body).toContain('Este testigo no sigue el registro «custodia.test/other»');
    expect((await addCheckpoint(ctx, formatAddCheckpoint(0, [], checkpoint(3, stranger)), 'en')).status).toBe(
      403,
    );
  });

  it('cosigns, records the head on disk, then answers 409 with that size to a stale old size', async () => {
    const first = await addCheckpoint(ctx, formatAddCheckpoint(0, [], checkpoint(4)), 'en');
    expect(first.status).toBe(200);
    const cosigned = openCosignatures(`${checkpoint(4)}${first.body}`, [
      parseCosignerVerifierKey(cosignerVerifierKey(ctx.cosigner)),
    ]).cosignatures;
    expect(cosigned).toMatchObject([{ name: 'custodia.test/w', timestamp: 1740830400 }]);
    expect(JSON.parse(readFileSync(join(dir, 'witness-state.json'), 'utf8')).logs[log.name].size).toBe(4);
    const stale = await addCheckpoint(ctx, formatAddCheckpoint(0, [], checkpoint(6)), 'en');
    expect(stale).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '4\n' });
    const next = await addCheckpoint(
      ctx,
      formatAddCheckpoint(4, tree.consistencyProof(4, 6), checkpoint(6)),
      'en',
    );
    expect(next.status).toBe(200);
    const wrong = await addCheckpoint(
      ctx,
      formatAddCheckpoint(6, tree.consistencyProof(4, 7), checkpoint(7)),
      'en',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('does not verify against the checkpoint this witness cosigned');
  });
});
