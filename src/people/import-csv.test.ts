import { describe, expect, it } from 'vitest';
import { bad, good, parseText } from '../test-support/import-fixtures.js';
import { CSV_COLUMNS, CSV_HEADER } from './import-format.js';

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
