import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import type { Io } from '../cli-support.js';
import { CLI_SCENARIO_ARGS, cliScenarioCopy, TEMPLATE_WAIT_MS } from '../test-support/scenario-template.js';

/**
 * Checks what the `custodia` CLI emits (verifier key, signed checkpoint, leaf export, inclusion and
 * consistency proofs) with test/independent/checker.py: a Python standard-library checker written from
 * RFC 9162, RFC 8032, RFC 8785 and the C2SP signed-note and tlog-checkpoint specs, sharing no code with
 * src/ledger, so a bug common to the generator and the project's own verifier cannot hide.
 */

const checker = fileURLToPath(new URL('../../test/independent/checker.py', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

let dir = '';
let dataDir = '';
let size = 0;
const inclusionFiles: string[] = [];
const consistencyFiles: string[] = [];
let files = { vkey: '', checkpoint: '', leaves: '' };

// Drops this file's copy of the scenario's database (with DATABASE_URL) and restores DATABASE_URL.
let restoreDatabase: () => Promise<void> = async () => {};

async function cli(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => {
      out += text;
    },
    write: async (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    stdin: Readable.from([]),
    isTTY: false,
  };
  const code = await main(['node', 'custodia', ...args, '--data', dataDir], io);
  return { code, out, err };
}

/** Runs a CLI command that must succeed and writes its stdout to `name` in the work directory. */
async function cliToFile(name: string, ...args: string[]): Promise<string> {
  const run = await cli(...args);
  expect(run.code, `custodia ${args.join(' ')} failed: ${run.err}`).toBe(0);
  const path = join(dir, name);
  writeFileSync(path, run.out);
  return path;
}

function check(...args: string[]): Run {
  const result = spawnSync('python3', [checker, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function checkAll(overrides: Partial<typeof files> = {}, extra: string[] = []): Run {
  const f = { ...files, ...overrides };
  return check(
    '--vkey',
    f.vkey,
    '--checkpoint',
    f.checkpoint,
    '--leaves',
    f.leaves,
    ...inclusionFiles.flatMap((p) => ['--inclusion', p]),
    ...consistencyFiles.flatMap((p) => ['--consistency', p]),
    ...extra,
  );
}

/** Changes one hex digit of the first proof hash in a proof file, writing a copy. */
function flipProofHash(path: string, name: string): string {
  const proof = JSON.parse(readFileSync(path, 'utf8')) as { proof: string[] };
  const first = proof.proof[0];
  if (first === undefined) throw new Error(`${path} has an empty proof`);
  proof.proof[0] = (first[0] === '0' ? '1' : '0') + first.slice(1);
  const copy = join(dir, name);
  writeFileSync(copy, `${JSON.stringify(proof)}\n`);
  return copy;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-independent-'));
  dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  // The run's `custodia scenario load cecot-2025`, copied (src/test-support/scenario-template.ts).
  expect(CLI_SCENARIO_ARGS.join(' ')).toBe(
    'scenario load cecot-2025 --roster 0 --cohort 18 --regime-months 0 --billing-months 0',
  );
  restoreDatabase = (await cliScenarioCopy(dataDir)).restore;
  files = {
    vkey: await cliToFile('vkey.txt', 'ledger', 'key'),
    checkpoint: await cliToFile('checkpoint.txt', 'ledger', 'checkpoint'),
    leaves: await cliToFile('leaves.ndjson', 'ledger', 'export'),
  };
  size = Number(readFileSync(files.checkpoint, 'utf8').split('\n')[1]);
  expect(size).toBeGreaterThan(200);
  const mid = Math.floor(size / 2);

  // Inclusion: first, middle and last entry of the current tree, then in smaller trees (including the
  // last entry of a smaller tree and an entry of a tree whose size is not a power of two).
  const inclusions: [number, number | null][] = [
    [0, null],
    [mid, null],
    [size - 1, null],
    [0, 5],
    [mid, mid + 1],
    [37, 100],
  ];
  for (const [index, at] of inclusions) {
    const sizeArgs = at === null ? [] : ['--size', String(at)];
    inclusionFiles.push(
      await cliToFile(
        `inclusion-${index}-${at ?? 'current'}.json`,
        'ledger',
        'proof',
        'inclusion',
        '--index',
        String(index),
        ...sizeArgs,
        '--json',
      ),
    );
  }

  // Consistency: from 1, from a power of two, from = to, and between two older sizes.
  const consistencies: [number, number][] = [
    [1, size],
    [64, size],
    [size, size],
    [37, 200],
    [mid, size],
  ];
  for (const [from, to] of consistencies) {
    consistencyFiles.push(
      await cliToFile(
        `consistency-${from}-${to}.json`,
        'ledger',
        'proof',
        'consistency',
        '--from',
        String(from),
        '--to',
        String(to),
        '--json',
      ),
    );
  }
}, TEMPLATE_WAIT_MS);

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await restoreDatabase();
});

describe('the independent Python checker', () => {
  it('passes its own self-test (RFC 6962 / RFC 8032 vectors)', () => {
    const run = check('--self-test');
    expect(run.out).not.toMatch(/^FAIL/m);
    expect(run.code, run.out + run.err).toBe(0);
  });

  it('accepts the key, checkpoint, leaves and proofs the CLI emits', () => {
    const run = checkAll();
    expect(run.out).not.toMatch(/^FAIL/m);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toContain('PASS Ed25519 signature by');
    expect(run.out).toContain('PASS verifier key id = SHA-256(name || 0x0A || 0x01 || pubkey)[:4]');
    expect(run.out).toContain('PASS every leaf is RFC 8785 canonical JSON');
    expect(run.out).toContain(`PASS checkpoint root equals MTH of the first ${size} exported leaves`);
    expect(run.out.match(/^PASS inclusion .*2\.1\.3\.2 proof verifies/gm)).toHaveLength(
      inclusionFiles.length,
    );
    expect(run.out.match(/^PASS consistency .*2\.1\.4\.2 proof verifies/gm)).toHaveLength(
      consistencyFiles.length,
    );
  });

  it('rejects an export with one leaf changed by one byte', () => {
    const lines = readFileSync(files.leaves, 'utf8').split('\n');
    const target = Math.floor(size / 2);
    const line = lines[target]!;
    // Change the first letter of the event type inside the leaf: still valid NDJSON, one byte different.
    const at = line.indexOf('type\\":\\"') + 'type\\":\\"'.length;
    const original = line[at]!;
    lines[target] = `${line.slice(0, at)}${original === 'x' ? 'y' : 'x'}${line.slice(at + 1)}`;
    expect(Buffer.byteLength(lines[target]!)).toBe(Buffer.byteLength(line));
    const tampered = join(dir, 'leaves-tampered.ndjson');
    writeFileSync(tampered, lines.join('\n'));

    const run = checkAll({ leaves: tampered });
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/^FAIL checkpoint root equals MTH/m);
    expect(run.out).toMatch(new RegExp(`^FAIL inclusion of ${target} in ${size}: leafHash`, 'm'));
  });

  it('rejects a flipped hash in an inclusion proof and in a consistency proof', () => {
    const inclusion = flipProofHash(inclusionFiles[1]!, 'inclusion-flipped.json');
    const badInclusion = check(
      '--vkey',
      files.vkey,
      '--checkpoint',
      files.checkpoint,
      '--leaves',
      files.leaves,
      '--inclusion',
      inclusion,
    );
    expect(badInclusion.code, badInclusion.out).toBe(1);
    expect(badInclusion.out).toMatch(/^FAIL inclusion .*2\.1\.3\.2 proof verifies/m);

    const consistency = flipProofHash(consistencyFiles[0]!, 'consistency-flipped.json');
    const badConsistency = check(
      '--vkey',
      files.vkey,
      '--checkpoint',
      files.checkpoint,
      '--leaves',
      files.leaves,
      '--consistency',
      consistency,
    );
    expect(badConsistency.code, badConsistency.out).toBe(1);
    expect(badConsistency.out).toMatch(/^FAIL consistency .*2\.1\.4\.2 proof verifies/m);
  });

  it('fails, never skips, when the checkpoint is larger than the leaves given (a rolled-back copy)', () => {
    const lines = readFileSync(files.leaves, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    const kept = size - 7;
    const older = join(dir, 'leaves-rolled-back.ndjson');
    writeFileSync(older, `${lines.slice(0, kept).join('\n')}\n`);
    const run = check('--vkey', files.vkey, '--checkpoint', files.checkpoint, '--leaves', older);
    expect(run.code, run.out).toBe(1);
    expect(run.out).not.toMatch(/^SKIP/m);
    expect(run.out).toContain(
      `FAIL checkpoint size within the exported leaves: the checkpoint commits to ${size} entries but only ${kept} leaves were given: rolled back from ${size} to ${kept}, or the export is incomplete`,
    );
  });

  it('rejects a checkpoint whose signed text was changed', () => {
    const note = readFileSync(files.checkpoint, 'utf8');
    const lines = note.split('\n');
    lines[1] = String(size - 1);
    const tampered = join(dir, 'checkpoint-tampered.txt');
    writeFileSync(tampered, lines.join('\n'));
    const run = checkAll({ checkpoint: tampered });
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/^FAIL Ed25519 signature by/m);
  });
});

const allocationChecker = fileURLToPath(
  new URL('../../test/independent/allocation_checker.py', import.meta.url),
);

describe('the independent allocation checker', () => {
  it("finds no broken hard constraint in the scenario's custodia allocate --dry-run --all, and catches a broken one", async () => {
    const allocation = await cliToFile(
      'allocation.json',
      'allocate',
      '--facility',
      'SV-CECOT',
      '--dry-run',
      '--all',
      '--json',
    );
    const people = await cliToFile('people.ndjson', 'people', 'export', '--agreement', 'cecot-2025');
    const facility = await cliToFile('facility.json', 'facility', 'show', 'SV-CECOT', '--json');
    const run = (facilityFile: string) => {
      const result = spawnSync('python3', [allocationChecker, allocation, people, facilityFile], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (result.error) throw result.error;
      return { code: result.status ?? -1, out: result.stdout };
    };
    const plan = JSON.parse(readFileSync(allocation, 'utf8')) as { placements: { cell: string }[] };
    expect(plan.placements.length).toBeGreaterThan(0);
    const ok = run(facility);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/^OK: \d+ placements over \d+ cells; every hard constraint holds/m);
    // The same plan against a facility whose first used cell is full of local women: two violations.
    const shown = JSON.parse(readFileSync(facility, 'utf8')) as {
      cells: {
        code: string;
        workingCapacity: number;
        localSex: string | null;
        occupancy: { local: number };
      }[];
    };
    const cell = shown.cells.find((c) => c.code === plan.placements[0]!.cell)!;
    cell.localSex = 'F';
    cell.workingCapacity = cell.occupancy.local;
    const tampered = join(dir, 'facility-tampered.json');
    writeFileSync(tampered, JSON.stringify(shown));
    const bad = run(tampered);
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toMatch(/over its working capacity/);
    expect(bad.out).toMatch(/mixes sexes: F, M/);
  });
});
