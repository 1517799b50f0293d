/**
 * Video-link hearings (decision 0029): courts' zones, hearing rooms with their weekly schedule and blocks,
 * bookings and their history. The database refuses two booked hearings overlapping in a room or for a
 * person (pre and post minutes included), whatever the code above it does; writes are serialised per
 * ledger, so the availability check and this guard see the same rows.
 */
export const statements = [
  `CREATE TABLE courts (
    party_id     uuid PRIMARY KEY REFERENCES parties (id),
    time_zone    text NOT NULL,
    jurisdiction text,
    set_at       timestamptz NOT NULL
  )`,
  `CREATE TABLE hearing_rooms (
    id          uuid PRIMARY KEY,
    facility_id uuid NOT NULL REFERENCES facilities (id),
    code        text NOT NULL CHECK (btrim(code) <> ''),
    name        text NOT NULL,
    schedule    jsonb NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL,
    UNIQUE (facility_id, code)
  )`,
  `CREATE TABLE room_blocks (
    id         uuid PRIMARY KEY,
    room_id    uuid NOT NULL REFERENCES hearing_rooms (id),
    from_at    timestamptz NOT NULL,
    to_at      timestamptz NOT NULL CHECK (to_at > from_at),
    reason     text NOT NULL,
    blocked_at timestamptz NOT NULL,
    blocked_by text NOT NULL
  )`,
  `CREATE INDEX room_blocks_room ON room_blocks (room_id, from_at)`,
  `CREATE TABLE hearings (
    id            uuid PRIMARY KEY,
    person_id     uuid NOT NULL REFERENCES people (id),
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    facility_id   uuid NOT NULL REFERENCES facilities (id),
    court_id      uuid NOT NULL REFERENCES parties (id),
    room_id       uuid NOT NULL REFERENCES hearing_rooms (id),
    hearing_type  text NOT NULL CHECK (hearing_type IN ('arraignment', 'bail', 'plea', 'sentencing', 'habeas', 'immigration', 'appeal', 'other')),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
    pre_minutes   integer NOT NULL CHECK (pre_minutes BETWEEN 0 AND 120),
    post_minutes  integer NOT NULL CHECK (post_minutes BETWEEN 0 AND 120),
    occupied_from timestamptz NOT NULL,
    occupied_to   timestamptz NOT NULL,
    case_ref      text,
    video_url     text,
    counsel       text,
    interpreter   text,
    status        text NOT NULL CHECK (status IN ('booked', 'cancelled', 'held', 'adjourned', 'not_produced')),
    reason_code   text CHECK (reason_code IS NULL OR reason_code IN ('refused', 'unwell', 'room_unavailable', 'link_failed', 'transferred', 'released')),
    reason        text,
    version       integer NOT NULL,
    booked_at     timestamptz NOT NULL,
    booked_by     text NOT NULL,
    amended_at    timestamptz,
    closed_at     timestamptz,
    closed_by     text,
    CHECK ((status = 'not_produced') = (reason_code IS NOT NULL))
  )`,
  `CREATE INDEX hearings_room ON hearings (room_id, occupied_from)`,
  `CREATE INDEX hearings_person ON hearings (person_id, occupied_from)`,
  `CREATE INDEX hearings_facility ON hearings (facility_id, starts_at)`,
  `CREATE INDEX hearings_court ON hearings (court_id, starts_at)`,
  `CREATE TABLE hearing_history (
    hearing_id uuid NOT NULL REFERENCES hearings (id),
    version    integer NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('booked', 'amended', 'cancelled', 'outcome')),
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    changed    jsonb NOT NULL,
    details    jsonb NOT NULL,
    PRIMARY KEY (hearing_id, version)
  )`,
  `CREATE FUNCTION hearings_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.status <> 'booked' THEN RETURN NEW; END IF;
     IF EXISTS (SELECT 1 FROM hearings h WHERE h.id <> NEW.id AND h.status = 'booked'
                AND (h.room_id = NEW.room_id OR h.person_id = NEW.person_id)
                AND h.occupied_from < NEW.occupied_to AND NEW.occupied_from < h.occupied_to) THEN
       RAISE EXCEPTION 'hearing % would overlap another booked hearing in its room or of its person', NEW.id
         USING ERRCODE = 'exclusion_violation';
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER hearings_no_overlap BEFORE INSERT OR UPDATE ON hearings
     FOR EACH ROW EXECUTE FUNCTION hearings_no_overlap()`,
];
