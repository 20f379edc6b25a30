// Server-side rendering under load (issue 13, point 4): pages per second, p50 and p99 of pages the
// site renders (the search page, an initiative page), at 10 requests in flight, from the load
// generator in a worker thread. The pages vary (words, filters, the interface language) so that
// no cache of a whole page or of one GraphQL answer could serve them, and every answer is checked
// to be the page asked for, in the language asked for: anything else counts as an error.
import { availableParallelism } from 'node:os';
import { loadInWorker } from './load-in-worker.ts';
import { envNumber, percentile } from './bench-measure.ts';
import type { LoadOptions, LoadRequest } from './load-generator.ts';
import type { BenchQuery } from './search-bench-queries.ts';

/** Pages per second each page type must reach at concurrency 10 on the 2-core machine. */
export const PAGES_PER_SECOND_TARGET = 300;

/** The interface languages the pages are asked in (web/src/lib/i18n/languages.ts). */
export const PAGE_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;

export interface PageLoadParams {
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
}

/** The same knobs as the GraphQL bench (README: BENCH_CONCURRENCY, BENCH_WARMUP_SECONDS, BENCH_SECONDS). */
export function pageLoadParams(): PageLoadParams {
  return {
    concurrency: envNumber('BENCH_CONCURRENCY', 10, true),
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 1, false),
    seconds: envNumber('BENCH_SECONDS', 5, false),
  };
}

export interface PageLoadFigures {
  label: string;
  /** Distinct requests the loops took in turn. */
  variants: number;
  pages: number;
  errors: number;
  firstError: string | undefined;
  pagesPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  concurrency: number;
  /**
   * CPU time per page, warm-up included (null when not measured): of the node's main thread
   * (HTTP, GraphQL, the store), and of all the node's threads (with the render threads, ADR 0024).
   */
  nodeCpuMsPerPage: { main: number; all: number } | null;
}

/** CPU time the node has used so far, in milliseconds: its main thread, and all its threads. */
export interface NodeCpu {
  read(): Promise<{ main: number; all: number }>;
  /** The node runs in the bench's own process, whose CPU then counts the load generator's too. */
  sharesProcessWithLoad: boolean;
}

/** The calling thread's CPU time in milliseconds (process.threadCpuUsage, Node 23.9 and later). */
export function threadCpuMs(): number {
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
}

/** This process's CPU time in milliseconds, all threads. */
export function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** The CPU of a node running in this process. */
export const cpuOfThisProcess: NodeCpu = {
  read: () => Promise.resolve({ main: threadCpuMs(), all: processCpuMs() }),
  sharesProcessWithLoad: true,
};

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page states this language on its <html> element (hooks.server.ts fills it per request). */
const inLanguage = (lang: string) => new RegExp(`<html lang="${lang}" dir="(?:ltr|rtl)">`);

/**
 * Search pages, a word and two facet filters each (country, sector), the languages in turn, some
 * asked with Accept-Language and some with ?lang= (the language switcher's links). A real search
 * page names the word in its <title> and shows either its results or the "nothing found" block;
 * a registry that could not search gives neither.
 */
export function searchPageRequests(baseUrl: string, queries: readonly BenchQuery[]): LoadRequest[] {
  return queries.map((q, i) => {
    const lang = PAGE_LANGUAGES[i % PAGE_LANGUAGES.length]!;
    // The order of the search page's own links (search-params.ts), so no request is redirected.
    const params = new URLSearchParams({ q: q.text, country: q.country, sector: q.sector });
    const byQuery = i % 4 === 3;
    if (byQuery) params.set('lang', lang);
    return {
      url: `${baseUrl}/search?${params}`,
      headers: byQuery ? { 'accept-language': 'en' } : { 'accept-language': `${lang},en;q=0.5` },
      mustMatch: [
        inLanguage(lang),
        new RegExp(`<title>[^<]*${escapeRegExp(escapeText(q.text))}[^<]*</title>`),
        /class="(?:result-list|empty)[ "]/,
      ],
    };
  });
}

/** A plain search, one word and no filter, in each language: the page most readers start from. */
export function plainSearchRequests(baseUrl: string, words: readonly string[]): LoadRequest[] {
  return words.map((word, i) => {
    const lang = PAGE_LANGUAGES[i % PAGE_LANGUAGES.length]!;
    return {
      url: `${baseUrl}/search?${new URLSearchParams({ q: word })}`,
      headers: { 'accept-language': lang },
      mustMatch: [
        inLanguage(lang),
        new RegExp(`<title>[^<]*${escapeRegExp(escapeText(word))}[^<]*</title>`),
        /class="(?:result-list|empty)[ "]/,
      ],
    };
  });
}

/**
 * A record page in every language: its <title> in each language is read once first (and must
 * name the record: `mustName`, e.g. "Univerbal"), then every answer under load must carry that
 * same title and language.
 */
