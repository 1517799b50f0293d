/**
 * A closed-loop HTTP load generator for the API benchmark: `connections` keep-alive connections to one
 * server on 127.0.0.1, each sending its next request as soon as the previous answer is read, for a fixed
 * time and at most a fixed number of requests. It records every request's latency, so p50 and p99 are
 * exact, and counts answers that are not 2xx as errors. Requests are GETs, or POSTs of a JSON body when
 * `body` is given (the write benchmark). Decision 0030 says why this and not autocannon.
 */

import { Agent, request } from 'node:http';

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  errors: number;
  /** Requests answered per second of the run. */
  rate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
}

/** One request: the path (with its query) for the i-th request of the run. */
export type PathOf = (i: number) => string;

/** The JSON body of the i-th request: a POST when given. */
export type BodyOf = (i: number) => string;

function send(
  agent: Agent,
  port: number,
  path: string,
  token: string,
  body: string | undefined,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = request(
      { host: '127.0.0.1', port, path, agent, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout after 30 s: ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs `connections` clients against `port` for `seconds` (or until `maxRequests` answers), each request
 * carrying `token` as a bearer token.
 */
export async function load(options: {
  port: number;
  token: string;
  path: PathOf;
  body?: BodyOf;
  connections: number;
  seconds: number;
  maxRequests: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && next < options.maxRequests) {
      const i = next++;
      const sent = performance.now();
      try {
        const { status } = await send(agent, options.port, options.path(i), options.token, options.body?.(i));
        if (status < 200 || status > 299) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rate: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    seconds,
  };
}
