/**
 * How long a committed write takes to become visible on the read replica (docs/scaling.md): commits N
 * small writes on the primary one after another and, after each, polls the replica until it sees the row.
 * It writes to a scratch table of its own (`replica_lag_probe`, dropped at the end), never to Custodia's.
 *
 * Usage: `DATABASE_URL=… DATABASE_READ_URL=… npx tsx scripts/replica-lag.ts [N]` (default 200).
 */
import pg from 'pg';

const primaryUrl = process.env.DATABASE_URL;
const replicaUrl = process.env.DATABASE_READ_URL;
if (!primaryUrl || !replicaUrl) {
  console.error('set DATABASE_URL (the primary) and DATABASE_READ_URL (its streaming replica)');
  process.exit(2);
}
const count = Number(process.argv[2] ?? 200);
const primary = new pg.Client({ connectionString: primaryUrl });
const replica = new pg.Client({ connectionString: replicaUrl });
await primary.connect();
await replica.connect();
await primary.query('create table if not exists replica_lag_probe (n int primary key)');
await primary.query('truncate replica_lag_probe');
// The replica must have the table before it can be asked.
for (;;) {
  const seen = await replica.query("select to_regclass('replica_lag_probe') is not null as ok");
  if (seen.rows[0]?.ok) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const delays: number[] = [];
for (let n = 1; n <= count; n++) {
  await primary.query('insert into replica_lag_probe values ($1)', [n]);
  const committed = performance.now();
  for (;;) {
    const seen = await replica.query('select 1 from replica_lag_probe where n = $1', [n]);
    if (seen.rowCount === 1) break;
  }
  delays.push(performance.now() - committed);
}
await primary.query('drop table replica_lag_probe');
await primary.end();
await replica.end();
delays.sort((a, b) => a - b);
const at = (q: number) =>
  (delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? 0).toFixed(2);
console.log(
  `${count} writes: visible on the replica after p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
);
