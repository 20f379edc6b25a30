import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { routeMessages } from './src/lib/i18n/route-messages-plugin.ts';

// SvelteKit 3 reads its configuration here (there is no svelte.config.js). adapter-node writes
// build/handler.js, a connect-style (req, res, next) handler that the registry's Express app
// mounts after /graphql and /healthz, so pages and the API share one process and one origin.
export default defineConfig({
  plugins: [
    // Which messages each page is sent (src/lib/i18n/page-messages.ts).
    routeMessages(`${import.meta.dirname}/src`),
    sveltekit({
      adapter: adapter(),
      // Each page's CSS goes inline in a <style> of its <head> (with the page's CSP nonce, added by
      // SvelteKit), so the first paint waits for the HTML only, not for a stylesheet request
      // after it: on Lighthouse's slow 4G that round trip was a quarter of the first contentful
      // paint (issue 13). Every stylesheet of the site is under 6 KB (about 2 KB compressed);
      // one that grows past 16 KB is linked again rather than weigh down every page.
      inlineStyleThreshold: 16 * 1024,
      // The pages' Content-Security-Policy (docs/adr/0014-security-headers-and-introspection-limits.md).
      // SvelteKit adds a fresh nonce to script-src and style-src on every page it renders, for
      // its own inline start-up script; nothing else inline may run, and no inline style applies.
      // Everything the site uses is its own: scripts, styles, the favicon, the map of Europe
      // (an <image> of /europe-map.svg), its data requests and its forms. The registry's
      // server gives every other answer a stricter policy (registry-server/src/http/security-headers.ts).
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          // The one inline style the site has is SvelteKit's own: the visually hidden
          // #svelte-announcer that reads out page titles after a client-side navigation
          // (sveltejs/kit#11993). Its exact style attribute is allowed by hash, nothing else;
          // a SvelteKit update that changes it fails the browser tests (tests/e2e/security.e2e.test.ts).
          'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
          'img-src': ['self'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
          'base-uri': ['self'],
          'object-src': ['none'],
        },
      },
    }),
  ],
});
