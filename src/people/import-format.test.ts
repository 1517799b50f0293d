import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from '../core/countries.js';
import { DomainError } from '../core/errors.js';
import { aConviction, aPerson, collect } from '../test-support/import-fixtures.js';
import {
  CSV_HEADER,
  detectFormat,
  formatPersonCsvRows,
  formatPersonNdjson,
  parsePeople,
} from './import-format.js';
import {
  AFFILIATION_BASES,
  CONVICTION_CATEGORIES,
  HOLD_TYPES,
  IDENTIFIER_TYPES,
  LEGAL_STATUSES,
  type PersonRecord,
  type PersonRecordInput,
  PROTECTION_TYPES,
  personRecordSchema,
  SEXES,
  VERIFICATION_METHODS,
} from './model.js';

describe('chunk boundaries', () => {
  const ndjson = `\uFEFF${JSON.stringify(aPerson({ aliases: ['Pepé 🦅', 'Ñoño'] }))}\r\n\r\n{bad\r\n${JSON.stringify(aPerson({ ref: 'X2', birthDate: '2025-02-30' }))}`;
  const csv = `\uFEFF${CSV_HEADER}\r\n${formatPersonCsvRows(personRecordSchema.parse(aPerson({ aliases: ['Pepé 🦅', 'a;b'], convictions: [aConviction({ offense: 'línea 1\nlínea "2"' }), aConviction({ id: 'c2' })] }))).join('\r\n')}\r\n`;

  it.each([
    ['ndjson', ndjson],
    ['csv', csv],
  ] as const)('gives the same rows when %s arrives one byte at a time', async (format, text) => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = await collect(parsePeople([bytes], format));
    async function* oneByte(): AsyncGenerator<Buffer> {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    const trickled = await collect(parsePeople(oneByte(), format));
    expect(trickled).toEqual(whole);
    expect(whole.filter((r) => r.ok).length).toBeGreaterThan(0);
    const first = whole[0];
    expect(first?.ok && first.record.aliases[0]).toBe('Pepé 🦅');
  });
});

