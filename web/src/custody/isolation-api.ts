import type { Wire } from '../../../src/core/contract.ts';
import {
  CONSULAR_OUTCOMES,
  type ConsularInput,
  type FacilityIsolation as FacilityIsolationOut,
  ISOLATION_LIGHTING,
  type IsolationEndInput,
  type IsolationStartInput,
} from '../../../src/custody/isolation-contract.ts';
import { send } from '../api.ts';

/**
 * The API calls of isolation placements and consular notification, typed from the server's contract
 * (src/custody/isolation-contract.ts) in their wire form, with its value lists.
 */

export { CONSULAR_OUTCOMES, ISOLATION_LIGHTING };

/** `GET /api/v1/facilities/{id}/isolation`. */
export type FacilityIsolation = Wire<FacilityIsolationOut>;
/** One placement as the list shows it. */
export type IsolationPlacement = FacilityIsolation['placements'][number];
/** The cell's lighting during a placement. */
export type IsolationLighting = (typeof ISOLATION_LIGHTING)[number];
/** What became of a consular notification duty. */
export type ConsularOutcome = (typeof CONSULAR_OUTCOMES)[number];

/** True when a value is one of the lightings. */
export function isLighting(value: string): value is IsolationLighting {
  return (ISOLATION_LIGHTING as readonly string[]).includes(value);
}

/** True when a value is one of the consular outcomes. */
export function isConsularOutcome(value: string): value is ConsularOutcome {
  return (CONSULAR_OUTCOMES as readonly string[]).includes(value);
}

/** The path of a facility's placements; only the open ones with `open`. */
export function isolationPath(facility: string, open = false): string {
  return `/api/v1/facilities/${encodeURIComponent(facility)}/isolation${open ? '?open=true' : ''}`;
}

/** Starts a placement (receiving custody). */
export function startIsolation(
  facility: string,
  input: IsolationStartInput,
): Promise<{ placementId: string }> {
  return send('POST', `/api/v1/facilities/${encodeURIComponent(facility)}/isolation`, input);
}

/** Ends an open placement (receiving custody). */
export function endIsolation(placementId: string, input: IsolationEndInput): Promise<{ endedAt: string }> {
  return send('POST', `/api/v1/isolation/${encodeURIComponent(placementId)}/end`, input);
}

/** Records that a foreign national's consulate was notified, or that they objected (receiving custody). */
export function recordConsular(personId: string, input: ConsularInput): Promise<{ outcomeAt: string }> {
  return send('POST', `/api/v1/people/${encodeURIComponent(personId)}/consular-notification`, input);
}
