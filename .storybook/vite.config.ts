import {defineConfig} from 'vite';

/**
 * Storybook's own Vite config. The project's `vite.config.ts` builds the library (`build.lib`,
 * external Lit, a `demo/` root): none of that belongs in Storybook, which bundles Lit and the
 * stories into a static site. `main.ts` points the builder here (`viteConfigPath`).
 *
 * Decorators: `tsconfig.json` sets `experimentalDecorators: true` and
 * `useDefineForClassFields: false`; Vite's TypeScript transform reads them from there, and
 * `test/stories.mjs` fails if an element never upgrades (package.json's `sideEffects` lists the
 * source define modules too, or the bundler would drop their registration).
 */
export default defineConfig({
  optimizeDeps: {
    // The web-components renderer imports this Lit module itself; unless it is pre-bundled with
    // `lit`, the dev server loads a second copy of lit-html ("Multiple versions of Lit loaded").
    include: ['lit/directive-helpers.js'],
  },
  build: {
    // Storybook passes only `build.target` through from this file's `build`.
    target: 'es2022',
  },
});
