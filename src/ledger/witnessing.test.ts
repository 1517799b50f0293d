import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility } from '../test-support/factories.js';
import { addCheckpoint, type WitnessContext } from '../witness/service.js';
import { cosignerVerifierKey, followLog, loadOrCreateCosigner } from '../witness/state.js';
import { systemActor } from './events.js';
import { verifierKeyOf } from './key.js';
import { verifyLedger } from './verify.js';
import { addWitness } from './witness-service.js';
import { listWitnesses, newestWitnessedSize, witnessAnswers, witnessingSummary } from './witness-store.js';
import { type WitnessTransport, witnessNewestCheckpoint } from './witnessing.js';

const system = systemActor('test');
const admin = anActor('admin');

describe(`witnessing as a log on ${testEngine}`, () => {
  let ctx: AppContext & { clock: FixedClock };
  let dir: string;
  let witness: WitnessContext;
  const sleeps: number[] = [];
  const requests: string[] = [];
  let failures = 0;

  /** A transport that hands requests to an in-process witness, after `failures` 503 answers. */
  const transport: WitnessTransport = {
    fetch: async (_url, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      requests.push(body.slice(0, body.indexOf('\n')));
      if (failures > 0) {
        failures -= 1;
        return new Response('overloaded\n', { status: 503 });
      }
      const answer = await addCheckpoint(witness, body, 'en');
      return new Response(answer.body, {
        status: answer.status,
        headers: { 'content-type': answer.contentType },
      });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };

  beforeAll(async () => {
    ctx = await testContext();
    dir = mkdtempSync(join(tmpdir(), 'custodia-witness-unit-'));
    witness = { dataDir: dir, cosigner: loadOrCreateCosigner(dir, 'custodia.test/w'), clock: ctx.clock };
    followLog(dir, ctx.signer.name, verifierKeyOf(ctx.signer));
  });

  afterAll(async () => {
    await ctx.handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a key that is not a cosigner key, and a URL that is not http(s)', async () => {
    const key = cosignerVerifierKey(witness.cosigner);
    await expect(
      addWitness(ctx, system, { url: 'http://w.example', key: verifierKeyOf(ctx.signer) }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'witness.bad_witness_key',
    });
    await expect(addWitness(ctx, system, { url: 'ftp://w.example', key })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'witness.bad_url',
    });
    expect(await listWitnesses(ctx.handle.db)).toEqual([]);
  });

  it('records the witness as a ledger event that replay rebuilds', async () => {
    const key = cosignerVerifierKey(witness.cosigner);
    await addWitness(ctx, system, { url: 'http://w.example/old/', key });
    const added = await addWitness(ctx, system, { url: 'http://w.example/', key });
    expect(added).toEqual({ name: 'custodia.test/w', url: 'http://w.example', verifierKey: key });
    expect((await listWitnesses(ctx.handle.db)).map((w) => w.url)).toEqual(['http://w.example']);
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
  });

  it('starts at old size 0, follows the 409 to the size the witness knows, and retries 5xx with back-off', async () => {
    await registerFacility(ctx, admin, aFacility({ code: 'SV-ONE' }));
    const first = await witnessNewestCheckpoint(ctx, transport);
    expect(first.outcomes.map((o) => o.outcome)).toEqual(['cosigned']);
    expect(requests).toEqual(['old 0']);
    // The log forgets what the witness said (as a restored copy would), then grows: one 409, then the proof.
    await ctx.handle.db.deleteFrom('ledger_witness_answers').execute();
    await ctx.handle.db.deleteFrom('ledger_cosignatures').execute();
    await registerFacility(ctx, admin, aFacility({ code: 'SV-TWO' }));
    requests.length = 0;
    failures = 2;
    const second = await witnessNewestCheckpoint(ctx, transport);
    expect(second.outcomes).toMatchObject([{ outcome: 'cosigned', knownSize: second.checkpoint.size }]);
    expect(requests).toEqual(['old 0', 'old 0', 'old 0', `old ${first.checkpoint.size}`]);
    expect(sleeps).toEqual([500, 1000]);
    expect(second.note).toContain('\n\u2014 custodia.test/w ');
    expect(await newestWitnessedSize(ctx.handle.db, 1)).toBe(second.checkpoint.size);
    // The dashboard's summary says the same in one statement; a quorum of 2 is not met by one witness.
    const witnesses = (await listWitnesses(ctx.handle.db)).length;
    expect(await witnessingSummary(ctx.handle.db, 1)).toEqual({
      witnesses,
      witnessedSize: second.checkpoint.size,
    });
    expect(await witnessingSummary(ctx.handle.db, witnesses + 1)).toEqual({ witnesses, witnessedSize: null });
  });

  it('gives up after a bounded number of attempts and says the witness was unreachable', async () => {
    sleeps.length = 0;
    failures = 10;
    const { outcomes } = await witnessNewestCheckpoint(ctx, { ...transport, attempts: 3, backoffMs: 10 });
    failures = 0;
    expect(outcomes).toMatchObject([{ outcome: 'unreachable', httpStatus: 503 }]);
    expect(sleeps).toEqual([10, 20]);
    expect((await witnessAnswers(ctx.handle.db)).get('custodia.test/w')?.outcome).toBe('unreachable');
  });
});
