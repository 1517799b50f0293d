import type { PersonRecord } from './model.js';

// The CSV columns and how a person maps onto them, both ways: the exporter's rows, the list cells'
// encoding, and where each field of the record sits in the file (for pointing at the cell to fix).

/** CSV columns describing the person; repeated (or left empty) on each of the person's rows. */
export const CSV_PERSON_COLUMNS = [
  'ref',
  'given',
  'paternal',
  'maternal',
  'aliases',
  'birthDate',
  'sex',
  'nationalities',
  'legalStatus',
  'identifiers',
  'identityVerificationMethod',
  'identityVerificationDate',
  'identityVerifiedBy',
  'removalOrderFinal',
  'removalOrderDate',
  'removalOrderDestination',
  'protections',
  'consentVerifiedBy',
  'consentVerifiedOn',
  'dualCriminality',
  'affiliations',
  'holds',
  'noticeServedOn',
  'noticeCounselNotified',
  'pendingCharges',
] as const;

/** CSV columns describing one conviction; empty on the single row of a person with none. */
export const CSV_CONVICTION_COLUMNS = [
  'convictionId',
  'court',
  'caseNumber',
  'offense',
  'statute',
  'category',
  'judgmentDate',
  'final',
  'sentenceDays',
  'sentenceLife',
  'sentenceStart',
  'creditDays',
  'consecutiveTo',
] as const;

/** Every CSV column, in the order the exporter writes them. */
export const CSV_COLUMNS = [...CSV_PERSON_COLUMNS, ...CSV_CONVICTION_COLUMNS] as const;

/** The CSV header line (no newline). */
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** A CSV column's name. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** A column describing the person. */
export type PersonColumn = (typeof CSV_PERSON_COLUMNS)[number];
/** A column describing one conviction. */
export type ConvictionColumn = (typeof CSV_CONVICTION_COLUMNS)[number];

/** How each list column's items are written, for messages and the docs. */
export const LIST_FORMS = {
  aliases: 'one alias per item',
  nationalities: 'country codes, e.g. SV;VE',
  identifiers: 'type:value, or passport:value:COUNTRY, e.g. a_number:A123456789;passport:X1234567:VE',
  protections: 'type:COUNTRY or type:ALL, optionally :date, e.g. cat_deferral:SV:2024-03-01',
  affiliations:
    'organization|basis|source|date (source and date may be left out), e.g. MS-13|court_finding|PSR|2021-05-01',
  holds: 'type|court|case|issued|lifted (lifted may be left out), e.g. tro|D.D.C.|1:25-cv-00766|2025-03-15',
  pendingCharges:
    'court|caseNumber|offense|statute|category|filed (the last three may be left out), e.g. D. Md.|8:24-cr-00001|Illegal reentry|8 U.S.C. 1326',
} as const satisfies Partial<Record<CsvColumn, string>>;

/** A column holding a list. */
export type ListColumn = keyof typeof LIST_FORMS;

// Within a list cell `;` separates items, and `:` or `|` separates an item's parts; a backslash makes
// any of `\ ; : |` literal so that any text survives a round trip.
const ESCAPABLE = new Set(['\\', ';', ':', '|']);
const ESCAPE_SIMPLE = /[\\;]/g;
const ESCAPE_COLON = /[\\;:]/g;
const ESCAPE_PIPE = /[\\;|]/g;

/** Splits at each unescaped `separator`, keeping escapes for the parts to undo. */
export function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      current += c + next;
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** One part of a list item, its escapes undone and trimmed. */
export function unescapePart(part: string): string {
  return part.replace(/\\([\\;:|])/g, '$1').trim();
}