describe('streaming', () => {
  it('keeps memory flat over 200,000 lines', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const total = 200_000;
    async function* lines(): AsyncGenerator<string> {
      // Several lines per chunk, as a file stream would deliver them.
      let chunk = '';
      for (let i = 0; i < total; i++) {
        chunk += `{"ref":"R-${i}","names":{"given":"Ana María","paternal":"Pérez"},"birthDate":"1990-01-01","sex":"F","nationalities":["SV"],"legalStatus":"no_status"}\n`;
        if (i % 50 === 49) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
    let ok = 0;
    let baseline = 0;
    for await (const row of parsePeople(lines(), 'ndjson')) {
      if (row.ok) ok++;
      if (ok === 110_000) {
        // Measured after the recent-ref window is full, so the rest must add nothing.
        gc();
        baseline = process.memoryUsage().heapUsed;
      }
    }
    gc();
    const grown = process.memoryUsage().heapUsed - baseline;
    expect(ok).toBe(total);
    // Holding the other 90,000 records would take well over 50 MB.
    expect(grown).toBeLessThan(15 * 1024 * 1024);
  });
});

describe('detectFormat', () => {
  it('goes by the extension', () => {
    expect(detectFormat('roster.ndjson')).toBe('ndjson');
    expect(detectFormat('/x/ROSTER.JSONL')).toBe('ndjson');
    expect(detectFormat('roster.json')).toBe('ndjson');
    expect(detectFormat('roster.csv')).toBe('csv');
    expect(() => detectFormat('roster.xlsx')).toThrow(DomainError);
    expect(() => detectFormat('roster.xlsx')).toThrow(/\.ndjson, \.jsonl or \.json .* or \.csv/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Round trips: export, then import, gives the same record.

// Values chosen to exercise the CSV list escapes and RFC 4180 quoting.
const tricky = fc.constantFrom(
  'a;b',
  'x|y',
  'c:d',
  'back\\slash',
  'ends\\',
  'q"uote',
  'com,ma',
  'new\nline',
  'cr\r\nlf',
  'Ñandú 🦅',
);
const textArb = (max = 12) =>
  fc.oneof(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: max })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !s.includes('\uFFFD')),
    tricky,
  );
const dateArb = fc
  .integer({ min: 0, max: 60_000 })
  .map((d) => new Date(Date.UTC(1940, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const countryArb = fc.constantFrom(...ISO_COUNTRIES);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const optOrNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null), fc.constant(undefined));

const sentenceArb = fc.oneof(
  fc
    .record(
      {
        days: fc.integer({ min: 0, max: 365_250 }),
        start: dateArb,
        creditDays: fc.integer({ min: 0, max: 5000 }),
      },
      { requiredKeys: ['days', 'start'] },
    )
    // Credits never exceed the term (the schema refuses that).
    .filter((s) => (s.creditDays ?? 0) <= s.days),
  fc.record(
    { life: fc.constant(true as const), start: dateArb, creditDays: fc.integer({ min: 0, max: 99 }) },
    { requiredKeys: ['life', 'start'] },
  ),
);

const convictionsArb = fc
  .uniqueArray(
    fc.record(
      {
        id: textArb(6),
        court: textArb(),
        caseNumber: textArb(),
        offense: textArb(),
        statute: optOrNull(textArb()),
        category: fc.constantFrom(...CONVICTION_CATEGORIES),
        judgmentDate: dateArb,
        final: fc.boolean(),
        sentence: optOrNull(sentenceArb),
      },
      { requiredKeys: ['id', 'court', 'caseNumber', 'offense', 'category', 'judgmentDate', 'final'] },
    ),
    { selector: (c) => c.id, maxLength: 4 },
  )
  .chain((convictions) =>
    fc.tuple(
      fc.constant(convictions),
      fc.array(fc.nat(), { minLength: convictions.length, maxLength: convictions.length }),
    ),
  )
  .map(([convictions, picks]) =>
    convictions.map((c, i) => {
      // Only earlier convictions: a chain of consecutive sentences must not loop.
      const others = convictions.slice(0, i);
      const pick = picks[i] ?? 0;
      if (!c.sentence || others.length === 0 || pick % 3 === 0) return c;
      return { ...c, sentence: { ...c.sentence, consecutiveTo: others[pick % others.length]?.id ?? null } };
    }),
  );

const personArb: fc.Arbitrary<PersonRecord> = fc
  .record(
    {
      ref: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,20}$/),
      names: fc.record(
        { given: textArb(), paternal: textArb(), maternal: optOrNull(textArb()) },
        { requiredKeys: ['given', 'paternal'] },
      ),
      aliases: fc.array(textArb(), { maxLength: 3 }),
      birthDate: dateArb,
      sex: fc.constantFrom(...SEXES),
      nationalities: fc.uniqueArray(countryArb, { minLength: 1, maxLength: 3 }),
      legalStatus: fc.constantFrom(...LEGAL_STATUSES),
      identifiers: fc.array(
        fc.oneof(
          fc.record({ type: fc.constantFrom(...IDENTIFIER_TYPES), value: textArb(), country: countryArb }),
          fc.record({
            type: fc.constantFrom(...IDENTIFIER_TYPES.filter((t) => t !== 'passport')),
            value: textArb(),
          }),
        ),
        { maxLength: 3 },
      ),
      identityVerification: fc.option(
        fc.record(
          { method: fc.constantFrom(...VERIFICATION_METHODS), date: dateArb, by: optOrNull(textArb()) },
          { requiredKeys: ['method', 'date'] },
        ),
      ),
      convictions: convictionsArb,
      pendingCharges: fc.array(
        fc.record(
          {
            court: textArb(),
            caseNumber: textArb(),
            offense: textArb(),
            statute: optOrNull(textArb()),
            category: optOrNull(fc.constantFrom(...CONVICTION_CATEGORIES)),
            filed: optOrNull(dateArb),
          },
          { requiredKeys: ['court', 'caseNumber', 'offense'] },
        ),
        { maxLength: 2 },
      ),
      removalOrder: fc.option(fc.record({ final: fc.boolean(), date: dateArb, destination: countryArb })),
      protections: fc.array(
        fc.record(
          {
            type: fc.constantFrom(...PROTECTION_TYPES),
            country: fc.oneof(fc.constant('ALL'), countryArb),
            date: optOrNull(dateArb),
          },
          { requiredKeys: ['type', 'country'] },
        ),
        { maxLength: 2 },
      ),
      consent: fc.option(fc.record({ verifiedBy: textArb(), verifiedOn: dateArb })),
      dualCriminality: fc.option(fc.boolean()),
      affiliations: fc.array(
        fc.record(
          {
            organization: textArb(),
            basis: fc.constantFrom(...AFFILIATION_BASES),
            source: optOrNull(textArb()),
            date: optOrNull(dateArb),
          },
          { requiredKeys: ['organization', 'basis'] },
        ),
        { maxLength: 2 },
      ),
      holds: fc.array(
        fc
          .record({
            type: fc.constantFrom(...HOLD_TYPES),
            court: textArb(),
            case: textArb(),
            a: dateArb,
            b: opt(dateArb),
          })
          .map(({ a, b, ...h }) => ({
            ...h,
            issued: b && b < a ? b : a,
            lifted: b && b < a ? a : (b ?? null),
          })),
        { maxLength: 2 },
      ),
      notice: fc.option(fc.record({ servedOn: dateArb, counselNotified: fc.boolean() })),
    },
    { requiredKeys: ['ref', 'names', 'birthDate', 'sex', 'nationalities', 'legalStatus'] },
  )
  .map((input: PersonRecordInput) => personRecordSchema.parse(input));

const peopleArb = fc.uniqueArray(personArb, { selector: (p) => p.ref, minLength: 1, maxLength: 3 });

/** Splits bytes at arbitrary places, as a file stream might. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  return chunks;
}

/** CSV cannot tell an absent optional value from null; the model treats them alike. */
function nullsToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(nullsToUndefined);
  if (typeof value === 'object' && value !== undefined) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nullsToUndefined(v)]));
  }
  return value;
}

