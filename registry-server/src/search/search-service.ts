// The node's search: builds the index from the store at start (and on the operator's command),
// keeps it current from domain events (local edits, listings received from partners or removed),
// and answers searches. A rebuild builds a new index in batches, yielding to the event loop
// between them, while the old one keeps answering; changes that arrive meanwhile are applied
// again to the new index before it takes over.
import { logger } from '../config/logging.ts';
import { isListingKind, type DomainEvent, type DomainEvents } from '../events/domain-events.ts';
import type { InitiativeRepository, StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { CityNodeRepository, StoredCityNode } from '../nodes/city-node-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { GeoPoint } from '../records/record-types.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { TaxonomyCatalog, TaxonomyId } from '../taxonomies/taxonomy-catalog.ts';
import { ConceptMatcher, type CategorySource } from './concept-matcher.ts';
import type { FacetName } from './facets.ts';
import { search, type SearchQuery, type SearchResult } from './query.ts';
import { goodPracticeDocument, initiativeDocument, type ArticleOf, type CityCentreOf } from './search-document.ts';
import { SearchIndex } from './search-index.ts';
import { groupDocument, representativeOf, type GroupMember } from './same-organisation-groups.ts';

const log = logger('search');
/**
 * Whole documents read per step of an index build. Small on purpose: a batch lives while it is
 * indexed, and at 2,000 the node held some 250 MB more at 100,000 listings than at 200 (V8 keeps
 * the memory of promoted batches), for no gain in build time.
 */
const BATCH = 200;
/** A rebuild compacts the index once this many listings changed since the last one (or a quarter of them). */
const CHURN_LIMIT = 5_000;

export interface SearchServiceDependencies {
  initiatives: InitiativeRepository;
  practices: GoodPracticeRepository;
  nodes: CityNodeRepository;
  catalog: TaxonomyCatalog;
  events: DomainEvents;
  /** Links between listings of one organisation, indexed as one entry (ADR 0052); none without it. */
  links?: { groups(): Promise<string[][]> };
  /** Pages of the other listings of a group, shown with its hit. */
  iris?: RecordIris;
}

export interface RebuildStats {
  listings: number;
  terms: number;
  durationMs: number;
}

type Kind = 'initiative' | 'goodPractice';

const CATEGORY_TAXONOMIES: Array<[TaxonomyId, FacetName]> = [
  ['sector', 'sector'],
  ['need', 'need'],
  ['practice-type', 'practiceType'],
  ['activity', 'activity'],
];

export class SearchService {
  readonly #deps: SearchServiceDependencies;
  #index = new SearchIndex();
  #matcher = new ConceptMatcher();
  #centres = new Map<string, { locality: string; geo: GeoPoint }>();
  #cityNames = new Map<string, Readonly<Record<string, string>>>();
  /** The group of each linked listing (store ids, the listing among them). */
  #groupOf = new Map<string, readonly string[]>();
  #active = false;
  #rebuilding: Promise<RebuildStats> | null = null;
  /** Listings changed while a rebuild runs, applied again to the new index. */
  #changedDuringRebuild = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  #swaps = 0;
  #lastBuild: RebuildStats | null = null;
  #unsubscribe: () => void;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: SearchServiceDependencies) {
    this.#deps = deps;
    this.#unsubscribe = deps.events.subscribe((event) => this.#onEvent(event));
  }

  /** Changes whenever a search could answer differently (for caches of answers). */
  get generation(): number {
    return this.#swaps * 1_000_003 + this.#index.generation;
  }

  /** Whether the index was built (a node that serves no searches, such as a delivery worker, never builds it). */
  get ready(): boolean {
    return this.#active && this.#swaps > 0;
  }

  /** Figures of the last build (at start or by the operator). */
  get lastBuild(): RebuildStats | null {
    return this.#lastBuild;
  }

  get index(): SearchIndex {
    return this.#index;
  }

  search(query: SearchQuery): SearchResult {
    return search(this.#index, this.#matcher, query);
  }

  /** Names of a node's city by language (for facet labels), as known at the last build. */
  cityNames(handle: string): Readonly<Record<string, string>> | undefined {
    return this.#cityNames.get(handle);
  }

  /** Handle of a city node and its city centre, for searches near a node. */
  cityCentre(handle: string): GeoPoint | undefined {
    return this.#centres.get(handle)?.geo;
  }

  /** Resolves once every change reported so far is searchable. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.#queue;
      await last;
      if (this.#rebuilding) await this.#rebuilding;
    } while (last !== this.#queue);
  }

  /**
   * Builds the index from the store and swaps it in. Concurrent calls share one rebuild. With
   * `refreshEvery` (ms), also checks the store for changes other processes made (MongoDB).
   */
  rebuild(options: { refreshEveryMs?: number; fresh?: boolean } = {}): Promise<RebuildStats> {
    this.#active = true;
    if (options.refreshEveryMs && !this.#timer) {
      this.#timer = setInterval(
        () => void this.reconcile().catch((error: unknown) => log.warning('Could not check the store for changes: {error}', { error })),
        options.refreshEveryMs,
      );
      this.#timer.unref();
    }
    if (this.#rebuilding) return this.#rebuilding;
    this.#changedDuringRebuild = new Set();
    const run = this.#build(options.fresh ?? true).finally(() => {
      this.#rebuilding = null;
    });
    this.#rebuilding = run;
    return run;
  }

  stop(): void {
    this.#unsubscribe();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Applies the current state in the store of these listings (published or not) to the index. */
  refresh(items: Array<{ kind: Kind | null; id: string }>): Promise<void> {
    const run = this.#queue.then(() => this.#apply(items));
    this.#queue = run.catch((error: unknown) => log.error('Could not update the search index: {error}', { error }));
    return run;
  }

  /**
   * Compares the index with the store (ids and versions) and applies the differences: the way
   * changes written by other processes reach this one (several processes sharing MongoDB).
   */
  async reconcile(): Promise<number> {
    if (!this.ready) return 0;
    const changed: Array<{ kind: Kind | null; id: string }> = [];
    const seen = new Set<string>();
    for (const [kind, repository] of [
      ['goodPractice', this.#deps.practices],
      ['initiative', this.#deps.initiatives],
    ] as const) {
      const docs = await repository.publishedVersions();
      for (const doc of docs) {
        seen.add(doc._id);
        if (this.#index.versionOf(doc._id) !== doc.version) changed.push({ kind, id: doc._id });
      }
    }
    for (const id of this.#index.liveIds()) if (!seen.has(id)) changed.push({ kind: null, id });
    for (const id of this.#index.memberIds()) if (!seen.has(id)) changed.push({ kind: null, id });
    if (changed.length) await this.refresh(changed);
    return changed.length;
  }

  #onEvent(event: DomainEvent): void {
    if (!this.#active) return;
    switch (event.type) {
      case 'record.published':
      case 'record.updated':
      case 'record.unpublished':
      case 'record.deleted':
      case 'listing.received':
        // Market records are not listings: they are not in the search index (ADR 0033).
        if (!isListingKind(event.kind)) return;
        void this.refresh([{ kind: event.kind, id: event.id }]).catch(() => {});
        return;
      case 'listing.removed':
        void this.refresh(event.ids.map((id) => ({ kind: null, id }))).catch(() => {});
        return;
      case 'sameAs.changed':
        void this.#regroup(event.ids).catch(() => {});
        return;
      // A city's profile changed (its centre, its names): listings indexed from now on use it;
      // those indexed before keep theirs until they change or the next rebuild.
      case 'node.profileUpdated':
      case 'node.profileReceived':
        void this.#loadNodes().catch(() => {});
        return;
      default:
        return;
    }
  }

  /**
   * Links changed: the listings of the old and new groups are indexed again, grouped as they are
   * now. Queued like any change, so `settled()` waits for it.
   */
  #regroup(ids: readonly string[]): Promise<void> {
    const run = this.#queue.then(async () => {
      const touched = new Set<string>();
      for (const id of ids) for (const member of this.#groupOf.get(id) ?? [id]) touched.add(member);
      await this.#loadGroups();
      for (const id of [...touched]) for (const member of this.#groupOf.get(id) ?? []) touched.add(member);
      await this.#apply([...touched].map((id) => ({ kind: 'initiative' as const, id })));
    });
    this.#queue = run.catch((error: unknown) => log.error('Could not regroup linked listings: {error}', { error }));
    return run;
  }

  async #loadGroups(): Promise<void> {
    if (!this.#deps.links) return;
    const groupOf = new Map<string, readonly string[]>();
    for (const group of await this.#deps.links.groups()) for (const id of group) groupOf.set(id, group);
    this.#groupOf = groupOf;
  }

  /**
   * Indexes a group of linked listings as one document under its representative; the others
   * leave their own slots. Listings no longer published leave the group.
   */
  async #indexGroup(index: SearchIndex, group: readonly string[]): Promise<void> {
    const docs = await this.#deps.initiatives.findPublishedByIds(group);
    const published = new Set(docs.map((d) => d._id));
    for (const id of group) if (!published.has(id)) index.remove(id);
    if (!docs.length) return;
    const entries = docs.map((doc) => ({ id: doc._id, local: doc.origin.kind === 'local', doc }));
    const representative = representativeOf(entries);
    const others = entries.filter((e) => e !== representative);
    for (const other of others) index.remove(other.id);
    const own = initiativeDocument(representative.doc, this.#cityCentreOf, this.#articleOf);
    index.upsert(
      others.length
        ? groupDocument(
            own,
            others.map((o) => {
              const doc = initiativeDocument(o.doc, this.#cityCentreOf, this.#articleOf);
              return { doc, member: this.#memberOf(o.doc, doc.geo, doc.country) };
            }),
          )
        : own,
    );
    for (const other of others) index.setMemberVersion(other.id, other.doc.version);
  }

  #memberOf(doc: StoredInitiative, geo: GeoPoint | null, country: string): GroupMember {
    return {
      id: doc._id,
      node: doc.record.node,
      locality: doc.record.location.locality,
      country,
      geo,
      url: this.#deps.iris ? this.#deps.iris.pageOf('initiatives', doc) : doc._id,
    };
  }

  async #apply(items: Array<{ kind: Kind | null; id: string }>): Promise<void> {
    const affected = new Set<string>();
    const grouped = new Set<readonly string[]>();
    for (const { kind, id } of items) {
      if (this.#rebuilding) this.#changedDuringRebuild.add(id);
      const group = kind !== 'goodPractice' ? this.#groupOf.get(id) : undefined;
      if (group) {
        if (!grouped.has(group)) await this.#indexGroup(this.#index, group);
        grouped.add(group);
        continue;
      }
      const practice = kind !== 'initiative' ? await this.#deps.practices.findPublishedById(id) : null;
      const initiative = kind !== 'goodPractice' && !practice ? await this.#deps.initiatives.findPublishedById(id) : null;
      const result = practice
        ? this.#index.upsert(goodPracticeDocument(practice))
        : initiative
          ? this.#index.upsert(initiativeDocument(initiative, this.#cityCentreOf, this.#articleOf))
          : this.#index.remove(id);
      for (const other of result) affected.add(other);
    }
    for (const id of affected) {
      const group = this.#groupOf.get(id);
      if (group) {
        if (!grouped.has(group)) await this.#indexGroup(this.#index, group);
        grouped.add(group);
        continue;
      }
      const initiative = await this.#deps.initiatives.findPublishedById(id);
      if (initiative) this.#index.upsert(initiativeDocument(initiative, this.#cityCentreOf, this.#articleOf));
    }
    const index = this.#index;
    if (!this.#rebuilding && index.churn > Math.max(CHURN_LIMIT, index.liveCount / 4)) {
      log.info('Compacting the search index after {churn} changes', { churn: index.churn });
      void this.rebuild({ fresh: false }).catch((error: unknown) => log.error('Could not rebuild the search index: {error}', { error }));
    }
  }

  readonly #cityCentreOf: CityCentreOf = (node, locality) => {
    const centre = this.#centres.get(node);
    return centre && centre.locality === locality ? centre.geo : undefined;
  };

  readonly #articleOf: ArticleOf = (basis) => this.#deps.catalog.concept('reserved-contract-basis', basis)?.implements;

  /** The city centres and names of every known node, for listings indexed from now on. */
  async #loadNodes() {
    const nodes = await this.#deps.nodes.findPublished({});
    const centres = new Map<string, { locality: string; geo: GeoPoint }>();
    for (const node of nodes) if (node.record.geo) centres.set(node._id, { locality: node.record.locality, geo: node.record.geo });
    this.#centres = centres;
    this.#cityNames = new Map(
      nodes.map((node) => [
        node._id,
        { ...(node.record.localityNames ?? {}), [node.record.defaultLanguages[0] ?? 'und']: node.record.locality },
      ]),
    );
    return nodes;
  }

  /**
   * A fresh build starts a new dictionary; otherwise the current one is reused, with every word
   * already stemmed (about twice as fast; its terms of listings gone since stay, unused).
   */
  async #build(fresh: boolean): Promise<RebuildStats> {
    const started = performance.now();
    const nodes = await this.#loadNodes();
    await this.#loadGroups();
    const matcher = new ConceptMatcher(categorySource(this.#deps.catalog, nodes));
    const expected = (await this.#deps.initiatives.countPublished({})) + (await this.#deps.practices.countPublished({}));
    // A rebuild expects about as many postings as the index it replaces has (plus some room).
    const current = this.#index.postings.size;
    const expectedPostings = current > 0 ? current * 1.05 + 65_536 : undefined;
    const index = new SearchIndex({
      expected,
      expectedPostings,
      ...(fresh ? {} : { analyzer: this.#index.analyzer, typos: this.#index.typos }),
    });
    // Practices first: an initiative's practice types come from them.
    for await (const batch of this.#deps.practices.publishedBatches(BATCH)) {
      for (const doc of batch) index.upsert(goodPracticeDocument(doc));
      await yieldToEventLoop();
    }
    const groups = new Set<readonly string[]>();
    for await (const batch of this.#deps.initiatives.publishedBatches(BATCH)) {
      for (const doc of batch) {
        const group = this.#groupOf.get(doc._id);
        if (group) groups.add(group);
        else index.upsert(initiativeDocument(doc, this.#cityCentreOf, this.#articleOf));
      }
      await yieldToEventLoop();
    }
    for (const group of groups) await this.#indexGroup(index, group);
    index.seal();
    // Swap, then apply what changed while building (in the store already, maybe not in the batches read).
    await this.#queue;
    this.#index = index;
    this.#matcher = matcher;
    this.#swaps++;
    const changed = [...this.#changedDuringRebuild];
    this.#changedDuringRebuild = new Set();
    if (changed.length) await this.refresh(changed.map((id) => ({ kind: null, id })));
    const stats = { listings: index.liveCount, terms: index.dictionary.size, durationMs: Math.round(performance.now() - started) };
    this.#lastBuild = stats;
    log.info('Search index built: {listings} listings, {terms} terms in {durationMs} ms', stats);
    return stats;
  }
}

function categorySource(catalog: TaxonomyCatalog, nodes: StoredCityNode[]): CategorySource {
  return {
    concepts: CATEGORY_TAXONOMIES.flatMap(([taxonomy, facet]) =>
      (catalog.get(taxonomy)?.concepts ?? []).map((c) => ({ facet, code: c.code, labels: c.labels })),
    ),
    nodes: nodes.map((node) => ({
      handle: node._id,
      names: [['und', node.record.locality] as const, ...Object.entries(node.record.localityNames ?? {})],
    })),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
