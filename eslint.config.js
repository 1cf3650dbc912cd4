import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'src/generated/',
      'src/dictionaries/',
      'node_modules/',
      'custom-elements.json',
      'scripts/bench/corpus.json',
      'examples/*/dist/',
      'demo/.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      'no-console': ['error', {allow: ['warn', 'error']}],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: {lit, 'lit-a11y': litA11y, wc},
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      'lit/no-invalid-html': 'error',
      'lit/attribute-value-entities': 'error',
      // The meter's text is rendered into its light DOM on purpose (SPEC §2.1).
      'wc/no-child-traversal-in-connectedcallback': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'scripts/**', '.storybook/**'],
    rules: {'no-console': 'off', '@typescript-eslint/no-unused-expressions': 'off'},
  },
);
