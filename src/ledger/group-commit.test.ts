import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';
import { changeIncidentStatus, reportIncident } from '../custody/incident-service.js';
import { INCIDENT_EVENTS } from '../custody/incidents.js';
import { afterEveryWrite } from '../db/database.js';
import { registerFacility } from '../facilities/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility } from '../test-support/factories.js';
import * as store from './store.js';
import { MAX_BATCH, transact } from './transact.js';
import { verifyLedger } from './verify.js';

/**
 * Group commit (decision 0035): concurrent writes on one database share a transaction, each in its own
 * savepoint. These tests run on the engine of the run (PGlite, or PostgreSQL with DATABASE_URL).
 */

const admin = anActor('admin');
const custody = anActor('receiving_custody');
const contexts: AppContext[] = [];
/** An open incident in each fresh database, reported before the writes under test. */
const openIncidents = new WeakMap<AppContext, string>();

afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.handle.close();
});

async function freshContext(): Promise<AppContext & { clock: FixedClock }> {
  const ctx = await testContext({ seed: 19 });
  contexts.push(ctx);
  await registerFacility(ctx, admin, aFacility({ code: 'GC1' }));
  const open = await reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: 'already open' });
  openIncidents.set(ctx, open.incidentId);
  return ctx;
}

type Op = (ctx: AppContext) => Promise<unknown>;

/**
 * A mix of writes: incidents reported, a report at a facility that does not exist (not found), a status
 * change the workflow refuses (a rule refusal), a database error that aborts a PostgreSQL transaction
 * (division by zero) and a unique violation in the ledger itself (a "new" stream that exists).
 */
function operations(count: number, seed: number): Op[] {
  let state = seed;
  // A small linear congruential generator: the same mix on every run.
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    const pick = random();
    if (pick < 0.5) {
      ops.push((ctx) =>
        reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: `incident ${i}` }),
      );
    } else if (pick < 0.6) {
      ops.push((ctx) => reportIncident(ctx, custody, 'NOWHERE', { kind: 'assault', description: 'x' }));
    } else if (pick < 0.7) {
      ops.push((ctx) =>
        changeIncidentStatus(ctx, custody, openIncidents.get(ctx) ?? 'none', 'closed', 'open → closed'),
      );
    } else if (pick < 0.8) {
      ops.push((ctx) =>
        transact(ctx, custody, async (tx) => {
          await sql`select 1 / 0`.execute(tx);
          return { events: [], result: null };
        }),
      );
    } else if (pick < 0.9) {
      ops.push((ctx) =>
        transact(ctx, custody, async (tx) => {
          const row = await tx
            .selectFrom('ledger_entries')
            .select(['stream_id', 'leaf'])
            .orderBy('seq', 'desc')
            .executeTakeFirstOrThrow();
          const payload: unknown = JSON.parse(row.leaf).payload;
          return {
            events: [{ type: INCIDENT_EVENTS.reported, streamId: row.stream_id, payload, newStream: true }],
            result: null,
          };
        }),
      );
    } else {
      ops.push((ctx) =>
        reportIncident(ctx, custody, 'GC1', { kind: 'self_harm', description: `incident ${i}, second kind` }),
      );
    }
  }
  return ops;
}

/** What the writes left behind: every leaf, and the read tables they touch. */
async function stateOf(ctx: AppContext) {
  const leaves = await ctx.handle.db.selectFrom('ledger_entries').select('leaf').orderBy('seq').execute();
  const incidents = await ctx.handle.db.selectFrom('incidents').selectAll().orderBy('id').execute();
  return { leaves: leaves.map((r) => r.leaf), incidents };
}

function outcomeOf(settled: PromiseSettledResult<unknown>): string {
  if (settled.status === 'fulfilled') return 'ok';
  const error: unknown = settled.reason;
  if (error instanceof DomainError) return `${error.code}:${error.messageKey}`;
  return error instanceof Error && 'code' in error ? `db:${String(error.code)}` : `error:${String(error)}`;
}

