import type { FieldIssue } from '../core/errors.js';
import { type ParsedRow, parsePeople } from '../people/import-format.js';
import type { PersonRecord } from '../people/model.js';

// Fixtures for the people import tests: the example person in the file formats' input shape, and
// helpers to parse a text and pick out a line's row.

/** The example person from DOMAIN.md, with overrides. */
export function aPerson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

/** A conviction of the example person, with overrides. */
export function aConviction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

/** Every row a parse yields, in order. */
export async function collect(input: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const row of input) rows.push(row);
  return rows;
}

/** Parses a whole text in one chunk. */
export function parseText(text: string, format: 'ndjson' | 'csv'): Promise<ParsedRow[]> {
  return collect(parsePeople([Buffer.from(text, 'utf8')], format));
}

/** The bad row for a line; throws if the line parsed cleanly or has no row. */
export function bad(rows: ParsedRow[], line: number): { ref?: string; issues: FieldIssue[] } {
  const row = rows.find((r) => r.line === line);
  if (!row) throw new Error(`no row for line ${line}; rows are on ${rows.map((r) => r.line).join(', ')}`);
  if (row.ok) throw new Error(`line ${line} parsed without problems`);
  return row;
}

/** The record of a good row for a line; throws otherwise. */
export function good(rows: ParsedRow[], line: number): PersonRecord {
  const row = rows.find((r) => r.line === line);
  if (!row?.ok) throw new Error(`line ${line} is not a good row: ${JSON.stringify(row)}`);
  return row.record;
}
