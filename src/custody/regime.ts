import { z } from 'zod';
import type { FieldIssue } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import { isoDate } from '../core/schemas.js';
import { textFault, textFaultIssue } from '../core/text.js';
import { REGIME_CSV_COLUMNS, REGIME_NUMBER_BOUNDS, regimeCsvValue, splitCsvLine } from './regime-csv.js';

export { REGIME_CSV_COLUMNS };

/** What a line with an unclosed quote gets told. */
const UNCLOSED_QUOTE = 'a double-quoted field is not closed on this line; add the closing double quote';

/**
 * The regime log (docs/domain.md, Custody): how a cell's people were held on one day. One entry per cell per
 * day; recording the same cell and day again is a correction that replaces the entry (the ledger keeps
 * both). A field that was not measured is null, never guessed: the compliance monitor reports it as not
 * evaluable instead of inventing a figure.
 */

const minutes = (what: 'minutesOutOfCell' | 'outdoorExerciseMinutes') =>
  z
    .number({ error: `${what} must be a number of minutes` })
    .int({ error: `${what} must be a whole number of minutes` })
    .min(0, { error: `${what} cannot be negative` })
    .max(REGIME_NUMBER_BOUNDS[what].max, { error: `${what} cannot exceed 1440 (a day)` })
    .nullable()
    .default(null);
