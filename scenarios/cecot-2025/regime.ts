import type { RegimeRow } from '../../src/custody/regime.js';
import { addDays } from './random.js';

/**
 * CECOT's regime as reported (docs/domain.md, The shipped scenario), recorded for every cell and day from
 * April 2025: 23.5 hours a day in the cell and 30 minutes in the corridor, so no outdoor exercise; lights
 * on 24 hours, so lit through the whole night (about 12 hours of darkness at that latitude); no
 * mattresses on the metal bunks; no family visits. What the reports do not give is left unmeasured (null):
 * the litres of water (it comes from barrels), the meals counted, legal and consular visits, restraints.
 */
export const REPORTED_REGIME = {
  minutesOutOfCell: 30,
  outdoorExerciseMinutes: 0,
  nightLightHours: 12,
  beddingProvided: false,
  drinkingWaterLitresPerPerson: null,
  mealsServed: null,
  familyContacts: 0,
  legalVisits: null,
  consularVisits: null,
  restraintsOutsideTransport: null,
  note: 'As reported: 23.5 h a day in the cell, 30 min in the corridor; lights on 24 h; no mattresses; water from barrels; no family visits.',
} as const;

/** The months the scenario records, from April 2025: each month's log goes in on the 1st of the next. */
export const REGIME_MONTHS = [
  { from: '2025-04-01', to: '2025-04-30', recordedAt: '2025-05-01T15:00:00.000Z' },
  { from: '2025-05-01', to: '2025-05-31', recordedAt: '2025-06-01T15:00:00.000Z' },
  { from: '2025-06-01', to: '2025-06-30', recordedAt: '2025-07-01T15:00:00.000Z' },
  { from: '2025-07-01', to: '2025-07-31', recordedAt: '2025-08-01T15:00:00.000Z' },
  { from: '2025-08-01', to: '2025-08-31', recordedAt: '2025-09-01T15:00:00.000Z' },
  { from: '2025-09-01', to: '2025-09-30', recordedAt: '2025-10-01T15:00:00.000Z' },
  { from: '2025-10-01', to: '2025-10-31', recordedAt: '2025-11-01T15:00:00.000Z' },
  { from: '2025-11-01', to: '2025-11-30', recordedAt: '2025-12-01T15:00:00.000Z' },
  { from: '2025-12-01', to: '2025-12-14', recordedAt: '2025-12-15T15:00:00.000Z' },
] as const;

/** One month's rows for every cell, as `custodia regime import` would read them from a CSV. */
export function reportedRegimeRows(cells: readonly string[], from: string, to: string): RegimeRow[] {
  const rows: RegimeRow[] = [];
  let line = 1;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const cell of cells)
      rows.push({ line: ++line, ok: true, entry: { cell, date, ...REPORTED_REGIME } });
  }
  return rows;
}
