import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import { openDatabase, withWriteTransaction } from '../db/database.js';
import { primaryReads } from '../db/reads.js';
import { registerFacility } from '../facilities/service.js';
import { parsePeople } from '../people/import-format.js';
import { createPerson, importPeople } from '../people/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility, anAgreement, aPerson } from '../test-support/factories.js';
import { parseCheckpoint } from './checkpoint.js';
import { systemActor } from './events.js';
import { appendEvents, proveConsistency, proveInclusion, treeHead } from './ledger.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { openNote, verifierFromPublicKey } from './note.js';
import { latestCheckpoint } from './store.js';
import { transact } from './transact.js';
import { compareTables, replayInto, scratchDatabase, verifyLedger } from './verify.js';

const system = systemActor('test');

async function* text(s: string) {
  yield s;
}

/** Disables the append-only trigger for one statement, as someone with the table owner's rights could. */
async function tamper(ctx: AppContext, statement: string): Promise<void> {
  await ctx.handle.db.transaction().execute(async (tx) => {
    await sql.raw('alter table ledger_entries disable trigger ledger_entries_append_only').execute(tx);
    await sql.raw(statement).execute(tx);
    await sql.raw('alter table ledger_entries enable trigger ledger_entries_append_only').execute(tx);
  });
}

