import type { FieldIssue } from '../core/errors.js';
import { type ParsedRow, parsePeople } from '../people/import-format.js';
import type { PersonRecord } from '../people/model.js';
import { anEligiblePerson, aConviction as aValidConviction } from './eligibility-fixtures.js';

// Fixtures for the people import tests: the example person in the file formats' input shape, and
// helpers to parse a text and pick out a line's row.

/**
 * The example person from docs/domain.md (the eligible person of the eligibility tests, with dual criminality
 * established), with overrides of any shape: the import tests give wrong values on purpose.
 */
export function aPerson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...anEligiblePerson(), dualCriminality: true, convictions: [aConviction()], ...overrides };
}

/** A conviction of the example person, with overrides of any shape. */
export function aConviction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...aValidConviction(), ...overrides };
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
