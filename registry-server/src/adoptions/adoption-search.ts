// Search over adoption records (issue 16 point 5), as their own kind: words in any language, and
// facets stage, practice type and city (the adopting city and the practice's city). Adoption
// records are few (a practice is adopted by a handful of cities; a network holds hundreds of
// records, not the hundred thousand listings the listings' index is tuned for), so they get a
// small index of their own, kept in memory: the listings' search and its speed are untouched
// (ADR 0040). Built on the first search, then kept current from domain events.
import { logger } from '../config/logging.ts';
import type { DomainEvent, DomainEvents } from '../events/domain-events.ts';
import { scanWords } from '../search/analyzer.ts';
import { fold } from '../search/fold.ts';
import { BadInputError } from '../records/bad-input-error.ts';
import { checkCodes } from '../records/filter-checks.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { ADOPTION_STAGES, type AdoptionStage } from './adoption-record.ts';
import type { AdoptionRecordRepository, StoredAdoptionRecord } from './adoption-record-repository.ts';
import type { AdoptedPractices } from './adopted-practices.ts';

const log = logger('search', 'adoptions');

export const ADOPTION_FACETS = ['stage', 'practiceType', 'city'] as const;
export type AdoptionFacet = (typeof ADOPTION_FACETS)[number];

interface Entry {
  id: string;
  sortName: string;
  stage: AdoptionStage;
  practiceType: string | null;
  /** The adopting city's node handle, then the practice's city (when known). */
  cities: string[];
  /** Folded words of every public text, in every language. */
  words: Set<string>;
}

export interface AdoptionSearchInput {
  text?: string | null;
  stage?: string[] | null;
  practiceType?: string[] | null;
  city?: string[] | null;
}

export interface AdoptionSearchResult {
  ids: string[];
  totalCount: number;
  facets: Record<AdoptionFacet, Array<{ value: string; count: number }>>;
}

const MAX_TEXT = 200;
const MAX_VALUES = 50;

export class AdoptionSearch {
  readonly #records: AdoptionRecordRepository;
  readonly #practices: AdoptedPractices;
  readonly #catalog: TaxonomyCatalog;
  #entries: Map<string, Entry> | null = null;
  #building: Promise<Map<string, Entry>> | null = null;
  #queue: Promise<void> = Promise.resolve();
  #generation = 0;

  constructor(deps: { records: AdoptionRecordRepository; practices: AdoptedPractices; catalog: TaxonomyCatalog; events: DomainEvents }) {
    this.#records = deps.records;
    this.#catalog = deps.catalog;
    this.#practices = deps.practices;
    deps.events.subscribe((event) => this.#onEvent(event));
  }

  /**
   * Changes whenever a search could answer differently (the index is updated a moment after the
   * write that the store's generation already counts), so the response cache never keeps an
   * answer computed from the index before it caught up.
   */
  get generation(): number {
    return this.#generation;
  }

  /** The records matching `input`, by name, with facet counts (each facet counted without its own filter). */
  async search(input: AdoptionSearchInput | null | undefined): Promise<AdoptionSearchResult> {
    const query = checkInput(input ?? {}, this.#catalog);
    const entries = await this.#index();
    await this.#queue;
    const words = queryWords(query.text);
    const textMatches = [...entries.values()].filter((e) => words.every((w) => hasWord(e, w)));
    const passes = (e: Entry, except?: AdoptionFacet) =>
      (except === 'stage' || !query.stage || query.stage.includes(e.stage)) &&
      (except === 'practiceType' || !query.practiceType || (e.practiceType !== null && query.practiceType.includes(e.practiceType))) &&
      (except === 'city' || !query.city || e.cities.some((c) => query.city!.includes(c)));
    const matches = textMatches
      .filter((e) => passes(e))
      .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1));
    const facets = Object.fromEntries(
      ADOPTION_FACETS.map((facet) => {
        const counts = new Map<string, number>();
        for (const e of textMatches) {
          if (!passes(e, facet)) continue;
          const values = facet === 'stage' ? [e.stage] : facet === 'practiceType' ? (e.practiceType ? [e.practiceType] : []) : e.cities;
          for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        return [
          facet,
          [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
        ];
      }),
    ) as AdoptionSearchResult['facets'];
    return { ids: matches.map((e) => e.id), totalCount: matches.length, facets };
  }

  #index(): Promise<Map<string, Entry>> {
    if (this.#entries) return Promise.resolve(this.#entries);
    this.#building ??= this.#build().then((entries) => {
      this.#entries = entries;
      this.#generation++;
      this.#building = null;
      return entries;
    });
    return this.#building;
  }

