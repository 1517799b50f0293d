import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import type { Action } from '../../src/auth/policy.ts';

export type { Action };

/** The signed-in user's role and the actions the session lists for it. */
interface Access {
  /** The role's code (`court`, `sending_officer`…), or null before anyone has signed in. */
  role: string | null;
  actions: readonly Action[];
}

const AccessContext = createContext<Access>({ role: null, actions: [] });

/**
 * Gives every page the signed-in user's actions as the session lists them (the access policy's
 * `actionsOf`): pages decide what to offer from them, never from role names. The role is given only so a
 * refusal can name it.
 */
export function AccessProvider({
  actions,
  userRole = null,
  children,
}: {
  actions: readonly Action[];
  /** The signed-in user's role (`court`…), only for naming it. */
  userRole?: string | null;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ role: userRole, actions }), [userRole, actions]);
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

/**
 * Asks whether the signed-in user may take an action, e.g. `can('manifest:create')`. The UI shows a form
 * only when it may; the server checks every request regardless.
 */
export function useCan(): (action: Action) => boolean {
  const { actions } = useContext(AccessContext);
  return useCallback((action: Action) => actions.includes(action), [actions]);
}

/** The signed-in user's role and actions, for saying what the role may do when the server refuses. */
export function useAccess(): Access {
  return useContext(AccessContext);
}

/** The pages of the navigation, in its order. */
export const PAGES = [
  'dashboard',
  'people',
  'transfers',
  'manifests',
  'facilities',
  'finance',
  'users',
] as const;

/** A page of the navigation. */
export type PageName = (typeof PAGES)[number];

/** The action each page of the navigation needs to show anything. */
export const PAGE_ACTIONS: Readonly<Record<PageName, Action>> = {
  dashboard: 'dashboard:read',
  people: 'people:read',
  transfers: 'transfers:read',
  manifests: 'manifests:read',
  facilities: 'facilities:read',
  finance: 'billing:read',
  users: 'users:read',
};
