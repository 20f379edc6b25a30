import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { routeMessages } from './src/lib/i18n/route-messages-plugin.ts';

// Unit tests of the web package. The SvelteKit plugin is here so that it writes the generated
// `$app/tsconfig` that tsconfig.json extends (Vite's transform reads it) and so that `#lib/…`,
// `$app/…` and .svelte files resolve as in the app. In the root vitest `projects` list this
// project needs `root: import.meta.dirname`, which this file sets.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [routeMessages(`${import.meta.dirname}/src`), sveltekit()],
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    expect: { requireAssertions: true },
  },
});
