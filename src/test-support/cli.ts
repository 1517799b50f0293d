import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import type { Io } from '../cli-support.js';
import { dropTestDatabase } from './drop-database.js';
import { cliScenarioCopy } from './scenario-template.js';

/** An Io that captures what the CLI prints. */
export function captureIo(): Io & { stdout: () => string; stderr: () => string; clear: () => void } {
  let out = '';
  let err = '';
  return {
    out: (t) => {
      out += t;
    },
    write: async (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: Readable.from([]),
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
    clear: () => {
      out = '';
      err = '';
    },
  };
}

/**
 * With DATABASE_URL set, CLI commands use that server: point them at a fresh database of their own for the
 * duration of a test file. Returns the function that drops it and restores DATABASE_URL.
 */
export async function isolateCliDatabase(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) return async () => {};
  const name = `custodia_test_cli_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  process.env.DATABASE_URL = target.toString();
  return async () => {
    process.env.DATABASE_URL = url;
    await dropTestDatabase(url, name);
  };
}

/**
 * One test file's `custodia`: a data directory of its own (and, with DATABASE_URL, a database of its own),
 * the output captured, and `run(...args)`, which runs `custodia ARGS --data DIR` and answers its exit
 * code. Call `open()` in beforeAll (with TEMPLATE_WAIT_MS as its timeout when `loaded`) and `close()` in
 * afterAll. With `loaded`, the directory (and database) start as a copy of the run's `custodia scenario
 * load cecot-2025 …` (CLI_SCENARIO_ARGS in scenario-template.ts); `loaded()` then answers what that load
 * printed and the demo users file it wrote.
 */
export function cliSession(prefix: string, options: { loaded?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const io = captureIo();
  let restore: () => Promise<void> = async () => {};
  let main: typeof import('../cli.js').main | undefined;
  let load: { loadOutput: string; usersFile: string } | undefined;
  return {
    dir,
    io,
    async open(): Promise<void> {
      if (options.loaded) {
        const copy = await cliScenarioCopy(dir);
        restore = copy.restore;
        load = copy;
      } else {
        restore = await isolateCliDatabase();
      }
      main = (await import('../cli.js')).main;
    },
    loaded(): { loadOutput: string; usersFile: string } {
      if (!load) throw new Error('cliSession: open a session with { loaded: true } first');
      return load;
    },
    async run(...args: string[]): Promise<number> {
      if (!main) throw new Error('cliSession: call open() in beforeAll first');
      io.clear();
      return main(['node', 'custodia', ...args, '--data', dir], io);
    },
    async close(): Promise<void> {
      await restore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
