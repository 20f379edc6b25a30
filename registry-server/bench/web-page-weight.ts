// What a page type ships to the browser, measured from the HTML a node serves: the JavaScript and
// CSS it links (module preloads, scripts, stylesheets and the imports of SvelteKit's start-up
// script), each fetched once and gzip-compressed (level 6, what a reverse proxy usually applies).
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
  for (const match of html.matchAll(ASSET_PATTERN)) {
    const raw = match[1] ?? match[2];
    if (!raw) continue;
    const url = new URL(raw.replaceAll('&amp;', '&'), pageUrl);
    if (url.origin === pageUrl.origin) urls.set(url.href, url);
  }
  return [...urls.values()];
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 }).length;

export async function pageWeight(baseUrl: string, path: string): Promise<PageWeight> {
  const pageUrl = new URL(path, baseUrl);
  const response = await fetch(pageUrl, { headers: { accept: 'text/html', 'accept-language': 'en' }, redirect: 'manual' });
  const html = await response.text();
  let js = 0;
  let css = 0;
  const assets = linkedAssets(html, pageUrl);
  for (const asset of assets) {
    const bytes = new Uint8Array(await (await fetch(asset)).arrayBuffer());
    if (asset.pathname.endsWith('.css')) css += gzipSize(bytes);
    else js += gzipSize(bytes);
  }
  return {
    path,
    status: response.status,
    htmlGzipBytes: gzipSize(new TextEncoder().encode(html)),
    jsGzipBytes: js,
    cssGzipBytes: css,
    assets: assets.length,
  };
}
