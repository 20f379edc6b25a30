import { describe, expect, it } from 'vitest';
import { linkedAssets } from './web-page-weight.ts';

describe('linkedAssets', () => {
  it('finds preloads, stylesheets and start-up imports on the same origin, once each', () => {
    const html = `<link rel="modulepreload" href="/_app/immutable/entry/start.js"><link href="/_app/immutable/assets/0.css" rel="stylesheet">
      <script>Promise.all([import("/_app/immutable/entry/start.js"), import("/_app/immutable/entry/app.js")])</script>
      <script src="https://cdn.example/x.js"></script><a href="/initiatives/univerbal">x</a>`;
    const urls = linkedAssets(html, new URL('http://127.0.0.1:3000/search?q=x')).map((u) => u.pathname);
    expect(urls).toEqual(['/_app/immutable/entry/start.js', '/_app/immutable/assets/0.css', '/_app/immutable/entry/app.js']);
  });
});
