/**
 * Billing (docs/domain.md, Billing): invoices, credit notes and supplementary invoices with their lines, and
 * payments. The database itself keeps an issued document as it was issued: its lines can't be added,
 * changed or removed, and of the invoice row only the settlement (paid and credited cents, and the status
 * they imply) may move, forward. Corrections are new documents that reference the original.
 */
export const statements = [
  `CREATE TABLE invoices (
    id                uuid PRIMARY KEY,
    number            integer NOT NULL UNIQUE CHECK (number >= 1),
    agreement_id      uuid NOT NULL REFERENCES agreements (id),
    kind              text NOT NULL CHECK (kind IN ('invoice', 'supplementary', 'credit_note')),
    month             text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    references_id     uuid REFERENCES invoices (id),
    status            text NOT NULL CHECK (status IN ('draft', 'issued', 'partially_paid', 'paid')),
    currency          char(3) NOT NULL,
    zone              text NOT NULL,
    schedule_versions integer[] NOT NULL,
    clause            text,
    total_days        integer NOT NULL CHECK (total_days >= 0),
    total_cents       bigint NOT NULL CHECK (total_cents >= 0),
    paid_cents        bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
    credited_cents    bigint NOT NULL DEFAULT 0 CHECK (credited_cents >= 0),
    reason            text,
    drafted_at        timestamptz NOT NULL,
    issued_at         timestamptz,
    due_on            date,
    CHECK ((kind = 'invoice') = (references_id IS NULL)),
    CHECK (paid_cents + credited_cents <= total_cents),
    CHECK (kind <> 'credit_note' OR (paid_cents = 0 AND credited_cents = 0 AND status IN ('draft', 'issued'))),
    CHECK ((status = 'draft') = (issued_at IS NULL))
  )`,
  `CREATE UNIQUE INDEX invoices_one_per_month ON invoices (agreement_id, month) WHERE kind = 'invoice'`,
  `CREATE INDEX invoices_references ON invoices (references_id)`,
  `CREATE TABLE invoice_lines (
    invoice_id   uuid NOT NULL REFERENCES invoices (id),
    line_no      integer NOT NULL CHECK (line_no >= 1),
    kind         text NOT NULL CHECK (kind IN ('person', 'lump_sum', 'credit')),
    ref          text NOT NULL,
    person_id    uuid REFERENCES people (id),
    days         integer NOT NULL CHECK (days >= 0),
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    parts        jsonb NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
  )`,
  // The highest document number ever given, so a discarded draft's number is never given again.
  `CREATE TABLE invoice_numbers (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_number integer NOT NULL CHECK (last_number >= 0)
  )`,
  `CREATE TABLE payments (
    id           uuid PRIMARY KEY,
    invoice_id   uuid NOT NULL REFERENCES invoices (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    received_on  date NOT NULL,
    reference    text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text NOT NULL
  )`,
  `CREATE INDEX payments_invoice ON payments (invoice_id)`,
  `CREATE TABLE report_obligations (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    report       text NOT NULL,
    period       text NOT NULL,
    due_on       date NOT NULL,
    submitted_at timestamptz,
    submitted_by text,
    note         text,
    PRIMARY KEY (agreement_id, report, period)
  )`,
  // The settlement status an invoice's figures imply once issued.
  `CREATE FUNCTION invoice_settlement_status(total bigint, paid bigint, credited bigint) RETURNS text
     LANGUAGE sql IMMUTABLE AS $$
     SELECT CASE WHEN paid + credited >= total THEN 'paid' WHEN paid + credited > 0 THEN 'partially_paid' ELSE 'issued' END
   $$`,
  `CREATE FUNCTION invoices_issued_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'DELETE' THEN
       IF OLD.status <> 'draft' THEN
         RAISE EXCEPTION 'invoice % is issued: it cannot be deleted; issue a credit note instead', OLD.number
           USING ERRCODE = 'check_violation';
       END IF;
       RETURN OLD;
     END IF;
     IF OLD.status = 'draft' THEN
       IF NEW.status <> 'draft' AND NEW.kind <> 'credit_note'
          AND NEW.status <> invoice_settlement_status(NEW.total_cents, NEW.paid_cents, NEW.credited_cents) THEN
         RAISE EXCEPTION 'invoice % would be % with % paid and % credited of %', NEW.number, NEW.status,
           NEW.paid_cents, NEW.credited_cents, NEW.total_cents USING ERRCODE = 'check_violation';
       END IF;
       RETURN NEW;
     END IF;
     IF (NEW.id, NEW.number, NEW.agreement_id, NEW.kind, NEW.month, NEW.references_id, NEW.currency, NEW.zone,
         NEW.schedule_versions, NEW.clause, NEW.total_days, NEW.total_cents, NEW.reason, NEW.drafted_at,
         NEW.issued_at, NEW.due_on)
        IS DISTINCT FROM
        (OLD.id, OLD.number, OLD.agreement_id, OLD.kind, OLD.month, OLD.references_id, OLD.currency, OLD.zone,
         OLD.schedule_versions, OLD.clause, OLD.total_days, OLD.total_cents, OLD.reason, OLD.drafted_at,
         OLD.issued_at, OLD.due_on) THEN
       RAISE EXCEPTION 'invoice % is issued and cannot be edited; correct it with a credit note or a supplementary invoice', OLD.number
         USING ERRCODE = 'check_violation';
     END IF;
     IF NEW.paid_cents < OLD.paid_cents OR NEW.credited_cents < OLD.credited_cents THEN
       RAISE EXCEPTION 'invoice %: payments and credits are only ever added', OLD.number USING ERRCODE = 'check_violation';
     END IF;
     -- The settlement is what the payments and issued credit notes on record add up to, nothing else.
     IF NEW.paid_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE invoice_id = NEW.id)
        OR NEW.credited_cents <> (SELECT coalesce(sum(total_cents), 0) FROM invoices
                                  WHERE references_id = NEW.id AND kind = 'credit_note' AND status <> 'draft') THEN
       RAISE EXCEPTION 'invoice %: paid and credited must equal the payments and issued credit notes on record', OLD.number
         USING ERRCODE = 'check_violation';
     END IF;
     IF NEW.kind <> 'credit_note'
        AND NEW.status <> invoice_settlement_status(NEW.total_cents, NEW.paid_cents, NEW.credited_cents) THEN
       RAISE EXCEPTION 'invoice % would be % with % paid and % credited of %', NEW.number, NEW.status,
         NEW.paid_cents, NEW.credited_cents, NEW.total_cents USING ERRCODE = 'check_violation';
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER invoices_issued_are_immutable BEFORE UPDATE OR DELETE ON invoices
     FOR EACH ROW EXECUTE FUNCTION invoices_issued_are_immutable()`,
  `CREATE FUNCTION invoice_lines_of_drafts_only() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE doc record;
   BEGIN
     -- The document a line leaves and the one it joins must both be drafts.
     FOR doc IN SELECT number, status FROM invoices
       WHERE id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.invoice_id END,
                    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.invoice_id END)
     LOOP
       IF doc.status <> 'draft' THEN
         RAISE EXCEPTION 'invoice % is issued: its lines cannot be changed; correct it with a credit note or a supplementary invoice', doc.number
           USING ERRCODE = 'check_violation';
       END IF;
     END LOOP;
     IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER invoice_lines_of_drafts_only BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
     FOR EACH ROW EXECUTE FUNCTION invoice_lines_of_drafts_only()`,
  // A payment, once recorded, stays as recorded; a correction is a credit note.
  `CREATE FUNCTION payments_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'payments are never changed or deleted; record a credit note or a new payment instead'
       USING ERRCODE = 'check_violation';
   END
   $$`,
  `CREATE TRIGGER payments_are_immutable BEFORE UPDATE OR DELETE ON payments
     FOR EACH ROW EXECUTE FUNCTION payments_are_immutable()`,
  `CREATE FUNCTION billing_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION '% cannot be truncated: issued documents and payments are kept as recorded', TG_TABLE_NAME
       USING ERRCODE = 'check_violation';
   END
   $$`,
  `CREATE TRIGGER invoices_not_truncated BEFORE TRUNCATE ON invoices
     FOR EACH STATEMENT EXECUTE FUNCTION billing_not_truncated()`,
  `CREATE TRIGGER invoice_lines_not_truncated BEFORE TRUNCATE ON invoice_lines
     FOR EACH STATEMENT EXECUTE FUNCTION billing_not_truncated()`,
  `CREATE TRIGGER payments_not_truncated BEFORE TRUNCATE ON payments
     FOR EACH STATEMENT EXECUTE FUNCTION billing_not_truncated()`,
];
