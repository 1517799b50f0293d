import { it } from 'vitest';
import { parsePeople, CSV_HEADER, formatPersonCsvRows } from './import-format.js';
import { personRecordSchema } from './model.js';
it('perf', async () => {
  const conv = (id: string) => ({ id, court: 'U.S. District Court, S.D. Tex.', caseNumber: '4:21-cr-00123', offense: 'Robbery', category: 'violent', judgmentDate: '2021-06-01', final: true, sentence: { days: 3650, start: '2021-06-01' } });
  const rec = personRecordSchema.parse({ ref: 'R-0', names: { given: 'Ana María', paternal: 'Pérez' }, birthDate: '1990-01-01', sex: 'F', nationalities: ['SV'], legalStatus: 'no_status', convictions: ['c1','c2','c3','c4'].map(conv) });
  const rows = formatPersonCsvRows(rec).map((r) => r.slice(r.indexOf(',')));
  async function* gen() { yield CSV_HEADER + '\n'; let c = ''; for (let i = 0; i < 50000; i++) { for (const r of rows) c += `R-${i}${r}\n`; if (i % 20 === 19) { yield c; c = ''; } } yield c; }
  const t = performance.now();
  let n = 0; for await (const r of parsePeople(gen(), 'csv')) if (r.ok) n++;
  console.log('csv', (performance.now() - t), 'ms', n);
});
