// The server under test: the web UI built into dist/web (or CUSTODIA_WEB_DIR, which the server then
// serves), the custodia CLI built by `npm run build` (dist/src), and `custodia serve` on a free port.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from './steps.js';

/** The repository's root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CLI = join(ROOT, 'bin', 'custodia.js');
const DEFAULT_WEB_DIR = join(ROOT, 'dist', 'web');
const WEB_DIR = process.env.CUSTODIA_WEB_DIR ?? DEFAULT_WEB_DIR;

let server = null;
let serverLog = '';

/** Builds the web UI with vite (unless `build` is false), then checks the UI and the CLI are built. */
export function buildWeb(build) {
  if (build) {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        'web',
        ...(WEB_DIR === DEFAULT_WEB_DIR ? [] : ['--outDir', WEB_DIR, '--emptyOutDir']),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
  }
  assert(existsSync(join(WEB_DIR, 'index.html')), `${WEB_DIR}/index.html is missing`);
  assert(existsSync(join(ROOT, 'dist', 'src', 'cli.js')), 'dist/src/cli.js is missing: run `npm run build`');
}

/** Runs the custodia CLI to completion; throws with its output when it fails. */
export function custodia(args, input) {
  try {
    return execFileSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      // Loading the scenario takes a minute or two; more on a machine shared with other work.
      timeout: 300_000,
    });
  } catch (error) {
    throw new Error(
      `custodia ${args.join(' ')} failed (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForReady(base, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (server?.exitCode !== null)
      throw new Error(`the server exited (code ${server?.exitCode}):\n${serverLog}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /readyz was not 200 within ${timeoutMs} ms (last: ${last}):\n${serverLog}`);
}

/** Starts `custodia serve` on a free port over `dataDir`, waits for /readyz and answers its base URL. */
export async function startServer(dataDir) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Five users sign in, some more than once, within a minute: above the default 10 a minute.
      env: { ...process.env, CUSTODIA_LOGIN_RATE_LIMIT: '60' },
    },
  );
  const keep = (chunk) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  await waitForReady(base, 30_000);
  return base;
}

/** Stops the server: SIGTERM, then SIGKILL after five seconds. */
export async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The server's last lines of output, for a failed run's report. */
export function serverTail(lines = 30) {
  return serverLog ? serverLog.split('\n').slice(-lines).join('\n') : '';
}
