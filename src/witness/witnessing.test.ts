import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { ephemeralSigner, verifierKeyOf } from '../ledger/key.js';
import { latestCheckpoint } from '../ledger/store.js';
import { witnessLoop } from '../ledger/witness-loop.js';
import { addWitness } from '../ledger/witness-service.js';
import { newestWitnessedSize } from '../ledger/witness-store.js';
import { witnessNewestCheckpoint } from '../ledger/witnessing.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility } from '../test-support/factories.js';
import { buildWitnessApp } from './server.js';
import { cosignerVerifierKey, followLog, loadOrCreateCosigner } from './state.js';

/**
 * Two installations on one machine witness each other (issue 18, acceptance): the sending state's
 * installation runs a witness for the receiving state's log and the reverse, each on 127.0.0.1. The
 * served checkpoints carry both signatures, and the cosignatures and tiles are checked by code that
 * shares nothing with src/ledger: Node's Ed25519 over a message built here by hand, and
 * test/independent/witness_checker.py (its own Ed25519, RFC 9162 and tlog-tiles code).
 */

const pythonChecker = fileURLToPath(new URL('../../test/independent/witness_checker.py', import.meta.url));
const admin = anActor('admin');

interface Installation {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  witnessDir: string;
  witnessApp: FastifyInstance;
  witnessUrl: string;
  witnessKey: string;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

async function installation(origin: string, seed: number): Promise<Installation> {
  const ctx = await testContext({ seed });
  ctx.signer = ephemeralSigner(origin);
  const { app } = await buildApp(ctx);
  const url = await listen(app);
  const witnessDir = mkdtempSync(join(tmpdir(), 'custodia-witness-'));
  const cosigner = loadOrCreateCosigner(witnessDir, `${origin}/witness`);
  const witnessApp = buildWitnessApp({
    dataDir: witnessDir,
    cosigner,
    clock: new FixedClock('2025-03-01T12:00:00Z'),
  });
  const witnessUrl = await listen(witnessApp);
  return { ctx, app, url, witnessDir, witnessApp, witnessUrl, witnessKey: cosignerVerifierKey(cosigner) };
}

/** Verifies a cosignature line with Node's Ed25519, the key and message decoded and built here from the spec. */
function independentlyVerified(note: string, witnessKey: string): { ok: boolean; timestamp: bigint } {
  const [name = '', keyIdHex = '', keyBase64 = ''] = [
    witnessKey.slice(0, witnessKey.indexOf('+')),
    witnessKey.split('+')[1],
    witnessKey.slice(witnessKey.indexOf('+', witnessKey.indexOf('+') + 1) + 1),
  ];
  const key = Buffer.from(keyBase64, 'base64');
  expect(key[0]).toBe(0x04);
  const split = note.lastIndexOf('\n\n');
  const body = note.slice(0, split + 1);
  const line = note
    .slice(split + 2)
    .split('\n')
    .find((l) => l.startsWith(`\u2014 ${name} `));
  if (!line) return { ok: false, timestamp: 0n };
  const blob = Buffer.from(line.slice(`\u2014 ${name} `.length), 'base64');
  expect(blob.length).toBe(76);
  expect(blob.subarray(0, 4).toString('hex')).toBe(keyIdHex);
  const timestamp = blob.readBigUInt64BE(4);
  // RFC 8410 SubjectPublicKeyInfo for Ed25519: a fixed 12-byte prefix, then the 32 key bytes.
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.subarray(1)]);
  const message = Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
  const ok = verify(
    null,
    message,
    createPublicKey({ key: spki, format: 'der', type: 'spki' }),
    blob.subarray(12),
  );
  return { ok, timestamp };
}

