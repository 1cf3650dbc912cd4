import {resolve} from 'node:path';
import {defineConfig} from 'vite';
import react from '@vitejs/plugin-react';

const repository = resolve(import.meta.dirname, '../..');

// Served by the demo server at /examples/react/. `serein/…` resolves to the library built in
// this repository (`npm run build`), as an installed package's exports would.
export default defineConfig({
  root: import.meta.dirname,
  base: '/examples/react/',
  plugins: [react()],
  resolve: {
    alias: [
      {find: /^serein\/estimator-worker\.js/, replacement: `${repository}/dist/chunks/estimator-worker.js`},
      {find: /^serein\/(.+)$/, replacement: `${repository}/dist/$1`},
    ],
  },
  // The meter's worker keeps its dictionaries as separate chunks, loaded per language on demand.
  worker: {format: 'es'},
  // The zxcvbn dictionaries are large, and loaded only when a password is typed.
  build: {outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000},
  logLevel: 'warn',
});
