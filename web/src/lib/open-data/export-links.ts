// The addresses of the exports and feeds of a search, computed from the search's URL alone (the
// search page asks the registry nothing more for them: contracts of issue 17, ADR 0042). They
// take the same parameters as /search, less what only a page of the list has (cursor, trail,
// view): an export is the whole result, not a page of it.
import { readSearchParams, toSearchParams, type ListingKind, type SearchState } from '../search/search-params.ts';

export type ExportFormat = 'csv' | 'geojson' | 'jsonld';

export interface OpenDataLinks {
  initiatives: Record<ExportFormat, string>;
  practices: Record<ExportFormat, string>;
  dataset: string;
  feeds: { initiatives: string; practices: string; search: string };
}

/** The search without its page: what every export of it shares. */
export function exportState(params: URLSearchParams): SearchState {
  return { ...readSearchParams(params), after: '', trail: [], view: 'list' };
}

function href(path: string, state: SearchState, kind: ListingKind[] | null): string {
  const query = toSearchParams(kind === null ? state : { ...state, kind }).toString();
  return query === '' ? path : `${path}?${query}`;
}

export function openDataLinks(params: URLSearchParams): OpenDataLinks {
  const state = exportState(params);
  // The kind is the file's own (an initiatives file holds initiatives): not repeated in its URL.
  const initiatives = (format: ExportFormat) => href(`/export/initiatives.${format}`, state, []);
  const practices = (format: ExportFormat) => href(`/export/practices.${format}`, state, []);
  return {
    initiatives: { csv: initiatives('csv'), geojson: initiatives('geojson'), jsonld: initiatives('jsonld') },
    practices: { csv: practices('csv'), geojson: practices('geojson'), jsonld: practices('jsonld') },
    dataset: href('/export/dataset.jsonld', state, null),
    feeds: {
      initiatives: href('/feeds/initiatives.atom', state, []),
      practices: href('/feeds/practices.atom', state, []),
      search: href('/feeds/search.atom', state, null),
    },
  };
}

/** The links of a city node's page: its own listings (the search `?node=<handle>`). */
export function nodeOpenDataLinks(handle: string): OpenDataLinks {
  return openDataLinks(new URLSearchParams({ node: handle }));
}
