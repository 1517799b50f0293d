/** Incidents with their workflow and death notifications, and headcounts (docs/domain.md, Custody). */
export const statements = [
  `CREATE TABLE incidents (
    id                       uuid PRIMARY KEY,
    facility_id              uuid NOT NULL REFERENCES facilities (id),
    kind                     text NOT NULL,
    person_id                uuid REFERENCES people (id),
    cell_id                  uuid REFERENCES cells (id),
    occurred_at              timestamptz NOT NULL,
    description              text NOT NULL,
    status                   text NOT NULL CHECK (status IN ('open', 'under_review', 'closed', 'reopened')),
    reported_at              timestamptz NOT NULL,
    reported_by              text NOT NULL,
    next_of_kin_notified_at  timestamptz,
    next_of_kin_recipient    text,
    authority_notified_at    timestamptz,
    authority_recipient      text,
    updated_at               timestamptz NOT NULL
  )`,
  `CREATE INDEX incidents_facility ON incidents (facility_id, occurred_at DESC)`,
  `CREATE TABLE incident_history (
    incident_id uuid NOT NULL REFERENCES incidents (id),
    at          timestamptz NOT NULL,
    seq         integer NOT NULL,
    action      text NOT NULL,
    from_status text,
    to_status   text,
    note        text NOT NULL,
    actor       text NOT NULL,
    PRIMARY KEY (incident_id, seq)
  )`,
  `CREATE TABLE headcounts (
    id          uuid PRIMARY KEY,
    facility_id uuid NOT NULL REFERENCES facilities (id),
    counted_at  timestamptz NOT NULL,
    counted     integer NOT NULL CHECK (counted >= 0),
    expected    integer NOT NULL CHECK (expected >= 0),
    incident_id uuid REFERENCES incidents (id),
    actor       text NOT NULL
  )`,
];
