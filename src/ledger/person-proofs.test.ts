import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { withWriteTransaction } from '../db/database.js';
import { statements } from '../db/migrations/0027-ledger-person-index.js';
import { recordScreening } from '../eligibility/service.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { recordRepresentation, registerParty, sealPerson } from '../parties/service.js';
import { buildApp } from '../server.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { addCheckpoint, type WitnessContext } from '../witness/service.js';
import { cosignerVerifierKey, followLog, loadOrCreateCosigner } from '../witness/state.js';
import { systemActor } from './events.js';
import { verifierKeyOf } from './key.js';
import { exportLeaves } from './ledger.js';
import { subjectsOf } from './person-index.js';
import { acceptsGzip } from './proof-routes.js';
import { latestCheckpoint } from './store.js';
import { verifyLedger } from './verify.js';
import { addWitness } from './witness-service.js';
import { witnessNewestCheckpoint } from './witnessing.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';
const MISSING = '00000000-0000-4000-8000-000000000000';
const checker = fileURLToPath(new URL('../../test/independent/person_proofs_checker.py', import.meta.url));

/** RFC 6962 hashing written again with node:crypto only, sharing nothing with src/ledger. */
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const leafHashOf = (leaf: Uint8Array) => sha(Uint8Array.of(0), leaf);
function mth(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return sha(Uint8Array.of(1), mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}
function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
) {
  // RFC 9162 2.1.3.2.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(Uint8Array.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else r = sha(Uint8Array.of(1), r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && Buffer.from(r).equals(Buffer.from(root));
}
const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

/**
 * Proofs by person (decision 0031) and entry bundles through the API: counsel for their clients (never the
 * cell), monitors for records no court sealed, everyone else "not found"; proofs against the newest
 * witnessed checkpoint checked by code that shares nothing with src/ledger; the tree rebuilt from entry
 * bundles and the public hash tiles.
 */
