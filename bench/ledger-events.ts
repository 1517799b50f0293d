/**
 * Generated ledger events for the benchmarks: deterministic, shaped like the roster import's person
 * events, with payloads of 320–570 bytes of JSON (389 on average).
 */

import type { NewEvent } from '../src/ledger/events.js';

const GIVEN = [
  'José',
  'Luis',
  'Carlos',
  'Juan Carlos',
  'Miguel Ángel',
  'Jesús',
  'Andrés',
  'Wilmer',
  'Yorman',
];
const FAMILY = ['González', 'Rodríguez', 'Pérez', 'Hernández', 'Martínez', 'Ramírez', 'Flores', 'Zambrano'];
const NATIONS = ['VE', 'SV', 'HN', 'GT', 'CO', 'NI', 'MX', 'EC'];
const STATUSES = ['no_status', 'asylum_seeker', 'temporary_protected_status', 'visa_holder'];
const CATEGORIES = ['drug_possession', 'immigration', 'property', 'violent', 'organized_crime', 'other'];
const COURTS = ['S.D. Tex.', 'W.D. Tex.', 'D. Ariz.', 'S.D. Cal.', 'S.D. Fla.', 'D.N.M.'];
const REASONS = [
  'court record received',
  'identifier corrected by intake officer',
  'transfer manifest amended',
];

/**
 * Person events shaped like the roster import's: a quarter register a new person (about 540 bytes of
 * payload), the rest revise an earlier one (about 340 bytes), so streams have several versions.
 */
export function makeEvents(count: number, random: () => number): NewEvent[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const date = (from: number, span: number) =>
    `${from + Math.floor(random() * span)}-0${1 + Math.floor(random() * 9)}-${10 + Math.floor(random() * 18)}`;
  const agreementId = uuid();
  const people: string[] = [];
  const events: NewEvent[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0 || people.length === 0) {
      const personId = uuid();
      people.push(personId);
      events.push({
        type: 'person.registered',
        streamId: `person:${personId}`,
        // As the real decision marks a stream it has just created: no version lookup.
        newStream: true,
        payload: {
          personId,
          agreementId,
          names: { given: pick(GIVEN), family: `${pick(FAMILY)} ${pick(FAMILY)}` },
          dateOfBirth: date(1965, 40),
          nationality: pick(NATIONS),
          legalStatus: pick(STATUSES),
          identifiers: [
            { type: 'a_number', value: `A${digits(9)}` },
            { type: 'fbi', value: `${digits(6)}${pick(['AB', 'KD', 'XR'])}${digits(1)}` },
          ],
          convictions: [
            {
              category: pick(CATEGORIES),
              court: pick(COURTS),
              date: date(2010, 14),
              sentenceDays: 30 * Math.ceil(random() * 60),
            },
          ],
          custody: { facility: 'CECOT', module: `M${1 + Math.floor(random() * 8)}`, cell: `C-${digits(2)}` },
          source: `import:roster-2025-03-15.ndjson#L${i + 1}`,
        },
      });
    } else {
      const personId = pick(people);
      events.push({
        type: 'person.revised',
        streamId: `person:${personId}`,
        payload: {
          personId,
          changes: {
            identifiers: [{ type: 'bop_register', value: `${digits(5)}-${digits(3)}` }],
            convictions: [{ category: pick(CATEGORIES), court: pick(COURTS), date: date(2010, 14) }],
            custody: { module: `M${1 + Math.floor(random() * 8)}`, cell: `C-${digits(2)}` },
          },
          reason: pick(REASONS),
          evidence: `doc:${uuid()}`,
        },
      });
    }
  }
  return events;
}
