// Web bench (issue #6): what each page type ships to the browser (JavaScript and CSS, gzip),
// measured on a seeded node serving the built site. Target: at most 100 KB compressed JS+CSS
// for the search page. Then server-side rendering under load (issue 13): an initiative page in
// every language at concurrency 10, target ≥ 300 pages/s (page-load.ts). The search page at
// 100,000 listings, its time to first byte and its rendering under load, is measured by
// search.bench.ts, on its large store.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startNode } from '../src/main.ts';
import { testConfig } from '../src/testing/test-node.ts';
import { defaultRenderThreads } from '../src/config/config.ts';
import { runBench } from './run-bench.ts';
import { seededPages } from './seeded-pages.ts';
import { pageWeight, type PageWeight } from './web-page-weight.ts';
import { checkPages, loadPages, pageLoadHeader, pageLoadLine, pageLoadParams, recordPageRequests, cpuOfThisProcess } from './page-load.ts';

const SEARCH_TARGET_BYTES = 100 * 1024;
const out = (text = '') => process.stdout.write(`${text}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

runBench(async () => {
  const loadParams = pageLoadParams();
  if (!existsSync(fileURLToPath(new URL('../../web/build/handler.js', import.meta.url)))) {
    out('Web bench: the site is not built. Run `npx -y pnpm@12.21.0 --filter @umn/web run build` (npm start and npm run bench do it).');
    return 1;
  }
  const node = await startNode(testConfig({ seed: true, logLevel: 'warning', renderThreads: defaultRenderThreads() }), { web: true });
  try {
    const practice = await seededPages(node.url);
    const pages: Array<[string, string]> = [
      ['home', '/'],
      ['search (list)', '/search?q=interpreting'],
      ['search (map)', '/search?q=cooperative&view=map'],
      ['initiative', '/initiatives/univerbal'],
      ['good practice', `/practices/${practice.practiceSlug}`],
      ['city node', '/nodes/liege'],
      ['practice-type comparison', `/practice-types/${practice.practiceType}`],
      ['shortlist', '/shortlist'],
      ['sign-in', '/sign-in'],
      ['accessibility statement', '/accessibility'],
    ];
    out('Web bench: JavaScript and CSS each page type ships (gzip level 6), seeded Liège node, English');
    out(
      `${'page type'.padEnd(26)} ${'status'.padStart(6)} ${'HTML'.padStart(9)} ${'JS'.padStart(9)} ${'CSS'.padStart(9)} ${'JS+CSS'.padStart(9)} files`,
    );
    let searchBytes = 0;
    const weights: Array<PageWeight & { label: string }> = [];
    for (const [label, path] of pages) {
      const w = await pageWeight(node.url, path);
      weights.push({ label, ...w });
      if (label === 'search (list)') searchBytes = w.jsGzipBytes + w.cssGzipBytes;
      out(
        `${label.padEnd(26)} ${String(w.status).padStart(6)} ${kb(w.htmlGzipBytes).padStart(9)} ${kb(w.jsGzipBytes).padStart(9)} ${kb(w.cssGzipBytes).padStart(9)} ${kb(w.jsGzipBytes + w.cssGzipBytes).padStart(9)} ${w.assets}`,
      );
    }
    out();
    out(
      `search page JS+CSS ${kb(searchBytes)} — target ≤ ${kb(SEARCH_TARGET_BYTES)}: ${searchBytes <= SEARCH_TARGET_BYTES ? 'MET' : 'NOT MET'}`,
    );

    out();
    out(`Server-side rendering under load, seeded Liège node, ${loadParams.concurrency} requests in flight, ${loadParams.seconds} s each:`);
    const initiative = await recordPageRequests(node.url, '/initiatives/univerbal', 'Univerbal');
    await checkPages(initiative);
    // The node runs on this thread (the load generator on its own): its CPU time is the node's.
    const ssr = [await loadPages('initiative /initiatives/univerbal, 9 languages', initiative, loadParams, cpuOfThisProcess)];
    out(pageLoadHeader());
    for (const figures of ssr) out(pageLoadLine(figures));

    mkdirSync(fileURLToPath(new URL('../bench-results/', import.meta.url)), { recursive: true });
    writeFileSync(
      fileURLToPath(new URL('../bench-results/web.json', import.meta.url)),
      JSON.stringify({ weights, searchJsCssGzipBytes: searchBytes, ssr, loadParams }, null, 2),
    );
    return ssr.some((figures) => figures.errors > 0) ? 1 : 0;
  } finally {
    await node.close();
  }
});
