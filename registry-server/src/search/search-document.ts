// What the index learns of a listing: its public texts (through the same public projection as
// the API, so nothing private can ever be found), its facet values, place and dates. The index
// keeps none of the texts: they are turned into terms and dropped.
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import { isMigrantLedPublic, publicLocation } from '../initiatives/public-initiative.ts';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import type { LanguageMap } from '../records/language.ts';
import type { GeoPoint } from '../records/record-types.ts';
import type { GroupMember } from './same-organisation-groups.ts';

export type ListingKindName = 'initiative' | 'goodPractice';

export interface TextPart {
  language: string;
  text: string;
  /** How much a word here counts: 3 for names and titles, 2 for summaries, 1 for the rest. */
  weight: number;
}

export interface SearchDocument {
  /** Store id: the handle of a local listing, the IRI of a received one. */
  id: string;
  kind: ListingKindName;
  version: number;
  updatedAt: number;
  node: string;
  country: string;
  geo: GeoPoint | null;
  texts: TextPart[];
  sector: string[];
  legalForm: string[];
  languageOffered: string[];
  /** Public migrant-led declaration: null for good practices. */
  migrantLed: boolean | null;
  need: string[];
  activity: string[];
  /** "node/handle" of the listing, to join practices and initiatives. */
  ref: string;
  /** Initiative: refs of the practices it names. Practice: refs of the initiatives it names. */
  linkedRefs: string[];
  /** Practice: its type. */
  practiceType: string | null;
  /** EU articles (eu-art20, eu-art77) of the grounds for reserved contracts it declared (ADR 0035). */
  reservedArticle: string[];
  /** The grounds themselves (taxonomy reserved-contract-basis). */
  reservedBasis: string[];
  /** Team size band, when given. */
  teamSize: string[];
  /** The other listings of the same organisation, indexed with this one (same-organisation-groups.ts). */
  group?: GroupMember[];
}

/** The city centre of a node when a listing's locality is that city (for city-precision places). */
export type CityCentreOf = (node: string, locality: string) => GeoPoint | undefined;

/** The EU article a ground for reserved contracts is or implements (taxonomy reserved-contract-basis). */
export type ArticleOf = (basis: string) => string | undefined;

function addMap(texts: TextPart[], map: LanguageMap | undefined, weight: number): void {
  if (!map) return;
  for (const [language, text] of Object.entries(map)) if (text) texts.push({ language, text, weight });
}

function addPlain(texts: TextPart[], language: string, values: ReadonlyArray<string | null | undefined>, weight: number): void {
  const text = values.filter((v): v is string => Boolean(v)).join(' \n ');
  if (text) texts.push({ language, text, weight });
}

const timeOf = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

export function initiativeDocument(
  doc: StoredInitiative,
  cityCentreOf: CityCentreOf,
  articleOf: ArticleOf = () => undefined,
): SearchDocument {
  const record = doc.record;
  const location = publicLocation(record, cityCentreOf(record.node, record.location.locality));
  const texts: TextPart[] = [];
  const lang = record.originalLanguage;
  addMap(texts, record.name, 3);
  addPlain(texts, lang, record.alternateNames ?? [], 3);
  addMap(texts, record.summary, 2);
  addMap(texts, record.description, 1);
  addMap(texts, record.mission, 1);
  addMap(texts, record.areaServed, 1);
  // The governance text says who leads the initiative: public only with consent.
  if (isMigrantLedPublic(record)) addMap(texts, record.migrantLed?.governance, 1);
  for (const service of record.services ?? []) {
    for (const map of [
      service.name,
      service.description,
      service.interpretationServices,
      service.applicationProcess,
      service.feesDescription,
      service.eligibilityDescription,
      service.serviceAreas,
      service.accessibility,
    ])
      addMap(texts, map, 1);
  }
  for (const need of record.needs ?? []) addMap(texts, need.description, 1);
  for (const figure of record.keyFigures ?? []) addMap(texts, figure.description, 1);
  for (const link of record.links ?? []) addMap(texts, link.label, 1);
  for (const contract of record.pastContracts ?? []) addMap(texts, contract.title, 1);
  addPlain(
    texts,
    lang,
    [location.locality, location.region, location.neighbourhood, location.streetAddress, ...(record.supportedBy ?? [])],
    1,
  );
  const languages = new Set<string>();
  for (const tag of record.languagesOffered ?? []) {
    languages.add(tag.toLowerCase());
    languages.add(tag.toLowerCase().split('-')[0]!);
  }
  return {
    id: doc._id,
    kind: 'initiative',
    version: doc.version,
    updatedAt: timeOf(doc.updatedAt),
    node: record.node,
    country: location.country,
    geo: location.geo,
    texts,
    sector: [record.primarySector, ...(record.additionalSectors ?? [])],
    legalForm: [record.legalForm, ...(record.nationalLegalForm ? [record.nationalLegalForm] : [])],
    languageOffered: [...languages],
    migrantLed: isMigrantLedPublic(record),
    need: [...new Set((record.needs ?? []).map((n) => n.type))],
    activity: record.activities ?? [],
    ref: `${record.node}/${record.handle}`,
    linkedRefs: (record.practices ?? []).map((h) => `${record.node}/${h}`),
    practiceType: null,
    // Every declared ground counts, also one whose proof is to be confirmed: it is shown so, not hidden (ADR 0035).
    reservedArticle: [...new Set((record.eligibility ?? []).map((e) => articleOf(e.basis)).filter((a): a is string => Boolean(a)))],
    reservedBasis: [...new Set((record.eligibility ?? []).map((e) => e.basis))],
    teamSize: record.teamSize ? [record.teamSize] : [],
  };
}

export function goodPracticeDocument(doc: StoredGoodPractice): SearchDocument {
  const record = doc.record;
  const texts: TextPart[] = [];
  const lang = record.originalLanguage;
  addMap(texts, record.title, 3);
  addMap(texts, record.summary, 2);
  for (const map of [
    record.context,
    record.objectives,
    record.howItWorks,
    record.targetGroup,
    record.funding,
    record.results,
    record.evaluation,
    record.transferability,
  ])
    addMap(texts, map, 1);
  for (const actor of record.actors ?? []) addMap(texts, actor.description, 1);
  addPlain(texts, lang, [record.location.locality, record.location.region, ...(record.actors ?? []).map((a) => a.name)], 1);
  return {
    id: doc._id,
    kind: 'goodPractice',
    version: doc.version,
    updatedAt: timeOf(doc.updatedAt),
    node: record.node,
    country: record.location.country,
    geo: record.location.geo ?? null,
    texts,
    sector: [],
    legalForm: [],
    languageOffered: [],
    migrantLed: null,
    need: [],
    activity: [],
    ref: `${record.node}/${record.handle}`,
    linkedRefs: (record.initiatives ?? []).map((h) => `${record.node}/${h}`),
    practiceType: record.practiceType,
    reservedArticle: [],
    reservedBasis: [],
    teamSize: [],
  };
}
