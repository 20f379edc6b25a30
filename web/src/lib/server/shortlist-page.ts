// The shortlist's one request to the registry: each initiative of the cookie by its global id,
// in one query with one alias per id (the cookie holds at most 25; the API allows 30 aliases).
// An id the registry no longer publishes answers null and is reported as missing.
import type { RegistryQuery } from './search-page.ts';
import type { ShortlistEntry } from '../shortlist/shortlist-types.ts';

// The selection of one initiative; the query around it depends on how many ids the cookie holds,
// so only the fragment is a .graphql file (its type, EntryFragment, is generated: ADR 0015).
import ENTRY_FRAGMENT from './queries/shortlist-entry.fragments.graphql?raw';

/** The query for `count` ids: variables $id0 … and aliases i0 …. */
export function shortlistQuery(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const variables = indexes.map((i) => `$id${i}: ID!`).join(', ');
  const fields = indexes.map((i) => `i${i}: initiative(id: $id${i}, lang: $lang) { ...Entry }`).join('\n    ');
  return `query Shortlist($lang: String!, ${variables}) {\n    ${fields}\n  }\n${ENTRY_FRAGMENT}`;
}

export interface LoadedShortlist {
  /** In the order of the cookie. */
  entries: ShortlistEntry[];
  /** Ids the registry no longer publishes. */
  missing: string[];
}

export async function loadShortlist(ids: readonly string[], lang: string, query: RegistryQuery): Promise<LoadedShortlist> {
  if (ids.length === 0) return { entries: [], missing: [] };
  const variables: Record<string, string> = { lang };
  ids.forEach((id, i) => (variables[`id${i}`] = id));
  const data = await query<Record<string, ShortlistEntry | null>>(
    shortlistQuery(ids.length),
    variables as Record<string, string> & { lang: string },
  );
  const entries: ShortlistEntry[] = [];
  const missing: string[] = [];
  ids.forEach((id, i) => {
    const entry = data[`i${i}`];
    if (entry) entries.push(entry);
    else missing.push(id);
  });
  return { entries, missing };
}
