import { PGlite } from '@electric-sql/pglite';
const stats = new Map<string, { n: number; ms: number; rows: number }>();
for (const m of ['query'] as const) {
  const orig = (PGlite.prototype as any)[m];
  (PGlite.prototype as any)[m] = async function (this: unknown, q: string, ...rest: unknown[]) {
    const t = performance.now();
    let rows = 0;
    try { const r = await orig.call(this, q, ...rest); rows = r?.rows?.length ?? 0; return r; } finally {
      const k = q.replace(/\s+/g, ' ').slice(0, 110);
      const s = stats.get(k) ?? { n: 0, ms: 0, rows: 0 }; s.n++; s.ms += performance.now() - t; s.rows += rows; stats.set(k, s);
    }
  };
}
const { main } = await import('../src/cli.js');
const t0 = performance.now();
await main(['node', 'custodia', '--data', '/tmp/lead/scen2', 'scenario', 'load', 'cecot-2025'], { out: () => {}, write: async () => {}, err: () => {}, stdin: process.stdin, isTTY: false });
let total = 0; for (const s of stats.values()) total += s.ms;
console.log('total sql ms', total.toFixed(0), 'wall', (performance.now() - t0).toFixed(0), 'statements', [...stats.values()].reduce((a, s) => a + s.n, 0));
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(s.ms.toFixed(0).padStart(7), String(s.n).padStart(6), String(s.rows).padStart(8), k);