export async function recordPageRequests(baseUrl: string, path: string, mustName: string): Promise<LoadRequest[]> {
  const requests: LoadRequest[] = [];
  for (const [i, lang] of PAGE_LANGUAGES.entries()) {
    const byQuery = i % 3 === 2;
    const url = byQuery ? `${baseUrl}${path}?lang=${lang}` : `${baseUrl}${path}`;
    const headers = { 'accept-language': byQuery ? 'en' : lang };
    const response = await fetch(url, { headers: { ...headers, accept: 'text/html' }, redirect: 'manual' });
    const html = await response.text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    if (response.status !== 200 || !title?.includes(mustName) || !inLanguage(lang).test(html))
      throw new Error(`${path} in ${lang} answered ${response.status} with title "${title}"; expected 200, a title naming "${mustName}".`);
    requests.push({ url, headers, mustMatch: [inLanguage(lang), new RegExp(`<title>${escapeRegExp(title)}</title>`)] });
  }
  return requests;
}

/** Sends every request once, one at a time: stops with what is wrong before the load starts. */
export async function checkPages(requests: readonly LoadRequest[]): Promise<void> {
  for (const request of requests) {
    const response = await fetch(request.url, { headers: { ...request.headers, accept: 'text/html' }, redirect: 'manual' });
    const html = await response.text();
    const missing = request.mustMatch.find((pattern) => !pattern.test(html));
    if (response.status !== 200 || missing)
      throw new Error(
        `${request.url} answered ${response.status}${missing ? `, without ${missing}` : ''}; is the site built (npm run bench builds it)?`,
      );
  }
}

/** Runs the load generator in a worker thread over `requests`, and summarises. */
export async function loadPages(
  label: string,
  requests: LoadRequest[],
  params: PageLoadParams,
  nodeCpu?: NodeCpu,
): Promise<PageLoadFigures> {
  const options: LoadOptions = {
    url: requests[0]!.url,
    headers: { accept: 'text/html' },
    requests,
    concurrency: params.concurrency,
    warmupMs: params.warmupSeconds * 1000,
    durationMs: params.seconds * 1000,
    // Time, not a count, ends the phase: 2,000 pages/s for the whole phase would be far above the target.
    maxRequests: Math.ceil(params.seconds * 2_000),
  };
  const cpuBefore = await nodeCpu?.read();
  const result = await loadInWorker(options);
  const cpuAfter = await nodeCpu?.read();
  const pagesAnswered = Math.max(1, result.answered);
  const sorted = result.latenciesMs.sort();
  return {
    label,
    variants: requests.length,
    pages: result.completed,
    errors: result.errors,
    firstError: result.firstError,
    pagesPerSecond: result.completed / (result.elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    concurrency: params.concurrency,
    nodeCpuMsPerPage:
      cpuBefore === undefined || cpuAfter === undefined
        ? null
        : {
            main: (cpuAfter.main - cpuBefore.main) / pagesAnswered,
            all: (cpuAfter.all - cpuBefore.all - (nodeCpu!.sharesProcessWithLoad ? result.cpuMs : 0)) / pagesAnswered,
          },
  };
}

/**
 * The most pages per second the node could render if it had the machine's cores to itself: its
 * main thread answers every page's GraphQL, and all its threads share the cores.
 */
export function pagesPerSecondCeiling(cpu: { main: number; all: number }, cores = availableParallelism()): number {
  return Math.min(1000 / cpu.main, (cores * 1000) / cpu.all);
}

/** The table's header, then one line per page type with its target verdict. */
export function pageLoadHeader(): string {
  return `${'page (server-side rendering)'.padEnd(52)} ${'pages/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'pages'.padStart(6)} ${'errors'.padStart(6)} ${'CPU ms/page main/all'.padStart(20)} ${'ceiling/s'.padStart(9)}   target`;
}

export function pageLoadLine(f: PageLoadFigures): string {
  const met = f.errors === 0 && f.pagesPerSecond >= PAGES_PER_SECOND_TARGET;
  const verdict = `≥ ${PAGES_PER_SECOND_TARGET}/s at ${f.concurrency}: ${met ? 'MET' : 'NOT MET'}`;
  const cpu = f.nodeCpuMsPerPage;
  const cpuText = cpu ? `${cpu.main.toFixed(2)} / ${cpu.all.toFixed(2)}` : '-';
  const ceiling = cpu ? pagesPerSecondCeiling(cpu).toFixed(0) : '-';
  const line = `${f.label.padEnd(52)} ${f.pagesPerSecond.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(7)} ${f.p99.toFixed(1).padStart(7)} ${String(f.pages).padStart(6)} ${String(f.errors).padStart(6)} ${cpuText.padStart(20)} ${ceiling.padStart(9)}   ${verdict}`;
  return f.firstError ? `${line}\n  first error: ${f.firstError}` : line;
}
