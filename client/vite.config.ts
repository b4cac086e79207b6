import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = import.meta.dirname;

export default defineConfig({
  root: clientDir,
  plugins: [react()],
  resolve: {
    alias: {
      '@locales': path.resolve(clientDir, '..', 'locales'),
      // Person-facing texts (issue 18), one file per person language: not staff interface languages.
      '@person-texts': path.resolve(clientDir, '..', 'person-texts'),
      // The contract the server also builds on: definition schemas, stage-tree and form walkers, API types.
      '@contracts': path.resolve(clientDir, '..', 'server', 'src', 'contracts'),
    },
  },
  server: {
    fs: { allow: [path.resolve(clientDir, '..')] },
    proxy: { '/api': 'http://127.0.0.1:3000', '/formio': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: path.resolve(clientDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // The strict CSP forbids inline scripts; Vite's module preload polyfill is bundled, never inlined.
    assetsInlineLimit: 0,
  },
});