  async #build(): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    for await (const batch of this.#records.publishedBatches(200)) for (const doc of batch) entries.set(doc._id, await this.#entry(doc));
    log.info('Adoption search built: {count} record(s)', { count: entries.size });
    return entries;
  }

  async #entry(doc: StoredAdoptionRecord): Promise<Entry> {
    const record = doc.record;
    const practice = await this.#practices.find(record.practice);
    const words = new Set<string>();
    const texts = [record.title, record.summary, record.kept, record.resources, record.results];
    for (const change of record.changes ?? []) texts.push(change.change, change.why);
    for (const outcome of record.outcomes ?? []) texts.push(outcome.description);
    for (const map of texts) for (const text of Object.values(map ?? {})) addWords(words, text);
    for (const organisation of record.organisations ?? []) addWords(words, organisation.name);
    return {
      id: doc._id,
      sortName: doc.derived.sortName,
      stage: record.stage,
      practiceType: practice?.record.practiceType ?? null,
      cities: [record.node, ...(practice && practice.record.node !== record.node ? [practice.record.node] : [])],
      words,
    };
  }

  #onEvent(event: DomainEvent): void {
    let ids: string[] = [];
    if (
      (event.type === 'record.published' ||
        event.type === 'record.updated' ||
        event.type === 'record.unpublished' ||
        event.type === 'record.deleted') &&
      event.kind === 'adoptionRecord'
    )
      ids = [event.id];
    else if (event.type === 'adoption.received') ids = [event.id];
    else if (event.type === 'adoption.removed') ids = event.ids;
    if (ids.length === 0 || (!this.#entries && !this.#building)) return;
    this.#queue = this.#queue
      .then(async () => {
        const entries = await this.#index();
        for (const id of ids) {
          const doc = await this.#records.findPublishedById(id);
          if (doc) entries.set(id, await this.#entry(doc));
          else entries.delete(id);
        }
        this.#generation++;
      })
      .catch((error: unknown) => log.error('Could not update the adoption search: {error}', { error }));
  }
}

function addWords(words: Set<string>, text: string): void {
  scanWords(text, (start, end) => {
    const word = fold(text.slice(start, end).toLowerCase());
    if (word.length >= 2) words.add(word);
  });
}

function queryWords(text: string | undefined): string[] {
  const words = new Set<string>();
  if (text) addWords(words, text);
  return [...words];
}

/** A query word matches a word of the record, or the start of one (3 letters at least: "adapt" finds "adaptation"). */
function hasWord(entry: Entry, word: string): boolean {
  if (entry.words.has(word)) return true;
  if (word.length < 3) return false;
  for (const w of entry.words) if (w.startsWith(word)) return true;
  return false;
}

function checkInput(
  input: AdoptionSearchInput,
  catalog: TaxonomyCatalog,
): { text?: string; stage?: string[]; practiceType?: string[]; city?: string[] } {
  if (input.text && input.text.length > MAX_TEXT) throw new BadInputError('input.text', `must be at most ${MAX_TEXT} characters.`);
  const list = (name: string, values: string[] | null | undefined) => {
    if (values == null) return undefined;
    if (values.length > MAX_VALUES)
      throw new BadInputError(`input.${name}`, `at most ${MAX_VALUES} values may be given (got ${values.length}).`);
    return values;
  };
  const stage = list('stage', input.stage)?.map((s) => s.toLowerCase());
  for (const s of stage ?? [])
    if (!ADOPTION_STAGES.includes(s as AdoptionStage))
      throw new BadInputError('input.stage', `"${s}" is not a stage; use one of ${ADOPTION_STAGES.join(', ')}.`);
  return {
    ...(input.text ? { text: input.text } : {}),
    ...(stage ? { stage } : {}),
    ...(input.practiceType ? { practiceType: checkCodes(catalog, 'practice-type', 'input.practiceType', input.practiceType)! } : {}),
    ...(input.city ? { city: list('city', input.city)! } : {}),
  };
}
