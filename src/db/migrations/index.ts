import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { statements as ledger } from './0001-ledger.js';
import { statements as registry } from './0002-registry.js';
import { statements as auth } from './0003-auth.js';
import { statements as screenings } from './0004-screenings.js';
import { statements as transfers } from './0005-transfers.js';
import { statements as manifests } from './0006-manifests.js';
import { statements as housing } from './0007-housing.js';
import { statements as capacityGuards } from './0008-capacity-guards.js';
import { statements as regimeLog } from './0009-regime-log.js';
import { statements as incidents } from './0010-incidents.js';
import { statements as billing } from './0011-billing.js';
import { statements as custodyByPerson } from './0012-custody-by-person.js';
import { statements as userLifecycle } from './0013-user-lifecycle.js';
import { statements as locator } from './0014-locator.js';
import { statements as isolationAndConsular } from './0015-isolation-and-consular.js';
import { statements as parties } from './0016-parties.js';
import { statements as releaseDates } from './0017-release-dates.js';
import { statements as returns } from './0018-returns.js';
import { statements as statistics } from './0019-statistics.js';
import { statements as witnesses } from './0020-witnesses.js';
import { statements as userParties } from './0021-user-parties.js';
import { statements as legalVisits } from './0023-legal-visits.js';
import { statements as hearings } from './0024-hearings.js';
import { statements as searchTrigrams } from './0026-search-trigrams.js';
import { statements as ledgerPersonIndex } from './0027-ledger-person-index.js';
import { statements as maintainedCounts } from './0030-maintained-counts.js';

const all: Record<string, readonly string[]> = {
  '0001-ledger': ledger,
  '0002-registry': registry,
  '0003-auth': auth,
  '0004-screenings': screenings,
  '0005-transfers': transfers,
  '0006-manifests': manifests,
  '0007-housing': housing,
  '0008-capacity-guards': capacityGuards,
  '0009-regime-log': regimeLog,
  '0010-incidents': incidents,
  '0011-billing': billing,
  '0012-custody-by-person': custodyByPerson,
  '0013-user-lifecycle': userLifecycle,
  '0014-locator': locator,
  '0015-isolation-and-consular': isolationAndConsular,
  '0016-parties': parties,
  '0017-release-dates': releaseDates,
  '0018-returns': returns,
  '0019-statistics': statistics,
  '0020-witnesses': witnesses,
  '0021-user-parties': userParties,
  '0023-legal-visits': legalVisits,
  '0024-hearings': hearings,
  '0026-search-trigrams': searchTrigrams,
  '0027-ledger-person-index': ledgerPersonIndex,
  '0030-maintained-counts': maintainedCounts,
};

/** Migrations are plain SQL statements, run in order inside Kysely's migration transaction. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(all).map(([name, list]) => [
        name,
        {
          async up(db: Kysely<unknown>): Promise<void> {
            for (const statement of list) await sql.raw(statement).execute(db);
          },
        },
      ]),
    );
  },
};

/** The name of the newest migration, for `/readyz`. */
export const latestMigration = Object.keys(all).at(-1) ?? '';
