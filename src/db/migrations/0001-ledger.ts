/**
 * The ledger: an RFC 9162 Merkle log. Appending leaf `seq` completes exactly the perfect subtrees that end
 * at `seq` (one per trailing 1 bit of `seq + 1`), so each entry row stores its leaf hash and the hashes of
 * the interior nodes it completed, level 1 upwards (`subtree_hashes`, 32 bytes each). Every stored node is
 * then one primary-key lookup away, proofs read O(log n) rows, and an append writes one row per event.
 * Entries and signed checkpoints are append-only: triggers reject UPDATE, DELETE and TRUNCATE.
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
    subtree_hashes bytea       NOT NULL CHECK (length(subtree_hashes) % 32 = 0),
    UNIQUE (stream_id, stream_version)
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
  ...['ledger_entries', 'ledger_checkpoints'].flatMap((table) => [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ledger_reject_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change()`,
  ]),
];
