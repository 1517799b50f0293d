/**
 * Transport manifests and what intake starts: the manifest with its entries (for "which transfers are on
 * an unclosed manifest" and the checklists), the custody interval (a person has at most one open one,
 * enforced by a partial unique index), and the notification obligation Mandela Rule 68 starts at intake.
 * Screenings made because a person's facts changed name the open transfer they re-screened.
 */
export const statements = [
  `CREATE TABLE manifests (
    id                  uuid PRIMARY KEY,
    facility_id         uuid NOT NULL REFERENCES facilities (id),
    status              text NOT NULL CHECK (status IN ('open', 'departed', 'arrived', 'closed')),
    scheduled_departure timestamptz NOT NULL,
    state               jsonb NOT NULL,
    version             integer NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
  )`,
  `CREATE INDEX manifests_status ON manifests (status, scheduled_departure)`,
  `CREATE TABLE manifest_entries (
    manifest_id    uuid NOT NULL REFERENCES manifests (id),
    transfer_id    uuid NOT NULL REFERENCES transfers (id),
    person_id      uuid NOT NULL REFERENCES people (id),
    status         text NOT NULL CHECK (status IN ('added', 'boarded', 'received', 'exception')),
    exception_kind text,
    PRIMARY KEY (manifest_id, transfer_id)
  )`,
  `CREATE INDEX manifest_entries_transfer ON manifest_entries (transfer_id)`,
  `CREATE TABLE custody_intervals (
    id             uuid PRIMARY KEY,
    person_id      uuid NOT NULL REFERENCES people (id),
    agreement_id   uuid NOT NULL REFERENCES agreements (id),
    facility_id    uuid NOT NULL REFERENCES facilities (id),
    transfer_id    uuid NOT NULL REFERENCES transfers (id),
    manifest_id    uuid REFERENCES manifests (id),
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    release_reason text
  )`,
  `CREATE UNIQUE INDEX custody_intervals_one_open ON custody_intervals (person_id) WHERE ended_at IS NULL`,
  `CREATE TABLE notification_obligations (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES people (id),
    custody_interval_id uuid NOT NULL REFERENCES custody_intervals (id),
    rule                text NOT NULL,
    source              text NOT NULL,
    recipients          jsonb NOT NULL,
    due_at              timestamptz NOT NULL,
    fulfilled_at        timestamptz
  )`,
  `CREATE INDEX notification_obligations_due ON notification_obligations (due_at) WHERE fulfilled_at IS NULL`,
  `ALTER TABLE screenings ADD COLUMN transfer_id uuid REFERENCES transfers (id)`,
  `ALTER TABLE screenings ADD COLUMN reason text`,
  `CREATE INDEX screenings_transfer ON screenings (transfer_id, recorded_at DESC) WHERE transfer_id IS NOT NULL`,
];
