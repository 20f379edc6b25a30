// Synthetic listings for scale tests: N listings over M city nodes, in the nine languages of the
// network and four scripts, made from real words (see synthetic-words.ts) by a seeded generator,
// so the same arguments always give the same data. Everything is labelled: names start with
// "[synthetic]", every record cites its source as synthetic, nodes live on *.synthetic.invalid
// (a name that can never resolve) and stored documents carry `synthetic: true`.
import type { CityNodeRecord, GoodPracticeRecord, InitiativeRecord } from '../records/record-types.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { SYNTHETIC_CITIES, type SyntheticCity } from './synthetic-cities.ts';
import { buildVocabularies, SYNTHETIC_LANGUAGES, type SyntheticLanguage, type Vocabulary } from './synthetic-words.ts';

export const SYNTHETIC_PREFIX = '[synthetic]';
export const SYNTHETIC_HOST_SUFFIX = 'synthetic.invalid';

export interface SyntheticNode {
  handle: string;
  city: SyntheticCity;
  record: CityNodeRecord;
}

export type SyntheticListing =
  | { kind: 'initiative'; node: SyntheticNode; record: InitiativeRecord; updatedAt: string }
  | { kind: 'goodPractice'; node: SyntheticNode; record: GoodPracticeRecord; updatedAt: string };

export interface SyntheticOptions {
  listings: number;
  nodes: number;
  seed: number;
  /** Share of good practices among the listings. */
  practiceShare?: number;
  /** Time the dates are spread back from (two years). */
  now?: Date;
}