function python(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('python3', args, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe(`two installations witnessing each other on ${testEngine}`, () => {
  let sending: Installation;
  let receiving: Installation;

  beforeAll(async () => {
    sending = await installation('custodia.test/sending', 1);
    receiving = await installation('custodia.test/receiving', 2);
    // Each installation's witness follows the other's log.
    followLog(sending.witnessDir, 'custodia.test/receiving', verifierKeyOf(receiving.ctx.signer));
    followLog(receiving.witnessDir, 'custodia.test/sending', verifierKeyOf(sending.ctx.signer));
    await addWitness(sending.ctx, systemActor('test'), {
      url: receiving.witnessUrl,
      key: receiving.witnessKey,
    });
    await addWitness(receiving.ctx, systemActor('test'), {
      url: sending.witnessUrl,
      key: sending.witnessKey,
    });
    // 300 cells: more than one full level-0 tile, so level 1 is served too.
    await registerFacility(sending.ctx, admin, aFacility({ code: 'SV-BIG', operationalCapacity: 9000 }, 300));
    await registerFacility(receiving.ctx, admin, aFacility({ code: 'SV-SMALL' }, 3));
  }, 120_000);

  afterAll(async () => {
    for (const side of [sending, receiving]) {
      if (!side) continue;
      await side.app.close();
      await side.witnessApp.close();
      await side.ctx.handle.close();
      rmSync(side.witnessDir, { recursive: true, force: true });
    }
  });

  it('each log gets the other witness cosignature, served with its own signature', async () => {
    for (const [log, witness] of [
      [sending, receiving],
      [receiving, sending],
    ] as const) {
      const { outcomes } = await witnessNewestCheckpoint(log.ctx);
      expect(outcomes.map((o) => o.outcome)).toEqual(['cosigned']);
      const response = await fetch(`${log.url}/tlog/checkpoint`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const note = await response.text();
      const lines = note
        .slice(note.lastIndexOf('\n\n') + 2)
        .split('\n')
        .filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`^\u2014 ${log.ctx.signer.name} `));
      const verdict = independentlyVerified(note, witness.witnessKey);
      expect(verdict.ok).toBe(true);
      expect(verdict.timestamp).toBe(BigInt(Date.parse('2025-03-01T12:00:00Z') / 1000));
      // The legacy path serves the same cosigned note.
      expect(await (await fetch(`${log.url}/api/v1/public/checkpoint`)).text()).toBe(note);
    }
  });

  it('an altered cosignature does not verify with the independent check', async () => {
    const note = await (await fetch(`${sending.url}/tlog/checkpoint`)).text();
    const altered = note.replace(/\n(\d+)\n/, (_m, size: string) => `\n${Number(size) + 1}\n`);
    expect(independentlyVerified(altered, receiving.witnessKey).ok).toBe(false);
  });

  it('an independent client recomputes the root from the public tiles and checks both signatures', async () => {
    await witnessNewestCheckpoint(sending.ctx);
    // Asynchronously: the servers it fetches from run in this process.
    const run = await python([
      pythonChecker,
      '--url',
      `${sending.url}/tlog`,
      '--log-key',
      verifierKeyOf(sending.ctx.signer),
      '--witness-key',
      receiving.witnessKey,
    ]);
    expect(run.stdout).toContain('PASS the root recomputed from the level-0 tiles');
    expect(run.stdout).toContain('PASS level-1 hash 0 is the MTH of level-0 tile 0');
    expect(run.stdout).toContain('PASS Ed25519 cosignature by custodia.test/receiving/witness');
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('refuses tile paths that are not canonical and never serves entry bundles without a sign-in', async () => {
    for (const path of ['0/x000/000', '0/0', '0/000.p/0', '0/000.p/256', '64/000', '0/999']) {
      expect((await fetch(`${sending.url}/tlog/tile/${path}`)).status, path).toBe(404);
    }
    // Entry bundles hold personal data: the administrator and monitors only (decision 0031).
    expect((await fetch(`${sending.url}/tlog/tile/entries/000`)).status).toBe(401);
    const partial = await fetch(`${receiving.url}/tlog/tile/0/000.p/1`);
    expect(partial.status).toBe(200);
    expect(partial.headers.get('cache-control')).toContain('immutable');
    expect((await partial.arrayBuffer()).byteLength).toBe(32);
  });

  it('after a commit, custodia serve witnesses the new checkpoint in the background', async () => {
    const warnings: string[] = [];
    const loop = witnessLoop(sending.ctx, (m) => warnings.push(m));
    sending.ctx.afterCommit = () => loop.notify();
    await registerFacility(sending.ctx, admin, aFacility({ code: 'SV-MORE' }, 2));
    await loop.idle();
    sending.ctx.afterCommit = undefined;
    expect(warnings).toEqual([]);
    const latest = await latestCheckpoint(sending.ctx.handle.db);
    expect(await newestWitnessedSize(sending.ctx.handle.db, 1)).toBe(latest?.size);
    expect(await newestWitnessedSize(sending.ctx.handle.db, 2)).toBeNull();
    const note = await (await fetch(`${sending.url}/tlog/checkpoint`)).text();
    expect(independentlyVerified(note, receiving.witnessKey).ok).toBe(true);
  });

  it("the witness's monitoring endpoint serves the checkpoint it cosigned", async () => {
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update('custodia.test/sending').digest('hex');
    const response = await fetch(`${receiving.witnessUrl}/${hash}/checkpoint`);
    expect(response.status).toBe(200);
    expect(independentlyVerified(await response.text(), receiving.witnessKey).ok).toBe(true);
    expect((await fetch(`${receiving.witnessUrl}/${'0'.repeat(64)}/checkpoint`)).status).toBe(404);
  });
});
