import { isIsoDate, type RegimeReport } from './api.ts';
import { type BooleanField, NUMBER_FIELD_ORDER, type NumberField } from './regime-fields.ts';

/** The regime day form as typed: every field a text, a yes-or-no field '' when not recorded. */
export type Draft = Record<NumberField | 'cells' | 'date' | 'note', string> &
  Record<BooleanField, '' | 'yes' | 'no'>;

/** An empty form for a day. */
export function emptyDraft(date: string): Draft {
  return {
    cells: '',
    date,
    minutesOutOfCell: '',
    outdoorExerciseMinutes: '',
    nightLightHours: '',
    beddingProvided: '',
    drinkingWaterLitresPerPerson: '',
    mealsServed: '',
    familyContacts: '',
    legalVisits: '',
    consularVisits: '',
    restraintsOutsideTransport: '',
    note: '',
  };
}

/** A number as typed (a decimal comma allowed); what is not a number is sent as typed for the server to refuse. */
export function numberOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** The cell codes typed, split at commas or spaces, each once. */
export function cellCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with a field: the page's own words, or the server's message (in English). */
export interface FieldError {
  text: string;
  server: boolean;
}

/** The errors of the form by field; `(entry)` holds what names no field of the form. */
export type FieldErrors = Partial<Record<string, FieldError[]>>;

/** The fields of the form that the server's issues can name; any other goes in the summary. */
const FORM_FIELDS = new Set<string>([
  'cell',
  'date',
  ...NUMBER_FIELD_ORDER,
  'beddingProvided',
  'restraintsOutsideTransport',
  'note',
]);

/** The page's own checks, before anything is sent: the messages are the caller's words. */
export function draftProblems(
  draft: Draft,
  words: { cellMissing: string; dateMissing: string; notNumber: string },
): FieldErrors {
  const local: FieldErrors = {};
  if (cellCodes(draft.cells).length === 0) local.cell = [{ text: words.cellMissing, server: false }];
  if (!isIsoDate(draft.date)) local.date = [{ text: words.dateMissing, server: false }];
  for (const field of NUMBER_FIELD_ORDER) {
    if (typeof numberOrText(draft[field]) === 'string')
      local[field] = [{ text: words.notNumber, server: false }];
  }
  return local;
}

/** The values of one entry as the server takes them, without the cell. */
export function entryValues(draft: Draft): Record<string, unknown> {
  const values: Record<string, unknown> = { date: draft.date };
  for (const field of NUMBER_FIELD_ORDER) values[field] = numberOrText(draft[field]);
  for (const field of ['beddingProvided', 'restraintsOutsideTransport'] as const) {
    values[field] = draft[field] === '' ? null : draft[field] === 'yes';
  }
  values.note = draft.note.trim() === '' ? null : draft.note.trim();
  return values;
}

/** The server's refusals by field; the same message for several cells is shown once, naming the cells. */
export function refusedErrors(report: RegimeReport, cells: readonly string[]): FieldErrors {
  const byField = new Map<string, Map<string, string[]>>();
  for (const rejected of report.rejected) {
    const cell = cells[rejected.line - 1] ?? '';
    for (const issue of rejected.issues) {
      const field = FORM_FIELDS.has(issue.field) ? issue.field : '(entry)';
      const messages = byField.get(field) ?? new Map<string, string[]>();
      messages.set(issue.message, [...(messages.get(issue.message) ?? []), cell]);
      byField.set(field, messages);
    }
  }
  const refused: FieldErrors = {};
  for (const [field, messages] of byField) {
    refused[field] = [...messages].map(([message, on]) => ({
      text: cells.length > 1 ? `${on.join(', ')}: ${message}` : message,
      server: true,
    }));
  }
  return refused;
}
