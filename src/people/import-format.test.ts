import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from '../core/countries.js';
import { DomainError, type FieldIssue } from '../core/errors.js';
import {
  CSV_COLUMNS,
  CSV_HEADER,
  detectFormat,
  formatPersonCsvRows,
  formatPersonNdjson,
  type ParsedRow,
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

/** The example person from DOMAIN.md, with overrides. */
function aPerson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ref: 'ICE-2025-000123',
    names: { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
    aliases: ['Jose L. Hernandez'],
    birthDate: '1990-05-12',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    identifiers: [{ type: 'a_number', value: 'A123456789' }],
    identityVerification: { method: 'biometric', date: '2025-02-20' },
    convictions: [aConviction()],
    pendingCharges: [],
    removalOrder: { final: true, date: '2024-01-10', destination: 'SV' },
    protections: [],
    consent: null,
    dualCriminality: true,
    affiliations: [{ organization: 'MS-13', basis: 'court_finding', source: 'PSR', date: '2021-05-01' }],
    holds: [],
    notice: { servedOn: '2025-02-01', counselNotified: true },
    ...overrides,
  };
}

function aConviction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'c1',
    court: 'U.S. District Court, S.D. Tex.',
    caseNumber: '4:21-cr-00123',
    offense: 'Murder in aid of racketeering',
    statute: '18 U.S.C. 1959',
    category: 'violent',
    judgmentDate: '2021-06-01',
    final: true,
    sentence: { days: 10950, start: '2021-06-01', creditDays: 0, consecutiveTo: null },
    ...overrides,
  };
}

async function collect(input: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const row of input) rows.push(row);
  return rows;
}

function parseText(text: string, format: 'ndjson' | 'csv'): Promise<ParsedRow[]> {
  return collect(parsePeople([Buffer.from(text, 'utf8')], format));
}

function bad(rows: ParsedRow[], line: number): { ref?: string; issues: FieldIssue[] } {
  const row = rows.find((r) => r.line === line);
  if (!row) throw new Error(`no row for line ${line}; rows are on ${rows.map((r) => r.line).join(', ')}`);
  if (row.ok) throw new Error(`line ${line} parsed without problems`);
  return row;
}

function good(rows: ParsedRow[], line: number): PersonRecord {
  const row = rows.find((r) => r.line === line);
  if (!row?.ok) throw new Error(`line ${line} is not a good row: ${JSON.stringify(row)}`);
  return row.record;
}

