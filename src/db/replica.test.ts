import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import type { AppContext } from '../context.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { testContext, testEngine } from '../test-support/context.js';
import { aFacility, aPerson } from '../test-support/factories.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { type DatabaseHandle, type Db, openDatabase } from './database.js';
import { openReads } from './reads.js';

/**
 * The read replica (DATABASE_READ_URL, src/db/reads.ts). The first suite needs a real streaming replica of
 * DATABASE_URL's server (CI makes one with scripts/replica-cluster.sh); the second runs on every engine.
 */
const primaryUrl = process.env.DATABASE_URL;
const readUrl = process.env.DATABASE_READ_URL;
const withReplica = Boolean(primaryUrl && readUrl);
if (!withReplica) {
  console.info(
    'src/db/replica.test.ts: the streaming-replica tests are skipped: DATABASE_READ_URL is not set (scripts/replica-cluster.sh makes a replica; see docs/scaling.md).',
  );
}

const system = systemActor('test');
type Ctx = Awaited<ReturnType<typeof testContext>>;

/** The app over HTTP: reads as an admin, writes as an admin or (the roster) a sending officer. */
async function adminApp(ctx: AppContext) {
  const built = await buildApp(ctx);
  await built.app.ready();
  const bearer = async (name: string, role: string) => {
    await createUser(ctx, system, { name, role, password: 'correct horse battery' });
    return { authorization: `Bearer ${(await createToken(ctx, system, name)).token}` };
  };
  const headers = await bearer('ad.admin', 'admin');
  const officer = await bearer('so.officer', 'sending_officer');
  let ip = 0;
  return {
    app: built.app,
    get: (url: string, query: Record<string, string> = {}) => {
      ip += 1;
      // A fresh client address each time: the public routes limit requests per address.
      return built.app.inject({ url, query, headers, remoteAddress: `198.51.100.${ip}` });
    },
    post: (url: string, body: object, query: Record<string, string> = {}) =>
      built.app.inject({ method: 'POST', url, query, headers, payload: body }),
    register: (body: object, agreement: string) =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        query: { agreement },
        headers: officer,
        payload: body,
      }),
  };
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp(primary: Db, replica: Db): Promise<void> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
  const lsn = rows[0]?.lsn ?? '0/0';
  for (let i = 0; i < 200; i++) {
    const done = await sql<{ done: boolean }>`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`
      .execute(replica)
      .then((r) => r.rows[0]?.done === true)
      // The database may not have reached the replica yet.
      .catch(() => false);
    if (done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the replica did not replay up to ${lsn} within 10 s`);
}

describe.skipIf(!withReplica)('reads from a streaming replica (DATABASE_READ_URL)', () => {
  let ctx: Ctx;
  let replica: DatabaseHandle;
  let api: Awaited<ReturnType<typeof adminApp>>;
  let agreementId: string;

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    // The test's database was cloned on the primary; the replica has it under the same name.
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(ctx.handle.db))
      .rows[0]?.name;
    const url = new URL(readUrl ?? '');
    url.pathname = `/${name}`;
    replica = await openDatabase({ engine: 'postgres', url: url.toString() });
    ctx.reads = await openReads(ctx.handle, url.toString());
    api = await adminApp(ctx);
    ({ agreementId } = await locatorAgreement(ctx, {
      code: 'SV-REP',
      name: 'Centro Penal de Réplica',
      address: 'Tecoluca, San Vicente, El Salvador',
    }));
    await caughtUp(ctx.handle.db, replica.db);
  });

  afterAll(async () => {
    // Never leave replay paused: the next test run would wait for it forever.
    await sql`select pg_wal_replay_resume()`.execute(replica.db).catch(() => undefined);
    await api?.app.close();
    await ctx?.reads.close();
    await replica?.close();
    await ctx?.handle.close();
  });

  it('sends the lagging reads to a server in recovery and everything else to the primary', async () => {
    const inRecovery = async (db: Db) =>
      (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(db)).rows[0]?.r;
    expect(await inRecovery(ctx.reads.db)).toBe(true);
    expect(await inRecovery(ctx.handle.db)).toBe(false);
    await expect(ctx.reads.db.transaction().execute(async () => 1)).rejects.toThrow(/no transaction/);
    const ready = (await api.get('/readyz')).json();
    expect(ready.status).toBe('ok');
    expect(ready.components.replica).toMatchObject({ status: 'ok', reads: 'replica' });
  });

  it('keeps serving when the replica ends its connections (a restart): the pool opens new ones', async () => {
    expect((await api.get('/api/v1/dashboard')).statusCode).toBe(200);
    const ended = await sql<{
      n: number;
    }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`.execute(replica.db);
    expect(ended.rows[0]?.n).toBeGreaterThan(0);
    // Let the pool see the idle connections end (an unhandled 'error' event there would end the process).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await api.get('/api/v1/dashboard')).statusCode).toBe(200);
    expect((await api.get('/readyz')).json().components.replica.status).toBe('ok');
  });

  it('while replay is paused, the locator, search, statistics, compliance report and dashboard do not see a new write; the writer sees it at once', async () => {
    const period = { facility: 'SV-REP', from: '2025-03-01', to: '2025-03-14' };
    const before = (await api.get('/api/v1/dashboard')).json();
    await sql`select pg_wal_replay_pause()`.execute(replica.db);
    // Writes through the API, on the primary: a person, a second facility, a statistics publication.
    const created = await api.register(
      aPerson({
        ref: 'REP-0001',
        names: { given: 'Replicado', paternal: 'Pausado', maternal: null },
        birthCountry: 'SV',
        identifiers: [{ type: 'a_number', value: 'A900000001' }],
      }),
      agreementId,
    );
    expect(created.statusCode).toBe(201);
    const personId: string = created.json().id;
    const facility = await api.post(
      '/api/v1/facilities',
      aFacility({ code: 'SV-NEW', name: 'Centro Nuevo' }),
    );
    expect(facility.statusCode).toBe(201);
    const published = await api.post('/api/v1/statistics/publish', period);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ recorded: true, published: true });

    // The primary's reads see their own writes at once.
    expect((await api.get(`/api/v1/people/${personId}`)).statusCode).toBe(200);
    expect((await api.get('/api/v1/facilities/SV-NEW')).statusCode).toBe(200);

    // The replica's do not, yet.
    const search = () => api.get('/api/v1/people', { agreement: agreementId, q: 'replicado pausado' });
    const locate = () => api.get('/api/v1/public/locator', { aNumber: 'A900000001', birthCountry: 'SV' });
    const stats = () => api.get('/api/v1/public/statistics', period);
    const report = () =>
      api.get('/api/v1/facilities/SV-NEW/compliance', { from: '2025-03-01', to: '2025-03-14' });
    expect((await search()).json().items).toEqual([]);
    expect((await locate()).json().match).toBe(false);
    expect((await stats()).json().published).toBe(false);
    expect((await report()).statusCode).toBe(404);
    const paused = (await api.get('/api/v1/dashboard')).json();
    expect(paused.ledger.size).toBe(before.ledger.size);
    const ready = (await api.get('/readyz')).json();
    expect(ready.components.replica.status).toBe('ok');
    expect(ready.components.replica.lagBytes).toBeGreaterThan(0);

    // Once replay resumes, the same reads see everything.
    await sql`select pg_wal_replay_resume()`.execute(replica.db);
    await caughtUp(ctx.handle.db, replica.db);
    expect((await search()).json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect((await locate()).json().match).toBe(true);
    expect((await stats()).json()).toMatchObject({ published: true, hash: published.json().hash });
    expect((await report()).statusCode).toBe(200);
    const after = (await api.get('/api/v1/dashboard')).json();
    expect(after.ledger.size).toBeGreaterThan(before.ledger.size);
    expect(after.facilities.map((f: { code: string }) => f.code)).toContain('SV-NEW');
    expect((await api.get('/readyz')).json().components.replica).toMatchObject({
      lagBytes: 0,
      lagSeconds: 0,
    });
  });
});

