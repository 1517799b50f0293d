import { describe, expect, it } from 'vitest';
import { aPerson, bad, collect, good, parseText } from '../test-support/import-fixtures.js';
import {
  CSV_HEADER,
  formatPersonCsvRows,
  importEncoding,
  type ParsedRow,
  parsePeople,
} from './import-format.js';
import { personRecordSchema } from './model.js';

// Text at the import boundary (docs/decisions/0018): bytes that are not UTF-8, a NUL, half of a UTF-16
// surrogate pair and a year outside 0001–9999 make a bad row naming its line and field, in both formats,
// and never stop the rows after it.

/** The CSV rows of the example person with `ref` and a paternal name (the rows use no other quotes). */
function csvRows(ref: string, paternal: string): string {
  const record = personRecordSchema.parse(aPerson({ ref, names: { given: 'Ana', paternal } }));
  return formatPersonCsvRows(record).join('\n');
}

/** A CSV file: the header, then three people, the second one's paternal name given as raw bytes. */
function latin1Csv(): Buffer {
  const [before, after] = csvRows('L2', 'PLACEHOLDER').split('PLACEHOLDER');
  return Buffer.concat([
    Buffer.from(`${CSV_HEADER}\n${csvRows('L1', 'Ruiz')}\n`, 'utf8'),
    Buffer.from(before ?? '', 'utf8'),
    // "Peña" written in Latin-1: ñ is the single byte 0xF1, which is not UTF-8.
    Buffer.from([0x50, 0x65, 0xf1, 0x61]),
    Buffer.from(`${after ?? ''}\n${csvRows('L3', 'Soto')}\n`, 'utf8'),
  ]);
}

/** Line `line` is a bad row with one issue, on `field`, whose message contains `words`. */
function expectOneIssue(rows: ParsedRow[], line: number, field: string, words: string): void {
  expect(bad(rows, line).issues).toEqual([{ field, line, message: expect.stringContaining(words) }]);
}

