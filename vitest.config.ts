import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Browser tests (tests/e2e/README.md): real Chromium against seeded nodes started from the
// built site. One file at a time: each starts a node and a browser, and the machines are small.
const browserTests: TestProjectInlineConfiguration = {
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    // Every query runs compiled by graphql-jit from its first execution, so the suites check
    // the compiled answers, not only Apollo's (registry-server/src/graphql/compiled-queries.ts).
    env: { UMN_GRAPHQL_COMPILE_AFTER: '0' },
  },
};

// One run for every package. Tiers are named by file: *.test.ts (unit),
// *.integration.test.ts (real store, real HTTP, child processes), *.e2e.test.ts (browser).
export default defineConfig({
  test: {
    projects: [
      {
        // graphql 16 has no "exports" map: Node (and so Apollo) loads its CommonJS entry, while
        // Vite would pick index.mjs through the "module" field. Two copies fail every query ("from
        // another module or realm"), so tests load the same entry as Node does.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'server',
          include: [
            'registry-server/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'registry-server/bench/**/*.test.ts',
            'tests/**/*.test.ts',
            'seeds/**/*.test.ts',
            'schemas/**/*.test.ts',
          ],
          // The browser tests have their own project; their helpers' unit tests run here.
          exclude: ['**/node_modules/**', 'tests/e2e/**/*.e2e.test.ts'],
          expect: { requireAssertions: true },
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'forks',
          setupFiles: ['registry-server/src/testing/vitest-setup.ts'],
          // As for the browser tests: queries run compiled from their first execution.
          env: { UMN_GRAPHQL_COMPILE_AFTER: '0' },
        },
      },
      'web/vitest.config.ts',
      // scripts/test-all.ts leaves them out when no Chromium can be had, and then fails the run
      // at the end with the command that installs it.
      ...(process.env.UMN_BROWSER_TESTS === 'off' ? [] : [browserTests]),
    ],
  },
});
