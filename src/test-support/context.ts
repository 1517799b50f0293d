import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { eventRegistry, reactions } from '../app.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { FixedClock } from '../core/clock.js';
import { seededIds } from '../core/ids.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { primaryReads } from '../db/reads.js';
import type { Actor } from '../ledger/events.js';
import { ephemeralSigner } from '../ledger/key.js';
import type { NoteSigner } from '../ledger/note.js';
import { cacheLedgerSize } from '../ledger/store.js';
import { codeKey } from '../parties/model.js';
import { dropTestDatabase } from './drop-database.js';

/** The engine integration tests run on: PostgreSQL when DATABASE_URL is set, else PGlite. */
export const testEngine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh database cloned from a template of the run (never migrated or loaded again): by default the
 * migrated, empty one; `template` names another (a loaded scenario, scenario-template.ts).
 */
export async function testDatabase(
  template: { pglite: string; postgres: string } | null = null,
): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const source = template?.postgres ?? process.env.CUSTODIA_TEST_PG_TEMPLATE;
    if (!source)
      throw new Error('the PostgreSQL template is missing; run tests through vitest (globalSetup)');
    const name = `custodia_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${source}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ engine: 'postgres', url: target.toString() });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await dropTestDatabase(url, name);
      },
    };
  }
  const path = template?.pglite ?? process.env.CUSTODIA_TEST_TEMPLATE;
  if (!path) throw new Error('the PGlite template is missing; run tests through vitest (globalSetup)');
  return openDatabase({ engine: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(path)]) });
}

/** A test context: a cloned database, a fixed clock, seeded ids and an in-memory checkpoint key. */
export async function testContext(
  options: { now?: string; seed?: number } = {},
): Promise<AppContext & { clock: FixedClock }> {
  return contextOn(await testDatabase(), options);
}

/**
 * A test context on `handle`: a fixed clock, seeded ids and a checkpoint key, in memory unless `signer`
 * gives the key that signed the database's checkpoints.
 */
export function contextOn(
  handle: DatabaseHandle,
  options: { now?: string; seed?: number; signer?: NoteSigner } = {},
): AppContext & { clock: FixedClock } {
  const clock = new FixedClock(options.now ?? '2025-03-01T12:00:00Z');
  cacheLedgerSize(handle);
  const config: Config = {
    dataDir: '/nonexistent',
    databaseUrl: process.env.DATABASE_URL ?? null,
    origin: 'custodia.test/ledger',
    loginRateLimit: 5,
    locatorRateLimit: 10,
    statisticsRateLimit: 30,
    sessionHours: 12,
    trustProxy: false,
    log: 'stdout',
  };
  return {
    handle,
    reads: primaryReads(handle),
    clock,
    signer: options.signer ?? ephemeralSigner('custodia.test/ledger'),
    newId: seededIds(options.seed ?? 1, clock.now().getTime()),
    events: eventRegistry,
    reactions,
    config,
  };
}

/** An actor with the given role, for use-case tests. */
export function anActor(role: string, name = role.replace('_', '.')): Actor {
  return { id: `user:${name}`, role, userId: null };
}

/** A court user's actor acting for the courts named (by code, as holds and orders name them). */
export function aCourt(...courts: string[]): Actor {
  return {
    ...anActor('court'),
    parties: { partyIds: courts.map((c) => `court:${c}`), courts: courts.map(codeKey), people: [] },
  };
}
