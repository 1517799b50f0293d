import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { type BackupManifest, manifestSchema, reasonOf } from './format.js';
import { snapshotPglite } from './snapshot.js';

/**
 * While `custodia serve` holds an embedded database, no other process may open it (PGlite is one
 * process's engine). So the serving process takes the snapshot itself: it listens on 127.0.0.1 only, on a
 * port of the system's choosing, and writes that address and a secret made at start-up to this file in
 * the data directory, mode 0600. Whoever can read it can already read the database files, so the secret
 * grants nothing new; `custodia backup` on the same data directory finds the file and asks.
 */
export const ENDPOINT_FILE = 'backup-endpoint.json';

const endpointSchema = z.object({ pid: z.number().int(), url: z.string().url(), secret: z.string() });
export type BackupEndpoint = z.infer<typeof endpointSchema>;

/** The header the snapshot's manifest travels in (base64url JSON); the body is the data. */
const MANIFEST_HEADER = 'x-custodia-manifest';

/** Starts the backup endpoint of a serving process; `close` stops it and removes its file. */
export async function startBackupEndpoint(ctx: AppContext): Promise<{ url: string; close(): Promise<void> }> {
  const secret = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${secret}`);
  const server = createServer((request, response) => {
    void answer(ctx, expected, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const path = join(ctx.config.dataDir, ENDPOINT_FILE);
  const endpoint: BackupEndpoint = { pid: process.pid, url, secret };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(endpoint)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return {
    url,
    close: async () => {
      // Another server may have started on this directory since; remove only our own file.
      if (readEndpoint(ctx.config.dataDir)?.secret === secret) rmSync(path, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(
  ctx: AppContext,
  expected: Buffer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const given = Buffer.from(request.headers.authorization ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    response.writeHead(401, { 'content-type': 'text/plain' }).end('The backup secret is missing or wrong.');
    return;
  }
  if (request.method !== 'POST' || request.url !== '/backup') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('POST /backup is the only route here.');
    return;
  }
  try {
    const { manifest, payload } = await snapshotPglite(ctx.handle, ctx.signer, ctx.clock.now());
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': payload.length,
      [MANIFEST_HEADER]: Buffer.from(JSON.stringify(manifest)).toString('base64url'),
    });
    response.end(payload);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(reasonOf(error));
  }
}

/** The endpoint file of a server on `dataDir`, if one is there and readable. */
export function readEndpoint(dataDir: string): BackupEndpoint | null {
  try {
    const parsed = endpointSchema.safeParse(JSON.parse(readFileSync(join(dataDir, ENDPOINT_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Asks the server on `dataDir` for a snapshot. Null when no server answers there (no file, or a file a
 * stopped server left behind), so the caller opens the database itself.
 */
export async function requestSnapshot(
  dataDir: string,
): Promise<{ manifest: BackupManifest; payload: AsyncIterable<Uint8Array>; url: string } | null> {
  const endpoint = readEndpoint(dataDir);
  if (!endpoint) return null;
  let response: Response;
  try {
    response = await fetch(`${endpoint.url}/backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.secret}` },
    });
  } catch {
    return null;
  }
  if (!response.ok || !response.body) {
    const reason = `${response.status} ${(await response.text().catch(() => '')).slice(0, 500)}`;
    throw new DomainError('environment', 'backup.server_failed', { url: endpoint.url, reason });
  }
  const header = response.headers.get(MANIFEST_HEADER) ?? '';
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')));
  } catch (error) {
    throw new DomainError('environment', 'backup.server_failed', {
      url: endpoint.url,
      reason: reasonOf(error),
    });
  }
  return { manifest, payload: response.body, url: endpoint.url };
}
