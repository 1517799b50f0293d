/**
 * The ledger: an RFC 9162 Merkle log. Entries, stored perfect-subtree nodes and signed checkpoints are
 * append-only; triggers reject UPDATE, DELETE and TRUNCATE so that even a buggy caller cannot rewrite
 * history through the application's connection.
 */
export const statements = [
  `CREATE TABLE ledger_entries (
    seq            bigint      PRIMARY KEY CHECK (seq >= 0),
    type           text        NOT NULL,
    stream_id      text        NOT NULL,
    stream_version integer     NOT NULL CHECK (stream_version >= 1),
    recorded_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    leaf           text        NOT NULL,
    leaf_hash      bytea       NOT NULL CHECK (length(leaf_hash) = 32),
    UNIQUE (stream_id, stream_version)
  )`,
  `CREATE INDEX ledger_entries_stream ON ledger_entries (stream_id, stream_version)`,
  `CREATE TABLE ledger_nodes (
    level smallint NOT NULL CHECK (level >= 0 AND level < 64),
    idx   bigint   NOT NULL CHECK (idx >= 0),
    hash  bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
  )`,
  `CREATE TABLE ledger_checkpoints (
    size      bigint      PRIMARY KEY CHECK (size >= 0),
    root      bytea       NOT NULL CHECK (length(root) = 32),
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL
  )`,
  `CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed; record a correcting event instead', TG_OP, TG_TABLE_NAME
       USING ERRCODE = 'P0001';
   END
   $$`,
  ...['ledger_entries', 'ledger_nodes', 'ledger_checkpoints'].flatMap((table) => [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ledger_reject_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change()`,
  ]),
];
