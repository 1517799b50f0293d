/**
 * Users are projected from ledger events (who may act is part of the record). Credentials, sessions
 * and API tokens are operational secrets: they live outside the ledger and are never exported.
 */
export const statements = [
  `CREATE TABLE users (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    role        text NOT NULL,
    created_at  timestamptz NOT NULL,
    disabled_at timestamptz
  )`,
  `CREATE TABLE credentials (
    user_id       uuid PRIMARY KEY REFERENCES users (id),
    password_hash text NOT NULL,
    changed_at    timestamptz NOT NULL
  )`,
  `CREATE TABLE sessions (
    id_hash    text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
  `CREATE TABLE api_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
];