describe(`ledger on ${testEngine}`, () => {
  let ctx: AppContext;

  beforeEach(async () => {
    ctx = await testContext();
    const facility = await registerFacility(ctx, system, aFacility());
    const agreement = await createAgreement(ctx, system, anAgreement([facility.id]));
    const rows = Array.from({ length: 20 }, (_, i) => JSON.stringify(aPerson({ ref: `ICE-${i}` })));
    await importPeople(
      ctx,
      anActor('sending_officer'),
      agreement.id,
      parsePeople(text(rows.join('\n')), 'ndjson'),
    );
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  const verify = () => verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });

  it('rejects UPDATE, DELETE and TRUNCATE on the ledger tables', async () => {
    for (const statement of [
      `update ledger_entries set actor = 'x' where seq = 1`,
      `delete from ledger_entries where seq = 1`,
      `update ledger_checkpoints set note = note`,
      `delete from ledger_checkpoints`,
      `truncate ledger_entries`,
    ]) {
      await expect(sql.raw(statement).execute(ctx.handle.db), statement).rejects.toThrow(/append-only/);
    }
  });

  it('verifies a clean ledger, signs checkpoints that open with the verifier key, and proves entries', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.replay?.mismatches).toEqual([]);
    const head = await treeHead(ctx.handle.db);
    const cp = await latestCheckpoint(ctx.handle.db);
    const opened = openNote(cp!.note, [verifierFromPublicKey(ctx.signer.name, ctx.signer.publicKey)]);
    const body = parseCheckpoint(opened.body);
    expect(body.size).toBe(head.size);
    expect(Buffer.from(body.root).equals(Buffer.from(head.root))).toBe(true);
    for (const index of [0, 5, head.size - 1]) {
      const p = await proveInclusion(ctx.handle.db, index);
      expect(verifyInclusion(p.leafHash, index, p.size, p.proof, p.root)).toBe(true);
      const row = await ctx.handle.db
        .selectFrom('ledger_entries')
        .select('leaf')
        .where('seq', '=', index)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(leafHash(new TextEncoder().encode(row.leaf))).equals(Buffer.from(p.leafHash))).toBe(
        true,
      );
    }
    for (const [m, n] of [
      [1, head.size],
      [4, head.size],
      [7, 13],
      [head.size, head.size],
    ] as const) {
      const c = await proveConsistency(ctx.handle.db, m, n);
      expect(verifyConsistency(m, n, c.proof, c.fromRoot, c.toRoot)).toBe(true);
    }
    // From the empty tree there is nothing to prove: refused as Go's transparency-dev/merkle refuses it.
    await expect(proveConsistency(ctx.handle.db, 0, head.size)).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'ledger.consistency_from',
    });
  });

  it('keeps cached sizes and nodes right across commits and rollbacks', async () => {
    const before = await treeHead(ctx.handle.db);
    await transact(ctx, system, async () => ({
      events: [
        {
          type: 'agency.registered',
          streamId: 'agency:US-X',
          payload: { code: 'US-X', name: 'X', jurisdiction: 'US' },
        },
      ],
      result: null,
    }));
    expect((await treeHead(ctx.handle.db)).size).toBe(before.size + 1);
    // Nodes read inside a transaction that rolls back must never be served later.
    await expect(
      withWriteTransaction(ctx.handle, async (tx) => {
        await appendEvents(
          tx,
          [{ type: 'agency.registered', streamId: 'agency:US-Y', payload: { code: 'US-Y' } }],
          system,
          new Date(),
        );
        await proveInclusion(tx, before.size + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await transact(ctx, system, async () => ({
      events: [
        {
          type: 'agency.registered',
          streamId: 'agency:US-Z',
          payload: { code: 'US-Z', name: 'Z', jurisdiction: 'US' },
        },
      ],
      result: null,
    }));
    const head = await treeHead(ctx.handle.db);
    expect(head.size).toBe(before.size + 2);
    for (let index = 0; index < head.size; index++) {
      const p = await proveInclusion(ctx.handle.db, index);
      expect(verifyInclusion(p.leafHash, index, p.size, p.proof, head.root)).toBe(true);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names the first tampered index when a leaf is changed', async () => {
    await tamper(
      ctx,
      `update ledger_entries set leaf = replace(leaf, 'Hernández', 'Hernandez') where seq = 9`,
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBadIndex).toBe(9);
    expect(report.problems[0]).toContain('entry 9');
  });

  it('catches a forged leaf whose leaf hash was recomputed to match, through the stored Merkle nodes', async () => {
    // The attacker rewrites leaf 3 and its leaf hash consistently; only stored nodes and signatures can catch it.
    await tamper(
      ctx,
      `update ledger_entries set leaf = replace(leaf, '"actor":"system:test"', '"actor":"system:tezt"'),
         leaf_hash = sha256('\\x00'::bytea || convert_to(replace(leaf, '"actor":"system:test"', '"actor":"system:tezt"'), 'UTF8'))
       where seq = 3`,
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBadIndex).toBe(3);
  });

  it('detects a changed read table through replay', async () => {
    await sql.raw(`update people set legal_status = 'citizen' where ref = 'ICE-4'`).execute(ctx.handle.db);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('table people');
  });

  it('replays the ledger into read tables identical to the live ones', async () => {
    const scratch = await scratchDatabase();
    try {
      const size = await replayInto(ctx.handle.db, scratch, ctx.events);
      expect(size).toBe((await treeHead(ctx.handle.db)).size);
      const result = await compareTables(ctx.handle.db, scratch.db, ctx.events.tables);
      expect(result.mismatches).toEqual([]);
      expect(result.rows).toBeGreaterThan(20);
    } finally {
      await scratch.close();
    }
  });
});

describe(`the ledger head between transactions on ${testEngine}`, () => {
  let ctx: AppContext;
  let agreementId: string;

  beforeEach(async () => {
    ctx = await testContext();
    const facility = await registerFacility(ctx, system, aFacility());
    agreementId = (await createAgreement(ctx, system, anAgreement([facility.id]))).id;
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  const officer = anActor('sending_officer');
  const verify = () => verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });

  it('starts each write from the head the last commit left, and a rolled-back append leaves no trace', async () => {
    for (let i = 0; i < 5; i++) await createPerson(ctx, officer, agreementId, aPerson({ ref: `ICE-H${i}` }));
    const before = await treeHead(ctx.handle.db);
    // A transaction that appends, then fails: its head must not become the next transaction's.
    await expect(
      withWriteTransaction(ctx.handle, async (tx) => {
        await appendEvents(
          tx,
          [{ type: 'person.withdrawn', streamId: 'person:undone', payload: { personId: 'undone' } }],
          system,
          ctx.clock.now(),
        );
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(await treeHead(ctx.handle.db)).toEqual(before);
    for (let i = 5; i < 9; i++) await createPerson(ctx, officer, agreementId, aPerson({ ref: `ICE-H${i}` }));
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.skipIf(testEngine !== 'postgres')(
    'reads the head again when another process appended since its last commit',
    async () => {
      await createPerson(ctx, officer, agreementId, aPerson({ ref: 'ICE-P1' }));
      // Another process on the same database: its own pool, its own commits.
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(ctx.handle.db);
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.pathname = `/${rows[0]?.name}`;
      const other = await openDatabase({ engine: 'postgres', url: url.toString() });
      try {
        await createPerson(
          { ...ctx, handle: other, reads: primaryReads(other) },
          officer,
          agreementId,
          aPerson({ ref: 'ICE-P2' }),
        );
      } finally {
        await other.close();
      }
      await createPerson(ctx, officer, agreementId, aPerson({ ref: 'ICE-P3' }));
      const report = await verify();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    },
  );
});
