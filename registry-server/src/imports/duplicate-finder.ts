// Listings already in the registry that an imported row may be: the same web site (host and,
// on shared platforms such as Facebook, the page), or a close name in the same city. A small
// normaliser of its own (no shared duplicate detector exists yet): accents, case, punctuation
// and legal-form words (ASBL, VZW, APS, e.V. …) are ignored, and names one or two edits apart
// within ten letters, or within a tenth of their length beyond, count as close.
import type { InitiativeRecord } from '../records/record-types.ts';

export interface PossibleDuplicate {
  id: string;
  name: string;
  node: string;
  reason: 'SAME_WEBSITE' | 'CLOSE_NAME';
}

/** Platforms where one host holds many organisations: their pages are compared, not their host. */
const SHARED_HOSTS = new Set([
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'linktr.ee',
  'sites.google.com',
  'youtube.com',
  'helloasso.com',
]);

const LEGAL_WORDS = new Set([
  'asbl',
  'aisbl',
  'vzw',
  'ivzw',
  'scrl',
  'srl',
  'sprl',
  'sa',
  'scs',
  'sc',
  'aps',
  'odv',
  'onlus',
  'ets',
  'coop',
  'cooperativa',
  'cooperative',
  'ev',
  'gmbh',
  'ggmbh',
  'eg',
  'ug',
  'ltd',
  'cic',
  'cio',
  'bv',
  'nv',
  'kinsep',
  'koinsep',
  'amke',
  'sdruzhenie',
  'drustvo',
  'zavod',
  'the',
  'la',
  'le',
  'les',
  'l',
  'il',
  'de',
  'het',
  'der',
  'die',
  'das',
]);

export function websiteKey(website: string | undefined): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    const host = url.hostname.toLowerCase().replace(/^(www|m)\./, '');
    if (!SHARED_HOSTS.has(host)) return host;
    const page = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase();
    return page ? `${host}/${page}` : null;
  } catch {
    return null;
  }
}

export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_WORDS.has(w))
    .join(' ');
}

export function placeKey(locality: string | undefined): string {
  return nameKey(locality ?? '');
}

export function closeNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  const allowed = longest <= 10 ? (longest <= 4 ? 0 : 1) : Math.min(3, Math.floor(longest / 10));
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, stopping once it is over `bound`. */
function editDistance(a: string, b: string, bound: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length]!;
}

interface Entry {
  id: string;
  node: string;
  name: string;
  names: string[];
  place: string;
  website: string | null;
}

/** The listings one import compares its rows with, read once per dry run or run. */
export class DuplicateIndex {
  readonly #byWebsite = new Map<string, Entry[]>();
  readonly #byPlace = new Map<string, Entry[]>();

  add(id: string, record: Pick<InitiativeRecord, 'name' | 'alternateNames' | 'location' | 'website' | 'node' | 'originalLanguage'>): void {
    const names = [...Object.values(record.name ?? {}), ...(record.alternateNames ?? [])].map(nameKey).filter(Boolean);
    const entry: Entry = {
      id,
      node: record.node,
      name: record.name?.[record.originalLanguage] ?? Object.values(record.name ?? {})[0] ?? id,
      names,
      place: placeKey(record.location?.locality),
      website: websiteKey(record.website),
    };
    if (entry.website) push(this.#byWebsite, entry.website, entry);
    push(this.#byPlace, entry.place, entry);
  }

  /** Listings other than `exceptIds` the record may duplicate, each once, the same web site first. */
  find(
    record: Partial<Pick<InitiativeRecord, 'name' | 'alternateNames' | 'website'>> & { location?: { locality?: string } },
    exceptIds: ReadonlySet<string>,
  ): PossibleDuplicate[] {
    const found = new Map<string, PossibleDuplicate>();
    const website = websiteKey(record.website);
    for (const entry of website ? (this.#byWebsite.get(website) ?? []) : [])
      if (!exceptIds.has(entry.id)) found.set(entry.id, { id: entry.id, name: entry.name, node: entry.node, reason: 'SAME_WEBSITE' });
    const names = [...Object.values(record.name ?? {}), ...(record.alternateNames ?? [])].map(nameKey).filter(Boolean);
    for (const entry of this.#byPlace.get(placeKey(record.location?.locality)) ?? []) {
      if (exceptIds.has(entry.id) || found.has(entry.id)) continue;
      if (names.some((n) => entry.names.some((m) => closeNames(n, m))))
        found.set(entry.id, { id: entry.id, name: entry.name, node: entry.node, reason: 'CLOSE_NAME' });
    }
    return [...found.values()];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
