/**
 * The user lifecycle: an API token expires (`expires_at`; null only for tokens issued before expiry
 * existed), a reset password must be changed at the first sign-in (`must_change`) and opens one session only (`one_time_used`), and the admin's user
 * list shows each user's last sign-in. All three are operational, outside the ledger, like the secrets.
 */
export const statements = [
  `ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`,
  `ALTER TABLE credentials ADD COLUMN must_change boolean NOT NULL DEFAULT false`,
  `ALTER TABLE credentials ADD COLUMN one_time_used boolean NOT NULL DEFAULT false`,
  `ALTER TABLE credentials ADD COLUMN last_sign_in_at timestamptz`,
  `CREATE INDEX api_tokens_user ON api_tokens (user_id)`,
  `CREATE INDEX sessions_user ON sessions (user_id)`,
];
