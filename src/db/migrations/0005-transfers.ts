/**
 * Transfers: one row per transfer with its state, its history for the timeline, and the places reserved
 * under each agreement's bed allotment. A trigger refuses any reservation beyond the allotment, so even a
 * bug in the rules cannot over-commit (docs/domain.md: "It can never over-commit").
 */
export const statements = [
  `CREATE TABLE transfers (
    id           uuid PRIMARY KEY,
    person_id    uuid NOT NULL REFERENCES people (id),
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    status       text NOT NULL,
    state        jsonb NOT NULL,
    version      integer NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
  )`,
  `CREATE INDEX transfers_person ON transfers (person_id)`,
  `CREATE INDEX transfers_status ON transfers (agreement_id, status)`,
  `CREATE TABLE transfer_history (
    transfer_id uuid NOT NULL REFERENCES transfers (id),
    version     integer NOT NULL,
    action      text NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    actor       text NOT NULL,
    role        text NOT NULL,
    reason_code text,
    at          timestamptz NOT NULL,
    details     jsonb NOT NULL,
    PRIMARY KEY (transfer_id, version)
  )`,
  `CREATE TABLE agreement_places (
    agreement_id uuid PRIMARY KEY REFERENCES agreements (id),
    reserved     integer NOT NULL CHECK (reserved >= 0)
  )`,
  `CREATE FUNCTION agreement_places_within_allotment() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE allotment integer;
   BEGIN
     SELECT bed_allotment INTO allotment FROM agreements WHERE id = NEW.agreement_id;
     IF NEW.reserved > allotment THEN
       RAISE EXCEPTION 'agreement % would reserve % places, over its bed allotment of %', NEW.agreement_id, NEW.reserved, allotment
         USING ERRCODE = 'check_violation';
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER agreement_places_within_allotment BEFORE INSERT OR UPDATE ON agreement_places
     FOR EACH ROW EXECUTE FUNCTION agreement_places_within_allotment()`,
];