describe('parsePeople, NDJSON', () => {
  const lines = [
    /* 1 */ JSON.stringify(aPerson()),
    /* 2 */ '',
    /* 3 */ '{"ref":"ICE-2025-000124","names":{"given":"Ana"',
    /* 4 */ JSON.stringify(aPerson({ ref: 'ICE-2025-000125', birthDate: '2025-02-30' })),
    /* 5 */ JSON.stringify(
      aPerson({ ref: 'ICE-2025-000126', convictions: [aConviction({ judgmentDate: '03/14/2025' })] }),
    ),
    /* 6 */ JSON.stringify(
      aPerson({ ref: 'ICE-2025-000127', convictions: [aConviction({ category: 'gang_activity' })] }),
    ),
    /* 7 */ JSON.stringify(aPerson({ ref: undefined })),
    /* 8 */ JSON.stringify(
      aPerson({
        ref: 'ICE-2025-000128',
        nationalities: ['VZ'],
        identifiers: [{ type: 'passport', value: 'X1234567', country: 'VZ' }],
      }),
    ),
    /* 9 */ JSON.stringify(
      aPerson({
        ref: 'ICE-2025-000129',
        convictions: [aConviction({ sentence: { days: -30, start: '2021-06-01' } })],
      }),
    ),
    /* 10 */ JSON.stringify(
      aPerson({
        ref: 'ICE-2025-000130',
        convictions: [
          aConviction(),
          aConviction({ id: 'c2', sentence: { days: 365, start: '2022-01-01', consecutiveTo: 'c9' } }),
        ],
      }),
    ),
    /* 11 */ JSON.stringify(
      aPerson({
        ref: 'ICE-2025-000131',
        convictions: [aConviction({ sentence: { life: true, start: '2021-06-01' } })],
        holds: [{ type: 'tro', court: 'D.D.C.', case: '1:25-cv-00766', issued: '2025-03-15', lifted: null }],
      }),
    ),
    /* 12 */ JSON.stringify(
      aPerson({ ref: 'ICE-2025-000132', protection: [{ type: 'cat_deferral', country: 'SV' }] }),
    ),
    /* 13 */ '   ',
    /* 14 */ JSON.stringify({
      ref: 'ICE-2025-000133',
      names: { given: 'María', paternal: 'López' },
      birthDate: '1985-01-01',
      sex: 'F',
      nationalities: ['VE'],
      legalStatus: 'asylum_seeker',
    }),
  ];

  it('stores the good rows and reports every bad one with its line, field and a fix', async () => {
    const rows = await parseText(`${lines.join('\r\n')}\r\n`, 'ndjson');
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);

    expect(good(rows, 1)).toMatchObject({ ref: 'ICE-2025-000123', names: { given: 'José Luis' } });
    expect(good(rows, 11).convictions[0]?.sentence).toEqual({
      life: true,
      start: '2021-06-01',
      creditDays: 0,
    });
    expect(good(rows, 14)).toMatchObject({ convictions: [], holds: [], consent: null, notice: null });

    const json = bad(rows, 3);
    expect(json.ref).toBeUndefined();
    expect(json.issues).toEqual([
      {
        field: '(line)',
        line: 3,
        message: expect.stringMatching(/line 3 is not valid JSON \(.+\); write each person/),
      },
    ]);

    expect(bad(rows, 4)).toEqual({
      line: 4,
      ok: false,
      ref: 'ICE-2025-000125',
      issues: [
        {
          field: 'birthDate',
          line: 4,
          message: expect.stringContaining('not a valid date; write it as YYYY-MM-DD'),
        },
      ],
    });
    expect(bad(rows, 5).issues).toEqual([
      { field: 'convictions.0.judgmentDate', line: 5, message: expect.stringContaining('YYYY-MM-DD') },
    ]);
    expect(bad(rows, 6).issues).toEqual([
      {
        field: 'convictions.0.category',
        line: 6,
        message: expect.stringContaining('must be one of: violent, weapons'),
      },
    ]);
    expect(bad(rows, 7).ref).toBeUndefined();
    expect(bad(rows, 7).issues).toEqual([
      { field: 'ref', line: 7, message: expect.stringContaining('ref is missing; every person needs') },
    ]);
    expect(bad(rows, 8).issues).toEqual([
      {
        field: 'nationalities.0',
        line: 8,
        message: expect.stringContaining('not an ISO 3166-1 alpha-2 country code'),
      },
      { field: 'identifiers.0.country', line: 8, message: expect.stringContaining('such as SV, VE or US') },
    ]);
    expect(bad(rows, 9).issues).toEqual([
      {
        field: 'convictions.0.sentence.days',
        line: 9,
        message: expect.stringContaining('cannot be negative'),
      },
    ]);
    expect(bad(rows, 10).issues).toEqual([
      {
        field: 'convictions.1.sentence.consecutiveTo',
        line: 10,
        message: expect.stringContaining('names conviction c9, which is not another conviction'),
      },
    ]);
    // The schema would silently drop a misspelt key, and with it the person's protection.
    expect(bad(rows, 12).issues).toEqual([
      { field: 'protection', line: 12, message: expect.stringContaining('did you mean "protections"?') },
    ]);
  });

  it('explains Zod type errors in words a user can act on', async () => {
    const rows = await parseText(
      [
        JSON.stringify(aPerson({ dualCriminality: 'yes', aliases: 'Pepe' })),
        JSON.stringify(
          aPerson({
            ref: 'A2',
            convictions: [aConviction({ sentence: { life: false, start: '2021-06-01' } })],
          }),
        ),
        '[1,2]',
      ].join('\n'),
      'ndjson',
    );
    expect(bad(rows, 1).issues).toEqual([
      {
        field: 'aliases',
        line: 1,
        message: 'must be a list in square brackets, [] when there are none, not string',
      },
      { field: 'dualCriminality', line: 1, message: 'must be true or false, without quotes, not string' },
    ]);
    expect(bad(rows, 2).issues).toEqual([
      {
        field: 'convictions.0.sentence.life',
        line: 2,
        message: expect.stringContaining('must be true for a life sentence'),
      },
    ]);
    expect(bad(rows, 3).issues[0]?.message).toContain('must be one JSON object');
  });

  it('reports the same ref twice, and bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"ref":"B1","names":{"given":"Jos', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(
        '","paternal":"X"},"birthDate":"1990-01-01","sex":"M","nationalities":["SV"],"legalStatus":"no_status"}\n',
      ),
    ]);
    const rows = await collect(
      parsePeople(
        [Buffer.from(`${JSON.stringify(aPerson())}\n${JSON.stringify(aPerson())}\n`), latin1],
        'ndjson',
      ),
    );
    expect(rows[0]?.ok).toBe(true);
    expect(bad(rows, 2).issues).toEqual([
      {
        field: 'ref',
        line: 2,
        message:
          'ref ICE-2025-000123 already appeared on line 1; keep one line per person; merge the two lines',
      },
    ]);
    expect(bad(rows, 3)).toMatchObject({
      ref: 'B1',
      issues: [{ field: '(line)', message: expect.stringContaining('not UTF-8') }],
    });
  });

  it('stops at once on a JSON array or pretty-printed JSON instead of failing every line', async () => {
    const rows = await parseText(JSON.stringify([aPerson()], null, 2), 'ndjson');
    expect(rows).toHaveLength(1);
    expect(bad(rows, 1).issues[0]?.message).toContain('looks like a JSON array');
  });

  it('ignores a BOM and a missing final newline', async () => {
    const rows = await parseText(`\uFEFF${JSON.stringify(aPerson())}`, 'ndjson');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ok).toBe(true);
  });
});

