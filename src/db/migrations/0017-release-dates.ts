/**
 * Release dates (docs/domain.md, Release dates): every calculation with its inputs, their hash, the result
 * and the breakdown, why and by whom; the one in force is `current`. `release_day` is the result as a day
 * number (days since 1970-01-01), so dates past year 9999 still sort; null for life or no final sentence.
 * And the court orders recorded as explaining why a person is still held after their release date.
 */
export const statements = [
  `CREATE TABLE release_date_calculations (
    id            uuid PRIMARY KEY,
    person_id     uuid NOT NULL REFERENCES people (id),
    reason        text NOT NULL CHECK (reason IN ('initial', 'sentence_changed', 'credits_changed', 'court_order', 'override')),
    inputs_hash   text NOT NULL,
    inputs        jsonb NOT NULL,
    computed      jsonb NOT NULL,
    result        jsonb NOT NULL,
    release_day   integer,
    breakdown     jsonb NOT NULL,
    override      jsonb,
    current       boolean NOT NULL,
    calculated_at timestamptz NOT NULL,
    calculated_by text NOT NULL
  )`,
  `CREATE INDEX release_date_calculations_person ON release_date_calculations (person_id, calculated_at DESC)`,
  `CREATE UNIQUE INDEX release_date_calculations_current ON release_date_calculations (person_id) WHERE current`,
  `CREATE INDEX release_date_calculations_day ON release_date_calculations (release_day) WHERE current`,
  `CREATE TABLE detention_explanations (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES people (id),
    custody_interval_id uuid NOT NULL REFERENCES custody_intervals (id),
    order_reference     text NOT NULL,
    court               text NOT NULL,
    order_date          date NOT NULL,
    note                text,
    recorded_at         timestamptz NOT NULL,
    recorded_by         text NOT NULL
  )`,
  `CREATE INDEX detention_explanations_interval ON detention_explanations (custody_interval_id)`,
];
