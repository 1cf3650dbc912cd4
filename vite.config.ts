import {resolve} from 'node:path';
import {defineConfig, type Plugin} from 'vite';
import {minifyTemplates} from './scripts/minify-templates.mjs';

const here = import.meta.dirname;
const src = (path: string) => resolve(here, 'src', path);

// Lit and @lit/localize are shared with the host page (lit-localize can be configured only
// once per page), so the module build leaves them to the host's bundler.
const external = [
  /^lit($|\/)/,
  /^lit-html($|\/)/,
  /^lit-element($|\/)/,
  /^@lit\/reactive-element($|\/)/,
  /^@lit\/localize($|\/)/,
];

// The worker, and the compact word lists under fixed names beside it: the worker asks for the
// active language's lists by name as soon as it starts (see src/internal/estimator-worker.ts).
const compactLists = ['common', 'en', 'fr', 'de', 'es', 'ar', 'it', 'pt-BR', 'nl', 'pl', 'ja'];
const workerEntry = {
  'chunks/estimator-worker': src('internal/estimator-worker.ts'),
  ...Object.fromEntries(compactLists.map((key) => [`chunks/compact-${key}`, src(`dictionaries/compact-${key}.js`)])),
};

const output = {
  // The shared core is one chunk that every component's entry imports (not several small ones,
  // each paying its own compression context), and the meter, which both password forms embed,
  // is another.
  codeSplitting: {
    groups: [
      {
        priority: 2,
        name: 'core',
        // Everything in src/internal/core/ (see CONTRIBUTING.md, "The loading rule").
        test: /src\/internal\/core\//,
      },
      {
        priority: 1,
        name: 'strength-meter',
        test: /src\/components\/strength-meter\/strength-meter\.ts$/,
      },
    ],
  },
  entryFileNames: '[name].js',
  minify: true,
  // The estimator client and its worker end up side by side in chunks/: the client finds the
  // worker with new URL('./estimator-worker.js', import.meta.url).
  chunkFileNames: 'chunks/[name]-[hash].js',
};

/** Collapses the white space of Lit's templates (see scripts/minify-templates.mjs). */
export function minifyLitTemplates(): Plugin {
  return {
    name: 'serein-minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(resolve(here, 'src')) || !/\b(html|css|unsafeCSS\()`/.test(code)) return null;
      return {code: minifyTemplates(code), map: null};
    },
  };
}

export default defineConfig(({mode}) => {
  const bundle = mode === 'bundle';
  return {
    root: here,
    plugins: [minifyLitTemplates()],
    build: {
      target: 'es2022',
      minify: true,
      sourcemap: true,
      outDir: bundle ? resolve(here, 'dist/bundle') : resolve(here, 'dist'),
      emptyOutDir: !bundle,
      lib: {
        formats: ['es'],
        entry: bundle
          ? {serein: src('bundle.ts'), ...workerEntry}
          : {
              index: src('index.ts'),
              'strength-meter': src('strength-meter.ts'),
              'define/strength-meter': src('define/strength-meter.ts'),
              'password-change': src('password-change.ts'),
              'define/password-change': src('define/password-change.ts'),
              'otp-prompt': src('otp-prompt.ts'),
              'define/otp-prompt': src('define/otp-prompt.ts'),
              'recovery-wizard': src('recovery-wizard.ts'),
              'define/recovery-wizard': src('define/recovery-wizard.ts'),
              'passkey-button': src('passkey-button.ts'),
              'define/passkey-button': src('define/passkey-button.ts'),
              define: src('define.ts'),
              localization: src('localization.ts'),
              messages: src('messages.ts'),
              ...workerEntry,
            },
      },
      rolldownOptions: {
        external: bundle ? [] : external,
        preserveEntrySignatures: 'strict',
        output,
      },
    },
  };
});
