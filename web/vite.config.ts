import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';

// SvelteKit 3 reads its configuration here (there is no svelte.config.js). adapter-node writes
// build/handler.js, a connect-style (req, res, next) handler that the registry's Express app
// mounts after /graphql and /healthz, so pages and the API share one process and one origin.
export default defineConfig({
  plugins: [sveltekit({ adapter: adapter() })],
});