describe('import: text and bytes at the boundary', () => {
  it('refuses a Latin-1 CSV row naming its line and field, and keeps the good rows', async () => {
    const rows = await collect(parsePeople([latin1Csv()], 'csv'));
    expect(good(rows, 2).names.paternal).toBe('Ruiz');
    expect(good(rows, 4).names.paternal).toBe('Soto');
    expect(bad(rows, 3)).toEqual({
      line: 3,
      ok: false,
      ref: 'L2',
      issues: [
        {
          field: 'paternal',
          line: 3,
          message: expect.stringContaining('the bytes are not UTF-8; save the file as UTF-8'),
        },
      ],
    });
    expect(bad(rows, 3).issues[0]?.message).toContain('--encoding latin1');
    const es = await collect(parsePeople([latin1Csv()], 'csv', { lang: 'es' }));
    expect(bad(es, 3).issues[0]?.message).toContain('los bytes no son UTF-8; guarde el archivo como UTF-8');
  });

  it('reads the same Latin-1 bytes correctly with the latin1 encoding, even split inside a line', async () => {
    const bytes = latin1Csv();
    const at = bytes.indexOf(0xf1);
    const chunks = [bytes.subarray(0, at), bytes.subarray(at, at + 1), bytes.subarray(at + 1)];
    const rows = await collect(parsePeople(chunks, 'csv', { encoding: 'latin1' }));
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(good(rows, 3).names.paternal).toBe('Peña');
  });

  it('accepts the usual names of the two encodings and refuses others in both languages', () => {
    expect(importEncoding(undefined)).toBe('utf8');
    expect(importEncoding('UTF-8')).toBe('utf8');
    expect(importEncoding('latin1')).toBe('latin1');
    expect(importEncoding('ISO-8859-1')).toBe('latin1');
    expect(importEncoding('windows-1252')).toBe('latin1');
    expect(() => importEncoding('ebcdic')).toThrow(/--encoding is utf8 or latin1, not "ebcdic"/);
  });

  it('still reads a UTF-8 CSV split inside a character', async () => {
    const bytes = Buffer.from(`${CSV_HEADER}\n${csvRows('U1', 'Peña')}\n`, 'utf8');
    const at = bytes.indexOf(0xc3) + 1; // between the two bytes of ñ
    const rows = await collect(parsePeople([bytes.subarray(0, at), bytes.subarray(at)], 'csv'));
    expect(good(rows, 2).names.paternal).toBe('Peña');
  });

  it('refuses a CSV cell holding a NUL or a lone surrogate, naming the column, and keeps the good rows', async () => {
    const text = [
      CSV_HEADER,
      csvRows('N1', 'Ruiz'),
      csvRows('N2', 'Pe\u0000a'),
      csvRows('N3', 'Pe\ud800a'),
      csvRows('N4', 'Soto'),
    ].join('\n');
    // A lone surrogate cannot be written as UTF-8 bytes, so that row goes in as a string chunk.
    const rows = await collect(parsePeople([text], 'csv'));
    expect(good(rows, 2).ref).toBe('N1');
    expectOneIssue(rows, 3, 'paternal', 'paternal contains the NUL character');
    expectOneIssue(rows, 4, 'paternal', 'half of a UTF-16 surrogate pair');
    expect(good(rows, 5).ref).toBe('N4');
  });

  it('refuses an NDJSON line holding a NUL, a lone surrogate or bytes that are not UTF-8, naming the field', async () => {
    const lines = [
      JSON.stringify(aPerson({ ref: 'J1' })),
      // JSON escapes: the parsed strings hold U+0000 and a lone U+D800.
      JSON.stringify(aPerson({ ref: 'J2', names: { given: 'A\u0000', paternal: 'B' } })),
      JSON.stringify(aPerson({ ref: 'J3', aliases: ['x\ud800'] })),
      JSON.stringify(aPerson({ ref: 'J4' })),
    ];
    const rows = await parseText(lines.join('\n'), 'ndjson');
    expect(good(rows, 1).ref).toBe('J1');
    expectOneIssue(rows, 2, 'names.given', 'names.given contains the NUL character');
    expectOneIssue(rows, 3, 'aliases.0', 'half of a UTF-16 surrogate pair');
    expect(good(rows, 4).ref).toBe('J4');
    const latin1 = Buffer.concat([
      Buffer.from('{"ref":"J5","names":{"given":"Ana","paternal":"Pe'),
      Buffer.from([0xf1]),
      Buffer.from(
        'a"},"birthDate":"1990-01-01","sex":"F","nationalities":["SV"],"legalStatus":"no_status"}\n',
      ),
    ]);
    const notUtf8 = await collect(parsePeople([latin1], 'ndjson'));
    expect(bad(notUtf8, 1).issues).toEqual([
      {
        field: '(line)',
        line: 1,
        message: expect.stringContaining('the bytes of names.paternal are not UTF-8'),
      },
    ]);
    const read = await collect(parsePeople([latin1], 'ndjson', { encoding: 'latin1' }));
    expect(good(read, 1).names.paternal).toBe('Peña');
  });

  it('refuses a year outside 0001–9999 in either format, naming the field', async () => {
    const ndjson = await parseText(
      [
        JSON.stringify(aPerson({ ref: 'Y1', birthDate: '0000-01-01' })),
        JSON.stringify(aPerson({ ref: 'Y2', birthDate: '+10000-01-01' })),
        JSON.stringify(aPerson({ ref: 'Y3' })),
      ].join('\n'),
      'ndjson',
    );
    expect(bad(ndjson, 1).issues.map((i) => i.field)).toEqual(['birthDate']);
    expect(bad(ndjson, 1).issues[0]?.message).toContain('has a year outside 0001 to 9999');
    expect(bad(ndjson, 2).issues.map((i) => i.field)).toEqual(['birthDate']);
    expect(good(ndjson, 3).ref).toBe('Y3');
    const csv = await parseText(
      `${CSV_HEADER}\n${csvRows('Y4', 'Ruiz').replace('1990-05-12', '0000-05-12')}\n${csvRows('Y5', 'Soto')}\n`,
      'csv',
    );
    expect(bad(csv, 2).issues.map((i) => i.field)).toEqual(['birthDate']);
    expect(good(csv, 3).ref).toBe('Y5');
  });
});
