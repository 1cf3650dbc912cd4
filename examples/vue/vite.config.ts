import {resolve} from 'node:path';
import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

const repository = resolve(import.meta.dirname, '../..');

// Served by the demo server at /examples/vue/. `serein/…` resolves to the library built in this
// repository (`npm run build`), as an installed package's exports would.
export default defineConfig({
  root: import.meta.dirname,
  base: '/examples/vue/',
  // Tags starting with serein- are custom elements, not Vue components.
  plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith('serein-')}}})],
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
