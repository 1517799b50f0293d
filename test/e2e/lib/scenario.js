// The data the run starts from: the cecot-2025 scenario loaded into a temporary data directory, and the
// eligible people the transfer flows create through the API.

import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { custodia } from './server.js';
import { dayFromToday } from './time.js';

/** The rules of policy cecot-2025/v1, in docs/domain.md's order: the ids are an interface. */
export const RULE_IDS = [
  'convicted',
  'dangerous-offense',
  'remaining-sentence',
  'not-citizen',
  'lawful-pathway',
  'no-protection',
  'notice-period',
  'no-active-hold',
  'identity-verified',
];

/**
 * Loads cecot-2025 (300 in the roster, a cohort of 18, one month of the regime log — April 2025, so the
 * regime and compliance pages have a month of records to open on — and no billing months) into `dataDir`,
 * or copies E2E_SCENARIO_COPY, a directory loaded so, there.
 */
export function loadScenario(dataDir) {
  // A copy of a data directory loaded the same way, for working on one flow (`--only`) without waiting a
  // minute for every load; it must hold no users yet (the run adds them).
  const copy = process.env.E2E_SCENARIO_COPY;
  if (copy) {
    cpSync(copy, dataDir, { recursive: true });
    return;
  }
  custodia([
    'scenario',
    'load',
    'cecot-2025',
    '--roster',
    '300',
    '--seed',
    '7',
    '--cohort',
    '18',
    '--regime-months',
    '1',
    '--billing-months',
    '0',
    '--data',
    dataDir,
  ]);
}

/**
 * A person every rule of cecot-2025/v1 passes today: a Salvadoran with no status in the sending state, a
 * final violent conviction with decades left to serve, a final removal order to SV, notice served 45 days
 * ago on the person and counsel, a biometric identity verification, no protection and no hold.
 */
export function eligiblePerson(ref, names) {
  return {
    ref,
    names,
    aliases: [],
    birthDate: '1990-05-12',
    birthCountry: 'SV',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    // Nine digits, as the public locator is asked for them.
    identifiers: [
      {
        type: 'a_number',
        value: `A${String(randomBytes(4).readUInt32BE() % 1_000_000_000).padStart(9, '0')}`,
      },
    ],
    identityVerification: { method: 'biometric', date: dayFromToday(-40) },
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
    pendingCharges: [],
    removalOrder: { final: true, date: dayFromToday(-200), destination: 'SV' },
    protections: [],
    consent: null,
    dualCriminality: null,
    affiliations: [],
    holds: [],
    notice: { servedOn: dayFromToday(-45), counselNotified: true },
  };
}
