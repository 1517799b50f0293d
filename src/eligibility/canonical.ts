import { createHash, hash } from 'node:crypto';
import { canonicalize } from '../core/canonical-json.js';

/**
 * The screening's inputs hash uses the same RFC 8785 canonical JSON as the ledger: object keys sorted by
 * UTF-16 code units, no whitespace, so the same inputs always give the same bytes whatever order their keys
 * were built in. Anything that is not JSON throws a TypeError naming its path.
 */
export const canonicalJson: (value: unknown) => string = canonicalize;

/** Hex SHA-256 of the canonical JSON of a value. */
export function sha256Hex(value: unknown): string {
  return createHash('sha256').update(canonicalize(value), 'utf8').digest('hex');
}

const policyJson = new WeakMap<object, string>();

/**
 * The hash of `{ person, policy, asOf }`, byte for byte the same as `sha256Hex` of that object, with the
 * policy's canonical JSON computed once per policy object: a 1.5-million-person screening reuses it.
 */
export function screeningInputsHash(person: unknown, policy: object, asOf: string): string {
  let json = policyJson.get(policy);
  if (json === undefined) {
    json = canonicalize(policy);
    policyJson.set(policy, json);
  }
  // Keys in canonical order: asOf, person, policy. The one-shot `hash` saves making a Hash object.
  return hash(
    'sha256',
    `{"asOf":${JSON.stringify(asOf)},"person":${canonicalize(person)},"policy":${json}}`,
    'hex',
  );
}
