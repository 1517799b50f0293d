/**
 * The locator's value lists and the A-number's form (docs/domain.md, The public locator), as plain
 * values. This module imports nothing: the web bundles it for its form and answer, and the matching
 * rules and the HTTP contract build on the same lists.
 */

/** Where a person is, as the locator says it. */
export const LOCATOR_STATUSES = [
  'in_custody',
  'in_transit',
  'released',
  'returned',
  'not_in_custody',
] as const;
/** A locator status. */
export type LocatorStatus = (typeof LOCATOR_STATUSES)[number];

/** The two ways to ask. */
export const QUERY_FORMS = ['a_number', 'name'] as const;
/** A way to ask. */
export type QueryForm = (typeof QUERY_FORMS)[number];

/**
 * An A-number's nine digits: an optional `A`, then 8 or 9 digits, spaces and dashes ignored; an 8-digit
 * number is the 9-digit one with a leading zero, as USCIS writes it. Null when it is not an A-number.
 */
export function aNumberDigits(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '');
  const match = /^[Aa]?(\d{8,9})$/.exec(compact);
  return match?.[1] ? match[1].padStart(9, '0') : null;
}
