import type { Wire } from '../../../src/core/contract.ts';
import type { PersonProofsView } from '../../../src/ledger/contract.ts';

/** A person's ledger entries with their inclusion proofs (`GET /api/v1/people/{id}/ledger`), wire form. */
export type PersonProofs = Wire<PersonProofsView>;
/** One entry about the person. */
export type PersonProofEntry = PersonProofs['entries'][number];

/** The API path of a person's ledger entries and proofs. */
export function personLedgerPath(id: string): string {
  return `/api/v1/people/${encodeURIComponent(id)}/ledger`;
}

/**
 * One entry's proof as a file: the answer's own shape with only that entry, so the same checker
 * (test/independent/person_proofs_checker.py) reads a single entry and the whole list.
 */
export function entryProofFile(proofs: PersonProofs, entry: PersonProofEntry): string {
  return `${JSON.stringify({ ...proofs, entries: [entry] }, null, 2)}\n`;
}

/** Every entry's proof as one file. */
export function allProofsFile(proofs: PersonProofs): string {
  return `${JSON.stringify(proofs, null, 2)}\n`;
}

/** A `data:` URL for a download link: no object URL to revoke, and nothing leaves the browser. */
export function dataUrl(type: string, text: string): string {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}
