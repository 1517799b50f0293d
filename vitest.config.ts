import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every core, not Vitest's default of one fewer: a test file mostly waits on its database (PGlite in
    // the worker, or the PostgreSQL server), so on a 2-core machine one worker left a core idle.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts'],
          globalSetup: ['src/test-support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // A worker process runs file after file with the modules it already imported and PGlite's
          // WebAssembly already compiled: starting a process, importing the app and compiling PGlite again
          // for each of some 150 files was about a third of the suite's time. Each file still opens its own
          // databases and closes them; nothing a test relies on is kept in a module between files.
          isolate: false,
        },
      },
      {
        // The web's components, rendered in jsdom with Testing Library.
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/test-support/setup.ts'],
        },
      },
    ],
  },
});
