// The HTTP answers of the exports (/export/…) and feeds (/feeds/…): each runs the search its URL
// names (same parameters as /search) through open-data-listings.ts and writes one format
// (lib/open-data/). Every answer names the licence (a Link rel="license" header, and in the file
// where the format has room for it) and its cap (X-UMN-Export-* headers), and may be fetched by
// other sites' maps (CORS): it holds only what the registry already publishes.
import { getLogger } from '@logtape/logtape';
import { messagesFor, type MessageKey } from '../../i18n/catalog.ts';
import { format as formatMessage } from '../../i18n/message-format.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import type { ListingKind } from '../../search/search-params.ts';
import { exportState, openDataLinks } from '../../open-data/export-links.ts';
import { initiativesCsv, practicesCsv } from '../../open-data/catalogue-csv.ts';
import { initiativesGeoJson, practicesGeoJson } from '../../open-data/catalogue-geojson.ts';
import { catalogueJsonLd } from '../../open-data/catalogue-jsonld.ts';
import { datasetDcat, newestOf, type DistributionLink } from '../../open-data/dataset-dcat.ts';
import { listingsFeedXml } from '../../open-data/listings-feed.ts';
import type { ExportMeta, OpenDataInitiative, OpenDataListing, OpenDataPractice } from '../../open-data/open-data-types.ts';
import type { RegistryQuery } from '../search-page.ts';
import { EXPORT_CAP, FEED_SIZE, loadOpenDataListings, type ListingsOutcome, type ListingsRequest } from './open-data-listings.ts';

const log = getLogger(['umn', 'web', 'open-data']);

export type ExportName =
  | 'initiatives.csv'
  | 'initiatives.geojson'
  | 'initiatives.jsonld'
  | 'practices.csv'
  | 'practices.geojson'
  | 'practices.jsonld'
  | 'dataset.jsonld';
export type FeedName = 'initiatives' | 'practices' | 'search';

interface Request {
  url: URL;
  lang: UiLanguage;
  query: RegistryQuery;
  now?: Date;
}

const KIND_OF: Record<string, ListingKind[]> = { initiatives: ['INITIATIVE'], practices: ['GOOD_PRACTICE'] };

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra } });
}

/** The answer for a search that could not run; null when it ran. */
function failure(outcome: ListingsOutcome, lang: UiLanguage): Response | null {
  const messages = messagesFor(lang);
  if (outcome.status === 'badInput') return plain(400, messages.odxBadSearch);
  if (outcome.status === 'unavailable') {
    log.error('An export could not read the registry: {error}', { error: outcome.error });
    // Never a file without its listings: a spreadsheet would show an empty catalogue as if it were one.
    return plain(503, messages.odxUnavailable, { 'retry-after': '30' });
  }
  return null;
}

function metaOf(outcome: Extract<ListingsOutcome, { status: 'ok' }>, request: Request, cap: number): ExportMeta {
  return {
    origin: request.url.origin,
    self: request.url.href,
    node: outcome.node,
    licence: outcome.licence,
    totalCount: outcome.totalCount,
    truncated: outcome.truncated,
    cap,
    generatedAt: (request.now ?? new Date()).toISOString(),
  };
}

/** Headers every export and feed carries. */
function commonHeaders(meta: ExportMeta, lang: UiLanguage): Record<string, string> {
  return {
    // Public data, polled by readers and maps: a shared cache may keep it five minutes, per language.
    'cache-control': 'public, max-age=300',
    vary: 'accept-language, cookie',
    'content-language': lang,
    'access-control-allow-origin': '*',
    'x-umn-export-total': String(meta.totalCount),
    'x-umn-export-cap': String(meta.cap),
    'x-umn-export-truncated': String(meta.truncated),
    ...(meta.licence ? { link: `<${meta.licence.url}>; rel="license"` } : {}),
  };
}

function fileName(meta: ExportMeta, name: string): string {
  const node = meta.node.slug.replace(/[^\w-]+/g, '-') || 'registry';
  const [base, extension] = name.split('.');
  return `${node}-${base}-${meta.generatedAt.slice(0, 10)}.${extension}`;
}

const t = (lang: UiLanguage) => (key: MessageKey) => messagesFor(lang)[key];

