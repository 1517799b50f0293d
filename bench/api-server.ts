/**
 * The API benchmark's server, run as its own process so the load generator does not share its thread:
 * `node --import tsx bench/api-server.ts <data dir>` (with `DATABASE_URL` for PostgreSQL). It opens the
 * installation as `custodia serve` does and listens on 127.0.0.1 twice:
 *
 * - the Custodia API (`buildApp`), with a bearer token for a monitor, who reads every person, and one for
 *   a receiving custody officer, who reports incidents at the first facility (the write benchmark);
 * - a bare Fastify with no hooks (the baselines): `/bare` answers a constant, and `/raw/people/:id` and
 *   `/raw/search` run the engine's own query for the same rows through the same Kysely driver.
 *
 * It prints one JSON line on stdout ({ api, bare, token, agreementId, writerToken, facility }) and serves
 * until stdin closes. An installation without an agreement (the write benchmark's) has agreementId null.
 */

import Fastify from 'fastify';
import { sql } from 'kysely';
import { openContext } from '../src/app.js';
import { createToken, createUser } from '../src/auth/service.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor } from '../src/ledger/events.js';
import { searchCondition } from '../src/people/store.js';
import { buildApp } from '../src/server.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: api-server.ts <data dir>');
const ctx = await openContext(loadConfig(process.env, { data: dataDir }), { clock: systemClock });
const db = ctx.handle.db;
const system = systemActor('bench');
const name = `bench.reader.${process.pid}`;
await createUser(ctx, system, { name, role: 'monitor', password: 'bench reader password' });
const { token } = await createToken(ctx, system, name);
const writer = `bench.writer.${process.pid}`;
await createUser(ctx, system, { name: writer, role: 'receiving_custody', password: 'bench writer password' });
const { token: writerToken } = await createToken(ctx, system, writer);
const agreement = await db.selectFrom('agreements').select('id').orderBy('id').executeTakeFirst();
const facility = await db.selectFrom('facilities').select('code').orderBy('code').executeTakeFirst();

const { app } = await buildApp(ctx);
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
bare.get<{ Params: { id: string } }>('/raw/people/:id', async (request, reply) => {
  const row = await db
    .selectFrom('people')
    .select(['id', 'agreement_id', 'version', 'record', 'withdrawn_reason'])
    .where('id', '=', request.params.id)
    .executeTakeFirst();
  return row ?? reply.code(404).send();
});
// The same rows the people search returns (its page, and how many match), without the API around it.
bare.get<{ Querystring: { q: string } }>('/raw/search', async (request) => {
  const where = sql`agreement_id = ${agreement?.id ?? null} and withdrawn_reason is null and ${searchCondition(request.query.q)}`;
  const [rows, count] = await Promise.all([
    sql`select id, ref, given_names, paternal_surname, maternal_surname from people where ${where}
        order by paternal_surname, given_names, id limit 51`.execute(db),
    sql<{ n: string }>`select count(*) as n from people where ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (address: ReturnType<typeof app.server.address>) =>
  typeof address === 'object' && address ? address.port : 0;
process.stdout.write(
  `${JSON.stringify({
    api: portOf(app.server.address()),
    bare: portOf(bare.server.address()),
    token,
    agreementId: agreement?.id ?? null,
    writerToken,
    facility: facility?.code ?? null,
  })}\n`,
);
process.stdin.resume();
process.stdin.on('end', async () => {
  await Promise.all([app.close(), bare.close()]);
  await ctx.handle.close();
  process.exit(0);
});
