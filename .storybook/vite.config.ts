import {defineConfig} from 'vite';

/**
 * Storybook's own Vite config. The project's `vite.config.ts` builds the library (`build.lib`,
 * external Lit, a `demo/` root): none of that belongs in Storybook, which bundles Lit and the
 * stories into a static site. `main.ts` points the builder here (`viteConfigPath`).
 *
 * Decorators: `tsconfig.json` sets `experimentalDecorators: true` and
 * `useDefineForClassFields: false`; Vite's TypeScript transform reads them from there, and
 * `test/stories.mjs` fails if an element never upgrades.
 */
export default defineConfig({
  build: {
    // Storybook passes only `build.target` through from this file.
    target: 'es2022',
  },
});
