/**
 * Legal visits (Mandela Rule 61): counsel's requests, receiving custody's scheduling or refusal, and the
 * outcome. The room is a facility location code in text until the video-link hearings add rooms (decision
 * 0028).
 */
export const statements = [
  `CREATE TABLE legal_visits (
    id             uuid PRIMARY KEY,
    person_id      uuid NOT NULL REFERENCES people (id),
    facility_id    uuid NOT NULL REFERENCES facilities (id),
    office_id      uuid REFERENCES parties (id),
    kind           text NOT NULL CHECK (kind IN ('in_person', 'video', 'phone')),
    window_from    timestamptz NOT NULL,
    window_to      timestamptz NOT NULL CHECK (window_to > window_from),
    note           text,
    status         text NOT NULL CHECK (status IN ('requested', 'scheduled', 'held', 'not_held', 'refused', 'cancelled')),
    requested_at   timestamptz NOT NULL,
    requested_by   text NOT NULL,
    room           text CHECK (room IS NULL OR btrim(room) <> ''),
    starts_at      timestamptz,
    ends_at        timestamptz CHECK (ends_at > starts_at),
    scheduled_by   text,
    reason_code    text,
    reason         text,
    closed_at      timestamptz,
    closed_by      text
  )`,
  `CREATE INDEX legal_visits_facility ON legal_visits (facility_id, requested_at DESC)`,
  `CREATE INDEX legal_visits_person ON legal_visits (person_id, requested_at DESC)`,
];