/** The non-empty items of a list cell, escapes kept. */
export function listItems(cell: string): string[] {
  if (cell === '') return [];
  return splitEscaped(cell, ';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function joinParts(parts: readonly (string | null | undefined)[], separator: ':' | '|'): string {
  const special = separator === ':' ? ESCAPE_COLON : ESCAPE_PIPE;
  const written = parts.map((p) => (p == null ? '' : p.replace(special, '\\$&')));
  while (written.length > 0 && written[written.length - 1] === '') written.pop();
  return written.join(separator);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One person as CSV rows (no newlines between them): one per conviction, or one if there are none. */
export function formatPersonCsvRows(record: PersonRecord): string[] {
  const r = record;
  const person: Record<PersonColumn, string> = {
    ref: r.ref,
    given: r.names.given,
    paternal: r.names.paternal,
    maternal: r.names.maternal ?? '',
    aliases: r.aliases.map((a) => a.replace(ESCAPE_SIMPLE, '\\$&')).join(';'),
    birthDate: r.birthDate,
    sex: r.sex,
    nationalities: r.nationalities.join(';'),
    legalStatus: r.legalStatus,
    identifiers: r.identifiers.map((i) => joinParts([i.type, i.value, i.country], ':')).join(';'),
    identityVerificationMethod: r.identityVerification?.method ?? '',
    identityVerificationDate: r.identityVerification?.date ?? '',
    identityVerifiedBy: r.identityVerification?.by ?? '',
    removalOrderFinal: r.removalOrder ? String(r.removalOrder.final) : '',
    removalOrderDate: r.removalOrder?.date ?? '',
    removalOrderDestination: r.removalOrder?.destination ?? '',
    protections: r.protections.map((p) => joinParts([p.type, p.country, p.date], ':')).join(';'),
    consentVerifiedBy: r.consent?.verifiedBy ?? '',
    consentVerifiedOn: r.consent?.verifiedOn ?? '',
    dualCriminality: r.dualCriminality === null ? '' : String(r.dualCriminality),
    affiliations: r.affiliations
      .map((a) => joinParts([a.organization, a.basis, a.source, a.date], '|'))
      .join(';'),
    holds: r.holds.map((h) => joinParts([h.type, h.court, h.case, h.issued, h.lifted], '|')).join(';'),
    noticeServedOn: r.notice?.servedOn ?? '',
    noticeCounselNotified: r.notice ? String(r.notice.counselNotified) : '',
    pendingCharges: r.pendingCharges
      .map((p) => joinParts([p.court, p.caseNumber, p.offense, p.statute, p.category, p.filed], '|'))
      .join(';'),
  };
  const none: Record<ConvictionColumn, string> = {
    convictionId: '',
    court: '',
    caseNumber: '',
    offense: '',
    statute: '',
    category: '',
    judgmentDate: '',
    final: '',
    sentenceDays: '',
    sentenceLife: '',
    sentenceStart: '',
    creditDays: '',
    consecutiveTo: '',
  };
  const convictions: Record<ConvictionColumn, string>[] = r.convictions.map((c) => {
    const s = c.sentence;
    return {
      convictionId: c.id,
      court: c.court,
      caseNumber: c.caseNumber,
      offense: c.offense,
      statute: c.statute ?? '',
      category: c.category,
      judgmentDate: c.judgmentDate,
      final: String(c.final),
      sentenceDays: s && !('life' in s) ? String(s.days) : '',
      sentenceLife: s && 'life' in s ? 'true' : '',
      sentenceStart: s?.start ?? '',
      creditDays: s ? String(s.creditDays) : '',
      consecutiveTo: s?.consecutiveTo ?? '',
    };
  });
  return (convictions.length > 0 ? convictions : [none]).map((conviction) =>
    CSV_COLUMNS.map((column) =>
      csvCell(isPersonColumn(column) ? person[column] : conviction[column as ConvictionColumn]),
    ).join(','),
  );
}

const PERSON_COLUMN_SET: ReadonlySet<string> = new Set(CSV_PERSON_COLUMNS);

/** True for a column describing the person rather than a conviction. */
export function isPersonColumn(column: string): column is PersonColumn {
  return PERSON_COLUMN_SET.has(column);
}

// Where each schema path of a person ends up in the CSV, for pointing at the cell to fix.
export const PERSON_PATHS: Readonly<Record<string, PersonColumn>> = {
  ref: 'ref',
  names: 'given',
  'names.given': 'given',
  'names.paternal': 'paternal',
  'names.maternal': 'maternal',
  birthDate: 'birthDate',
  sex: 'sex',
  legalStatus: 'legalStatus',
  identityVerification: 'identityVerificationMethod',
  'identityVerification.method': 'identityVerificationMethod',
  'identityVerification.date': 'identityVerificationDate',
  'identityVerification.by': 'identityVerifiedBy',
  removalOrder: 'removalOrderFinal',
  'removalOrder.final': 'removalOrderFinal',
  'removalOrder.date': 'removalOrderDate',
  'removalOrder.destination': 'removalOrderDestination',
  consent: 'consentVerifiedBy',
  'consent.verifiedBy': 'consentVerifiedBy',
  'consent.verifiedOn': 'consentVerifiedOn',
  dualCriminality: 'dualCriminality',
  notice: 'noticeServedOn',
  'notice.servedOn': 'noticeServedOn',
  'notice.counselNotified': 'noticeCounselNotified',
};

/** Where each schema path of a conviction ends up in the CSV. */
export const CONVICTION_PATHS: Readonly<Record<string, ConvictionColumn>> = {
  id: 'convictionId',
  court: 'court',
  caseNumber: 'caseNumber',
  offense: 'offense',
  statute: 'statute',
  category: 'category',
  judgmentDate: 'judgmentDate',
  final: 'final',
  sentence: 'sentenceDays',
  'sentence.days': 'sentenceDays',
  'sentence.life': 'sentenceLife',
  'sentence.start': 'sentenceStart',
  'sentence.creditDays': 'creditDays',
  'sentence.consecutiveTo': 'consecutiveTo',
};

const LIST_COLUMNS: ReadonlySet<string> = new Set(Object.keys(LIST_FORMS));

/** True for a column holding a list. */
export function isListColumn(name: string): name is ListColumn {
  return LIST_COLUMNS.has(name);
}
