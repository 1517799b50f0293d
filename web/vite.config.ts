import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web UI: built into dist/web, which the Fastify server serves (index.html for unknown paths). */
export default defineConfig({
  root: decodeURIComponent(new URL('.', import.meta.url).pathname),
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The USWDS stylesheet is large but cached; the JavaScript stays small.
    chunkSizeWarningLimit: 600,
    // Every asset is a file, never a data: URI, so a strict Content-Security-Policy (img-src 'self') holds.
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite web` during development: the API runs separately (`custodia serve --port 8080`).
    proxy: { '/api': 'http://127.0.0.1:8080', '/readyz': 'http://127.0.0.1:8080' },
  },
});
