import { basename } from 'node:path';
import { agreementEvents } from './agreements/store.js';
import { userEvents } from './auth/store.js';
import { billingEvents } from './billing/store.js';
import type { Config } from './config.js';
import type { AppContext, Reactions } from './context.js';
import type { Clock } from './core/clock.js';
import { uuidv7 } from './core/ids.js';
import { incidentEvents } from './custody/incident-store.js';
import { isolationEvents } from './custody/isolation-store.js';
import { regimeEvents } from './custody/regime-store.js';
import { custodyEvents } from './custody/store.js';
import { type Durability, migrateToLatest, openDatabase } from './db/database.js';
import { openReads } from './db/reads.js';
import { screeningEvents } from './eligibility/store.js';
import { housingEvents } from './facilities/housing-store.js';
import { facilityEvents } from './facilities/store.js';
import { hearingEvents } from './hearings/store.js';
import { openSigner } from './ledger/key.js';
import { ledgerKeyEvents } from './ledger/key-events.js';
import { ledgerPersonIndex } from './ledger/person-index.js';
import { createEventRegistry, type EventRegistry, type FeatureEvents } from './ledger/registry.js';
import { cacheLedgerSize, latestCheckpoint, ledgerSize, setNodeCache } from './ledger/store.js';
import { ledgerWitnessEvents } from './ledger/witness-store.js';
import { locatorEvents } from './locator/store.js';
import { partyEvents } from './parties/store.js';
import { peopleEvents } from './people/store.js';
import { calculateAtIntake, recalculateReleaseDates } from './releases/service.js';
import { releaseDateEvents } from './releases/store.js';
import { statisticsEvents } from './statistics/store.js';
import { manifestEvents } from './transfers/manifest-store.js';
import { rescreenOpenTransfers } from './transfers/rescreen.js';
import { transferEvents } from './transfers/store.js';
import { legalVisitEvents } from './visits/store.js';

/**
 * The composition root: the one place that knows every feature. It builds the event registry from the
 * features' event types, wires the reactions between features, and opens the context use cases get.
 * Features import none of this module; they depend on the shapes in src/context.ts.
 */

/** Every feature's event types, in the order `ledger verify` compares their read tables. */
export const features: readonly FeatureEvents[] = [
  facilityEvents,
  agreementEvents,
  peopleEvents,
  userEvents,
  screeningEvents,
  transferEvents,
  manifestEvents,
  custodyEvents,
  housingEvents,
  regimeEvents,
  incidentEvents,
  isolationEvents,
  releaseDateEvents,
  billingEvents,
  ledgerKeyEvents,
  partyEvents,
  locatorEvents,
  ledgerWitnessEvents,
  statisticsEvents,
  legalVisitEvents,
  hearingEvents,
  ledgerPersonIndex,
];

/** The one event registry: built at startup, it refuses an event type two features declare. */
export const eventRegistry: EventRegistry = createEventRegistry(features);

/** The reactions one feature's change sets off in another. */
export const reactions: Reactions = {
  // A changed record re-screens open transfers, then recalculates the release date of anyone held.
  peopleRevised: async (ctx, tx, personIds, reason, now) => [
    ...(await rescreenOpenTransfers(ctx, tx, personIds, reason, now)),
    ...(await recalculateReleaseDates(ctx, tx, personIds, now)),
  ],
  custodyStarted: calculateAtIntake,
};

/** The default origin: `custodia.local/<installation>`, the installation named after the data directory. */
export function defaultOrigin(config: Config): string {
  const name =
    basename(config.dataDir)
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-') || 'installation';
  return `custodia.local/${name === 'data' ? 'installation' : name}`;
}

/**
 * Opens the database named by the config, migrates it, and loads the checkpoint key, refusing a key that
 * did not sign the database's checkpoints. `readOnly` commands never create a key file.
 */
export async function openContext(
  config: Config,
  options: {
    clock: Clock;
    origin?: string;
    newId?: () => string;
    readOnly?: boolean;
    /** When an embedded database's writes reach the disk (default: at each commit). */
    durability?: Durability;
  },
): Promise<AppContext> {
  const primary = await openDatabase(
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl }
      : { engine: 'pglite', dataDir: config.dataDir, durability: options.durability ?? 'commit' },
  );
  const reads = await openReads(primary, config.databaseReadUrl ?? null);
  // Closing the context's database closes the replica's pool too.
  const handle = {
    ...primary,
    close: async () => {
      await reads.close();
      await primary.close();
    },
  };
  try {
    await migrateToLatest(handle.db);
    cacheLedgerSize(handle);
    if (config.proofCacheMb !== undefined) setNodeCache(handle.db, config.proofCacheMb * 1024 * 1024);
    const latest = await latestCheckpoint(handle.db);
    const signer = openSigner(
      config.dataDir,
      config.origin ?? options.origin ?? defaultOrigin(config),
      { size: await ledgerSize(handle.db), latest },
      { readOnly: options.readOnly },
    );
    return {
      handle,
      reads,
      clock: options.clock,
      signer,
      newId: options.newId ?? (() => uuidv7(options.clock.now().getTime())),
      events: eventRegistry,
      reactions,
      config,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
