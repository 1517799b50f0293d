import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCecot2025 } from '../../scenarios/cecot-2025/scenario.js';
import { main } from '../cli.js';
import { FixedClock } from '../core/clock.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { systemActor } from '../ledger/events.js';
import { formatSignerKey, generateSigner, parseSignerKey } from '../ledger/note.js';
import { captureIo } from './cli.js';
import { contextOn } from './context.js';
import {
  CLI_SCENARIO_ARGS,
  STORY_CLOCK_START,
  STORY_ID_SEED,
  STORY_OPTIONS,
  type TemplateKind,
} from './scenario-template.js';

/**
 * Loads one scenario template (scenario-template.ts) into OUT_DIR: `node --import tsx
 * load-scenario-template.ts cli|story OUT_DIR`, with DATABASE_URL naming the template database on a
 * PostgreSQL server. global-setup.ts runs it as a child process, so that it loads on a core of its own.
 */
async function load(kind: TemplateKind, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  if (kind === 'cli') {
    // The real `custodia scenario load`: what it prints and the data directory it fills are the template.
    const io = captureIo();
    const code = await main(['node', 'custodia', ...CLI_SCENARIO_ARGS, '--data', join(out, 'data')], io);
    writeFileSync(join(out, 'out.txt'), io.stdout());
    if (code !== 0) throw new Error(`custodia ${CLI_SCENARIO_ARGS.join(' ')} exited ${code}: ${io.stderr()}`);
    return;
  }
  const url = process.env.DATABASE_URL;
  const handle = await openDatabase(url ? { engine: 'postgres', url } : { engine: 'pglite', dataDir: null });
  try {
    await migrateToLatest(handle.db);
    // The key that signs the story's checkpoints is kept, so that a test verifies them with it.
    const key = formatSignerKey('custodia.test/ledger', generateSigner('custodia.test/ledger').seed);
    const ctx = contextOn(handle, { seed: STORY_ID_SEED, signer: parseSignerKey(key) });
    const result = await loadCecot2025(ctx, systemActor('scenario'), {
      ...STORY_OPTIONS,
      clock: new FixedClock(STORY_CLOCK_START),
    });
    writeFileSync(join(out, 'signer.key'), key, { mode: 0o600 });
    writeFileSync(join(out, 'result.json'), JSON.stringify(result));
    if (!url) {
      if (!handle.pglite) throw new Error('expected a PGlite handle');
      const dump = await handle.pglite.dumpDataDir('gzip');
      writeFileSync(join(out, 'story.tar.gz'), Buffer.from(await dump.arrayBuffer()));
    }
  } finally {
    await handle.close();
  }
}

const [kind, out] = process.argv.slice(2);
if ((kind !== 'cli' && kind !== 'story') || !out) {
  process.stderr.write('usage: load-scenario-template.ts cli|story OUT_DIR\n');
  process.exit(2);
}
try {
  await load(kind, out);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
