import { agreementProjectors } from './agreements/store.js';
import { userProjectors } from './auth/store.js';
import { billingProjectors } from './billing/store.js';
import { incidentProjectors } from './custody/incident-store.js';
import { regimeProjectors } from './custody/regime-store.js';
import { custodyProjectors } from './custody/store.js';
import { screeningProjectors } from './eligibility/store.js';
import { housingProjectors } from './facilities/housing-store.js';
import { facilityProjectors } from './facilities/store.js';
import type { Projector } from './ledger/events.js';
import { peopleProjectors } from './people/store.js';
import { manifestProjectors } from './transfers/manifest-store.js';
import { transferProjectors } from './transfers/store.js';

/** Every event type's projector. Live writes and `ledger replay` both use this one table. */
export const projectors: Readonly<Record<string, Projector>> = {
  ...facilityProjectors,
  ...agreementProjectors,
  ...peopleProjectors,
  ...userProjectors,
  ...screeningProjectors,
  ...transferProjectors,
  ...manifestProjectors,
  ...custodyProjectors,
  ...housingProjectors,
  ...regimeProjectors,
  ...incidentProjectors,
  ...billingProjectors,
};

/** The read tables replay rebuilds, each with the columns that order it, for `ledger verify` to compare. */
export const projectedTables: ReadonlyArray<{ table: string; orderBy: string }> = [
  { table: 'agencies', orderBy: 'code' },
  { table: 'facilities', orderBy: 'id' },
  { table: 'facility_modules', orderBy: 'id' },
  { table: 'cells', orderBy: 'id' },
  { table: 'agreements', orderBy: 'id' },
  { table: 'agreement_facilities', orderBy: 'agreement_id, facility_id' },
  { table: 'agreement_agencies', orderBy: 'agreement_id, agency_code' },
  { table: 'eligibility_policies', orderBy: 'agreement_id, version' },
  { table: 'fee_schedules', orderBy: 'agreement_id, version' },
  { table: 'people', orderBy: 'id' },
  { table: 'users', orderBy: 'id' },
  { table: 'screenings', orderBy: 'id' },
  { table: 'transfers', orderBy: 'id' },
  { table: 'transfer_history', orderBy: 'transfer_id, version' },
  { table: 'agreement_places', orderBy: 'agreement_id' },
  { table: 'manifests', orderBy: 'id' },
  { table: 'manifest_entries', orderBy: 'manifest_id, transfer_id' },
  { table: 'custody_intervals', orderBy: 'id' },
  { table: 'notification_obligations', orderBy: 'id' },
  { table: 'housing_assignments', orderBy: 'id' },
  { table: 'regime_log', orderBy: 'cell_id, date' },
  { table: 'incidents', orderBy: 'id' },
  { table: 'incident_history', orderBy: 'incident_id, seq' },
  { table: 'headcounts', orderBy: 'id' },
  { table: 'invoices', orderBy: 'id' },
  { table: 'invoice_lines', orderBy: 'invoice_id, line_no' },
  { table: 'invoice_numbers', orderBy: 'singleton' },
  { table: 'payments', orderBy: 'id' },
  { table: 'report_obligations', orderBy: 'agreement_id, report, period' },
];
