import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { Action } from '../../src/auth/policy.ts';

export type { Action };

const AccessContext = createContext<readonly Action[]>([]);

/**
 * Gives every page the signed-in user's actions as the session lists them (the access policy's
 * `actionsOf`): pages decide what to offer from them, never from role names.
 */
export function AccessProvider({ actions, children }: { actions: readonly Action[]; children: ReactNode }) {
  return <AccessContext.Provider value={actions}>{children}</AccessContext.Provider>;
}

/**
 * Asks whether the signed-in user may take an action, e.g. `can('manifest:create')`. The UI shows a form
 * only when it may; the server checks every request regardless.
 */
export function useCan(): (action: Action) => boolean {
  const actions = useContext(AccessContext);
  return useCallback((action: Action) => actions.includes(action), [actions]);
}
