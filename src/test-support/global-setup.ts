import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { dropTestDatabase } from './drop-database.js';
import { kindsNeeded, startScenarioTemplates } from './scenario-template.js';

/**
 * Migrates one template database per test run; each test then clones it instead of migrating again.
 * PGlite: a dump of the migrated data directory. PostgreSQL: a template database. Starts loading the
 * scenario templates (scenario-template.ts) beside it, for the files that copy them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-template-'));
  const url = process.env.DATABASE_URL;
  // The files the run was asked for (none: all of them); `filenamePattern` is Vitest's own record of them.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const scenarios = await startScenarioTemplates(join(dir, 'scenarios'), url, kindsNeeded(filters));
  // CI's replica step runs one PostgreSQL-only file and sets CUSTODIA_TEST_SKIP_PGLITE=1: it needs no
  // PGlite template, whose migration is most of this setup's time.
  if (process.env.CUSTODIA_TEST_SKIP_PGLITE !== '1') {
    const handle = await openDatabase({ engine: 'pglite', dataDir: null });
    await migrateToLatest(handle.db);
    const dump = await dumpPglite(handle);
    writeFileSync(join(dir, 'template.tar.gz'), Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    process.env.CUSTODIA_TEST_TEMPLATE = join(dir, 'template.tar.gz');
  }

  let templateName: string | null = null;
  if (url) {
    templateName = `custodia_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateName}`;
    const server = await openDatabase({ engine: 'postgres', url: templateUrl.toString() });
    await migrateToLatest(server.db);
    await server.close();
    process.env.CUSTODIA_TEST_PG_TEMPLATE = templateName;
  }
  return async () => {
    await scenarios.stop();
    rmSync(dir, { recursive: true, force: true });
    for (const name of scenarios.databases) if (url) await dropTestDatabase(url, name);
    if (url && templateName) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const rows = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'custodia_test_%' or datname = $1`,
        [templateName],
      );
      await admin.end();
      for (const row of rows.rows) await dropTestDatabase(url, row.datname);
    }
  };
}

async function dumpPglite(handle: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  const pglite = handle.pglite;
  if (!pglite) throw new Error('expected a PGlite handle');
  return pglite.dumpDataDir('gzip');
}
