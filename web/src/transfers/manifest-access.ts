import { useCallback } from 'react';
import { DIRECTIONS, type Direction, type ManifestExceptionKind } from '../../../src/transfers/states.ts';
import { type Action, useCan } from '../access.tsx';

/** A decision on a manifest as a page asks about it; `end` is intake, or the handover of a return. */
export type ManifestDecision =
  | 'create'
  | 'add'
  | 'remove'
  | 'board'
  | 'depart'
  | 'arrive'
  | 'end'
  | 'close'
  | ManifestExceptionKind;

/**
 * The access policy's action for a decision on a manifest of `direction` (the server's
 * `policyActionOf`): `manifest:*` outbound, `return_manifest:*` and `repatriation_manifest:*` out of
 * the facility, where the end of the movement is a handover rather than intake.
 */
export function manifestAction(direction: Direction, decision: ManifestDecision): Action {
  if (direction === 'outbound') return decision === 'end' ? 'manifest:receive' : `manifest:${decision}`;
  return decision === 'end' ? `${direction}_manifest:hand_over` : `${direction}_manifest:${decision}`;
}

/** Asks whether the signed-in user may take a decision on a manifest of `direction`. */
export function useManifestCan(direction: Direction): (decision: ManifestDecision) => boolean {
  const can = useCan();
  return useCallback(
    (decision: ManifestDecision) => can(manifestAction(direction, decision)),
    [can, direction],
  );
}

/** The directions of manifest the signed-in user may create, in the order of `DIRECTIONS`. */
export function useCreatableDirections(): Direction[] {
  const can = useCan();
  return DIRECTIONS.filter((direction) => can(manifestAction(direction, 'create')));
}
