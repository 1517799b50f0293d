import type { Conviction, PersonRecord } from '../people/model.js';

/**
 * Test fixtures for the eligibility tests: complete, valid person records (the output shape of
 * `personRecordSchema`, defaults filled in). Built from plain data so this file, like the engine,
 * imports only types; the tests parse them with `personRecordSchema` to prove they are valid.
 */

/** The as-of date of the fixtures: the day the cecot-2025 agreement came into force. */
export const AS_OF = '2025-03-14';

/** A final violent conviction with a 30-year term from 2021-06-01 (release 2051-05-25). */
export function aConviction(overrides: Partial<Conviction> = {}): Conviction {
  return {
    id: 'c1',
    court: 'U.S. District Court, S.D. Tex.',
    caseNumber: '4:21-cr-00123',
    offense: 'Murder in aid of racketeering',
    statute: '18 U.S.C. 1959',
    category: 'violent',
    judgmentDate: '2021-06-01',
    final: true,
    sentence: { days: 10950, start: '2021-06-01', creditDays: 0, consecutiveTo: null },
    ...overrides,
  };
}

/**
 * A person who passes every rule of cecot-2025/v1 on `AS_OF`: a Salvadoran national with no status, a
 * final violent conviction with decades left, a final removal order to SV, notice served 41 days
 * before on the person and counsel, identity verified biometrically, no protection and no hold. The
 * MS-13 affiliation is there on purpose: it must not matter.
 */
export function anEligiblePerson(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return {
    ref: 'ICE-2025-000123',
    names: { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
    aliases: ['Jose L. Hernandez'],
    birthDate: '1990-05-12',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    identifiers: [{ type: 'a_number', value: 'A123456789' }],
    identityVerification: { method: 'biometric', date: '2025-02-20' },
    convictions: [aConviction()],
    pendingCharges: [],
    removalOrder: { final: true, date: '2024-01-10', destination: 'SV' },
    protections: [],
    consent: null,
    dualCriminality: null,
    affiliations: [{ organization: 'MS-13', basis: 'court_finding', source: 'PSR', date: '2021-05-01' }],
    holds: [],
    notice: { servedOn: '2025-02-01', counselNotified: true },
    ...overrides,
  };
}
