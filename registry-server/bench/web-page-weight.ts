// What a page type ships to the browser, measured from the HTML a node serves: the JavaScript and
// CSS it links (module preloads, scripts, stylesheets and the imports of SvelteKit's start-up
// script) and the modules those load at start-up (see startupModules), each fetched once and
// gzip-compressed (level 6, what the node itself applies to its pages). CSS inlined in the page
// counts both in its HTML and as CSS.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  status: number;
  htmlGzipBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  assets: number;
}

const ASSET_PATTERN = /(?:href|src)="([^"]+\.(?:js|css))"|import\("([^"]+\.js)"\)/g;

/** The same-origin JS and CSS files an HTML page links. */
export function linkedAssets(html: string, pageUrl: URL): URL[] {
  const urls = new Map<string, URL>();
  // A disabled stylesheet is not fetched: SvelteKit keeps one for each stylesheet it inlined.
  const fetched = html.replace(/<link\b[^>]*\bdisabled\b[^>]*>/g, '');
  for (const match of fetched.matchAll(ASSET_PATTERN)) {
    const raw = match[1] ?? match[2];
    if (!raw) continue;
    const url = new URL(raw.replaceAll('&amp;', '&'), pageUrl);
    if (url.origin === pageUrl.origin) urls.set(url.href, url);
  }
  return [...urls.values()];
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 }).length;

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g;
const LAZY_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)(?:\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]\))?/g;
const MAP_DEPS = /m\.f\s*\|\|\s*\(m\.f\s*=\s*\[([^\]]*)\]/;

/**
 * The modules a linked module brings at start-up: its static imports, and, in SvelteKit's
 * entry modules, the lazy imports the client makes at once: every one in `start` (the client
 * runtime), and in `app` only those of the page's route nodes (`node_ids` of the start-up
 * script), each with the dependencies Vite lists for it (__vite__mapDeps). Lazy imports of
 * other modules (a component loaded on demand) are not counted, as before pages stopped
 * preloading their modules.
 */
export function startupModules(source: string, moduleUrl: URL, nodeIds: readonly number[]): URL[] {
  const found: URL[] = [];
  for (const match of source.matchAll(STATIC_IMPORT)) found.push(new URL(match[1]!, moduleUrl));
  const entry = /\/entry\/(start|app)\.[^/]*\.js$/.exec(moduleUrl.pathname)?.[1];
  if (!entry) return found;
  const deps = (MAP_DEPS.exec(source)?.[1] ?? '').split(',').map((dep) => dep.trim().replace(/^["'`]|["'`]$/g, ''));
  for (const match of source.matchAll(LAZY_IMPORT)) {
    const node = /\/nodes\/(\d+)\.[^/]*\.js$/.exec(match[1]!)?.[1];
    if (entry === 'app' && (node === undefined || !nodeIds.includes(Number(node)))) continue;
    found.push(new URL(match[1]!, moduleUrl));
    for (const index of (match[2] ?? '').split(',').filter((i) => i.trim())) {
      const dep = deps[Number(index)];
      if (dep) found.push(new URL(dep, moduleUrl));
    }
  }
  return found;
}

export async function pageWeight(baseUrl: string, path: string): Promise<PageWeight> {
  const pageUrl = new URL(path, baseUrl);
  const response = await fetch(pageUrl, { headers: { accept: 'text/html', 'accept-language': 'en' }, redirect: 'manual' });
  const html = await response.text();
  const nodeIds = (/node_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1] ?? '')
    .split(',')
    .filter((id) => id.trim())
    .map(Number);
  let js = 0;
  // CSS inlined in the page (kit.inlineStyleThreshold) counts as CSS too, though it comes with the HTML.
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css).join('\n');
  let css = inlineCss ? gzipSize(new TextEncoder().encode(inlineCss)) : 0;
  const queue = linkedAssets(html, pageUrl);
  // Stylesheets SvelteKit inlined stay linked, disabled, so that the client does not load them again.
  const inlined = [...html.matchAll(/<link\b[^>]*\bdisabled\b[^>]*>/g)].flatMap(([tag]) => {
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    return href ? [new URL(href.replaceAll('&amp;', '&'), pageUrl).href] : [];
  });
  const seen = new Set([...queue.map((url) => url.href), ...inlined]);
  for (let i = 0; i < queue.length; i++) {
    const asset = queue[i]!;
    const bytes = new Uint8Array(await (await fetch(asset)).arrayBuffer());
    if (asset.pathname.endsWith('.css')) {
      css += gzipSize(bytes);
      continue;
    }
    js += gzipSize(bytes);
    for (const url of startupModules(new TextDecoder().decode(bytes), asset, nodeIds)) {
      if (url.origin !== pageUrl.origin || seen.has(url.href)) continue;
      seen.add(url.href);
      queue.push(url);
    }
  }
  const assets = queue;
  return {
    path,
    status: response.status,
    htmlGzipBytes: gzipSize(new TextEncoder().encode(html)),
    jsGzipBytes: js,
    cssGzipBytes: css,
    assets: assets.length,
  };
}
