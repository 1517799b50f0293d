import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from './agreements/service.js';
import { ROLES, type Role } from './auth/model.js';
import { isAction, rolesAllowed } from './auth/policy.js';
import { createToken, createUser } from './auth/service.js';
import { registerFacility } from './facilities/service.js';
import { systemActor } from './ledger/events.js';
import { verifyLedger } from './ledger/verify.js';
import { registerParty } from './parties/service.js';
import { CSV_HEADER, formatPersonCsvRows } from './people/import-format.js';
import { personRecordSchema } from './people/model.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';
import { receivePeople } from './test-support/custody-fixture.js';
import { anEligiblePerson } from './test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from './test-support/factories.js';
import { importFileArbitrary, type Operation, operationsOf, requestArbitrary } from './test-support/fuzz.js';
import { testPartiesFor } from './test-support/parties.js';

// Every operation of the OpenAPI document, fed hostile inputs generated from its own schemas (wrong types,
// huge and empty strings, NUL, lone surrogates, prototype keys, deep nesting, boundary numbers, year 0000
// and 10000, bad path ids), as a user whose role may take the operation (so the input reaches validation
// and the use case rather than a 403) and as an anonymous caller: no answer may be a 5xx, and the ledger
// must still verify. `npm test` runs a few requests per operation with a fixed seed; `npm run fuzz` sets
// CUSTODIA_FUZZ_RUNS and CUSTODIA_FUZZ_SEED=fresh (unless given) for a longer run.
const RUNS = Number(process.env.CUSTODIA_FUZZ_RUNS ?? 2);
const SEED = seedOf(process.env.CUSTODIA_FUZZ_SEED);

/** The seed: a fixed one by default, a new one each run for `fresh` (printed, so a failure replays). */
function seedOf(value: string | undefined): number {
  if (value === 'fresh') return Date.now() % 1_000_000_007;
  return Number(value ?? 20_251_207);
}

describe(`fuzzing every operation on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<Role, string>();
  let ids: string[];

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const system = systemActor('test');
    // A family user needs the family contact they act for: created below, once there is a person. A court or counsel user acts for a test court or law office.
    for (const role of ROLES.filter((r) => r !== 'family')) {
      const name = `fuzz.${role.replace(/_/g, '-')}`;
      const parties = await testPartiesFor(ctx, role);
      await createUser(ctx, system, { name, role, password: 'correct horse battery', parties });
      tokens.set(role, (await createToken(ctx, system, name)).token);
    }
    const facility = await registerFacility(
      ctx,
      system,
      aFacility({ code: 'SV-FUZZ', name: 'Fuzz facility' }),
    );
    const agreementId = (await createAgreement(ctx, system, anAgreement([facility.id]))).id;
    const transfers = await receivePeople(ctx, { agreementId, facilityId: facility.id }, [
      anEligiblePerson({ ref: 'FUZZ-1' }),
    ]);
    const person = await ctx.handle.db.selectFrom('people').select('id').executeTakeFirstOrThrow();
    await registerParty(ctx, system, {
      kind: 'family_contact',
      code: 'Fuzz family',
      person: { personId: person.id },
    });
    await createUser(ctx, system, {
      name: 'fuzz.family',
      role: 'family',
      password: 'correct horse battery',
      parties: ['Fuzz family'],
    });
    tokens.set('family', (await createToken(ctx, system, 'fuzz.family')).token);
    // Real ids, so that some requests get past the lookup and into the use case.
    ids = [facility.id, agreementId, person.id, ...transfers.values(), 'test-agreement', 'SV-FUZZ'];
  }, 120_000);
  afterAll(async () => {
    await built?.app.close();
    await ctx?.handle.close();
  });

  it('answers every generated request below 500, and the ledger still verifies', async () => {
    const started = Date.now();
    const document: unknown = built.app.swagger();
    const operations: Operation[] = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    // The import takes a file, not JSON: its rows are drawn from the schema of one person.
    const person = operations.find((o) => o.method === 'POST' && o.path === '/api/v1/people');
    const goodRow = csvCells(
      formatPersonCsvRows(personRecordSchema.parse(anEligiblePerson({ ref: 'FUZZ-CSV' })))[0] ?? '',
    );
    const importFile = importFileArbitrary(person?.body ?? {}, CSV_HEADER, goodRow);
    for (const [index, operation] of operations.entries()) {
      const role = roleFor(operation);
      const token = tokens.get(role);
      const file = operation.path === '/api/v1/people/import' ? importFile : undefined;
      const samples = fc.sample(requestArbitrary(operation, ids, file), {
        seed: SEED + index,
        numRuns: file ? RUNS * 5 : RUNS,
      });
      for (const sample of samples) {
        for (const caller of [role, 'anonymous'] as const) {
          const headers: Record<string, string> = { ...sample.headers };
          if (caller !== 'anonymous') headers.authorization = `Bearer ${token}`;
          const response = await built.app.inject({
            method: operation.method,
            url: sample.url,
            headers,
            ...(sample.payload === undefined ? {} : { payload: sample.payload }),
          });
          requests++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500) {
            failures.push(
              `${response.statusCode} ${operation.method} ${operation.path} as ${caller}: ${sample.url} ${(sample.payload ?? '').slice(0, 300)} → ${response.body.slice(0, 300)}`,
            );
          }
        }
      }
    }
    const sending = (Date.now() - started) / 1000;
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    const verifying = (Date.now() - started) / 1000 - sending;
    console.info(
      `fuzz: ${operations.length} operations, ${requests} requests in ${sending.toFixed(1)} s (ledger verified in ${verifying.toFixed(1)} s), seed ${SEED}, ${failures.length} 5xx; by status: ${[
        ...statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    expect(failures).toEqual([]);
    expect(report.problems).toEqual([]);
    // No body's prototype keys reached a prototype.
    const probe: Record<string, unknown> = {};
    expect([probe.polluted, probe.isAdmin, probe.role]).toEqual([undefined, undefined, undefined]);
  }, 600_000);

  /** The cells of one CSV line as the exporter writes it (quoted where needed). */
  function csvCells(line: string): string[] {
    const cells: string[] = [];
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      const cell = m[1] ?? '';
      cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
      if (m[2] === '') break;
    }
    return cells;
  }

  /** A role the access policy lets take `operation` (admin for public and signed-in-only routes). */
  function roleFor(operation: Operation): Role {
    const url = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const route = built.routes.find((r) => r.method === operation.method && r.url === url);
    const access = route?.access;
    if (access === undefined || !isAction(access)) return 'admin';
    return rolesAllowed(access)[0] ?? 'admin';
  }
});
