/**
 * The billing benchmark: one month's invoice (April 2025) for 40,000 people in custody at CECOT, by
 * Custodia's `computeBill` (read the intervals, then custody days and amounts in TypeScript, in the
 * facility's zone) against a hand-written SQL aggregate computing the same day counts and amounts in the
 * database, in the same run and on the same embedded database (PGlite, in memory).
 *
 * The people, fixed by a seed: 80% taken in between 14 and 31 March 2025 and 20% during April, at any
 * minute of the day (so arrivals late in the evening fall on the next day in UTC); 15% released during
 * April at any minute after intake. One custody interval each. The rows are written straight into the
 * read tables with `generate_series` (the bench measures billing, not the ledger).
 *
 * Target (issue 5): the results are identical, line for line, and `computeBill` takes ≤ 2× the SQL's
 * time, i.e. a throughput ratio ≥ 0.5.
 */

import { sql } from 'kysely';
import { computeBill } from '../src/billing/service.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/db/database.js';
import { type Benchmark, type BenchOptions, type BenchReport, check, rates, timed } from './harness.js';

const FULL = 40_000;
const ZONE = 'America/El_Salvador';
const MONTH = '2025-04';
const ANNUAL_CENTS = 2_000_000;

/** The billing benchmark, registered as `billing` in `run.ts`. */
export const billingBenchmark: Benchmark = { run };

const AGREEMENT = '00000000-0000-7000-8000-00000000a001';
const FACILITY = '00000000-0000-7000-8000-00000000f001';

