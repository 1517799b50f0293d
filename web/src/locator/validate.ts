import { aNumberDigits } from '../../../src/locator/statuses.ts';
import type { MessageKey } from '../i18n.ts';
import type { LocatorQuestion } from './api.ts';

/** A field of a locator form. */
export type LocatorField = 'aNumber' | 'name' | 'birthCountry' | 'birthDate';

/** What each refused field says; empty when the form may be sent. */
export type FieldErrors = Partial<Record<LocatorField, MessageKey>>;

/** The values a form holds, as typed. */
export interface LocatorValues {
  aNumber: string;
  name: string;
  birthCountry: string;
  birthDate: string;
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a form before it is sent, as the server would (docs/domain.md, The public locator): the A-number
 * form needs a well-formed A-number, the name form a name and a real birth date not after `today`; both
 * need the country of birth. Returns the question to send, or the refused fields.
 */
export function checkQuestion(
  form: 'a_number' | 'name',
  values: LocatorValues,
  today: string,
): { ok: true; question: LocatorQuestion } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (form === 'a_number') {
    if (!values.aNumber.trim()) errors.aNumber = 'locator.missing.aNumber';
    else if (aNumberDigits(values.aNumber) === null) errors.aNumber = 'locator.invalid.aNumber';
  } else {
    if (!values.name.trim()) errors.name = 'locator.missing.name';
    if (!values.birthDate) errors.birthDate = 'locator.missing.birthDate';
    else if (!isRealDate(values.birthDate) || values.birthDate > today)
      errors.birthDate = 'locator.invalid.birthDate';
  }
  if (!values.birthCountry) errors.birthCountry = 'locator.missing.birthCountry';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    question:
      form === 'a_number'
        ? { aNumber: values.aNumber.trim(), birthCountry: values.birthCountry }
        : { name: values.name.trim(), birthCountry: values.birthCountry, birthDate: values.birthDate },
  };
}
