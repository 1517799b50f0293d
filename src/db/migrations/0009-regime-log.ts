/**
 * The regime log: how each cell's people were held on each day (docs/domain.md, Custody). One row per cell and
 * day; a later entry for the same cell and day replaces it (the ledger keeps every version). Null means
 * not measured.
 */
export const statements = [
  `CREATE TABLE regime_log (
    facility_id                      uuid NOT NULL REFERENCES facilities (id),
    cell_id                          uuid NOT NULL REFERENCES cells (id),
    date                             date NOT NULL,
    minutes_out_of_cell              integer CHECK (minutes_out_of_cell BETWEEN 0 AND 1440),
    outdoor_exercise_minutes         integer CHECK (outdoor_exercise_minutes BETWEEN 0 AND 1440),
    night_light_hours                numeric(4, 2) CHECK (night_light_hours BETWEEN 0 AND 24),
    bedding_provided                 boolean,
    drinking_water_litres_per_person numeric(6, 2) CHECK (drinking_water_litres_per_person >= 0),
    meals_served                     integer CHECK (meals_served >= 0),
    family_contacts                  integer CHECK (family_contacts >= 0),
    legal_visits                     integer CHECK (legal_visits >= 0),
    consular_visits                  integer CHECK (consular_visits >= 0),
    restraints_outside_transport     boolean,
    note                             text,
    version                          integer NOT NULL,
    recorded_at                      timestamptz NOT NULL,
    actor                            text NOT NULL,
    PRIMARY KEY (cell_id, date)
  )`,
  `CREATE INDEX regime_log_facility_date ON regime_log (facility_id, date)`,
];
