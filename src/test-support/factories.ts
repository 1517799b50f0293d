import { type AgreementInput, agreementInputSchema } from '../agreements/model.js';
import { RULE_IDS } from '../eligibility/policy.js';
import { type FacilityInput, facilityInputSchema } from '../facilities/model.js';
import type { PersonRecordInput } from '../people/model.js';
import type { CreateManifestCommand } from '../transfers/manifest.js';
import { anEligiblePerson } from './eligibility-fixtures.js';

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
          localSex: 'M',
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

/**
 * A valid person record as an import row would give it: the eligible fixture person without identity
 * verification, notice or affiliation, so tests of the registry don't depend on eligibility.
 */
export function aPerson(overrides: Partial<PersonRecordInput> = {}): PersonRecordInput {
  return { ...anEligiblePerson(), identityVerification: null, notice: null, affiliations: [], ...overrides };
}

/** A manifest for a flight from Alexandria (Louisiana) to San Salvador on the eligibility fixtures' date. */
export function aManifest(
  facilityId: string,
  overrides: Partial<CreateManifestCommand> = {},
): CreateManifestCommand {
  return {
    facilityId,
    carrier: 'GlobalX',
    flightNumber: 'GXA 6051',
    origin: 'AEX',
    destination: 'SAL',
    scheduledDeparture: { instant: '2025-03-14T18:00:00Z', zone: 'America/Chicago' },
    scheduledArrival: { instant: '2025-03-14T22:00:00Z', zone: 'America/El_Salvador' },
    ...overrides,
  };
}
