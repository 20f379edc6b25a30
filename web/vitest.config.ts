import { defineConfig } from 'vitest/config';

// Unit tests of the web package run without the SvelteKit plugin: they test plain TypeScript
// modules (language negotiation, message files, the GraphQL request helper). In the root
// vitest `projects` list this project needs `root: import.meta.dirname`.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    expect: { requireAssertions: true },
  },
});
