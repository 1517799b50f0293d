import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import { registerFacility } from '../facilities/service.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { captureIo, isolateCliDatabase } from '../test-support/cli.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement, aPerson } from '../test-support/factories.js';
import { personScreening, policyFor, recordScreening } from './service.js';

const admin = anActor('admin');
const legal = anActor('sending_legal');

async function* text(s: string) {
  yield s;
}

describe(`screening stored people on ${testEngine}`, () => {
  let ctx: AppContext;
  let agreementId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await testContext();
    const facility = await registerFacility(ctx, admin, aFacility());
    agreementId = (await createAgreement(ctx, admin, anAgreement([facility.id]))).id;
    const people = [
      anEligiblePerson({ ref: 'OK-1' }),
      aPerson({ ref: 'CIT-1', legalStatus: 'citizen' }),
      anEligiblePerson({
        ref: 'HOLD-1',
        holds: [{ type: 'tro', court: 'D.D.C.', case: '1:25-cv-00766', issued: '2025-03-15', lifted: null }],
      }),
    ];
    await importPeople(
      ctx,
      anActor('sending_officer'),
      agreementId,
      parsePeople(text(people.map((p) => JSON.stringify(p)).join('\n')), 'ndjson'),
    );
    const rows = await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute();
    for (const row of rows) ids[row.ref] = row.id;
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('records a screening in the ledger with the policy version, the record version and the inputs hash', async () => {
    const recorded = await recordScreening(ctx, legal, { personId: ids['OK-1']!, asOf: '2025-04-01' });
    expect(recorded).toMatchObject({
      outcome: 'eligible',
      policyId: 'cecot-2025/v1',
      policyVersion: 1,
      personVersion: 1,
    });
    expect(recorded.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const event = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['type', 'actor', 'stream_id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      type: 'screening.recorded',
      actor: legal.id,
      stream_id: `person:${ids['OK-1']}`,
    });
    const view = await personScreening(ctx, legal, ids['OK-1']!, '2025-04-01');
    expect(view.lastRecorded?.inputsHash).toBe(recorded.inputsHash);
    expect(view.current.inputsHash).toBe(recorded.inputsHash);
  });

  it('refuses a citizen and a person under an active hold, each with the rule that stopped them', async () => {
    const citizen = await personScreening(ctx, legal, ids['CIT-1']!, '2025-04-01');
    expect(citizen.current.rules.find((r) => r.id === 'not-citizen')?.result).toBe('fail');
    const held = await personScreening(ctx, legal, ids['HOLD-1']!, '2025-04-01');
    expect(held.current.outcome).toBe('ineligible');
    expect(held.current.rules.filter((r) => r.result === 'fail').map((r) => r.id)).toEqual([
      'no-active-hold',
    ]);
  });

  it('refuses a date before the first policy takes effect, and a role that may not record', async () => {
    await expect(policyFor(ctx, agreementId, '2025-03-01')).rejects.toThrow(
      /first takes effect on 2025-03-14/,
    );
    await expect(
      recordScreening(ctx, anActor('monitor'), { personId: ids['OK-1']!, asOf: '2025-04-01' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('custodia screen FILE (what-if)', () => {
  let restore: () => Promise<void> = async () => {};
  beforeAll(async () => {
    restore = await isolateCliDatabase();
  });
  afterAll(async () => {
    await restore();
  });

  it('writes the documented JSON for a file without storing anything, in Spanish on request', async () => {
    const { main } = await import('../cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'custodia-screen-'));
    const io = captureIo();
    expect(
      await main(
        [
          'node',
          'custodia',
          'scenario',
          'load',
          'cecot-2025',
          '--roster',
          '0',
          '--cohort',
          '0',
          '--regime-months',
          '0',
          '--billing-months',
          '0',
          '--data',
          dir,
        ],
        io,
      ),
    ).toBe(0);
    io.clear();
    const file = join(dir, 'what-if.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify(anEligiblePerson({ ref: 'W-1' })),
        '{broken',
        JSON.stringify(aPerson({ ref: 'W-2', convictions: [] })),
      ].join('\n'),
    );
    const args = [
      'screen',
      file,
      '--agreement',
      'cecot-2025',
      '--as-of',
      '2025-04-01',
      '--json',
      '--lang',
      'es',
    ];
    const code = await main(['node', 'custodia', ...args, '--data', dir], io);
    expect(code).toBe(1);
    expect(io.stderr()).toContain('line 2');
    const parsed = JSON.parse(io.stdout());
    expect(Object.keys(parsed)).toEqual(['policy', 'asOf', 'results']);
    expect(parsed.policy).toBe('cecot-2025/v1');
    expect(parsed.results.map((r: { ref: string; outcome: string }) => [r.ref, r.outcome])).toEqual([
      ['W-1', 'eligible'],
      ['W-2', 'ineligible'],
    ]);
    expect(Object.keys(parsed.results[0].rules[0])).toEqual(['id', 'result', 'reason', 'source']);
    expect(parsed.results[1].rules[0].reason).toMatch(/condena/i);
    // Nothing was stored: the people screened from the file are not on the roster.
    for (const ref of ['W-1', 'W-2']) {
      io.clear();
      const list = ['people', 'list', '--agreement', 'cecot-2025', '--search', ref, '--json'];
      expect(await main(['node', 'custodia', ...list, '--data', dir], io)).toBe(0);
      expect(JSON.parse(io.stdout()).items).toEqual([]);
    }
    // It loads the scenario's agreement and facility through the CLI first: allow for a loaded machine.
  }, 180_000);
});