describe(`proofs by person and entry bundles on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let dir: string;
  let witness: WitnessContext;
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  const cells: string[] = [];
  /** Every body a counsel received, searched for the cell codes at the end. */
  const counselBodies: string[] = [];

  async function get(as: string | null, url: string, headers: Record<string, string> = {}) {
    const token = as ? tokens.get(as) : undefined;
    const response = await built.app.inject({
      url,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (as === 'counsel') counselBodies.push(response.body);
    return response;
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const place = await locatorAgreement(ctx, { code: 'SV-PP', name: 'CECOT', address: 'Tecoluca' });
    // The client and the person whose record is sealed first, housed and sealed; then enough people for
    // more bundles, which hold nothing about the sealed record.
    await receivePeople(
      ctx,
      place,
      ['PP-CLIENT', 'PP-SEALED'].map((ref) => anEligiblePerson({ ref })),
    );
    await allocateFacility(ctx, anActor('receiving_officer'), place.facilityId);
    await registerParty(ctx, system, {
      kind: 'law_office',
      code: 'Abogados Unidos',
      name: 'Abogados Unidos',
    });
    await recordRepresentation(ctx, anActor('sending_legal'), {
      person: { ref: 'PP-CLIENT', agreement: place.agreementId },
      office: 'Abogados Unidos',
      from: '2025-03-01',
      to: null,
      source: 'recorded',
    });
    await sealPerson(ctx, aCourt('D.D.C.'), {
      person: { ref: 'PP-SEALED', agreement: place.agreementId },
      court: 'D.D.C.',
      order: 'ORD-1',
    });
    const many = Array.from({ length: 30 }, (_, i) => anEligiblePerson({ ref: `PP-${i}` }));
    await receivePeople(ctx, place, many);
    for (const row of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute()) {
      ids.set(row.ref, row.id);
    }
    for (const row of await ctx.handle.db.selectFrom('cells').select('code').execute()) cells.push(row.code);
    for (const [name, role, parties] of [
      ['ana.abogada', 'counsel', ['Abogados Unidos']],
      ['mo.nitor', 'monitor', []],
      ['ad.min', 'admin', []],
      ['re.ceiving', 'receiving_officer', []],
    ] as const) {
      await createUser(ctx, system, { name, role, password: PASSWORD, parties: [...parties] });
      tokens.set(role, (await createToken(ctx, system, name)).token);
    }
    dir = mkdtempSync(join(tmpdir(), 'custodia-person-proofs-'));
    witness = { dataDir: dir, cosigner: loadOrCreateCosigner(dir, 'custodia.test/w'), clock: ctx.clock };
    followLog(dir, ctx.signer.name, verifierKeyOf(ctx.signer));
  }, 180_000);

  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('indexes a manifest event, which names only the transfer, under the transfer’s person', async () => {
    const row = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'leaf'])
      .where('type', '=', 'manifest.boarded')
      .limit(1)
      .executeTakeFirstOrThrow();
    const envelope = JSON.parse(row.leaf);
    const subjects = subjectsOf(envelope);
    expect([...subjects.people]).toEqual([]);
    expect(subjects.transfers.size).toBe(1);
    const indexed = await ctx.handle.db
      .selectFrom('ledger_person_entries')
      .select('person_id')
      .where('seq', '=', row.seq)
      .execute();
    expect(indexed).toHaveLength(1);
  });

  it('rebuilds the person index by replay: `ledger verify` finds nothing to report', async () => {
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
    expect(report.replay?.mismatches).toEqual([]);
    const rows = await ctx.handle.db.selectFrom('ledger_person_entries').select('seq').execute();
    expect(rows.length).toBeGreaterThan(26 * 5);
  });

  it('fills the index for entries recorded before migration 0027 exactly as the ledger folds them', async () => {
    const before = await ctx.handle.db
      .selectFrom('ledger_person_entries')
      .selectAll()
      .orderBy(['person_id', 'seq'])
      .execute();
    await withWriteTransaction(ctx.handle, async (tx) => {
      await tx.deleteFrom('ledger_person_entries').execute();
      await sql.raw(statements.at(-1)!).execute(tx);
    });
    const after = await ctx.handle.db
      .selectFrom('ledger_person_entries')
      .selectAll()
      .orderBy(['person_id', 'seq'])
      .execute();
    expect(after).toEqual(before);
  });

  it('gives counsel their client’s entries with proofs, marked not witnessed while no witness cosigned', async () => {
    const id = ids.get('PP-CLIENT')!;
    const response = await get('counsel', `/api/v1/people/${id}/ledger`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.checkpoint.witnessed).toBe(false);
    const types: string[] = body.entries.map((e: { type: string }) => e.type);
    expect(types).toContain('person.registered');
    expect(types).toContain('transfer.nominated');
    expect(types).toContain('manifest.boarded');
    expect(types, types.join(' ')).toContain('housing.assigned');
    expect(types).toContain('representation.recorded');
    // Only index, type, time, leaf hash and proof: never the leaf or the payload.
    expect(Object.keys(body.entries[0]).sort()).toEqual(['index', 'leafHash', 'proof', 'recordedAt', 'type']);
    const root = hex(body.checkpoint.rootHex);
    for (const e of body.entries) {
      expect(verifyInclusion(e.index, body.checkpoint.size, hex(e.leafHash), e.proof.map(hex), root)).toBe(
        true,
      );
    }
  });

  it('answers counsel for anyone else, and a monitor for a sealed record, exactly as a miss', async () => {
    const miss = await get('counsel', `/api/v1/people/${MISSING}/ledger`);
    expect(miss.statusCode).toBe(404);
    for (const [as, ref] of [
      ['counsel', 'PP-0'],
      ['counsel', 'PP-SEALED'],
      ['monitor', 'PP-SEALED'],
    ] as const) {
      const id = ids.get(ref)!;
      const out = await get(as, `/api/v1/people/${id}/ledger`);
      expect(out.statusCode, `${as} ${ref}`).toBe(404);
      expect(out.body.replaceAll(id, MISSING)).toBe(miss.body);
    }
    expect((await get('monitor', `/api/v1/people/${ids.get('PP-0')}/ledger`)).statusCode).toBe(200);
    expect((await get('receiving_officer', `/api/v1/people/${ids.get('PP-SEALED')}/ledger`)).statusCode).toBe(
      200,
    );
    expect((await get(null, `/api/v1/people/${ids.get('PP-0')}/ledger`)).statusCode).toBe(401);
  });

  it('proves against the newest witnessed checkpoint, and an independent checker agrees', async () => {
    await addWitness(ctx, system, { url: 'http://w.example', key: cosignerVerifierKey(witness.cosigner) });
    const outcome = await witnessNewestCheckpoint(ctx, {
      fetch: async (_url, init) => {
        const answer = await addCheckpoint(witness, typeof init?.body === 'string' ? init.body : '', 'en');
        return new Response(answer.body, { status: answer.status });
      },
      sleep: async () => {},
    });
    expect(outcome.outcomes.map((o) => o.outcome)).toEqual(['cosigned']);
    const witnessedSize = outcome.checkpoint.size;
    // A later write: the newest checkpoint is not witnessed, the proofs stay against the witnessed one.
    await recordScreening(ctx, anActor('sending_legal'), {
      personId: ids.get('PP-CLIENT')!,
      asOf: '2025-03-14',
    });
    expect((await latestCheckpoint(ctx.handle.db))?.size).toBeGreaterThan(witnessedSize);
    const response = await get('counsel', `/api/v1/people/${ids.get('PP-CLIENT')}/ledger`);
    const body = response.json();
    expect(body.checkpoint).toMatchObject({ witnessed: true, size: witnessedSize, quorum: 1 });
    expect(body.ledgerSize).toBeGreaterThan(witnessedSize);
    expect(body.entries.at(-1).proof).toBeNull();
    expect(body.checkpoint.note.split('\n— ').length).toBe(3);

    const proofsFile = join(dir, 'proofs.json');
    writeFileSync(proofsFile, response.body);
    const vkeyFile = join(dir, 'vkey.txt');
    writeFileSync(vkeyFile, `${verifierKeyOf(ctx.signer)}\n`);
    const leavesFile = join(dir, 'leaves.ndjson');
    const lines: string[] = [];
    for await (const row of exportLeaves(ctx.handle.db)) lines.push(JSON.stringify(row));
    writeFileSync(leavesFile, `${lines.join('\n')}\n`);
    const run = spawnSync(
      'python3',
      [
        checker,
        '--vkey',
        vkeyFile,
        '--proofs',
        proofsFile,
        '--witness-key',
        cosignerVerifierKey(witness.cosigner),
        '--leaves',
        leavesFile,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('cosignature by custodia.test/w');
    expect(run.stdout).toMatch(/all \d+ checks passed/);
  });

  it('serves entry bundles to the administrator and monitors only, with tlog-tiles headers', async () => {
    expect((await get(null, '/tlog/tile/entries/000')).statusCode).toBe(401);
    expect((await get('counsel', '/tlog/tile/entries/000')).statusCode).toBe(403);
    expect((await get('receiving_officer', '/tlog/tile/entries/000')).statusCode).toBe(403);
    const full = await get('admin', '/tlog/tile/entries/000');
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('application/octet-stream');
    expect(full.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const zipped = await get('admin', '/tlog/tile/entries/000', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Buffer.compare(gunzipSync(zipped.rawPayload), full.rawPayload)).toBe(0);
    const refused = await get('admin', '/tlog/tile/entries/000', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect((await get('admin', '/tlog/tile/entries/x000/000')).statusCode).toBe(404);
    expect((await get('admin', '/tlog/tile/entries/999')).statusCode).toBe(404);
  });

  it('rebuilds the checkpoint’s root from the bundles a monitor may read and the public hash tiles', async () => {
    const note = (await get(null, '/tlog/checkpoint')).body;
    const [, sizeLine, rootLine] = note.split('\n');
    const size = Number(sizeLine);
    const root = new Uint8Array(Buffer.from(rootLine!, 'base64'));
    expect(size).toBeGreaterThan(256);
    const hashes: Uint8Array[] = [];
    let withheld = 0;
    for (let n = 0; n * 256 < size; n++) {
      const width = Math.min(256, size - n * 256);
      const path = `${String(n).padStart(3, '0')}${width === 256 ? '' : `.p/${width}`}`;
      const bundle = await get('monitor', `/tlog/tile/entries/${path}`);
      if (bundle.statusCode === 403) {
        // A bundle holding a sealed record's entries: the public level-0 tile has their hashes.
        expect(bundle.json().messageKey).toBe('ledger.bundle_sealed');
        withheld += 1;
        const tile = await get(null, `/tlog/tile/0/${path}`);
        expect(tile.statusCode).toBe(200);
        for (let i = 0; i < width; i++)
          hashes.push(new Uint8Array(tile.rawPayload.subarray(i * 32, i * 32 + 32)));
        continue;
      }
      expect(bundle.statusCode, bundle.body.slice(0, 500)).toBe(200);
      const bytes = bundle.rawPayload;
      let count = 0;
      for (let at = 0; at < bytes.length; count++) {
        const length = bytes.readUInt16BE(at);
        hashes.push(leafHashOf(bytes.subarray(at + 2, at + 2 + length)));
        at += 2 + length;
      }
      expect(count).toBe(width);
    }
    expect(withheld).toBeGreaterThan(0);
    expect(withheld).toBeLessThan(Math.ceil(size / 256));
    expect(Buffer.from(mth(hashes)).equals(Buffer.from(root))).toBe(true);
  });

  it('never shows a counsel a cell code', () => {
    expect(cells.length).toBeGreaterThan(0);
    expect(counselBodies.length).toBeGreaterThan(5);
    for (const body of counselBodies) for (const cell of cells) expect(body).not.toContain(cell);
  });
});
