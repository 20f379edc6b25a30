// Whether two initiative listings look like the same organisation (issue 17 point 8, ADR 0052):
// the same website (host and path), or a close name in a close place. Names are compared in the
// search index's folded form (search/fold.ts: case, accents, Greek and Arabic forms), without
// function words (search/stopwords.ts) and without legal-form words (asbl, aps, coop, e.V. …),
// which say how an organisation is registered, not which one it is. The reasons are kept as
// codes with a detail; the admin page says them in words in the reader's language.
import { fold } from '../search/fold.ts';
import { withinOneEdit } from '../search/fuzzy.ts';
import { haversineKm } from '../search/geo.ts';
import { isStopword } from '../search/stopwords.ts';
import type { GeoPoint } from '../records/record-types.ts';

/** Two places this close (in km) count as one place, whatever their locality names say (Brussels, Saint-Gilles …). */
export const NEAR_KM = 5;
/** Token overlap (Jaccard, a one-letter slip counting as the same word) from which two names are close. */
const TOKEN_OVERLAP = 0.6;
/** Similarity of the whole names (1 − edit distance / longer length) from which they are close. */
const STRING_SIMILARITY = 0.85;
/**
 * Names compared per listing, and letters per name: a partner's listing may carry many long
 * alternate names, and comparing every pair letter by letter would hold the node for minutes.
 */
const MAX_NAMES = 12;
const MAX_NAME_LENGTH = 160;

/**
 * Words of a legal form, folded, dots removed ("a.s.b.l." is "asbl", "e.V." is "ev"): Belgian,
 * Italian, French, German, Dutch, Greek, Slovenian, Bulgarian and English forms of the network.
 */
const LEGAL_FORM_WORDS = new Set(
  [
    'asbl',
    'aisbl',
    'vzw',
    'ivzw',
    'scrl',
    'scrlfs',
    'srl',
    'sprl',
    'sa',
    'sc',
    'scs',
    'cv',
    'cvba',
    'bv',
    'nv',
    'aps',
    'odv',
    'onlus',
    'ets',
    'coop',
    'scarl',
    'scrl',
    'spa',
    'snc',
    'sas',
    'sarl',
    'sasu',
    'scop',
    'scic',
    'eurl',
    'ev',
    'gmbh',
    'ggmbh',
    'ug',
    'eg',
    'gbr',
    'ag',
    'amke',
    'αμκε',
    'κοινσεπ',
    'koinsep',
    'ike',
    'ικε',
    'ae',
    'οε',
    'oe',
    'doo',
    'zoo',
    'zavod',
    'sp',
    'оод',
    'еоод',
    'ад',
    'сдружение',
    'ltd',
    'cic',
    'cio',
    'llc',
    'inc',
  ].map(fold),
);

export interface LikenessInput {
  /** Every name the listing gives (each language, alternate names). */
  names: readonly string[];
  website: string | null;
  locality: string;
  country: string;
  /** The public point (at the precision the initiative chose). */
  geo: GeoPoint | null;
}

export type LikenessReasonCode = 'SAME_WEBSITE' | 'SIMILAR_NAME' | 'SAME_CITY' | 'NEARBY';

export interface LikenessReason {
  code: LikenessReasonCode;
  /** What was found: the website, the two names, the city, the distance in km. */
  detail: string;
}

/** The words that name an organisation: folded, without function words nor legal-form words. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(fold);
  const kept = words.filter((w) => !LEGAL_FORM_WORDS.has(w) && !isStopword(w));
  // A name made only of such words ("La Coop") is kept whole rather than emptied.
  return kept.length ? kept : words;
}

/** Host (without "www.") and path (without a trailing slash), lower case: "example.org/bologna"; null when not a web address. */
export function websiteKey(website: string | null | undefined): string | null {
  if (!website) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(website.trim()) ? website.trim() : `https://${website.trim()}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponentSafe(url.pathname).replace(/\/+$/, '').toLowerCase();
  return `${host}${path}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Levenshtein distance, two rows (names are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && withinOneEdit(a, b));
}

/** How alike two names are: their word overlap (Jaccard) and their whole-text similarity, each from 0 to 1. */
export function nameSimilarity(a: string, b: string): { overlap: number; whole: number } {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return { overlap: 0, whole: 0 };
  let shared = 0;
  const used = new Set<number>();
  for (const x of wa) {
    const j = wb.findIndex((y, k) => !used.has(k) && sameWord(x, y));
    if (j >= 0) {
      used.add(j);
      shared++;
    }
  }
  const ja = wa.join(' ');
  const jb = wb.join(' ');
  const longer = Math.max(ja.length, jb.length);
  // Very short names ("Casa") are close only when equal: one letter is a quarter of them.
  const whole = longer < 5 ? (ja === jb ? 1 : 0) : 1 - editDistance(ja, jb) / longer;
  return { overlap: shared / (wa.length + wb.length - shared), whole };
}

/** Whether two names are close: most of their words shared, or the whole names a few letters apart. */
export function namesClose(a: string, b: string): boolean {
  const { overlap, whole } = nameSimilarity(a, b);
  return overlap >= TOKEN_OVERLAP || whole >= STRING_SIMILARITY;
}

/**
 * The reasons to think two listings name one organisation, or null when there are not enough:
 * the same website alone is enough; a close name needs a close place too (the same city in the
 * same country, or a few km apart), so a namesake elsewhere is never proposed.
 */
export function likeness(a: LikenessInput, b: LikenessInput): LikenessReason[] | null {
  const reasons: LikenessReason[] = [];
  const siteA = websiteKey(a.website);
  if (siteA && siteA === websiteKey(b.website)) reasons.push({ code: 'SAME_WEBSITE', detail: siteA });
  let closeName: { a: string; b: string } | null = null;
  const namesOf = (x: LikenessInput) => x.names.slice(0, MAX_NAMES).map((n) => n.slice(0, MAX_NAME_LENGTH));
  const namesB = namesOf(b);
  for (const na of namesOf(a)) for (const nb of namesB) if (!closeName && namesClose(na, nb)) closeName = { a: na, b: nb };
  const sameCity = a.country === b.country && fold(a.locality.trim()) === fold(b.locality.trim()) && a.locality.trim() !== '';
  const km = a.geo && b.geo ? haversineKm(a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon) : null;
  const near = km !== null && km <= NEAR_KM;
  if (closeName && (sameCity || near)) {
    reasons.push({ code: 'SIMILAR_NAME', detail: closeName.a === closeName.b ? closeName.a : `${closeName.a} / ${closeName.b}` });
    if (sameCity) reasons.push({ code: 'SAME_CITY', detail: a.locality.trim() });
    if (near) reasons.push({ code: 'NEARBY', detail: (Math.round(km! * 10) / 10).toString() });
  } else if (reasons.length) {
    // Same website: the place is said too when it is shared, as a moderator would check it.
    if (sameCity) reasons.push({ code: 'SAME_CITY', detail: a.locality.trim() });
  }
  return reasons.some((r) => r.code === 'SAME_WEBSITE' || r.code === 'SIMILAR_NAME') ? reasons : null;
}
