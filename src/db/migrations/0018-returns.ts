/**
 * Returns and repatriation (decision 0023): a transfer and a manifest move people one way, `outbound` into
 * the receiving facility, or out of it on a court-ordered `return` or a `repatriation`; a return or
 * repatriation transfer names the transfer that brought the person; an entry of a manifest out of the
 * facility ends `handed_over` to a named agency or authority.
 */
export const statements = [
  `ALTER TABLE transfers ADD COLUMN direction text NOT NULL DEFAULT 'outbound'
     CHECK (direction IN ('outbound', 'return', 'repatriation'))`,
  `ALTER TABLE transfers ADD COLUMN return_of uuid REFERENCES transfers (id)`,
  `CREATE INDEX transfers_return_of ON transfers (return_of) WHERE return_of IS NOT NULL`,
  `ALTER TABLE manifests ADD COLUMN direction text NOT NULL DEFAULT 'outbound'
     CHECK (direction IN ('outbound', 'return', 'repatriation'))`,
  `ALTER TABLE manifest_entries DROP CONSTRAINT manifest_entries_status_check`,
  `ALTER TABLE manifest_entries ADD CONSTRAINT manifest_entries_status_check
     CHECK (status IN ('added', 'boarded', 'received', 'handed_over', 'exception'))`,
  `CREATE INDEX manifest_entries_person ON manifest_entries (person_id)`,
];