/** Seeded pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SOURCE = (seed: number) => ({ title: `Synthetic (npm run generate, seed ${seed}): not real` });

export function syntheticNodes(count: number, seed: number): SyntheticNode[] {
  const nodes: SyntheticNode[] = [];
  for (let i = 0; i < count; i++) {
    const city = SYNTHETIC_CITIES[i % SYNTHETIC_CITIES.length]!;
    const round = Math.floor(i / SYNTHETIC_CITIES.length);
    const handle = round === 0 ? `syn-${city.slug}` : `syn-${city.slug}-${round + 1}`;
    const shifted = round === 0 ? city : { ...city, lat: city.lat + round * 0.05, lon: city.lon + round * 0.05 };
    nodes.push({
      handle,
      city: shifted,
      record: {
        handle,
        name: { en: `${SYNTHETIC_PREFIX} ${city.locality} node` },
        summary: { en: `${SYNTHETIC_PREFIX} A city node made up for scale tests of the registry. Its listings are not real.` },
        locality: city.locality,
        country: city.country,
        geo: { lat: shifted.lat, lon: shifted.lon },
        defaultLanguages: [city.language],
        status: 'online',
        url: `https://${handle}.${SYNTHETIC_HOST_SUFFIX}/`,
        sources: [SOURCE(seed)],
      },
    });
  }
  return nodes;
}

class Writer {
  readonly #rand: () => number;
  readonly #vocabularies: Record<SyntheticLanguage, Vocabulary>;
  constructor(rand: () => number, vocabularies: Record<SyntheticLanguage, Vocabulary>) {
    this.#rand = rand;
    this.#vocabularies = vocabularies;
  }
  /** A content word: the word of rank r comes about 1/r as often as the first (Zipf's law, as in real text). */
  word(language: SyntheticLanguage): string {
    const list = this.#vocabularies[language].content;
    return list[Math.min(list.length - 1, Math.floor(Math.exp(this.#rand() * Math.log(list.length + 1))) - 1)]!;
  }
  words(language: SyntheticLanguage, n: number): string {
    return Array.from({ length: n }, () => this.word(language)).join(' ');
  }
  sentence(language: SyntheticLanguage, n: number): string {
    const fn = this.#vocabularies[language].function;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(this.word(language));
      if (this.#rand() < 0.45) parts.push(fn[Math.floor(this.#rand() * fn.length)]!);
    }
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
  text(language: SyntheticLanguage, words: number): string {
    const out: string[] = [];
    let left = words;
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(this.#rand() * 8));
      out.push(this.sentence(language, n));
      left -= n;
    }
    return out.join(' ');
  }
  title(language: SyntheticLanguage): string {
    const w = this.words(language, 2 + Math.floor(this.#rand() * 3));
    return `${SYNTHETIC_PREFIX} ${w.charAt(0).toUpperCase()}${w.slice(1)}`;
  }
}

const LANGUAGES_OFFERED = [
  'ar',
  'ar-SY',
  'fa',
  'prs',
  'ps',
  'so',
  'ti',
  'am',
  'uk',
  'ru',
  'sq',
  'ckb',
  'tr',
  'ur',
  'bn',
  'wo',
  'ff',
  'ln',
  'es',
  'pt',
  'en',
  'fr',
];

/** Generates the listings in order; `listings` of them, spread over `nodes`. */
export function* syntheticListings(catalog: TaxonomyCatalog, options: SyntheticOptions): Generator<SyntheticListing> {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list))),
  ];
  const writer = new Writer(rand, buildVocabularies(catalog));
  const nodes = syntheticNodes(options.nodes, options.seed);
  const codes = (taxonomy: Parameters<TaxonomyCatalog['codes']>[0]) => catalog.codes(taxonomy);
  const sectors = codes('sector');
  const activities = codes('activity');
  const needs = codes('need');
  const practiceTypes = codes('practice-type');
  const structures = codes('organisational-structure');
  const nationalForms = (catalog.get('national-legal-form')?.concepts ?? []).filter((c) => c.country && c.essglobalLegalForm);
  const now = (options.now ?? new Date()).getTime();
  const twoYears = 2 * 365 * 24 * 3600 * 1000;
  const practiceShare = options.practiceShare ?? 0.15;
  /** Handles of initiatives per node, for practices to name. */
  const initiativesOf = new Map<string, string[]>();

  for (let i = 0; i < options.listings; i++) {
    const node = nodes[i % nodes.length]!;
    const city = node.city;
    // Most listings are in the city's language; some in English or Arabic (written by diaspora groups).
    const roll = rand();
    const language: SyntheticLanguage =
      roll < 0.72 ? (city.language as SyntheticLanguage) : roll < 0.86 ? 'en' : roll < 0.95 ? 'ar' : pick(SYNTHETIC_LANGUAGES);
    const translated = language !== 'en' && rand() < 0.3;
    const updatedAt = new Date(now - Math.floor(rand() * twoYears)).toISOString();
    const geo = {
      lat: Math.round((city.lat + (rand() - 0.5) * 0.08) * 1e5) / 1e5,
      lon: Math.round((city.lon + (rand() - 0.5) * 0.12) * 1e5) / 1e5,
    };
    const sources = [SOURCE(options.seed)];
    if (rand() < practiceShare) {
      const handle = `syn-p-${i}`;
      const named = initiativesOf.get(node.handle) ?? [];
      const record: GoodPracticeRecord = {
        handle,
        practiceType: pick(practiceTypes),
        title: { [language]: writer.title(language), ...(translated ? { en: writer.title('en') } : {}) },
        summary: { [language]: writer.text(language, 18 + Math.floor(rand() * 12)), ...(translated ? { en: writer.text('en', 18) } : {}) },
        howItWorks: { [language]: writer.text(language, 40 + Math.floor(rand() * 30)) },
        targetGroup: { [language]: writer.text(language, 10) },
        location: { locality: city.locality, country: city.country, geo: { lat: city.lat, lon: city.lon } },
        actors: [
          {
            name: `${SYNTHETIC_PREFIX} ${writer.words(language, 2)}`,
            role: pick(['city', 'union', 'association', 'sse-initiative', 'integration-centre']),
          },
        ],
        initiatives: named.length ? [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(named)))] : [],
        originalLanguage: language,
        node: node.handle,
        sources,
      };
      yield { kind: 'goodPractice', node, record, updatedAt };
      continue;
    }
    const handle = `syn-i-${i}`;
    const list = initiativesOf.get(node.handle) ?? [];
    if (list.length < 200) list.push(handle);
    initiativesOf.set(node.handle, list);
    const national = rand() < 0.6 ? nationalForms.filter((c) => c.country === city.country) : [];
    const nationalForm = national.length ? pick(national) : undefined;
    const declared = rand() < 0.55;
    const precision = pick(['address', 'neighbourhood', 'city'] as const);
    const record: InitiativeRecord = {
      handle,
      name: { [language]: writer.title(language), ...(translated ? { en: writer.title('en') } : {}) },
      summary: { [language]: writer.text(language, 15 + Math.floor(rand() * 12)), ...(translated ? { en: writer.text('en', 15) } : {}) },
      description: { [language]: writer.text(language, 40 + Math.floor(rand() * 30)) },
      originalLanguage: language,
      legalForm: nationalForm?.essglobalLegalForm ?? pick(['L1', 'L2', 'L3', 'L4', 'L5']),
      ...(nationalForm ? { nationalLegalForm: nationalForm.code } : {}),
      organisationalStructure: pick(structures),
      primarySector: pick(sectors),
      additionalSectors: rand() < 0.4 ? [pick(sectors)] : [],
      activities: some(activities, 3),
      ...(declared
        ? { migrantLed: { declared: true, consentToPublish: rand() < 0.7, governance: { [language]: writer.text(language, 10) } } }
        : {}),
      languagesOffered: some(LANGUAGES_OFFERED, 4),
      location: {
        locality: city.locality,
        country: city.country,
        precision,
        geo,
        ...(precision !== 'city' ? { neighbourhood: `${SYNTHETIC_PREFIX} ${writer.words(language, 1)}` } : {}),
        ...(precision === 'address' ? { streetAddress: `${1 + Math.floor(rand() * 200)} ${writer.words(language, 1)}` } : {}),
      },
      contact: {
        email: `contact-${i}@${node.handle}.${SYNTHETIC_HOST_SUFFIX}`,
        relay: true,
        visibility: { email: rand() < 0.3 ? 'public' : 'private' },
      },
      status: pick(['emerging', 'active', 'active', 'dormant'] as const),
      services: [
        {
          name: { [language]: writer.words(language, 3) },
          description: { [language]: writer.text(language, 10 + Math.floor(rand() * 8)) },
        },
      ],
      needs: some(needs, 3).map((type) => ({ type })),
      node: node.handle,
      sources,
    };
    if (record.additionalSectors?.includes(record.primarySector)) record.additionalSectors = [];
    yield { kind: 'initiative', node, record, updatedAt };
  }
}
