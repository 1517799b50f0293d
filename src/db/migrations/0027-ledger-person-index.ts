/**
 * Proofs by person (decision 0031): which ledger entries are about which person. Folded from every event
 * (the person ids its payload and stream name, and the person of each transfer it names), so replay
 * rebuilds it and `ledger verify` compares it like any read table. Lets a person's events be listed with
 * one indexed read instead of a scan of the whole ledger.
 */
export const statements = [
  `CREATE TABLE ledger_person_entries (
    person_id  text NOT NULL,
    seq        int8 NOT NULL,
    PRIMARY KEY (person_id, seq)
  )`,
  `CREATE INDEX ledger_person_entries_seq ON ledger_person_entries (seq)`,
  // Entries recorded before this migration, by the rule src/ledger/person-index.ts folds new ones with;
  // `ledger verify` replays the ledger through that code and compares, so the two cannot drift unseen.
  `INSERT INTO ledger_person_entries (person_id, seq)
   SELECT DISTINCT person_id, seq FROM (
     SELECT seq, substr(stream_id, 8) AS person_id FROM ledger_entries WHERE stream_id LIKE 'person:%'
     UNION ALL
     SELECT e.seq, v #>> '{}' FROM ledger_entries e,
       jsonb_path_query(e.leaf::jsonb -> 'payload', 'strict $.**.personId') v
     WHERE jsonb_typeof(v) = 'string'
     UNION ALL
     SELECT e.seq, v #>> '{}' FROM ledger_entries e,
       jsonb_path_query(e.leaf::jsonb -> 'payload', 'strict $.**.personIds[*]') v
     WHERE jsonb_typeof(v) = 'string'
     UNION ALL
     SELECT e.seq, t.person_id::text FROM ledger_entries e,
       jsonb_path_query(e.leaf::jsonb -> 'payload', 'strict $.**.transferId') v
       JOIN transfers t ON t.id::text = v #>> '{}'
     WHERE jsonb_typeof(v) = 'string'
   ) found`,
];