describe(`reads when the replica is unreachable, on ${testEngine}`, () => {
  let ctx: Ctx;
  let api: Awaited<ReturnType<typeof adminApp>>;

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    // Port 1 on the loopback answers nothing: every connection is refused at once.
    ctx.reads = await openReads(ctx.handle, 'postgres://custodia:custodia@127.0.0.1:1/custodia');
    api = await adminApp(ctx);
    await locatorAgreement(ctx, { code: 'SV-DOWN', name: 'Centro Sin Réplica', address: 'San Vicente' });
  });

  afterAll(async () => {
    await api?.app.close();
    await ctx?.reads.close();
    await ctx?.handle.close();
  });

  it('answers the reads from the primary and says so in /readyz, still ready', async () => {
    const located = await api.get('/api/v1/public/locator', { aNumber: 'A900000002', birthCountry: 'SV' });
    expect(located.statusCode).toBe(200);
    expect(located.json().match).toBe(false);
    const dashboard = await api.get('/api/v1/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json().facilities.map((f: { code: string }) => f.code)).toEqual(['SV-DOWN']);
    const ready = await api.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().components.replica).toEqual({
      status: 'down',
      reads: 'primary',
      lagSeconds: null,
      lagBytes: null,
    });
  });

  it('still reports an error of the query itself to the caller', async () => {
    await expect(sql`select * from no_such_table`.execute(ctx.reads.db)).rejects.toThrow(/no_such_table/);
  });
});
