import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { registerFacility } from '../facilities/service.js';
import { ledgerSize } from '../ledger/store.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility, anAgreement, aPerson } from '../test-support/factories.js';
import { detectFormat, parsePeople } from './import-format.js';
import {
  createPerson,
  exportPeople,
  importPeople,
  listPeople,
  parseRecord,
  updatePerson,
} from './service.js';

const admin = anActor('admin');
const officer = anActor('sending_officer');

async function* lines(text: string) {
  yield text;
}

describe(`people on ${testEngine}`, () => {
  let ctx: AppContext;
  let agreementId: string;

  beforeEach(async () => {
    ctx = await testContext();
    const facility = await registerFacility(ctx, admin, aFacility());
    agreementId = (await createAgreement(ctx, admin, anAgreement([facility.id]))).id;
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('registers a person through the ledger and revises on change', async () => {
    const before = await ledgerSize(ctx.handle.db);
    const person = await createPerson(ctx, officer, agreementId, aPerson());
    expect(person.version).toBe(1);
    expect(await ledgerSize(ctx.handle.db)).toBe(before + 1);
    const revised = await updatePerson(ctx, officer, person.id, aPerson({ aliases: [] }));
    expect(revised.version).toBe(2);
    const event = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['type', 'leaf'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('person.revised');
    expect(JSON.parse(event.leaf).payload.changed).toEqual(['aliases']);
    // The same record again is no change and no ledger entry.
    const size = await ledgerSize(ctx.handle.db);
    await updatePerson(ctx, officer, person.id, aPerson({ aliases: [] }));
    expect(await ledgerSize(ctx.handle.db)).toBe(size);
  });

  it('refuses writes by a role without people:write', async () => {
    await expect(createPerson(ctx, anActor('monitor'), agreementId, aPerson())).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('imports good rows, reports bad ones by line and field, and re-imports idempotently', async () => {
    const good1 = JSON.stringify(aPerson({ ref: 'ICE-1' }));
    const good2 = JSON.stringify(aPerson({ ref: 'ICE-2', names: { given: 'María', paternal: 'Gómez' } }));
    const badDate = JSON.stringify(aPerson({ ref: 'ICE-3', birthDate: '1990-02-30' }));
    const file = [good1, '{not json', good2, badDate, good1].join('\n');
    const report = await importPeople(ctx, officer, agreementId, parsePeople(lines(file), 'ndjson'));
    expect(report.registered).toBe(2);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(report.rejected[1]?.issues[0]?.field).toBe('birthDate');
    expect(report.rejected[2]?.issues[0]?.message).toContain('line 1');
    const size = await ledgerSize(ctx.handle.db);
    const again = await importPeople(ctx, officer, agreementId, parsePeople(lines(file), 'ndjson'));
    expect(again.unchanged).toBe(2);
    expect(again.registered + again.revised).toBe(0);
    expect(await ledgerSize(ctx.handle.db)).toBe(size);
  });

  it('refuses a ref seen in an earlier batch of the same file, and revises a person already on the roster', async () => {
    await createPerson(ctx, officer, agreementId, aPerson({ ref: 'ICE-OLD' }));
    // Batches hold 500 rows: lines 1–500, 501–1000, 1001–1200.
    const rows = Array.from({ length: 1200 }, (_, i) => aPerson({ ref: `ICE-B${i + 1}` }));
    rows[700 - 1] = aPerson({ ref: 'ICE-B1' });
    rows[1150 - 1] = aPerson({ ref: 'ICE-B1', aliases: [] });
    rows[1100 - 1] = aPerson({ ref: 'ICE-B600' });
    rows[900 - 1] = aPerson({ ref: 'ICE-OLD', aliases: [] });
    // Rows as a reader yields them: the service's own check across the whole file, not the reader's window
    // of recent refs, is what is tested.
    async function* parsed() {
      for (const [i, row] of rows.entries())
        yield { line: i + 1, ok: true as const, record: parseRecord(row) };
    }
    const report = await importPeople(ctx, officer, agreementId, parsed());
    expect(report.rejected.map((r) => [r.line, r.ref, r.issues[0]?.message])).toEqual([
      [700, 'ICE-B1', expect.stringContaining('already appeared on line 1 of this file')],
      [1100, 'ICE-B600', expect.stringContaining('already appeared on line 600 of this file')],
      [1150, 'ICE-B1', expect.stringContaining('already appeared on line 1 of this file')],
    ]);
    expect(report.registered).toBe(1196);
    expect(report.revised).toBe(1);
  });

  it('stores nothing with allOrNothing when a row is bad', async () => {
    const file = [JSON.stringify(aPerson({ ref: 'ICE-9' })), '{"ref":"ICE-10"}'].join('\n');
    const size = await ledgerSize(ctx.handle.db);
    const report = await importPeople(ctx, officer, agreementId, parsePeople(lines(file), 'ndjson'), {
      allOrNothing: true,
    });
    expect(report.rolledBack).toBe(true);
    expect(await ledgerSize(ctx.handle.db)).toBe(size);
    expect((await listPeople(ctx, officer, { agreement: agreementId })).items).toHaveLength(0);
  });

  it('searches without accents and pages with a cursor', async () => {
    const rows = Array.from({ length: 7 }, (_, i) =>
      JSON.stringify(
        aPerson({ ref: `ICE-P${i}`, names: { given: `Ana ${i}`, paternal: i % 2 ? 'Núñez' : 'Pérez' } }),
      ),
    );
    await importPeople(ctx, officer, agreementId, parsePeople(lines(rows.join('\n')), 'ndjson'));
    const found = await listPeople(ctx, officer, { agreement: agreementId, search: 'nunez' });
    expect(found.items.map((p) => p.names.paternal)).toEqual(['Núñez', 'Núñez', 'Núñez']);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPeople(ctx, officer, {
        agreement: agreementId,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((p) => p.ref));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    const exported = [];
    for await (const record of exportPeople(ctx, officer, agreementId)) exported.push(record.ref);
    expect(exported).toHaveLength(7);
  });
});

describe('people refusals in Spanish', () => {
  function refusal(fn: () => unknown): DomainError {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError, but the call succeeded');
  }

  it('an invalid record says how many problems it has, in either language, and keeps its field issues', () => {
    const e = refusal(() => parseRecord({}));
    const count = e.issues.length;
    expect(count).toBeGreaterThan(1);
    expect(e.message).toBe(`The person record has ${count} problem(s); fix the fields named below.`);
    expect(e.localized('es')).toBe(
      `El expediente de la persona tiene ${count} problemas; corrija los campos indicados a continuación.`,
    );
    expect(e.params).toEqual({ count });
  });

  it('a file of unknown format names the accepted endings in Spanish', () => {
    const e = refusal(() => detectFormat('roster.xlsx'));
    expect(e.localized('es')).toMatch(
      /^No se puede saber el formato de roster\.xlsx: el nombre debe terminar en \.ndjson, \.jsonl o \.json .* o en \.csv\./,
    );
    expect(e.details).toEqual({ path: 'roster.xlsx', accepted: ['.ndjson', '.jsonl', '.json', '.csv'] });
  });
});
