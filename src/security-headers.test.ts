import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './auth/service.js';
import type { TrustProxy } from './config.js';
import type { AppContext } from './context.js';
import { systemActor } from './ledger/events.js';
import {
  CONTENT_SECURITY_POLICY,
  DOCS_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';

const PASSWORD = 'correct horse battery';

/** The headers every response carries, whatever it is. */
function expectSecurityHeaders(response: LightMyRequestResponse, csp = CONTENT_SECURITY_POLICY): void {
  expect(response.headers['content-security-policy']).toBe(csp);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
}

describe(`security headers and the proxy setting, on ${testEngine}`, () => {
  let ctx: AppContext;
  let webRoot: string;
  const apps: Awaited<ReturnType<typeof buildApp>>['app'][] = [];

  /** An app on the shared database, believing the proxies `trustProxy` says, serving a small built UI. */
  async function anApp(trustProxy: TrustProxy) {
    const { app } = await buildApp({ ...ctx, config: { ...ctx.config, trustProxy } }, { webRoot });
    await app.ready();
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    ctx = await testContext();
    webRoot = mkdtempSync(join(tmpdir(), 'custodia-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
    await createUser(ctx, systemActor('test'), {
      name: 'ana.officer',
      role: 'sending_officer',
      password: PASSWORD,
    });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await ctx.handle.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends the policy, nosniff, no-referrer and DENY on the API, the UI, its assets, refusals and the 404', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self';form-action 'self';frame-ancestors 'none';img-src 'self';object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
    );
    const app = await anApp(false);
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expectSecurityHeaders(health);
    const index = await app.inject({ url: '/transfers/some-id' });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(index);
    const asset = await app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expectSecurityHeaders(asset);
    const refused = await app.inject({ url: '/api/v1/auth/session' });
    expect(refused.statusCode).toBe(401);
    expectSecurityHeaders(refused);
    const missing = await app.inject({ method: 'POST', url: '/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing);
  });

  it("gives the API docs UI its own policy: data: images and its logo's style by hash, still no inline script", async () => {
    const app = await anApp(false);
    const docs = await app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui-bundle.js');
    expectSecurityHeaders(docs, DOCS_CONTENT_SECURITY_POLICY);
    const stylesheet = await app.inject({ url: '/api/docs/static/swagger-ui.css' });
    expect(stylesheet.statusCode).toBe(200);
    expectSecurityHeaders(stylesheet, DOCS_CONTENT_SECURITY_POLICY);
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:;");
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('sends HSTS only over TLS: never on plain HTTP, nor for an X-Forwarded-Proto it does not believe', async () => {
    const plain = await (await anApp(false)).inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const proxied = await (await anApp(['127.0.0.1'])).inject({
      url: '/healthz',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    const elsewhere = await (await anApp(['127.0.0.1'])).inject({
      url: '/healthz',
      remoteAddress: '10.0.0.8',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(elsewhere.headers['strict-transport-security']).toBeUndefined();
  });

  it('makes the session cookie Secure behind a believed TLS proxy, and only then', async () => {
    const login = async (trustProxy: TrustProxy, headers: Record<string, string>) => {
      const response = await (await anApp(trustProxy)).inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.0.0.1',
        headers,
        payload: { name: 'ana.officer', password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      return String(response.headers['set-cookie']);
    };
    expect(await login(false, {})).not.toMatch(/;\s*Secure/i);
    expect(await login(false, { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
    expect(await login(true, {})).not.toMatch(/;\s*Secure/i);
    expect(await login(true, { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await login(['127.0.0.1'], { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await login(['10.0.0.0/8'], { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
  });

  it('keys the per-address login limit by X-Forwarded-For only when the proxy is believed', async () => {
    const guesses = async (trustProxy: TrustProxy, proxy: string) => {
      const app = await anApp(trustProxy);
      const statuses: number[] = [];
      // Five clients behind one proxy, each guessing as often as one address may.
      for (let client = 1; client <= 5; client++) {
        for (let i = 0; i < ctx.config.loginRateLimit; i++) {
          const response = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: proxy,
            headers: { 'x-forwarded-for': `203.0.113.${client}` },
            payload: { name: `nobody${client}.${i}`, password: 'not the password' },
          });
          statuses.push(response.statusCode);
        }
      }
      return statuses;
    };
    // Believed: each client has its own allowance.
    expect((await guesses(['192.0.2.1'], '192.0.2.1')).every((s) => s === 401)).toBe(true);
    // Not believed: every guess is the proxy's, which is held after its allowance.
    const untrusted = await guesses(false, '192.0.2.2');
    expect(untrusted.filter((s) => s === 401)).toHaveLength(ctx.config.loginRateLimit);
    expect(untrusted.at(-1)).toBe(429);
  });

  it('counts the address the believed proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const app = await anApp(['192.0.2.1']);
    const statuses: number[] = [];
    for (let i = 0; i < ctx.config.loginRateLimit + 2; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.1',
        // The client sent its own X-Forwarded-For, a new address each time; the proxy appended the real one.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` },
        payload: { name: `nobody.${i}`, password: 'not the password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(ctx.config.loginRateLimit);
    expect(statuses.at(-1)).toBe(429);
  });
});
