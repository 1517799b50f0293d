import type { Reason } from '../eligibility/policy.js';
import type { HOLD_TYPES as PEOPLE_HOLD_TYPES } from '../people/model.js';

/**
 * The reason-code lists of a transfer (docs/domain.md, Transfers; People → legal hold). Codes are an
 * interface: they are stored in ledger events, so a code is never renamed, only added.
 */

/** Why a transfer was cancelled (docs/domain.md, Transfers: "Cancellation reasons"). */
export const CANCELLATION_REASONS = [
  'hold_issued',
  'ineligible',
  'no_space_at_receiving_facility',
  'unfit_to_travel',
  'transport_unavailable',
  'sending_state_withdrew',
  'duplicate',
] as const;
/** A cancellation reason code. */
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** Why the receiving side rejected a transfer (docs/domain.md, Transfers: "Rejection reasons"). */
export const REJECTION_REASONS = [
  'no_space',
  'more_information_required',
  'outside_agreement_terms',
] as const;
/** A rejection reason code. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The kinds of legal hold (docs/domain.md, People → legal hold); the same list as `src/people`. */
export const HOLD_TYPES = ['tro', 'habeas_petition', 'stay_of_removal', 'court_order'] as const;
/** A legal hold type. */
export type HoldType = (typeof HOLD_TYPES)[number];

// Both directions, so the two lists cannot drift apart without a type error.
type PeopleHoldType = (typeof PEOPLE_HOLD_TYPES)[number];
const _sameHoldTypes: [HoldType, PeopleHoldType] extends [PeopleHoldType, HoldType] ? true : never = true;
void _sameHoldTypes;

/** The reason lists a transition can require, by name. */
export const REASON_LISTS = {
  cancellation: CANCELLATION_REASONS,
  rejection: REJECTION_REASONS,
  hold_type: HOLD_TYPES,
} as const;
/** The name of a reason list. */
export type ReasonList = keyof typeof REASON_LISTS;

/** What each reason code means, in English and Spanish, for explanations and the UI. */
export const REASON_LABELS: Record<CancellationReason | RejectionReason | HoldType, Reason> = {
  hold_issued: { en: 'a legal hold was issued', es: 'se dictó una medida judicial de suspensión' },
  ineligible: { en: 'the person is not eligible', es: 'la persona no es elegible' },
  no_space_at_receiving_facility: {
    en: 'no space at the receiving facility',
    es: 'no hay cupo en el centro receptor',
  },
  unfit_to_travel: { en: 'unfit to travel', es: 'no apto para viajar' },
  transport_unavailable: { en: 'transport unavailable', es: 'transporte no disponible' },
  sending_state_withdrew: { en: 'the sending state withdrew', es: 'el Estado remitente desistió' },
  duplicate: { en: 'duplicate transfer', es: 'traslado duplicado' },
  no_space: { en: 'no space within the bed allotment', es: 'no hay cupo dentro de las plazas convenidas' },
  more_information_required: { en: 'more information required', es: 'se requiere más información' },
  outside_agreement_terms: { en: 'outside the agreement terms', es: 'fuera de los términos del acuerdo' },
  tro: { en: 'temporary restraining order', es: 'orden de restricción temporal' },
  habeas_petition: { en: 'habeas corpus petition', es: 'petición de habeas corpus' },
  stay_of_removal: { en: 'stay of removal', es: 'suspensión de la expulsión' },
  court_order: { en: 'court order', es: 'orden judicial' },
};

/** True when `code` is in the named reason list. */
export function isReasonIn(list: ReasonList, code: string): boolean {
  return (REASON_LISTS[list] as readonly string[]).includes(code);
}
