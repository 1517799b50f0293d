import { REGIME_NUMBER_BOUNDS } from './api.ts';

/** The measured fields of a regime entry. */
export type NumberField =
  | 'minutesOutOfCell'
  | 'outdoorExerciseMinutes'
  | 'nightLightHours'
  | 'drinkingWaterLitresPerPerson'
  | 'mealsServed'
  | 'familyContacts'
  | 'legalVisits'
  | 'consularVisits';

/** The yes-or-no fields of a regime entry. */
export type BooleanField = 'beddingProvided' | 'restraintsOutsideTransport';

/** The unit a measured field is in. */
export type Unit = 'minutes' | 'hours' | 'litres' | 'count';

/** A measured field's unit and the bounds the server's entry schema holds (regime-csv.ts). */
function bounded(field: NumberField, unit: Unit) {
  const { max, whole } = REGIME_NUMBER_BOUNDS[field];
  return { unit, decimal: !whole, max };
}

/** The measured fields of a regime entry, in docs/domain.md's order, with their units; the bounds are the server's. */
export const NUMBER_FIELDS: Record<NumberField, { unit: Unit; decimal: boolean; max: number }> = {
  minutesOutOfCell: bounded('minutesOutOfCell', 'minutes'),
  outdoorExerciseMinutes: bounded('outdoorExerciseMinutes', 'minutes'),
  nightLightHours: bounded('nightLightHours', 'hours'),
  drinkingWaterLitresPerPerson: bounded('drinkingWaterLitresPerPerson', 'litres'),
  mealsServed: bounded('mealsServed', 'count'),
  familyContacts: bounded('familyContacts', 'count'),
  legalVisits: bounded('legalVisits', 'count'),
  consularVisits: bounded('consularVisits', 'count'),
};

/** The measured fields, in order. */
export const NUMBER_FIELD_ORDER: readonly NumberField[] = [
  'minutesOutOfCell',
  'outdoorExerciseMinutes',
  'nightLightHours',
  'drinkingWaterLitresPerPerson',
  'mealsServed',
  'familyContacts',
  'legalVisits',
  'consularVisits',
];
