import type { TokenSummary, UserSummary } from '../../../src/auth/contract.ts';
import { isRole, ROLES, type Role } from '../../../src/auth/model.ts';
import { request, send } from '../api.ts';

/**
 * The API calls of the users page (docs/domain.md, Parties, users and access): the shapes are the auth
 * contract's (src/auth/contract.ts) and the roles the server's own list (src/auth/model.ts).
 */

export type { Role, TokenSummary, UserSummary };
export { isRole, ROLES };

/** `GET /api/v1/users`: every user by name. */
export type UserList = { items: UserSummary[] };

/** The path the users page loads. */
export const USERS_PATH = '/api/v1/users';

/** The path of one user's acts. */
function userPath(name: string, act: string): string {
  return `${USERS_PATH}/${encodeURIComponent(name)}/${act}`;
}

/** Disables a user: their sessions end and their tokens are revoked at once. */
export function disableUser(name: string): Promise<UserSummary> {
  return send<UserSummary>('POST', userPath(name, 'disable'));
}

/** Enables a disabled user. */
export function enableUser(name: string): Promise<UserSummary> {
  return send<UserSummary>('POST', userPath(name, 'enable'));
}

/** Changes a user's role. */
export function changeRole(name: string, role: Role): Promise<UserSummary> {
  return request<UserSummary>('PUT', userPath(name, 'role'), { body: { role } });
}

/** Resets a user's password: the answer holds the one-time password, shown this once. */
export function resetPassword(name: string): Promise<{ user: UserSummary; password: string }> {
  return send<{ user: UserSummary; password: string }>('POST', userPath(name, 'reset-password'));
}
