import type { PersonRecord } from '../people/model.js';
import type { ConvictionCategory, Lang } from './policy.js';

/**
 * The words of the reasons, in English and Spanish. Reasons are plain sentences built from the facts;
 * numbers are written without grouping separators so the text is the same on every machine.
 */

type Labels<K extends string> = Record<K, Record<Lang, string>>;
type Protection = PersonRecord['protections'][number];
type Hold = PersonRecord['holds'][number];

/** Conviction categories in words. */
export const CATEGORY: Labels<ConvictionCategory> = {
  violent: { en: 'violent', es: 'violento' },
  weapons: { en: 'weapons', es: 'armas' },
  trafficking: { en: 'trafficking', es: 'tráfico' },
  terrorism: { en: 'terrorism', es: 'terrorismo' },
  organized_crime: { en: 'organized crime', es: 'crimen organizado' },
  sexual: { en: 'sexual', es: 'sexual' },
  property: { en: 'property', es: 'contra la propiedad' },
  drug_possession: { en: 'drug possession', es: 'posesión de drogas' },
  immigration: { en: 'immigration', es: 'migratorio' },
  other: { en: 'other', es: 'otro' },
};

/** Protection types in words (the terms of the INA, CAT and 8 CFR 208). */
export const PROTECTION: Labels<Protection['type']> = {
  withholding_of_removal: { en: 'withholding of removal', es: 'restricción de la deportación' },
  cat_withholding: {
    en: 'withholding of removal under CAT',
    es: 'restricción de la deportación según la CAT',
  },
  cat_deferral: { en: 'deferral of removal under CAT', es: 'aplazamiento de la deportación según la CAT' },
  asylum_pending: { en: 'pending asylum application', es: 'solicitud de asilo pendiente' },
  asylum_granted: { en: 'asylum granted', es: 'asilo concedido' },
  refugee: { en: 'refugee status', es: 'condición de refugiado' },
  tps: { en: 'Temporary Protected Status', es: 'Estatus de Protección Temporal' },
};

/** Legal hold types in words. */
export const HOLD: Labels<Hold['type']> = {
  tro: { en: 'temporary restraining order', es: 'orden de restricción temporal' },
  habeas_petition: { en: 'habeas corpus petition', es: 'petición de hábeas corpus' },
  stay_of_removal: { en: 'stay of removal', es: 'suspensión de la deportación' },
  court_order: { en: 'court order', es: 'orden judicial' },
};

/** Legal statuses in the sending state, in words. */
export const LEGAL_STATUS: Labels<PersonRecord['legalStatus']> = {
  citizen: { en: 'citizen', es: 'ciudadano' },
  lawful_permanent_resident: { en: 'lawful permanent resident', es: 'residente permanente legal' },
  visa_holder: { en: 'visa holder', es: 'titular de visa' },
  asylum_seeker: { en: 'asylum seeker', es: 'solicitante de asilo' },
  refugee: { en: 'refugee', es: 'refugiado' },
  temporary_protected_status: { en: 'Temporary Protected Status', es: 'Estatus de Protección Temporal' },
  no_status: { en: 'no status', es: 'sin estatus' },
};

/** A protection's country: a code, or every country. */
export function countryWords(country: string, lang: Lang): string {
  if (country !== 'ALL') return country;
  return lang === 'en' ? 'all countries' : 'todos los países';
}

/** `1 pending charge`, `2 pending charges`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `a`, `a and b`, `a, b and c` (`y` in Spanish). */
export function listOf(items: readonly string[], lang: Lang): string {
  const and = lang === 'en' ? 'and' : 'y';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** `a`, `a or b`, `a, b or c` (`o` in Spanish). */
export function orList(items: readonly string[], lang: Lang): string {
  const or = lang === 'en' ? 'or' : 'o';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
}

/** The distinct values, in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