async function verified(ctx: AppContext): Promise<void> {
  const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

describe(`group commit (${testEngine})`, () => {
  // Each case replays the ledger twice (ledger verify): minutes on a busy machine.
  it.each([1, 2])(
    'gives concurrent writes, some failing, the ledger and tables of running them one by one (mix %i)',
    async (seed) => {
      const ops = operations(24, seed);
      const sequential = await freshContext();
      const sequentialOutcomes: string[] = [];
      for (const op of ops)
        sequentialOutcomes.push(outcomeOf((await Promise.allSettled([op(sequential)]))[0]!));

      const concurrent = await freshContext();
      const before = await store.ledgerSize(concurrent.handle.db);
      const concurrentOutcomes = (await Promise.allSettled(ops.map((op) => op(concurrent)))).map(outcomeOf);

      expect(concurrentOutcomes).toEqual(sequentialOutcomes);
      expect(sequentialOutcomes.filter((o) => o === 'ok').length).toBeGreaterThan(5);
      expect(new Set(sequentialOutcomes).size).toBeGreaterThan(3);
      expect(await stateOf(concurrent)).toEqual(await stateOf(sequential));
      // Fewer checkpoints than writes: the batch signed once.
      const checkpoints = await store.allCheckpoints(concurrent.handle.db);
      expect(checkpoints.filter((c) => c.size > before).length).toBeLessThan(
        sequentialOutcomes.filter((o) => o === 'ok').length,
      );
      // The one-by-one ledger is the reference; equal leaves and tables, so verifying the batched one suffices.
      await verified(concurrent);
    },
    240_000,
  );

  it('answers a refused write with the same error as alone, and commits the others', async () => {
    const ctx = await freshContext();
    const results = await Promise.allSettled([
      reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: 'one' }),
      reportIncident(ctx, custody, 'NOWHERE', { kind: 'assault', description: 'two' }),
      reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: 'three' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = results[1]?.status === 'rejected' ? results[1].reason : undefined;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal instanceof DomainError && refusal.code).toBe('not_found');
    const stored = await ctx.handle.db
      .selectFrom('incidents')
      .select('description')
      .orderBy('description')
      .execute();
    expect(stored.map((r) => r.description)).toEqual(['already open', 'one', 'three']);
    await verified(ctx);
  });

  it('resolves nothing before the commit, and rejects the whole batch when the commit fails', async () => {
    const ctx = await freshContext();
    const ended: string[] = [];
    afterEveryWrite(ctx.handle.db, () => ended.push('transaction ended'));
    const before = await stateOf(ctx);
    // A deferred constraint is checked at COMMIT: the last write makes the commit itself fail.
    const deferred = transact(ctx, custody, async (tx) => {
      await sql`create temporary table if not exists gc_probe (id int unique deferrable initially deferred) on commit drop`.execute(
        tx,
      );
      await sql`insert into gc_probe values (1), (1)`.execute(tx);
      return { events: [], result: null };
    });
    const writes = [
      reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: 'lost with the commit' }),
      reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: 'lost too' }),
      deferred,
    ].map((p) =>
      p.then(
        () => ended.length,
        (error: unknown) => ({ endedBefore: ended.length, error }),
      ),
    );
    const outcomes = await Promise.all(writes);
    for (const outcome of outcomes) {
      expect(typeof outcome).toBe('object');
      if (typeof outcome === 'object') expect(outcome.endedBefore).toBeGreaterThan(0);
    }
    expect(await stateOf(ctx)).toEqual(before);

    // And when it commits, each write resolves only after its transaction ended.
    const start = ended.length;
    const resolved = await Promise.all(
      [1, 2, 3].map((n) =>
        reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: `kept ${n}` }).then(
          () => ended.length,
        ),
      ),
    );
    expect(Math.min(...resolved)).toBeGreaterThan(start);
    await verified(ctx);
  });

  it(`splits more than ${MAX_BATCH} waiting writes into bounded batches`, async () => {
    const ctx = await freshContext();
    const before = (await store.allCheckpoints(ctx.handle.db)).length;
    const count = MAX_BATCH * 2 + 3;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        reportIncident(ctx, custody, 'GC1', { kind: 'assault', description: `bulk ${i}` }),
      ),
    );
    const signed = (await store.allCheckpoints(ctx.handle.db)).length - before;
    expect(signed).toBeGreaterThanOrEqual(3);
    expect(signed).toBeLessThan(count);
    const stored = await ctx.handle.db.selectFrom('incidents').select('id').execute();
    expect(stored).toHaveLength(count + 1);
    await verified(ctx);
  });
});
