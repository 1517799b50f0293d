/**
 * Recorded screenings: each stores the policy version it used, the as-of date, the outcome, every rule's
 * result with its reasons, and the hash of its inputs, so an old screening is never changed by a new
 * policy version and anyone can recompute it.
 */
export const statements = [
  `CREATE TABLE screenings (
    id             uuid PRIMARY KEY,
    person_id      uuid NOT NULL REFERENCES people (id),
    agreement_id   uuid NOT NULL REFERENCES agreements (id),
    policy_id      text NOT NULL,
    policy_version integer NOT NULL,
    as_of          date NOT NULL,
    outcome        text NOT NULL CHECK (outcome IN ('eligible', 'pending', 'ineligible')),
    rules          jsonb NOT NULL,
    inputs_hash    text NOT NULL,
    person_version integer NOT NULL,
    recorded_at    timestamptz NOT NULL,
    actor          text NOT NULL
  )`,
  `CREATE INDEX screenings_person ON screenings (person_id, recorded_at DESC)`,
];
