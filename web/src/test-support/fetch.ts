import type { MockInstance } from 'vitest';

/** A JSON response, as the API answers (a problem document for a refusal). */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The JSON bodies a mocked `fetch` was sent with POST, in order: what a form sent. */
export function posted(fetch: MockInstance<typeof globalThis.fetch>): unknown[] {
  return fetch.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)));
}
