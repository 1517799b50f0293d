import { DomainError, type FieldIssue } from './errors.js';
import type { Lang } from './i18n.js';
import { translate } from './messages/index.js';

/**
 * Text at the boundary: the characters no field may hold, found in one place for every way input arrives
 * (HTTP body, query and path; CLI options; both import formats). PostgreSQL refuses U+0000 in text and
 * jsonb, and a lone UTF-16 surrogate cannot be encoded as UTF-8, so either one reaching the database was a
 * 500; refusing them here names the field instead. See docs/decisions/0018-text-and-dates-at-the-boundary.md.
 */

/** What is wrong with a string: a NUL character or half of a surrogate pair. */
export type TextFault = 'nul' | 'surrogate';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The fault of `text`, or undefined when it is storable text. */
export function textFault(text: string): TextFault | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

/** One faulty string found in a value: where (a dotted path) and what. */
export interface TextFaultAt {
  field: string;
  fault: TextFault;
}

/**
 * Every faulty string in `value` (strings, and the keys of objects), with its dotted path under `root`,
 * e.g. `body.names.given`. Walks with its own stack, so a deeply nested body cannot overflow the call
 * stack; stops after `limit` faults.
 */
export function findTextFaults(value: unknown, root: string, limit = 20): TextFaultAt[] {
  const found: TextFaultAt[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0 && found.length < limit) {
    const item = stack.pop();
    if (!item) break;
    const v = item.value;
    if (typeof v === 'string') {
      const fault = textFault(v);
      if (fault) found.push({ field: item.path, fault });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: join(item.path, String(i)) });
      continue;
    }
    // Only plain data is walked: a streamed body (an import) is checked line by line by its reader.
    if (!isPlainRecord(v)) continue;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const path = join(item.path, key);
      const keyFault = textFault(key);
      if (keyFault) {
        found.push({ field: join(item.path, printable(key)), fault: keyFault });
        continue;
      }
      stack.push({ value: v[key], path });
    }
  }
  return found;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // Parsed query strings and path parameters are objects of a prototype-less class, so a plain record is
  // anything but bytes, a date or a stream.
  return !(ArrayBuffer.isView(value) || value instanceof Date || Symbol.asyncIterator in value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A field name safe to print: its faulty characters written as escapes. */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters this escapes.
    /[\u0000\uD800-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** The field issue for a fault, in `lang`. */
export function textFaultIssue(at: TextFaultAt, lang: Lang, line?: number): FieldIssue {
  const field = printable(at.field);
  const message = translate(lang, at.fault === 'nul' ? 'text.nul' : 'text.surrogate', { field });
  return line === undefined ? { field, message } : { field, message, line };
}

/** The 400 refusing `faults`, each named with its field in `lang`: what the HTTP hook and the CLI throw. */
export function textFaultsError(faults: readonly TextFaultAt[], lang: Lang): DomainError {
  const issues = faults.map((fault) => textFaultIssue(fault, lang));
  return new DomainError(
    'invalid_input',
    'text.fields',
    { count: issues.length, fields: issues.map((i) => i.field).join(', ') },
    { issues },
  );
}