describe('round trips', () => {
  it('NDJSON: export then import gives the same records', async () => {
    await fc.assert(
      fc.asyncProperty(peopleArb, fc.array(fc.nat()), async (people, cuts) => {
        const text = people.map((p) => `${formatPersonNdjson(p)}\n`).join('');
        expect(people.every((p) => !formatPersonNdjson(p).includes('\n'))).toBe(true);
        const rows = await collect(parsePeople(chunked(Buffer.from(text), cuts), 'ndjson'));
        expect(rows.map((r) => (r.ok ? r.record : r))).toEqual(people);
        expect(rows.map((r) => (r.ok ? formatPersonNdjson(r.record) : ''))).toEqual(
          people.map(formatPersonNdjson),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('CSV: export then import gives the same records', async () => {
    await fc.assert(
      fc.asyncProperty(peopleArb, fc.array(fc.nat()), async (people, cuts) => {
        const text = [CSV_HEADER, ...people.flatMap(formatPersonCsvRows)].map((l) => `${l}\r\n`).join('');
        const rows = await collect(parsePeople(chunked(Buffer.from(text), cuts), 'csv'));
        expect(rows.map((r) => (r.ok ? nullsToUndefined(r.record) : r))).toEqual(
          people.map(nullsToUndefined),
        );
        expect(rows.flatMap((r) => (r.ok ? formatPersonCsvRows(r.record) : []))).toEqual(
          people.flatMap(formatPersonCsvRows),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('writes the documented NDJSON key order', () => {
    const line = formatPersonNdjson(personRecordSchema.parse(aPerson()));
    expect(Object.keys(JSON.parse(line))).toEqual([
      'ref',
      'names',
      'aliases',
      'birthDate',
      'sex',
      'nationalities',
      'legalStatus',
      'identifiers',
      'identityVerification',
      'convictions',
      'pendingCharges',
      'removalOrder',
      'protections',
      'consent',
      'dualCriminality',
      'affiliations',
      'holds',
      'notice',
    ]);
    expect(line).toContain(
      '"sentence":{"days":10950,"start":"2021-06-01","creditDays":0,"consecutiveTo":null}',
    );
  });
});
