import { defineConfig } from 'vitest/config';

// One run for every package. Tiers are named by file: *.test.ts (unit),
// *.integration.test.ts (real store, real HTTP, child processes), *.e2e.test.ts (browser).
export default defineConfig({
  test: {
    include: ['registry-server/src/**/*.test.ts', 'tests/**/*.test.ts', 'seeds/**/*.test.ts', 'schemas/**/*.test.ts'],
    expect: { requireAssertions: true },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
