import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from './auth/service.js';
import { startupMessage } from './cli.js';
import { systemActor } from './ledger/events.js';
import { openRequestLog, requestLogPath } from './request-log.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';

const system = systemActor('test');

describe(`the request log of custodia serve, ${testEngine}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-request-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per request to a file under the data directory, without credentials', async () => {
    const ctx = await testContext();
    const path = requestLogPath(dir);
    const echoed: string[] = [];
    const log = openRequestLog(path, (text) => echoed.push(text));
    const { app } = await buildApp(ctx, { logger: { stream: log } });
    const secrets: string[] = [];
    try {
      await createUser(ctx, system, {
        name: 'ana.officer',
        role: 'monitor',
        password: 'correct horse battery',
      });
      const { token } = await createToken(ctx, system, 'ana.officer');
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { name: 'ana.officer', password: 'correct horse battery' },
      });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const sessionSecret = cookie.split('=')[1] ?? '';
      expect(sessionSecret.length).toBeGreaterThan(10);
      secrets.push(token, sessionSecret, 'correct horse battery');
      const session = await app.inject({
        url: '/api/v1/auth/session',
        headers: { authorization: `Bearer ${token}`, cookie },
      });
      expect(session.statusCode).toBe(200);
    } finally {
      await app.close();
      await ctx.handle.close();
      await log.close();
    }

    const text = readFileSync(path, 'utf8');
    const lines = text.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('"url":"/api/v1/auth/session"');
    // Fastify logs a request's method, URL and address and a response's status; the header redaction in
    // buildApp guards anything that would log more. Either way no credential reaches the file.
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Client addresses and URLs stay with the owner of the data directory.
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Ordinary requests stay in the file; the terminal is not sent a line per request.
    expect(echoed).toEqual([]);

    // A second server on the same directory appends to the same file.
    const again = openRequestLog(path, () => {});
    again.write('{"level":30,"msg":"again"}\n');
    await again.close();
    expect(readFileSync(path, 'utf8').startsWith(text)).toBe(true);
  });

  it('echoes warnings and errors to the terminal as one short line', async () => {
    const path = join(dir, 'warnings', 'requests.ndjson');
    const echoed: string[] = [];
    const log = openRequestLog(path, (text) => echoed.push(text));
    log.write('{"level":30,"msg":"incoming request","reqId":"req-1"}\n');
    log.write(
      '{"level":50,"reqId":"req-2","err":{"message":"connection refused"},"msg":"unhandled error"}\n',
    );
    await log.close();
    expect(echoed).toEqual([
      `Error: unhandled error: connection refused [request req-2] (details in ${path})\n`,
    ]);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('tells the person who started the server where to open it and where the log and the demo users are', () => {
    expect(
      startupMessage({
        url: 'http://127.0.0.1:8080',
        database: 'the embedded database in /srv/data/db',
        requestLog: '/srv/data/logs/requests.ndjson',
        demoUsers: '/srv/data/demo-users.txt',
      }),
    ).toBe(
      'Custodia is serving the embedded database in /srv/data/db at http://127.0.0.1:8080 (API docs at /api/docs).\n' +
        '  Open http://127.0.0.1:8080 in a browser to sign in.\n' +
        '  Demo users and their one-time passwords: /srv/data/demo-users.txt\n' +
        '  Request log: /srv/data/logs/requests.ndjson (warnings and errors also appear here; --log stdout prints every request).\n' +
        '  Press Ctrl+C to stop.\n',
    );
    expect(
      startupMessage({ url: 'http://x:1', database: 'postgres', requestLog: null, demoUsers: null }),
    ).toContain('Request log: stdout');
  });
});
