import type { Wire } from '../../../src/core/contract.ts';
import type { LocatorAnswerView } from '../../../src/locator/contract.ts';
import { request } from '../api.ts';

/** The locator's answer, as the public API sends it. */
export type LocatorAnswer = Wire<LocatorAnswerView>;

/** A question to the locator: by A-number, or by full name and birth date; always the country of birth. */
export type LocatorQuestion =
  | { aNumber: string; birthCountry: string }
  | { name: string; birthCountry: string; birthDate: string };

/**
 * Asks the public locator. It needs no session; when the reader is signed in, their session cookie goes
 * with the question and the server records the lookup. A refusal (400, 429) is thrown as an ApiError.
 */
export function locate(question: LocatorQuestion): Promise<LocatorAnswer> {
  const query = new URLSearchParams(Object.entries(question));
  return request<LocatorAnswer>('GET', `/api/v1/public/locator?${query}`, { reportUnauthorized: false });
}