export async function exportResponse(name: ExportName, request: Request): Promise<Response> {
  if (name === 'dataset.jsonld') return datasetResponse(request);
  const [collection, extension] = name.split('.') as ['initiatives' | 'practices', 'csv' | 'geojson' | 'jsonld'];
  const listingsRequest: ListingsRequest = {
    state: exportState(request.url.searchParams),
    kinds: KIND_OF[collection]!,
    cap: EXPORT_CAP,
    newestFirst: false,
    jsonLd: extension === 'jsonld',
  };
  const outcome = await loadOpenDataListings(listingsRequest, request.lang, request.query);
  const failed = failure(outcome, request.lang);
  if (failed || outcome.status !== 'ok') return failed!;
  const meta = metaOf(outcome, request, EXPORT_CAP);
  const initiatives = () => outcome.items.filter((i): i is OpenDataInitiative => i.__typename === 'Initiative');
  const practices = () => outcome.items.filter((i): i is OpenDataPractice => i.__typename === 'GoodPractice');
  const headers = { ...commonHeaders(meta, request.lang), 'content-disposition': `attachment; filename="${fileName(meta, name)}"` };
  if (extension === 'csv') {
    const csv =
      collection === 'initiatives'
        ? initiativesCsv(initiatives(), request.lang, t(request.lang))
        : practicesCsv(practices(), request.lang, t(request.lang));
    return new Response(csv, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }
  if (extension === 'geojson') {
    const geojson = collection === 'initiatives' ? initiativesGeoJson(initiatives(), meta) : practicesGeoJson(practices(), meta);
    return new Response(JSON.stringify(geojson), { headers: { ...headers, 'content-type': 'application/geo+json' } });
  }
  return new Response(JSON.stringify(catalogueJsonLd(outcome.items, outcome.jsonLdContext)), {
    headers: { ...headers, 'content-type': 'application/ld+json' },
  });
}

async function datasetResponse(request: Request): Promise<Response> {
  const state = exportState(request.url.searchParams);
  // The newest listing dates the data (dct:modified); the files themselves are not read.
  const outcome = await loadOpenDataListings({ state, kinds: null, cap: 1, newestFirst: true, jsonLd: false }, request.lang, request.query);
  const failed = failure(outcome, request.lang);
  if (failed || outcome.status !== 'ok') return failed!;
  const meta = metaOf(outcome, request, EXPORT_CAP);
  const messages = messagesFor(request.lang);
  const links = openDataLinks(request.url.searchParams);
  const absolute = (path: string) => new URL(path, request.url.origin).href;
  const named = (key: 'odxDistInitiatives' | 'odxDistPractices', format: string) => formatMessage(messages[key], { format }, request.lang);
  const distributions: DistributionLink[] = [
    { url: absolute(links.initiatives.csv), mediaType: 'text/csv', format: 'CSV', title: named('odxDistInitiatives', 'CSV') },
    {
      url: absolute(links.initiatives.geojson),
      mediaType: 'application/geo+json',
      format: 'GEOJSON',
      title: named('odxDistInitiatives', 'GeoJSON'),
    },
    {
      url: absolute(links.initiatives.jsonld),
      mediaType: 'application/ld+json',
      format: 'JSON_LD',
      title: named('odxDistInitiatives', 'JSON-LD'),
    },
    {
      url: absolute(links.feeds.initiatives),
      mediaType: 'application/atom+xml',
      format: 'ATOM',
      title: named('odxDistInitiatives', 'Atom'),
    },
    { url: absolute(links.practices.csv), mediaType: 'text/csv', format: 'CSV', title: named('odxDistPractices', 'CSV') },
    {
      url: absolute(links.practices.geojson),
      mediaType: 'application/geo+json',
      format: 'GEOJSON',
      title: named('odxDistPractices', 'GeoJSON'),
    },
    {
      url: absolute(links.practices.jsonld),
      mediaType: 'application/ld+json',
      format: 'JSON_LD',
      title: named('odxDistPractices', 'JSON-LD'),
    },
    { url: absolute(links.feeds.practices), mediaType: 'application/atom+xml', format: 'ATOM', title: named('odxDistPractices', 'Atom') },
  ];
  const search = new URLSearchParams(links.dataset.split('?')[1] ?? '');
  const dataset = datasetDcat(
    meta,
    {
      title: formatMessage(messages.odxDatasetTitle, { node: meta.node.city }, request.lang),
      description: messages.odxDatasetDescription,
      landingPage: absolute(`/search${search.size ? `?${search}` : ''}`),
      lang: request.lang,
    },
    distributions,
    newestOf(
      outcome.items.map((i) => i.updatedAt),
      meta.generatedAt,
    ),
  );
  return new Response(JSON.stringify(dataset), {
    headers: { ...commonHeaders(meta, request.lang), 'content-type': 'application/ld+json' },
  });
}

const FEED_TITLE = {
  initiatives: 'odxFeedInitiativesTitle',
  practices: 'odxFeedPracticesTitle',
  search: 'odxFeedSearchTitle',
} as const satisfies Record<FeedName, MessageKey>;

export async function feedResponse(name: FeedName, request: Request): Promise<Response> {
  const state = exportState(request.url.searchParams);
  const kinds = name === 'search' ? null : KIND_OF[name]!;
  const outcome = await loadOpenDataListings(
    { state, kinds, cap: FEED_SIZE, newestFirst: true, jsonLd: false },
    request.lang,
    request.query,
  );
  const failed = failure(outcome, request.lang);
  if (failed || outcome.status !== 'ok') return failed!;
  const meta = metaOf(outcome, request, FEED_SIZE);
  const messages = messagesFor(request.lang);
  const page = new URLSearchParams(openDataLinks(request.url.searchParams).feeds.search.split('?')[1] ?? '');
  if (kinds) page.set('kind', kinds[0]!);
  page.set('sort', 'updated');
  const xml = listingsFeedXml(outcome.items as OpenDataListing[], meta, {
    title: formatMessage(messages[FEED_TITLE[name]], { node: meta.node.city }, request.lang),
    subtitle: messages.odxFeedSubtitle,
    alternate: new URL(`/search?${page}`, request.url.origin).href,
    lang: request.lang,
    rights: meta.licence
      ? formatMessage(messages.odxRights, { licence: `${meta.licence.name} (${meta.licence.spdx})` }, request.lang)
      : messages.odxNoLicence,
  });
  return new Response(xml, { headers: { ...commonHeaders(meta, request.lang), 'content-type': 'application/atom+xml; charset=utf-8' } });
}