/** What a count's bound stands for, said in its refusal. */
const COUNT_UNITS = {
  mealsServed: 'meals per person in a day',
  familyContacts: 'family contacts for one cell in a day',
  legalVisits: 'legal visits for one cell in a day',
  consularVisits: 'consular visits for one cell in a day',
} as const;
const count = (what: keyof typeof COUNT_UNITS) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} cannot be negative` })
    .max(REGIME_NUMBER_BOUNDS[what].max, {
      error: `${what} cannot exceed ${REGIME_NUMBER_BOUNDS[what].max.toLocaleString('en-US')} ${COUNT_UNITS[what]}`,
    })
    .nullable()
    .default(null);

export const regimeEntrySchema = z
  .strictObject({
    cell: z.string().trim().min(1, { error: 'cell is empty; give the cell code, e.g. M1-C01' }).max(32),
    date: isoDate,
    minutesOutOfCell: minutes('minutesOutOfCell'),
    outdoorExerciseMinutes: minutes('outdoorExerciseMinutes'),
    nightLightHours: z
      .number({ error: 'nightLightHours must be a number of hours' })
      .min(0, { error: 'nightLightHours cannot be negative' })
      .max(REGIME_NUMBER_BOUNDS.nightLightHours.max, { error: 'nightLightHours cannot exceed 24' })
      .nullable()
      .default(null),
    beddingProvided: z.boolean({ error: 'beddingProvided must be true or false' }).nullable().default(null),
    drinkingWaterLitresPerPerson: z
      .number({ error: 'drinkingWaterLitresPerPerson must be a number of litres' })
      .min(0, { error: 'drinkingWaterLitresPerPerson cannot be negative' })
      .max(REGIME_NUMBER_BOUNDS.drinkingWaterLitresPerPerson.max, {
        error: 'drinkingWaterLitresPerPerson cannot exceed 100 litres a person in a day',
      })
      .nullable()
      .default(null),
    mealsServed: count('mealsServed'),
    familyContacts: count('familyContacts'),
    legalVisits: count('legalVisits'),
    consularVisits: count('consularVisits'),
    restraintsOutsideTransport: z
      .boolean({ error: 'restraintsOutsideTransport must be true or false' })
      .nullable()
      .default(null),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .refine(
    (e) =>
      e.outdoorExerciseMinutes === null ||
      e.minutesOutOfCell === null ||
      e.outdoorExerciseMinutes <= e.minutesOutOfCell,
    {
      error:
        'outdoorExerciseMinutes cannot exceed minutesOutOfCell: outdoor exercise is time out of the cell',
      path: ['outdoorExerciseMinutes'],
    },
  );
export type RegimeEntryInput = z.input<typeof regimeEntrySchema>;
export type RegimeEntry = z.output<typeof regimeEntrySchema>;

export const REGIME_EVENT = 'regime.recorded' as const;

const wholeOrNull = z.number().int().nullable();

/**
 * A regime log entry as recorded: the entry, with the facility and cell it belongs to. The schema checks
 * the stored shape only; `regimeEntrySchema` enforced the ranges when the entry came in.
 */
export const regimeRecordedSchema = z.object({
  facilityId: z.string(),
  cellId: z.string(),
  cell: z.string(),
  date: z.string(),
  minutesOutOfCell: wholeOrNull,
  outdoorExerciseMinutes: wholeOrNull,
  nightLightHours: z.number().nullable(),
  beddingProvided: z.boolean().nullable(),
  drinkingWaterLitresPerPerson: z.number().nullable(),
  mealsServed: wholeOrNull,
  familyContacts: wholeOrNull,
  legalVisits: wholeOrNull,
  consularVisits: wholeOrNull,
  restraintsOutsideTransport: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type RegimeRecorded = z.output<typeof regimeRecordedSchema>;

/** The regime event type. */
export const regimeEvent = { recorded: defineEvent(REGIME_EVENT, regimeRecordedSchema) };

/** One row of a regime file: the entry, or what is wrong with it, field by field. */
export type RegimeRow =
  | { line: number; ok: true; entry: RegimeEntry }
  | { line: number; ok: false; issues: FieldIssue[] };

/**
 * Parses a regime CSV: a header naming the columns (any order, `cell` and `date` required, unknown ones
 * refused), then one row per cell per day. Empty values are "not measured". Every bad row is reported with
 * its line, the field and what is wrong; the good rows are returned.
 */
export function parseRegimeCsv(text: string): { rows: RegimeRow[]; headerIssues: FieldIssue[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').fields.map((h) => h.trim());
  const known = new Set<string>(REGIME_CSV_COLUMNS);
  const headerIssues: FieldIssue[] = [];
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0) {
    headerIssues.push({
      field: '(header)',
      line: 1,
      message: `unknown column(s) ${unknown.join(', ')}; the columns are: ${REGIME_CSV_COLUMNS.join(', ')}`,
    });
  }
  for (const required of ['cell', 'date']) {
    if (!header.includes(required)) {
      headerIssues.push({ field: '(header)', line: 1, message: `the header has no ${required} column` });
    }
  }
  const duplicate = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicate.length > 0) {
    headerIssues.push({
      field: '(header)',
      line: 1,
      message: `column(s) named twice: ${duplicate.join(', ')}`,
    });
  }
  if (headerIssues.length > 0) return { rows: [], headerIssues };
  const rows: RegimeRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const { fields, unclosed } = splitCsvLine(raw);
    const error = unclosed ? UNCLOSED_QUOTE : undefined;
    if (error || fields.length !== header.length) {
      rows.push({
        line,
        ok: false,
        issues: [
          {
            field: '(line)',
            line,
            message:
              error ??
              `row has ${fields.length} columns but the header has ${header.length}; check for a comma inside a value that is not in double quotes`,
          },
        ],
      });
      continue;
    }
    // A NUL or a lone surrogate is refused by name here, as every route refuses it (src/core/text.ts).
    const faults = header.flatMap((field, j) => {
      const fault = textFault(fields[j] ?? '');
      return fault ? [textFaultIssue({ field, fault }, 'en', line)] : [];
    });
    if (faults.length > 0) {
      rows.push({ line, ok: false, issues: faults });
      continue;
    }
    const object = Object.fromEntries(header.map((h, j) => [h, regimeCsvValue(h, fields[j]!)]));
    const parsed = regimeEntrySchema.safeParse(object);
    rows.push(
      parsed.success
        ? { line, ok: true, entry: parsed.data }
        : {
            line,
            ok: false,
            issues: parsed.error.issues.map((issue) => ({
              field: issue.path.join('.') || '(row)',
              line,
              message: issue.message,
            })),
          },
    );
  }
  return { rows, headerIssues };
}
