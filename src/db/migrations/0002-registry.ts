/**
 * Read tables for the registry: agencies, facilities (module → cell), agreements with their versioned
 * policies and fee schedules, and people. They are written only by projections of ledger events, so
 * every column that replay must reproduce comes from an event (timestamps included).
 */
export const statements = [
  `CREATE TABLE agencies (
    code         text PRIMARY KEY,
    name         text NOT NULL,
    jurisdiction char(2) NOT NULL,
    registered_at timestamptz NOT NULL
  )`,
  `CREATE TABLE facilities (
    id                   uuid PRIMARY KEY,
    code                 text NOT NULL UNIQUE,
    name                 text NOT NULL,
    jurisdiction         char(2) NOT NULL,
    time_zone            text NOT NULL,
    operational_capacity integer NOT NULL CHECK (operational_capacity >= 0),
    location             text,
    opened_on            date,
    staff                jsonb NOT NULL DEFAULT '{}'::jsonb,
    notes                text,
    version              integer NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
  )`,
  `CREATE TABLE facility_modules (
    id          uuid PRIMARY KEY,
    facility_id uuid NOT NULL REFERENCES facilities (id),
    code        text NOT NULL,
    name        text NOT NULL,
    UNIQUE (facility_id, code)
  )`,
  `CREATE TABLE cells (
    id                uuid PRIMARY KEY,
    facility_id       uuid NOT NULL REFERENCES facilities (id),
    module_id         uuid NOT NULL REFERENCES facility_modules (id),
    code              text NOT NULL,
    area_m2           numeric(8, 2) NOT NULL CHECK (area_m2 > 0),
    bunks             integer NOT NULL CHECK (bunks >= 0),
    working_capacity  integer NOT NULL CHECK (working_capacity >= 0),
    local_occupants   integer NOT NULL DEFAULT 0 CHECK (local_occupants >= 0),
    status            text NOT NULL CHECK (status IN ('active', 'inactive')),
    status_reason     text,
    UNIQUE (facility_id, code),
    CONSTRAINT working_capacity_within_bunks CHECK (working_capacity <= bunks),
    CONSTRAINT inactive_needs_reason CHECK (status = 'active' OR status_reason IS NOT NULL)
  )`,
  `CREATE INDEX cells_module ON cells (module_id)`,
  `CREATE TABLE agreements (
    id                     uuid PRIMARY KEY,
    code                   text NOT NULL UNIQUE,
    title                  text NOT NULL,
    sending_jurisdiction   char(2) NOT NULL,
    receiving_jurisdiction char(2) NOT NULL,
    status                 text NOT NULL CHECK (status IN ('draft', 'in_force', 'suspended', 'terminated')),
    effective_from         date,
    effective_to           date,
    bed_allotment          integer NOT NULL CHECK (bed_allotment >= 0),
    settings               jsonb NOT NULL DEFAULT '{}'::jsonb,
    standards              jsonb NOT NULL DEFAULT '[]'::jsonb,
    reports                jsonb NOT NULL DEFAULT '[]'::jsonb,
    version                integer NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
  )`,
  `CREATE TABLE agreement_facilities (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    facility_id  uuid NOT NULL REFERENCES facilities (id),
    PRIMARY KEY (agreement_id, facility_id)
  )`,
  `CREATE TABLE agreement_agencies (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    agency_code  text NOT NULL REFERENCES agencies (code),
    side         text NOT NULL CHECK (side IN ('sending', 'receiving')),
    PRIMARY KEY (agreement_id, agency_code)
  )`,
  `CREATE TABLE eligibility_policies (
    agreement_id   uuid NOT NULL REFERENCES agreements (id),
    version        integer NOT NULL CHECK (version >= 1),
    policy_id      text NOT NULL,
    effective_from date NOT NULL,
    rules          jsonb NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, version)
  )`,
  `CREATE TABLE fee_schedules (
    agreement_id   uuid NOT NULL REFERENCES agreements (id),
    version        integer NOT NULL CHECK (version >= 1),
    kind           text NOT NULL CHECK (kind IN ('per_person_day', 'per_person_year', 'lump_sum')),
    amount_cents   bigint NOT NULL CHECK (amount_cents >= 0),
    currency       char(3) NOT NULL,
    billing_period text NOT NULL CHECK (billing_period IN ('month', 'quarter', 'year')),
    effective_from date NOT NULL,
    clause         text,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, version)
  )`,
  `CREATE TABLE people (
    id               uuid PRIMARY KEY,
    agreement_id     uuid NOT NULL REFERENCES agreements (id),
    ref              text NOT NULL,
    version          integer NOT NULL CHECK (version >= 1),
    given_names      text NOT NULL,
    paternal_surname text NOT NULL,
    maternal_surname text,
    birth_date       date NOT NULL,
    sex              text NOT NULL,
    nationalities    text[] NOT NULL,
    legal_status     text NOT NULL,
    record           jsonb NOT NULL,
    record_hash      text NOT NULL,
    search_text      text NOT NULL,
    withdrawn_reason text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (agreement_id, ref)
  )`,
  `CREATE INDEX people_agreement_name ON people (agreement_id, paternal_surname, given_names, id)`,
];
