#!/usr/bin/env node
// The `custodia` command. It runs the compiled CLI; run `npm run build` after changing the source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const compiled = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'cli.js');
if (!existsSync(compiled)) {
  process.stderr.write(
    'custodia is not built yet: run `npm run build` (or `npm start`) in the repository first.\n',
  );
  process.exit(3);
}
// A reader that stops early (`custodia ledger export | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(compiled);
process.exitCode = await main(process.argv);
