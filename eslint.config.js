// One linter for the tree (docs/adr/0017-one-formatter-one-linter.md): ESLint's and
// typescript-eslint's recommended rules, eslint-plugin-svelte's for the site, and
// eslint-config-prettier last so no rule argues with the formatter. Rules that need type
// information are left out: they would make `npm test` slower by a minute for little gain here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['**/node_modules/', '**/build/', '**/.svelte-kit/', 'tests/e2e/artifacts/', '**/generated/', 'data/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_` marks a parameter or binding kept on purpose (Express's error handler needs four).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The site is served at the root of its origin (no kit.paths.base), and its links are built
      // by its own helpers; resolve() would add nothing but noise to every href.
      'svelte/no-navigation-without-resolve': 'off',
      // `{' '}` is how a template keeps a space between an element and the text after it through
      // formatting; the rule counts it as useless.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Tests, benchmarks and their helpers read JSON answers whose shape the test asserts next.
    files: ['**/*.test.ts', 'tests/**', 'registry-server/bench/**', 'registry-server/src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