export async function seed(handle: DatabaseHandle, count: number): Promise<void> {
  const db = handle.db;
  await sql`insert into facilities (id, code, name, jurisdiction, time_zone, operational_capacity, version, created_at, updated_at)
    values (${FACILITY}, 'SV-CECOT', 'CECOT', 'SV', ${ZONE}, 40000, 1, now(), now())`.execute(db);
  await sql`insert into agreements (id, code, title, sending_jurisdiction, receiving_jurisdiction, status, effective_from, bed_allotment, version, created_at, updated_at)
    values (${AGREEMENT}, 'cecot-2025', 'bench', 'US', 'SV', 'in_force', '2025-03-14', ${count}, 1, now(), now())`.execute(
    db,
  );
  await sql`insert into agreement_facilities (agreement_id, facility_id) values (${AGREEMENT}, ${FACILITY})`.execute(
    db,
  );
  await sql`insert into fee_schedules (agreement_id, version, kind, amount_cents, currency, billing_period, effective_from, clause, recorded_at)
    values (${AGREEMENT}, 1, 'per_person_year', ${ANNUAL_CENTS}, 'USD', 'month', '2025-03-14', null, now())`.execute(
    db,
  );
  // A deterministic pseudo-random number in [0, 1) per (row, salt), so every run bills the same people.
  const rnd = (salt: number) =>
    sql.raw(`(('x' || substr(md5(g::text || '-${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);
  await sql`insert into people (id, agreement_id, ref, version, given_names, paternal_surname, birth_date, sex, nationalities, legal_status, record, record_hash, search_text, created_at, updated_at)
    select ('00000000-0000-7000-8001-' || lpad(to_hex(g), 12, '0'))::uuid, ${AGREEMENT}, 'B-' || lpad(g::text, 6, '0'), 1,
      'Bench', 'Person', '1990-01-01', 'M', '{SV}', 'no_status', '{}'::jsonb, '', '', now(), now()
    from generate_series(1, ${count}) g`.execute(db);
  await sql`insert into transfers (id, person_id, agreement_id, status, state, version, created_at, updated_at)
    select ('00000000-0000-7000-8002-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-7000-8001-' || lpad(to_hex(g), 12, '0'))::uuid,
      ${AGREEMENT}, 'received', '{}'::jsonb, 1, now(), now()
    from generate_series(1, ${count}) g`.execute(db);
  await sql`insert into custody_intervals (id, person_id, agreement_id, facility_id, transfer_id, started_at, ended_at)
    select ('00000000-0000-7000-8003-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-7000-8001-' || lpad(to_hex(g), 12, '0'))::uuid,
      ${AGREEMENT}, ${FACILITY}, ('00000000-0000-7000-8002-' || lpad(to_hex(g), 12, '0'))::uuid, s.started,
      case when ${rnd(3)} < 0.15
        then least(s.started + interval '1 minute' + (timestamptz '2025-05-01 06:00Z' - s.started) * ${rnd(4)}, timestamptz '2025-05-01 05:59Z')
        else null end
    from generate_series(1, ${count}) g,
      lateral (select case when ${rnd(1)} < 0.8
        then timestamptz '2025-03-14 06:00Z' + interval '18 days' * ${rnd(2)}
        else timestamptz '2025-04-01 06:00Z' + interval '30 days' * ${rnd(2)} end as started) s`.execute(db);
  await sql`analyze`.execute(db);
}

/** The same day counts and amounts, in SQL: local dates by AT TIME ZONE, round half up in integers. */
async function sqlAggregate(handle: DatabaseHandle) {
  const result = await sql<{ ref: string; days: number; amount_cents: number }>`
    with b as (
      select p.ref,
        greatest((ci.started_at at time zone ${ZONE})::date, date '2025-04-01') as first_day,
        least(coalesce((ci.ended_at at time zone ${ZONE})::date, date '2025-05-01'), date '2025-05-01') as end_day
      from custody_intervals ci join people p on p.id = ci.person_id
      where ci.agreement_id = ${AGREEMENT}
        and ci.started_at < timestamptz '2025-05-02 00:00Z'
        and (ci.ended_at is null or ci.ended_at > timestamptz '2025-03-31 00:00Z')
    )
    select ref, (end_day - first_day)::int8 as days,
      ((2 * (end_day - first_day)::int8 * ${ANNUAL_CENTS} + 365) / 730)::int8 as amount_cents
    from b where end_day > first_day
    order by ref`.execute(handle.db);
  return result.rows;
}

async function run({ quick, log }: BenchOptions): Promise<BenchReport> {
  const count = quick ? FULL / 10 : FULL;
  const handle = await openDatabase({ engine: 'pglite', dataDir: null });
  try {
    await migrateToLatest(handle.db);
    log(`seeding ${count} people in custody`);
    await seed(handle, count);
    // Warm both up once.
    await computeBill(handle.db, AGREEMENT, MONTH);
    await sqlAggregate(handle);
    const rounds = 5;
    const ours: { ms: number; cpuMs: number }[] = [];
    const theirs: { ms: number; cpuMs: number }[] = [];
    let bill = await computeBill(handle.db, AGREEMENT, MONTH);
    let rows = await sqlAggregate(handle);
    for (let i = 0; i < rounds; i++) {
      log(`round ${i + 1}/${rounds}`);
      const s = await timed(() => sqlAggregate(handle));
      theirs.push(s);
      rows = s.result;
      const o = await timed(() => computeBill(handle.db, AGREEMENT, MONTH));
      ours.push(o);
      bill = o.result;
    }
    const best = (times: { ms: number; cpuMs: number }[]) => times.reduce((a, b) => (b.ms < a.ms ? b : a));
    const o = best(ours);
    const s = best(theirs);
    const mine = bill.lines.map((l) => `${l.ref} ${l.days} ${l.amountCents}`);
    const sqls = rows.map((r) => `${r.ref} ${r.days} ${r.amount_cents}`);
    const firstDiff = mine.findIndex((line, i) => line !== sqls[i]);
    check(
      mine.length === sqls.length && firstDiff === -1,
      `the results differ: ${mine.length} lines against ${sqls.length}; first difference ${mine[firstDiff]} / ${sqls[firstDiff]}`,
    );
    const sqlTotal = rows.reduce((n, r) => n + r.amount_cents, 0);
    check(bill.totalCents === sqlTotal, `totals differ: ${bill.totalCents} against ${sqlTotal}`);
    return {
      title: `Billing: ${MONTH}'s invoice for ${count.toLocaleString('en-US')} people in custody (best of ${rounds})`,
      setup: [
        `PGlite in memory; ${count} custody intervals at ${ZONE}: 80% from 14–31 March, 20% from April, 15% released in April, at any minute`,
        `${bill.lines.length} lines, ${bill.totalDays.toLocaleString('en-US')} custody days, total ${bill.totalCents} cents ($20,000 per person-year)`,
      ],
      comparisons: [
        {
          name: 'computeBill vs a hand-written SQL aggregate (≤ 2× its time)',
          candidate: {
            label: 'computeBill',
            unit: 'people/s',
            ...rates(count, o),
            note: `${o.ms.toFixed(0)} ms`,
          },
          baseline: {
            label: 'SQL aggregate',
            unit: 'people/s',
            ...rates(count, s),
            note: `${s.ms.toFixed(0)} ms`,
          },
          target: 0.5,
        },
      ],
      extra: [],
      checks: [
        `identical results: ${mine.length} lines (ref, days, cents) equal line for line, totals ${bill.totalCents} = ${sqlTotal}`,
      ],
    };
  } finally {
    await handle.close();
  }
}
