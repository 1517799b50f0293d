import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkReady, migrateToLatest, openDatabase } from './database.js';
import { migrationProvider } from './migrations/index.js';

/**
 * Features are merged side by side, so a database can have run a migration numbered above one that
 * arrives later. The upgrade runs the late one instead of refusing, and `/readyz` waits for it.
 */
describe('migrations that arrive out of order', () => {
  it('runs a pending migration numbered below one already run, and is ready only after it', async () => {
    const handle = await openDatabase({ engine: 'pglite', dataDir: null });
    try {
      const all = await migrationProvider.getMigrations();
      const names = Object.keys(all);
      const late = names[names.length - 3];
      expect(late).toBeDefined();
      // A database built by a version that did not have `late` yet, but had every migration after it.
      const earlier = new Migrator({
        db: handle.db,
        provider: {
          getMigrations: async () =>
            Object.fromEntries(Object.entries(all).filter(([name]) => name !== late)),
        },
      });
      expect((await earlier.migrateToLatest()).error).toBeUndefined();
      expect(await checkReady(handle.db)).toEqual({ database: true, migrations: false });

      await migrateToLatest(handle.db);

      const after = await new Migrator({ db: handle.db, provider: migrationProvider }).getMigrations();
      expect(after.filter((m) => m.executedAt === undefined).map((m) => m.name)).toEqual([]);
      expect(await checkReady(handle.db)).toEqual({ database: true, migrations: true });
    } finally {
      await handle.close();
    }
  });
});
