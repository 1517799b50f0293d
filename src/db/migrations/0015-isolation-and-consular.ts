/**
 * Isolation placements (Mandela Rules 43–45) and the outcome of each foreign national's consular
 * notification duty (VCCR Art. 36). The duty itself is not stored: it follows from the custody interval,
 * the person's nationalities and the facility's country.
 */
export const statements = [
  `CREATE TABLE isolation_placements (
    id                 uuid PRIMARY KEY,
    facility_id        uuid NOT NULL REFERENCES facilities (id),
    person_id          uuid NOT NULL REFERENCES people (id),
    custody_interval_id uuid NOT NULL REFERENCES custody_intervals (id),
    cell_id            uuid NOT NULL REFERENCES cells (id),
    reason             text NOT NULL,
    authorised_by      text NOT NULL,
    lighting           text NOT NULL CHECK (lighting IN ('normal', 'dark', 'constant')),
    started_at         timestamptz NOT NULL,
    ended_at           timestamptz CHECK (ended_at > started_at),
    end_note           text,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text NOT NULL
  )`,
  `CREATE INDEX isolation_placements_facility ON isolation_placements (facility_id, started_at DESC)`,
  `CREATE INDEX isolation_placements_person ON isolation_placements (person_id, started_at DESC)`,
  `CREATE TABLE consular_notifications (
    custody_interval_id uuid PRIMARY KEY REFERENCES custody_intervals (id),
    person_id           uuid NOT NULL REFERENCES people (id),
    facility_id         uuid NOT NULL REFERENCES facilities (id),
    outcome             text NOT NULL CHECK (outcome IN ('notified', 'objected')),
    consulate           text,
    outcome_at          timestamptz NOT NULL,
    note                text,
    recorded_at         timestamptz NOT NULL,
    recorded_by         text NOT NULL
  )`,
];