describe('parsePeople, CSV', () => {
  const header = CSV_HEADER;
  /** A CSV row from named cells; other columns empty. */
  function row(cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string {
    return CSV_COLUMNS.map((c) => {
      const v = cells[c] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(',');
  }
  const personCells = {
    given: 'José Luis',
    paternal: 'Hernández',
    maternal: 'Martínez',
    aliases: 'Jose L. Hernandez;Pepe',
    birthDate: '1990-05-12',
    sex: 'M',
    nationalities: 'SV',
    legalStatus: 'no_status',
    identifiers: 'a_number:A123456789;passport:X1234567:SV',
    identityVerificationMethod: 'biometric',
    identityVerificationDate: '2025-02-20',
    removalOrderFinal: 'true',
    removalOrderDate: '2024-01-10',
    removalOrderDestination: 'SV',
    dualCriminality: 'TRUE',
    affiliations: 'MS-13|court_finding|PSR|2021-05-01',
    holds: 'tro|D.D.C.|1:25-cv-00766|2025-03-15',
    noticeServedOn: '2025-02-01',
    noticeCounselNotified: 'true',
  };
  const convictionCells = {
    convictionId: 'c1',
    court: 'U.S. District Court, S.D. Tex.',
    caseNumber: '4:21-cr-00123',
    offense: 'Murder in aid of racketeering',
    statute: '18 U.S.C. 1959',
    category: 'violent',
    judgmentDate: '2021-06-01',
    final: 'true',
    sentenceDays: '10950',
    sentenceStart: '2021-06-01',
    creditDays: '0',
  };
  const file = [
    /* 1 */ header,
    /* 2 */ row({ ref: 'A1', ...personCells, ...convictionCells }),
    // Continuation rows may leave person columns empty; this one's offense spans lines 3–4.
    /* 3 */ row({
      ref: 'A1',
      ...convictionCells,
      convictionId: 'c2',
      offense: 'Possession of a "firearm",\nin furtherance',
      category: 'weapons',
      sentenceDays: '',
      sentenceLife: 'true',
      consecutiveTo: 'c1',
    }),
    /* 5 */ row({ ref: 'B1', ...personCells, ...convictionCells }),
    /* 6 */ row({ ref: 'B1', ...convictionCells, convictionId: 'c2', judgmentDate: '03/14/2025' }),
    /* 7 */ row({ ref: 'C1', ...personCells, ...convictionCells, category: 'gang_activity' }),
    /* 8 */ row({ ...personCells, ...convictionCells }),
    /* 9 */ row({ ref: 'E1', ...personCells, nationalities: 'VE;VZ', ...convictionCells }),
    /* 10 */ row({ ref: 'F1', ...personCells, ...convictionCells, sentenceDays: '-30' }),
    /* 11 */ row({ ref: 'G1', ...personCells, ...convictionCells, consecutiveTo: 'c9' }),
    /* 12 */ row({ ref: 'H1', ...personCells, ...convictionCells, final: 'yes', creditDays: '10 days' }),
    /* 13 */ row({ ref: 'I1', ...personCells, ...convictionCells }),
    /* 14 */ row({ ref: 'I1', ...personCells, given: 'Juan', ...convictionCells, convictionId: 'c2' }),
    /* 15 */ '',
    /* 16 */ row({ ref: 'J1', ...personCells, birthDate: '2025-02-30', holds: 'tro|D.D.C.|1:25-cv-00766' }),
    /* 17 */ row({ ref: 'K1', ...personCells, identityVerifiedBy: 'Officer Ruiz' }),
  ];

  it('groups rows by ref, stores good people and reports bad cells by column and line', async () => {
    const rows = await parseText(`${file.join('\r\n')}\r\n`, 'csv');
    expect(rows.map((r) => r.line)).toEqual([2, 5, 7, 8, 9, 10, 11, 12, 13, 16, 17]);

    const a = good(rows, 2);
    expect(a.aliases).toEqual(['Jose L. Hernandez', 'Pepe']);
    expect(a.identifiers).toEqual([
      { type: 'a_number', value: 'A123456789' },
      { type: 'passport', value: 'X1234567', country: 'SV' },
    ]);
    expect(a.dualCriminality).toBe(true);
    expect(a.holds).toEqual([
      { type: 'tro', court: 'D.D.C.', case: '1:25-cv-00766', issued: '2025-03-15', lifted: null },
    ]);
    expect(a.convictions.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(a.convictions[0]?.court).toBe('U.S. District Court, S.D. Tex.');
    expect(a.convictions[1]).toMatchObject({
      offense: 'Possession of a "firearm",\nin furtherance',
      sentence: { life: true, start: '2021-06-01', creditDays: 0, consecutiveTo: 'c1' },
    });

    expect(bad(rows, 5)).toEqual({
      line: 5,
      ok: false,
      ref: 'B1',
      issues: [{ field: 'judgmentDate', line: 6, message: expect.stringContaining('YYYY-MM-DD') }],
    });
    expect(bad(rows, 7).issues).toEqual([
      { field: 'category', line: 7, message: expect.stringContaining('must be one of: violent') },
    ]);
    expect(bad(rows, 8).ref).toBeUndefined();
    expect(bad(rows, 8).issues).toEqual([
      { field: 'ref', line: 8, message: expect.stringContaining('ref is missing') },
    ]);
    expect(bad(rows, 9).issues).toEqual([
      {
        field: 'nationalities',
        line: 9,
        message: expect.stringMatching(/^item 2: is not an ISO 3166-1 alpha-2 country code/),
      },
    ]);
    expect(bad(rows, 10).issues).toEqual([
      { field: 'sentenceDays', line: 10, message: expect.stringContaining('cannot be negative') },
    ]);
    expect(bad(rows, 11).issues).toEqual([
      { field: 'consecutiveTo', line: 11, message: expect.stringContaining('names conviction c9') },
    ]);
    expect(bad(rows, 12).issues).toEqual([
      { field: 'final', line: 12, message: expect.stringContaining('final must be true or false') },
      { field: 'creditDays', line: 12, message: expect.stringContaining('whole number of days') },
    ]);
    expect(bad(rows, 13).issues).toEqual([
      {
        field: 'given',
        line: 14,
        message: expect.stringContaining('"Juan" here but "José Luis" on line 13, the first row for ref I1'),
      },
    ]);
    expect(bad(rows, 16).issues).toEqual([
      { field: 'birthDate', line: 16, message: expect.stringContaining('not a valid date') },
      {
        field: 'holds',
        line: 16,
        message: expect.stringContaining('item 1 ("tro|D.D.C.|1:25-cv-00766") has 3 part(s)'),
      },
    ]);
    expect(good(rows, 17)).toMatchObject({
      ref: 'K1',
      convictions: [],
      identityVerification: { method: 'biometric', date: '2025-02-20', by: 'Officer Ruiz' },
    });
  });

  it('rewords JSON-flavoured schema advice for CSV cells', async () => {
    const rows = await parseText(
      [header, row({ ref: 'A1', ...personCells, nationalities: '', identifiers: 'passport:X1' })].join('\n'),
      'csv',
    );
    expect(bad(rows, 2).issues).toEqual([
      {
        field: 'nationalities',
        line: 2,
        message:
          'nationalities is empty; give at least one country code; in this column write country codes, e.g. SV;VE',
      },
      {
        field: 'identifiers',
        line: 2,
        message: expect.stringMatching(
          /^item 1 \(country\): a passport identifier needs its issuing country; in this column write type:value, or passport:value:COUNTRY/,
        ),
      },
    ]);
  });

  it('reports an unknown or missing header column once, on line 1, and stops', async () => {
    const renamed = header.replace('birthDate', 'birthdate').replace(',holds', '').concat(',notes');
    const rows = await parseText([renamed, row({ ref: 'A1', ...personCells })].join('\n'), 'csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      line: 1,
      ok: false,
      issues: [
        {
          field: '(header)',
          line: 1,
          message: expect.stringMatching(
            /unknown column\(s\): "birthdate" \(did you mean birthDate\?\), "notes"; missing column\(s\): birthDate, holds\. The first line must name every column/,
          ),
        },
      ],
    });
  });

  it('accepts the columns in any order', async () => {
    const reversed = [...CSV_COLUMNS].reverse();
    const cells: Record<string, string> = { ref: 'A1', ...personCells, ...convictionCells };
    const line = reversed.map((c) => {
      const v = cells[c] ?? '';
      return v.includes(',') ? `"${v}"` : v;
    });
    const rows = await parseText([reversed.join(','), line.join(',')].join('\n'), 'csv');
    expect(good(rows, 2)).toMatchObject({
      ref: 'A1',
      names: { given: 'José Luis' },
      convictions: [{ id: 'c1', court: 'U.S. District Court, S.D. Tex.' }],
    });
  });

  it('reports broken rows: wrong column count, stray quotes, an unclosed quote, a ref seen before', async () => {
    const rows = await parseText(
      [
        /* 1 */ header,
        /* 2 */ row({ ref: 'A1', ...personCells }),
        /* 3 */ `${row({ ref: 'B1', ...personCells })},extra`,
        /* 4 */ row({ ref: 'C1', ...personCells, aliases: 'x' }).replace(',x,', ',say "hi",'),
        /* 5 */ row({ ref: 'D1', ...personCells }),
        /* 6 */ row({ ref: 'A1', ...personCells }),
        /* 7 */ row({ ref: 'E1', ...personCells, maternal: 'oops' }).replace(',oops,', ',"oops,'),
      ].join('\n'),
      'csv',
    );
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, true],
      [6, false],
      [7, false],
    ]);
    expect(bad(rows, 3)).toMatchObject({
      ref: 'B1',
      issues: [
        {
          field: '(line)',
          line: 3,
          message: expect.stringContaining('row has 39 columns but the header has 38'),
        },
      ],
    });
    expect(bad(rows, 4).issues[0]?.message).toContain('a double quote appears inside a field');
    expect(bad(rows, 6).issues).toEqual([
      {
        field: 'ref',
        line: 6,
        message:
          'ref A1 already appeared on line 2; put all rows of one person next to each other (sort the file by ref)',
      },
    ]);
    expect(bad(rows, 7).issues[0]?.message).toContain(
      'opened on line 7 is not closed before the end of the file',
    );
  });

  it('reads a blank-line-only or empty file as no people', async () => {
    expect(await parseText('', 'csv')).toEqual([]);
    expect(await parseText('\n\r\n', 'ndjson')).toEqual([]);
  });
});

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
