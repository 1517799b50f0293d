import type { FieldIssue } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import { findTextFaults, textFault, textFaultIssue } from '../core/text.js';
import {
  dotted,
  duplicateRefIssue,
  isPlainObject,
  LINE_FIELD,
  NOT_UTF8,
  problemsFrom,
  type SchemaProblem,
  tooLongIssue,
  unknownKeys,
} from './import-issues.js';
import { type ParsedRow, type PhysicalLine, RecentRefs, type RowReader } from './import-lines.js';
import { type PersonRecord, personRecordSchema } from './model.js';

// NDJSON: one person per line, as one JSON object.

/** Reads NDJSON: each non-blank line is one person. */
export class NdjsonReader implements RowReader {
  stopped = false;
  private sawContent = false;
  private readonly refs = new RecentRefs();

  constructor(private readonly lang: Lang = 'en') {}

  *line({ line, text, tooLong, notUtf8 }: PhysicalLine): Generator<ParsedRow> {
    if (tooLong) {
      yield { line, ok: false, issues: [tooLongIssue(line)] };
      return;
    }
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (!this.sawContent) {
      this.sawContent = true;
      // A pretty-printed document or a JSON array would otherwise give one error per line.
      if (trimmed === '{' || trimmed.startsWith('[')) {
        this.stopped = true;
        yield {
          line,
          ok: false,
          issues: [
            {
              field: LINE_FIELD,
              line,
              message: `the file starts with "${trimmed.slice(0, 1)}", so it looks like ${trimmed === '{' ? 'pretty-printed JSON' : 'a JSON array'}; NDJSON needs each person as one JSON object on its own line, with no enclosing [ ]`,
            },
          ],
        };
        return;
      }
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const said = error instanceof Error ? error.message : String(error);
      yield {
        line,
        ok: false,
        issues: [
          {
            field: LINE_FIELD,
            line,
            message: `line ${line} is not valid JSON (${said}); write each person as one complete JSON object on a single line, with keys and text in double quotes`,
          },
        ],
      };
      return;
    }
    if (!isPlainObject(value)) {
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
      yield {
        line,
        ok: false,
        issues: [
          {
            field: LINE_FIELD,
            line,
            message: `line ${line} must be one JSON object {…} describing a person, not ${found}`,
          },
        ],
      };
      return;
    }
    const ref = typeof value.ref === 'string' && value.ref.trim() !== '' ? value.ref.trim() : undefined;
    const issues: FieldIssue[] = [];
    if (notUtf8) {
      // Name the fields the bad bytes fell in (each now holds U+FFFD), so the user knows where to look.
      const fields = stringsHolding(value, '\uFFFD').join(', ');
      issues.push({ field: LINE_FIELD, line, message: translate(this.lang, 'import.not_utf8', { fields }) });
    } else if (text.includes('\uFFFD')) {
      issues.push({ field: LINE_FIELD, line, message: NOT_UTF8 });
    }
    // Walk the value only when the line could hide a fault: a \u escape, or the character itself.
    if (text.includes('\\u') || textFault(text) !== undefined) {
      for (const fault of findTextFaults(value, '')) issues.push(textFaultIssue(fault, this.lang, line));
    }
    const strangers: SchemaProblem[] = [];
    unknownKeys(personRecordSchema, value, [], strangers);
    for (const p of strangers) issues.push({ field: dotted(p.path), line, message: p.message });
    const result = personRecordSchema.safeParse(value);
    if (!result.success) {
      for (const p of problemsFrom(result.error.issues, value)) {
        issues.push({ field: dotted(p.path) || LINE_FIELD, line, message: p.message });
      }
    }
    if (ref !== undefined) {
      const before = this.refs.check(ref, line);
      if (before !== undefined) issues.push(duplicateRefIssue(ref, line, before, false));
    }
    if (issues.length > 0 || !result.success) {
      yield ref === undefined ? { line, ok: false, issues } : { line, ok: false, ref, issues };
      return;
    }
    yield { line, ok: true, record: result.data };
  }

  *end(): Generator<ParsedRow> {}
}

/** The dotted paths of the strings in `value` that contain `mark` (its own stack: a line may nest deep). */
function stringsHolding(value: unknown, mark: string): string[] {
  const found: string[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  const under = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, path } = item;
    if (typeof v === 'string' && v.includes(mark)) found.push(path);
    const entries = Array.isArray(v) ? [...v.entries()] : isPlainObject(v) ? Object.entries(v) : [];
    for (const [k, x] of entries) stack.push({ v: x, path: under(path, String(k)) });
  }
  return found.reverse();
}

/** One person as one NDJSON line (no newline), keys in the documented order; it re-imports unchanged. */
export function formatPersonNdjson(record: PersonRecord): string {
  const r = record;
  return JSON.stringify({
    ref: r.ref,
    names: { given: r.names.given, paternal: r.names.paternal, maternal: r.names.maternal },
    aliases: r.aliases,
    birthDate: r.birthDate,
    ...(r.birthCountry === undefined ? {} : { birthCountry: r.birthCountry }),
    sex: r.sex,
    nationalities: r.nationalities,
    legalStatus: r.legalStatus,
    identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value, country: i.country })),
    identityVerification: r.identityVerification && {
      method: r.identityVerification.method,
      date: r.identityVerification.date,
      by: r.identityVerification.by,
    },
    convictions: r.convictions.map((c) => ({
      id: c.id,
      court: c.court,
      caseNumber: c.caseNumber,
      offense: c.offense,
      statute: c.statute,
      category: c.category,
      judgmentDate: c.judgmentDate,
      final: c.final,
      sentence:
        c.sentence &&
        ('life' in c.sentence
          ? {
              life: c.sentence.life,
              start: c.sentence.start,
              creditDays: c.sentence.creditDays,
              consecutiveTo: c.sentence.consecutiveTo,
            }
          : {
              days: c.sentence.days,
              start: c.sentence.start,
              creditDays: c.sentence.creditDays,
              consecutiveTo: c.sentence.consecutiveTo,
            }),
    })),
    pendingCharges: r.pendingCharges.map((p) => ({
      court: p.court,
      caseNumber: p.caseNumber,
      offense: p.offense,
      statute: p.statute,
      category: p.category,
      filed: p.filed,
    })),
    removalOrder: r.removalOrder && {
      final: r.removalOrder.final,
      date: r.removalOrder.date,
      destination: r.removalOrder.destination,
    },
    protections: r.protections.map((p) => ({ type: p.type, country: p.country, date: p.date })),
    consent: r.consent && { verifiedBy: r.consent.verifiedBy, verifiedOn: r.consent.verifiedOn },
    dualCriminality: r.dualCriminality,
    affiliations: r.affiliations.map((a) => ({
      organization: a.organization,
      basis: a.basis,
      source: a.source,
      date: a.date,
    })),
    holds: r.holds.map((h) => ({
      type: h.type,
      court: h.court,
      case: h.case,
      issued: h.issued,
      lifted: h.lifted,
    })),
    notice: r.notice && { servedOn: r.notice.servedOn, counselNotified: r.notice.counselNotified },
  });
}
