/**
 * Witnesses (docs/domain.md, "Ledger: witnesses and public verification"; decision 0025): the witnesses
 * this log submits its checkpoints to (a read table, from `ledger.witness_added` events), the
 * cosignatures they returned, and what each answered last. Cosignatures and answers are operational
 * records like the checkpoints themselves: recording them as events would make a new checkpoint to
 * witness for every cosignature.
 */
export const statements = [
  `CREATE TABLE ledger_witnesses (
    name          text PRIMARY KEY,
    url           text NOT NULL,
    verifier_key  text NOT NULL,
    added_at      timestamptz NOT NULL
  )`,
  `CREATE TABLE ledger_cosignatures (
    witness      text NOT NULL,
    key_id       int8 NOT NULL,
    size         int8 NOT NULL,
    line         text NOT NULL,
    signed_at    timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (witness, size)
  )`,
  `CREATE INDEX ledger_cosignatures_size ON ledger_cosignatures (size DESC)`,
  `CREATE TABLE ledger_witness_answers (
    witness       text PRIMARY KEY,
    known_size    int8,
    outcome       text NOT NULL CHECK (outcome IN ('cosigned', 'refused', 'unreachable')),
    http_status   int4,
    detail        text NOT NULL,
    answered_at   timestamptz NOT NULL
  )`,
];
