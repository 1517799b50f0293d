import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { features } from '../app.js';
import type { AppContext } from '../context.js';
import { defineEvent, event } from '../core/events.js';
import { type DatabaseHandle, type Tx, withWriteTransaction } from '../db/database.js';
import { registerFacility } from '../facilities/service.js';
import { testContext, testDatabase, testEngine } from '../test-support/context.js';
import { aFacility } from '../test-support/factories.js';
import type { EventEnvelope } from './events.js';
import { systemActor } from './events.js';
import { appendEvents } from './ledger.js';
import { createEventRegistry, type FeatureEvents, InvalidEventPayloadError, projection } from './registry.js';
import { ledgerSize } from './store.js';
import { recordEvents } from './transact.js';
import { verifyLedger } from './verify.js';

const system = systemActor('test');
const noted = defineEvent('test.noted', z.object({ noteId: z.string(), count: z.number().int() }));

function envelope(seq: number, payload: unknown, type: string = noted.type): EventEnvelope {
  return {
    seq,
    type,
    streamId: 'test:1',
    streamVersion: seq + 1,
    recordedAt: '2025-03-01T12:00:00.000Z',
    actor: system.id,
    payload,
  };
}

/** A feature whose projector only remembers what it was given. */
function recording(feature = 'notes') {
  const seen: { noteId: string; count: number }[] = [];
  const batches: number[] = [];
  const one = async (_tx: Tx, e: EventEnvelope<{ noteId: string; count: number }>) => {
    seen.push(e.payload);
  };
  const definition: FeatureEvents = {
    feature,
    tables: [],
    events: [
      projection(
        noted,
        Object.assign(one, {
          many: async (_tx: Tx, events: readonly EventEnvelope<{ noteId: string; count: number }>[]) => {
            batches.push(events.length);
            for (const e of events) seen.push(e.payload);
          },
        }),
      ),
    ],
  };
  return { definition, seen, batches };
}

describe(`the event registry on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });
  const inTransaction = (work: (tx: Tx) => Promise<void>) => withWriteTransaction(handle, work);

  it('refuses at startup an event type two features declare, naming the type and both features', () => {
    const first = recording('notes');
    const second = recording('annotations');
    expect(() => createEventRegistry([first.definition, second.definition])).toThrow(
      'Event type test.noted is declared by both notes and annotations',
    );
  });

  it("builds the installation's registry: every type declared once, every read table listed once", () => {
    const registry = createEventRegistry(features);
    expect(registry.owners.get('agreement.created')).toBe('agreements');
    expect(registry.owners.get('manifest.boarded')).toBe('transfers/manifest');
    const tables = registry.tables.map((t) => t.table);
    expect(new Set(tables).size).toBe(tables.length);
    // Parties (2), locator lookups (1), isolation placements and consular notifications (2) since 29;
    // users' parties, witnesses, release-date calculations and detention explanations (2), statistics
    // releases, legal visits, person seals since 34; the ledger's person index (proofs by person) and the
    // maintained roster and occupancy counts since 41;
    // courts, hearing rooms, room blocks, hearings and their history since 44.
    expect(tables).toHaveLength(49);
    expect(registry.owners.get('isolation.started')).toBe('custody/isolation');
  });

  it('validates every payload of a run before projecting any of it, naming the entry, type and field', async () => {
    const { definition, seen } = recording();
    const registry = createEventRegistry([definition]);
    const events = [envelope(7, { noteId: 'a', count: 1 }), envelope(8, { noteId: 'b', count: 'two' })];
    const refusal = await inTransaction((tx) => registry.project(tx, events)).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(InvalidEventPayloadError);
    expect(refusal).toMatchObject({ seq: 8, type: 'test.noted', field: 'count' });
    expect(String(refusal)).toContain('Ledger entry 8 (test.noted): payload field count is invalid');
    expect(seen).toEqual([]);
  });

  it('hands runs of one type to `many` and single events to the projector, payloads typed', async () => {
    const { definition, seen, batches } = recording();
    const registry = createEventRegistry([definition]);
    await inTransaction(async (tx) => {
      await registry.project(tx, [
        envelope(1, { noteId: 'a', count: 1 }),
        envelope(2, { noteId: 'b', count: 2 }),
      ]);
      await registry.project(tx, [envelope(3, { noteId: 'c', count: 3 })]);
    });
    expect(batches).toEqual([2]);
    expect(seen.map((p) => p.noteId)).toEqual(['a', 'b', 'c']);
  });

  it('refuses an event type nobody declares', async () => {
    const registry = createEventRegistry([recording().definition]);
    await expect(
      inTransaction((tx) => registry.project(tx, [envelope(4, {}, 'test.unknown')])),
    ).rejects.toThrow('No projector handles event type test.unknown (entry 4)');
  });
});

describe(`payload validation on ${testEngine}`, () => {
  let ctx: AppContext;

  beforeEach(async () => {
    ctx = await testContext();
    await registerFacility(ctx, system, aFacility());
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('refuses a live write whose payload does not match its schema: nothing is recorded or projected', async () => {
    const before = await ledgerSize(ctx.handle.db);
    const bad = { type: 'agency.registered', streamId: 'agency:US-X', payload: { code: 'US-X', name: 7 } };
    const refusal = await withWriteTransaction(ctx.handle, (tx) =>
      recordEvents(ctx, tx, [bad], system, ctx.clock.now()),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidEventPayloadError);
    expect(refusal).toMatchObject({ seq: before, type: 'agency.registered', field: 'name' });
    expect(await ledgerSize(ctx.handle.db)).toBe(before);
    const agencies = await ctx.handle.db.selectFrom('agencies').select('code').execute();
    expect(agencies.map((a) => a.code)).not.toContain('US-X');
  });

  it('types what a decision creates: `event` pairs a type with its payload', () => {
    const created = event(noted, 'test:1', { noteId: 'n', count: 2 }, { newStream: true });
    expect(created).toEqual({
      type: 'test.noted',
      streamId: 'test:1',
      payload: { noteId: 'n', count: 2 },
      newStream: true,
    });
  });

  it('reports, in verify, a recorded entry its schema refuses, by index, type and field', async () => {
    const size = await ledgerSize(ctx.handle.db);
    // Appended without projection, as a ledger written by faulty code would hold it.
    await withWriteTransaction(ctx.handle, (tx) =>
      appendEvents(
        tx,
        [{ type: 'agency.registered', streamId: 'agency:US-Y', payload: { code: 'US-Y', name: 'Y' } }],
        system,
        ctx.clock.now(),
      ),
    );
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.ok).toBe(false);
    expect(report.firstBadIndex).toBe(size);
    expect(report.problems.join('\n')).toContain(
      `Ledger entry ${size} (agency.registered): payload field jurisdiction is invalid`,
    );
  });
});
