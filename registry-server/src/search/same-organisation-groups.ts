// One entry per organisation in search (issue 17 point 8, ADR 0052). Listings a moderator linked
// (or a partner's `sameAs` linked) are indexed as ONE document under a representative: this
// node's own listing when it has one, else the smallest id (stable across rebuilds). Its words,
// facet values and nodes are those of every listing of the group, so a search finds it by any of
// them, facet counts count it once under each of its cities, and a hit carries the others (their
// node, city and page) from memory. The grouping is done when a link changes, never per search.
import type { GeoPoint } from '../records/record-types.ts';
import type { SearchDocument } from './search-document.ts';

/** Another listing of the organisation, shown with the hit of its representative. */
export interface GroupMember {
  /** Store id (a local handle, or a partner listing's IRI). */
  id: string;
  node: string;
  locality: string;
  country: string;
  /** Its public place, for searches near it. */
  geo: GeoPoint | null;
  /** Its page (on its origin node). */
  url: string;
}

/** The listing that represents a group: a local one first, then the smallest id. */
export function representativeOf<T extends { id: string; local: boolean }>(members: readonly T[]): T {
  return [...members].sort((a, b) => Number(b.local) - Number(a.local) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}

const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];

/** The document of a group: the representative's, with every other member's words and values. */
export function groupDocument(
  representative: SearchDocument,
  others: ReadonlyArray<{ doc: SearchDocument; member: GroupMember }>,
): SearchDocument {
  const docs = [representative, ...others.map((o) => o.doc)];
  return {
    ...representative,
    texts: docs.flatMap((d) => d.texts),
    sector: union(docs.map((d) => d.sector)),
    legalForm: union(docs.map((d) => d.legalForm)),
    languageOffered: union(docs.map((d) => d.languageOffered)),
    migrantLed: docs.some((d) => d.migrantLed === true) ? true : representative.migrantLed,
    need: union(docs.map((d) => d.need)),
    activity: union(docs.map((d) => d.activity)),
    linkedRefs: union(docs.map((d) => d.linkedRefs)),
    reservedArticle: union(docs.map((d) => d.reservedArticle)),
    reservedBasis: union(docs.map((d) => d.reservedBasis)),
    teamSize: union(docs.map((d) => d.teamSize)),
    group: others.map((o) => o.member),
  };
}
