import { basename } from 'node:path';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import { uuidv7 } from './core/ids.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './db/database.js';
import type { Projector } from './ledger/events.js';
import { loadOrCreateSigner } from './ledger/key.js';
import type { NoteSigner } from './ledger/note.js';
import { cacheLedgerSize } from './ledger/store.js';
import { projectors } from './projections.js';
import { type Reactions, reactions } from './reactions.js';

/** Everything a use case needs: the database, the clock, the checkpoint key, ids and projectors. */
export interface AppContext {
  handle: DatabaseHandle;
  clock: Clock;
  signer: NoteSigner;
  newId: () => string;
  projectors: Readonly<Record<string, Projector>>;
  reactions: Reactions;
  config: Config;
}

/** The default origin: `custodia.local/<installation>`, the installation named after the data directory. */
export function defaultOrigin(config: Config): string {
  const name =
    basename(config.dataDir)
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-') || 'installation';
  return `custodia.local/${name === 'data' ? 'installation' : name}`;
}

/** Opens the database named by the config, migrates it, and loads (or creates) the checkpoint key. */
export async function openContext(
  config: Config,
  options: { clock: Clock; origin?: string; newId?: () => string },
): Promise<AppContext> {
  const handle = await openDatabase(
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl }
      : { engine: 'pglite', dataDir: config.dataDir },
  );
  try {
    await migrateToLatest(handle.db);
    cacheLedgerSize(handle);
    const { signer } = loadOrCreateSigner(
      config.dataDir,
      config.origin ?? options.origin ?? defaultOrigin(config),
    );
    return {
      handle,
      clock: options.clock,
      signer,
      newId: options.newId ?? (() => uuidv7(options.clock.now().getTime())),
      projectors,
      reactions,
      config,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
