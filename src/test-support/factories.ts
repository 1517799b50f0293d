import { type AgreementInput, agreementInputSchema } from '../agreements/model.js';
import { RULE_IDS } from '../eligibility/policy.js';
import { type FacilityInput, facilityInputSchema } from '../facilities/model.js';
import type { PersonRecordInput } from '../people/model.js';

/** A small valid facility: one module of `cells` cells. */
export function aFacility(overrides: Partial<FacilityInput> = {}, cells = 4): FacilityInput {
  return facilityInputSchema.parse({
    code: 'SV-TEST',
    name: 'Test facility',
    jurisdiction: 'SV',
    timeZone: 'America/El_Salvador',
    operationalCapacity: 400,
    modules: [
      {
        code: 'M1',
        name: 'Module 1',
        cells: Array.from({ length: cells }, (_, i) => ({
          code: `M1-C${String(i + 1).padStart(2, '0')}`,
          areaM2: 100,
          bunks: 80,
          workingCapacity: 80,
          localOccupants: 10,
        })),
      },
    ],
    ...overrides,
  });
}

/** A valid agreement for the given facilities. */
export function anAgreement(facilityIds: string[], overrides: Partial<AgreementInput> = {}): AgreementInput {
  return agreementInputSchema.parse({
    code: 'test-agreement',
    title: 'Test agreement',
    sendingJurisdiction: 'US',
    receivingJurisdiction: 'SV',
    status: 'in_force',
    effectiveFrom: '2025-03-14',
    bedAllotment: 300,
    facilityIds,
    eligibilityPolicy: {
      policyId: 'cecot-2025/v1',
      effectiveFrom: '2025-03-14',
      rules: RULE_IDS.map((id) => ({ id, params: {} })),
    },
    feeSchedule: {
      kind: 'per_person_year',
      amountCents: 2_000_000,
      currency: 'USD',
      effectiveFrom: '2025-03-14',
    },
    ...overrides,
  });
}

/** A valid person record as an import row would give it. */
export function aPerson(overrides: Partial<PersonRecordInput> = {}): PersonRecordInput {
  return {
    ref: 'ICE-2025-000001',
    names: { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
    aliases: ['Jose L. Hernandez'],
    birthDate: '1990-05-12',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    identifiers: [{ type: 'a_number', value: 'A123456789' }],
    convictions: [
      {
        id: 'c1',
        court: 'U.S. District Court, S.D. Tex.',
        caseNumber: '4:21-cr-00123',
        offense: 'Murder in aid of racketeering',
        statute: '18 U.S.C. 1959',
        category: 'violent',
        judgmentDate: '2021-06-01',
        final: true,
        sentence: { days: 10950, start: '2021-06-01', creditDays: 0, consecutiveTo: null },
      },
    ],
    removalOrder: { final: true, date: '2024-01-10', destination: 'SV' },
    ...overrides,
  };
}
