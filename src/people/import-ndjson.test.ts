import { describe, expect, it } from 'vitest';
import { aConviction, aPerson, bad, collect, good, parseText } from '../test-support/import-fixtures.js';
import { parsePeople } from './import-format.js';

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
