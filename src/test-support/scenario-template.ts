import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ScenarioResult } from '../../scenarios/cecot-2025/scenario.js';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { parseSignerKey } from '../ledger/note.js';
import { dropTestDatabase } from './drop-database.js';

/**
 * The CECOT 2025 scenario loaded once per test run, and copied for each test file that reads it, instead of
 * each file loading it again (a load takes 30–60 s). Two loads, each a child process started by
 * global-setup.ts that runs beside the tests (on its own core) while the files that need it wait:
 *
 * - `cli`: `custodia scenario load cecot-2025` with CLI_SCENARIO_ARGS into a data directory (with
 *   DATABASE_URL, into a database of its own); CLI tests copy the directory (and clone the database).
 * - `story`: loadCecot2025 with STORY_OPTIONS into a database, whose result and checkpoint key are kept;
 *   scenario tests clone it with `storyContext`.
 */

/** The arguments of the CLI tests' load: no roster, the cohort of 18, neither regime log nor invoices. */
export const CLI_SCENARIO_ARGS = [
  'scenario',
  'load',
  'cecot-2025',
  '--roster',
  '0',
  '--cohort',
  '18',
  '--regime-months',
  '0',
  '--billing-months',
  '0',
] as const;

/**
 * The story of the scenario tests: a roster of 120 (its hard cases: consecutive chains and life terms), the
 * cohort of 18, April's regime log and the eight invoices.
 */
export const STORY_OPTIONS = {
  roster: 120,
  seed: 11,
  cohort: 18,
  regimeMonths: 1,
  billingMonths: 8,
} as const;
/** Where the story's clock starts (loadCecot2025 sets it to each step's instant). */
export const STORY_CLOCK_START = '2025-01-01T00:00:00Z';
/** The seed of the ids the story is loaded with: not a test context's (1), so a test's new ids never collide. */
export const STORY_ID_SEED = 2025;

export type TemplateKind = 'cli' | 'story';

/** The test files that use a template: a run of other files only does not load them. */
const USERS: Record<TemplateKind, string[]> = {
  cli: [
    'src/cli-scenario.test.ts',
    'src/hearings/cli.test.ts',
    'src/releases/cli.test.ts',
    'src/ledger/independent-check.test.ts',
  ],
  story: ['scenarios/cecot-2025/scenario.test.ts', 'scenarios/cecot-2025/release-dates.test.ts'],
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const loader = fileURLToPath(new URL('./load-scenario-template.ts', import.meta.url));

/** The PostgreSQL template database of a kind for this run. */
function databaseName(kind: TemplateKind, runId: number): string {
  return `custodia_template_${kind}_${runId}`;
}

/** The kinds the run's files need: all of them for a whole run, else those of the files its filters name. */
export function kindsNeeded(filters: readonly string[] | undefined): TemplateKind[] {
  const kinds = Object.keys(USERS) as TemplateKind[];
  if (!filters || filters.length === 0) return kinds;
  // Vitest runs the files whose path contains a filter.
  return kinds.filter((kind) =>
    USERS[kind].some((file) => filters.some((f) => file.includes(f) || resolve(root, file).includes(f))),
  );
}

/**
 * Starts loading the templates of `kinds` into `dir` (and, with `url`, into a database each), in child
 * processes; a status file tells the test files when each is ready. Answers what teardown must do.
 */
export async function startScenarioTemplates(
  dir: string,
  url: string | undefined,
  kinds: readonly TemplateKind[],
): Promise<{ stop: () => Promise<void>; databases: string[] }> {
  mkdirSync(dir, { recursive: true });
  const children: ChildProcess[] = [];
  const databases: string[] = [];
  for (const kind of kinds) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (url) {
      const name = databaseName(kind, process.pid);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      await admin.end();
      databases.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      env.DATABASE_URL = target.toString();
      process.env[`CUSTODIA_TEST_PG_${kind.toUpperCase()}_TEMPLATE`] = name;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', loader, kind, join(dir, kind)], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    // The status file tells the waiting test files how the load ended (a child that cannot start ends too).
    const settle = (status: { ok: boolean; error?: string }) => {
      writeFileSync(join(dir, `${kind}.status.tmp`), JSON.stringify(status));
      renameSync(join(dir, `${kind}.status.tmp`), join(dir, `${kind}.status`));
    };
    child.on('error', (error) => settle({ ok: false, error: error.message }));
    child.on('exit', (code, signal) =>
      settle(code === 0 ? { ok: true } : { ok: false, error: `exit ${code ?? signal}: ${stderr}` }),
    );
    children.push(child);
  }
  process.env.CUSTODIA_TEST_SCENARIO_DIR = dir;
  process.env.CUSTODIA_TEST_SCENARIO_KINDS = kinds.join(',');
  return {
    databases,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.on('exit', () => done());
              child.kill();
            }),
        ),
      );
    },
  };
}

