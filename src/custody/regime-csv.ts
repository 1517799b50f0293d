/**
 * The regime log's CSV (the `custodia regime import` file and the web's upload), as plain code: its
 * columns, how a line splits into fields and how a field reads. This module imports nothing, so the web
 * bundles it and reads a file exactly as the server does; the schema that checks each entry stays in
 * regime.ts.
 */

/** The CSV columns of `custodia regime import`, in order. */
export const REGIME_CSV_COLUMNS = [
  'cell',
  'date',
  'minutesOutOfCell',
  'outdoorExerciseMinutes',
  'nightLightHours',
  'beddingProvided',
  'drinkingWaterLitresPerPerson',
  'mealsServed',
  'familyContacts',
  'legalVisits',
  'consularVisits',
  'restraintsOutsideTransport',
  'note',
] as const;
/** A column of the regime CSV. */
export type RegimeColumn = (typeof REGIME_CSV_COLUMNS)[number];

/** The columns that hold yes or no. */
export const REGIME_BOOLEAN_COLUMNS = [
  'beddingProvided',
  'restraintsOutsideTransport',
] as const satisfies readonly RegimeColumn[];

/** The columns that hold text: the cell code, the date and the note. */
export const REGIME_TEXT_COLUMNS = ['cell', 'date', 'note'] as const satisfies readonly RegimeColumn[];

/**
 * The bounds of the measured fields, shared by the entry schema (regime.ts) and the web form: a day has
 * 1,440 minutes and 24 hours; 100 litres a person is far above any water ration; a person is served at
 * most 10 meals a day; a cell's contacts and visits in a day stay under 10,000. `whole` fields are counts
 * and refuse fractions.
 */
export const REGIME_NUMBER_BOUNDS = {
  minutesOutOfCell: { max: 1440, whole: true },
  outdoorExerciseMinutes: { max: 1440, whole: true },
  nightLightHours: { max: 24, whole: false },
  drinkingWaterLitresPerPerson: { max: 100, whole: false },
  mealsServed: { max: 10, whole: true },
  familyContacts: { max: 10_000, whole: true },
  legalVisits: { max: 10_000, whole: true },
  consularVisits: { max: 10_000, whole: true },
} as const satisfies Partial<Record<RegimeColumn, { max: number; whole: boolean }>>;
/** A measured field of a regime entry. */
export type RegimeNumberColumn = keyof typeof REGIME_NUMBER_BOUNDS;

/** The most entries one request of the regime log takes. */
export const REGIME_MAX_ENTRIES = 20_000;

/** Splits one CSV line: commas separate, double quotes enclose, `""` is a quote inside quotes. */
export function splitCsvLine(text: string): { fields: string[]; unclosed: boolean } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return { fields, unclosed: quoted };
}

const BOOLEAN_COLUMNS = new Set<string>(REGIME_BOOLEAN_COLUMNS);
const TEXT_COLUMNS = new Set<string>(REGIME_TEXT_COLUMNS);

/**
 * A field as the import reads it: an empty value is "not measured" (null; an empty note too), yes/no are
 * booleans, a number is a number; anything else stays text for the schema to refuse with its message.
 */
export function regimeCsvValue(column: string, raw: string): unknown {
  const text = raw.trim();
  if (TEXT_COLUMNS.has(column)) return text === '' && column === 'note' ? null : text;
  if (text === '') return null;
  if (BOOLEAN_COLUMNS.has(column)) {
    if (/^(true|yes|1)$/i.test(text)) return true;
    if (/^(false|no|0)$/i.test(text)) return false;
    return text;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}
