import { PASSWORD_LENGTH } from '../../../src/auth/model.ts';
import { send } from '../api.ts';

/** The password bounds the server enforces (src/auth/model.ts), so the form says the same. */
export { PASSWORD_LENGTH };

/**
 * Sets a new password for the signed-in user (`POST /api/v1/auth/password`). After an admin's reset the
 * session proves the one-time password, so the current one is not sent.
 */
export function changePassword(newPassword: string): Promise<void> {
  return send<void>('POST', '/api/v1/auth/password', { newPassword });
}