/** Waits until the template of `kind` is loaded; answers its directory. */
async function ready(kind: TemplateKind): Promise<string> {
  const dir = process.env.CUSTODIA_TEST_SCENARIO_DIR;
  if (!dir || !process.env.CUSTODIA_TEST_SCENARIO_KINDS?.split(',').includes(kind)) {
    throw new Error(
      `the ${kind} scenario template was not loaded: run tests through vitest, whose globalSetup loads it ` +
        'when the run has a file that USERS in src/test-support/scenario-template.ts names (add yours there)',
    );
  }
  const statusFile = join(dir, `${kind}.status`);
  // A minute short of the hooks' timeout, so that this message is the one a slow load reports.
  const deadline = Date.now() + TEMPLATE_WAIT_MS - 60_000;
  while (!existsSync(statusFile)) {
    if (Date.now() > deadline) throw new Error(`the ${kind} scenario template is still loading`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const status = JSON.parse(readFileSync(statusFile, 'utf8')) as { ok: boolean; error?: string };
  if (!status.ok) throw new Error(`loading the ${kind} scenario template failed: ${status.error}`);
  return join(dir, kind);
}

/** How long a file may wait for its template to load (the hooks that wait allow this much). */
export const TEMPLATE_WAIT_MS = 600_000;

/**
 * Copies the CLI's loaded scenario into `dataDir`, and, with DATABASE_URL, clones its database and points
 * DATABASE_URL (which CLI commands use) at the clone. Answers what the load printed, the demo users file
 * it wrote, and the function that drops the clone and restores DATABASE_URL.
 */
export async function cliScenarioCopy(
  dataDir: string,
): Promise<{ loadOutput: string; usersFile: string; restore: () => Promise<void> }> {
  const template = await ready('cli');
  cpSync(join(template, 'data'), dataDir, { recursive: true });
  const loadOutput = readFileSync(join(template, 'out.txt'), 'utf8');
  const usersFile = join(template, 'data', 'demo-users.txt');
  const url = process.env.DATABASE_URL;
  if (!url) return { loadOutput, usersFile, restore: async () => {} };
  const name = `custodia_test_cli_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${process.env.CUSTODIA_TEST_PG_CLI_TEMPLATE}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  process.env.DATABASE_URL = target.toString();
  return {
    loadOutput,
    usersFile,
    restore: async () => {
      process.env.DATABASE_URL = url;
      await dropTestDatabase(url, name);
    },
  };
}

/**
 * A test context on a clone of the story (STORY_OPTIONS), with the key that signed its checkpoints, and
 * what loadCecot2025 answered when it loaded it.
 */
export async function storyContext(
  options: { now?: string } = {},
): Promise<{ ctx: AppContext & { clock: FixedClock }; result: ScenarioResult }> {
  const template = await ready('story');
  const { contextOn, testDatabase } = await import('./context.js');
  const handle = await testDatabase({
    pglite: join(template, 'story.tar.gz'),
    postgres: process.env.CUSTODIA_TEST_PG_STORY_TEMPLATE ?? '',
  });
  const signer = parseSignerKey(readFileSync(join(template, 'signer.key'), 'utf8'));
  const result = JSON.parse(readFileSync(join(template, 'result.json'), 'utf8')) as ScenarioResult;
  return { ctx: contextOn(handle, { ...options, signer }), result };
}
