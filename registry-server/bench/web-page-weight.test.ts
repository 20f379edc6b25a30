import { describe, expect, it } from 'vitest';
import { linkedAssets, startupModules } from './web-page-weight.ts';

describe('linkedAssets', () => {
  it('finds preloads, stylesheets and start-up imports on the same origin, once each', () => {
    const html = `<link rel="modulepreload" href="/_app/immutable/entry/start.js"><link href="/_app/immutable/assets/0.css" rel="stylesheet">
      <script>Promise.all([import("/_app/immutable/entry/start.js"), import("/_app/immutable/entry/app.js")])</script>
      <script src="https://cdn.example/x.js"></script><a href="/initiatives/univerbal">x</a>`;
    const urls = linkedAssets(html, new URL('http://127.0.0.1:3000/search?q=x')).map((u) => u.pathname);
    expect(urls).toEqual(['/_app/immutable/entry/start.js', '/_app/immutable/assets/0.css', '/_app/immutable/entry/app.js']);
  });

  it('leaves out the stylesheets SvelteKit inlined (linked disabled, never fetched)', () => {
    const html = `<link href="./_app/immutable/assets/0.css" rel="stylesheet" disabled media="(max-width: 0)"><link href="./_app/immutable/assets/1.css" rel="stylesheet">`;
    expect(linkedAssets(html, new URL('http://127.0.0.1:3000/')).map((u) => u.pathname)).toEqual(['/_app/immutable/assets/1.css']);
  });
});

describe('startupModules', () => {
  const base = 'http://127.0.0.1:3000/_app/immutable/';
  it('follows static imports of any module', () => {
    const source = 'import{a as b}from"../chunks/A.js";import"../chunks/B.js";const x=()=>import(`../chunks/Lazy.js`);';
    expect(startupModules(source, new URL(`${base}chunks/C.js`), []).map((u) => u.pathname)).toEqual([
      '/_app/immutable/chunks/A.js',
      '/_app/immutable/chunks/B.js',
    ]);
  });

  it("takes the client runtime's lazy import in start, and in app only the page's route nodes, with their Vite dependencies", () => {
    const start =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["../chunks/K.js","../chunks/D1.js"])))=>i.map(i=>d[i]);import{t}from"../chunks/T.js";n??=t(()=>import(`../chunks/K.js`),__vite__mapDeps([0,1]),import.meta.url)';
    expect(startupModules(start, new URL(`${base}entry/start.X1.js`), [0, 5]).map((u) => u.pathname)).toEqual([
      '/_app/immutable/chunks/T.js',
      '/_app/immutable/chunks/K.js',
      '/_app/immutable/chunks/K.js',
      '/_app/immutable/chunks/D1.js',
    ]);
    const app =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["../nodes/0.a.js","../chunks/S.js","../nodes/1.b.js","../nodes/5.c.js","../chunks/M.js"])))=>i.map(i=>d[i]);const nodes=[()=>e(()=>import(`../nodes/0.a.js`),__vite__mapDeps([0,1]),import.meta.url),()=>e(()=>import(`../nodes/1.b.js`),__vite__mapDeps([2,1]),import.meta.url),()=>e(()=>import(`../nodes/5.c.js`),__vite__mapDeps([3,4]),import.meta.url)]';
    expect(startupModules(app, new URL(`${base}entry/app.Y2.js`), [0, 5]).map((u) => u.pathname)).toEqual([
      '/_app/immutable/nodes/0.a.js',
      '/_app/immutable/nodes/0.a.js',
      '/_app/immutable/chunks/S.js',
      '/_app/immutable/nodes/5.c.js',
      '/_app/immutable/nodes/5.c.js',
      '/_app/immutable/chunks/M.js',
    ]);
  });
});
