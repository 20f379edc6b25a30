// Small hand-made listings for the engine's unit tests: only what the index reads.
import { ConceptMatcher } from './concept-matcher.ts';
import { search, type SearchQuery } from './query.ts';
import type { SearchDocument } from './search-document.ts';
import { SearchIndex } from './search-index.ts';

export function listing(id: string, overrides: Partial<SearchDocument> & { text?: string; language?: string } = {}): SearchDocument {
  const { text, language, ...rest } = overrides;
  return {
    id,
    kind: 'initiative',
    version: 1,
    updatedAt: Date.parse('2026-01-01T00:00:00Z'),
    node: 'liege',
    country: 'BE',
    geo: null,
    texts: text ? [{ language: language ?? 'en', text, weight: 1 }] : [],
    sector: [],
    legalForm: [],
    languageOffered: [],
    migrantLed: false,
    need: [],
    activity: [],
    ref: `${overrides.node ?? 'liege'}/${id}`,
    linkedRefs: [],
    practiceType: null,
    reservedArticle: [],
    reservedBasis: [],
    teamSize: [],
    ...rest,
  };
}

/** An index of `docs`, re-indexing initiatives whose practice links changed (as the service does). */
export function indexOf(docs: SearchDocument[], options: { seal?: boolean } = {}): SearchIndex {
  const index = new SearchIndex();
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const doc of docs) for (const id of index.upsert(doc)) index.upsert(byId.get(id)!);
  if (options.seal ?? true) index.seal();
  return index;
}

export function find(index: SearchIndex, query: Partial<SearchQuery> & { text?: string }, matcher = new ConceptMatcher()) {
  return search(index, matcher, { first: 100, ...query });
}

export const ids = (result: { hits: Array<{ id: string }> }) => result.hits.map((h) => h.id).sort();
