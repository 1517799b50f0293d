/**
 * Housing: which cell each transferee sleeps in. An assignment belongs to a custody interval; a person has
 * at most one open assignment (a partial unique index), so nobody is in two cells at once. Cells record
 * the sex of their local occupants, which allocation's sex separation needs.
 */
export const statements = [
  `ALTER TABLE cells ADD COLUMN local_sex text CHECK (local_sex IN ('M', 'F'))`,
  `CREATE TABLE housing_assignments (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES people (id),
    facility_id         uuid NOT NULL REFERENCES facilities (id),
    cell_id             uuid NOT NULL REFERENCES cells (id),
    custody_interval_id uuid NOT NULL REFERENCES custody_intervals (id),
    assigned_at         timestamptz NOT NULL,
    ended_at            timestamptz,
    end_reason          text
  )`,
  `CREATE UNIQUE INDEX housing_one_open ON housing_assignments (person_id) WHERE ended_at IS NULL`,
  `CREATE INDEX housing_cell_open ON housing_assignments (cell_id) WHERE ended_at IS NULL`,
];
