// Matching, pushed: when a market record is published or changed (this node's own, or a
// partner's copy), compute its matches, store them and tell the rest of the node
// (`market.matched`, contract B). A local record is matched over every listing the node holds,
// its own and its partners'; a partner's copy only over this node's own initiatives and records,
// since each node tells its own editors. When a record leaves the public (unpublished, deleted,
// expired), its matches are withdrawn. The rules are in match-rules.ts; the candidates come
// from the search index (match-candidates.ts). When an initiative is published or changed, it is
// matched the other way round against the open records (initiative-rematching.ts, ADR 0055), in
// the same queue, so two writes of one record's matches never interleave.
import { logger } from '../../config/logging.ts';
import type { DomainEvent, DomainEvents } from '../../events/domain-events.ts';
import type { InitiativeRepository, StoredInitiative } from '../../initiatives/initiative-repository.ts';
import type { CityNodeRepository } from '../../nodes/city-node-repository.ts';
import type { RecordIris } from '../../records/record-iris.ts';
import type { GeoPoint } from '../../records/record-types.ts';
import { fold } from '../../search/fold.ts';
import type { SearchService } from '../../search/search-service.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { MarketRecord } from '../market-record.ts';
import type { MarketRecordRepository, StoredMarketRecord } from '../market-record-repository.ts';
import type { DeclaredFacts } from './declared-facts.ts';
import { initiativeFacts } from './initiative-facts.ts';
import { InitiativeRematching, type RematchOutcome } from './initiative-rematching.ts';
import { bestCandidates, type CandidateQuery } from './match-candidates.ts';
import { matchNeedOffer, matchOfferToInitiative, matchRequest, offeredNeeds, requestSectors, type Scored } from './match-rules.ts';
import type { MarketMatch } from './market-match.ts';
import type { MarketMatchRepository, StoredMatches } from './market-match-repository.ts';
import type { MatchingReadsRepository } from './matching-reads-repository.ts';
import { LOCALITY_RADIUS_KM, type RecordPlace } from './place-fit.ts';

const log = logger('market', 'matching');

/** Candidates whose documents the rules read, best pre-scored first. */
export const CANDIDATES_READ = 100;
/** Matches kept per record, best first: enough for a buyer to read, few enough to notify. */
export const MAX_MATCHES = 50;

export interface MarketMatchingDependencies {
  records: MarketRecordRepository;
  matches: MarketMatchRepository;
  reads: MatchingReadsRepository;
  initiatives: InitiativeRepository;
  nodes: CityNodeRepository;
  search: SearchService;
  declared: DeclaredFacts;
  catalog: TaxonomyCatalog;
  events: DomainEvents;
  iris: RecordIris;
  nodeHandle: string;
  now: () => Date;
}

export class MarketMatching {
  readonly #d: MarketMatchingDependencies;
  #queue: Promise<void> = Promise.resolve();
  #centres: Promise<Map<string, GeoPoint>> | null = null;
  readonly #rematching: InitiativeRematching;
  /** Initiatives queued for re-matching whose work has not started. */
  readonly #waiting = new Set<string>();

  constructor(deps: MarketMatchingDependencies) {
    this.#d = deps;
    this.#rematching = new InitiativeRematching({
      ...deps,
      cityCentre: (node) => deps.search.cityCentre(node),
      placeOf: (area) => this.placeOf(area),
      maxMatches: MAX_MATCHES,
    });
    deps.events.subscribe((event) => this.#onEvent(event));
  }

  /** Resolves once every record reported so far is matched (or its matches withdrawn). */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.#queue;
      await last;
    } while (last !== this.#queue);
  }

  #onEvent(event: DomainEvent): void {
    if (event.type === 'node.profileUpdated' || event.type === 'node.profileReceived') this.#centres = null;
    if (this.#onInitiativeEvent(event)) return;
    if (!('kind' in event) || event.kind !== 'marketRecord') return;
    if (event.type === 'record.published' || event.type === 'record.updated') {
      // A process without a search index (a delivery worker) cannot find candidates: matching
      // there would store "no match" over the web process's answer (ADR 0036).
      if (!this.#d.search.ready) log.warning('{id} not matched: this process has no search index', { id: event.id });
      else this.#enqueue(() => this.matchRecord(event.id));
    } else if (event.type === 'record.unpublished' || event.type === 'record.deleted' || event.type === 'record.expired')
      this.#enqueue(() => this.withdraw(event.id));
  }

  /**
   * An initiative published, changed, unpublished or deleted (here, or a partner's copy received
   * or removed): queued for re-matching against the open records. True when the event was one.
   */
  #onInitiativeEvent(event: DomainEvent): boolean {
    let ids: string[];
    if (event.type === 'listing.removed') ids = event.ids;
    else if ((event.type === 'listing.received' || event.type.startsWith('record.')) && 'kind' in event && event.kind === 'initiative')
      ids = [(event as { id: string }).id];
    else return false;
    if (!this.#d.search.ready) return true; // as for records: the web process matches (ADR 0036)
    if (event.type === 'listing.removed') this.#enqueue(() => this.#rematching.forget(ids));
    else this.#enqueueInitiative(ids[0]!);
    return true;
  }

  /**
   * Queues an initiative once: changes that arrive while it waits are covered by the read it
   * will make (a burst of edits, or a partner sending one listing over and over costs one
   * re-matching). Once its work has started, a new change queues it again.
   */
  #enqueueInitiative(id: string): void {
    if (this.#waiting.has(id)) return;
    this.#waiting.add(id);
    this.#enqueue(() => {
      this.#waiting.delete(id);
      return this.rematchInitiative(id);
    });
  }

  /**
   * Matches one initiative (by store id) against every open request and offer (ADR 0055): new or
   * changed matches are stored and emitted, matches that no longer hold are removed untold.
   */
  rematchInitiative(id: string): Promise<RematchOutcome> {
    return this.#rematching.rematch(id);
  }

  #enqueue(work: () => Promise<unknown>): void {
    this.#queue = this.#queue.then(work).then(
      () => undefined,
      (error: unknown) => log.error('Matching failed: {error}', { error }),
    );
  }

  /**
   * Matches a record, stores the matches and emits `market.matched` with those that are new or
   * changed since the last time. A record no longer public has its matches withdrawn instead.
   */
  async matchRecord(id: string): Promise<MarketMatch[]> {
    const doc = await this.#d.records.findPublishedById(id);
    const now = this.#d.now();
    if (!doc || doc.derived.expiresAt <= now.toISOString() || (await this.#ownerHidden(doc))) {
      await this.withdraw(id);
      return [];
    }
    const matches = await this.compute(doc);
    const recordIri = this.#d.iris.of('market', doc);
    const before = await this.#d.matches.replace({
      _id: id,
      recordIri,
      recordVersion: doc.version,
      computedAt: now.toISOString(),
      matches,
    });
    const fresh = newOrChanged(before, matches);
    if (fresh.length > 0) {
      this.#d.events.emit({
        type: 'market.matched',
        record: { iri: recordIri, handle: doc.record.handle, kind: doc.record.kind, local: doc.origin.kind === 'local' },
        matches: fresh,
      });
    }
    log.debug('{id}: {count} matches, {fresh} new or changed', { id, count: matches.length, fresh: fresh.length });
    return matches;
  }

  /** Withdraws the matches of a record that left the public. */
  async withdraw(id: string): Promise<void> {
    if (await this.#d.matches.remove(id)) log.debug('{id}: matches withdrawn', { id });
  }

  /** The matches of a stored record, best first (nothing is stored or told). */
  async compute(doc: StoredMarketRecord): Promise<MarketMatch[]> {
    const record = doc.record;
    const local = doc.origin.kind === 'local';
    const place = await this.placeOf(record.area);
    const recordIri = this.#d.iris.of('market', doc);
    const scored: Array<{ counterpart: MarketMatch['counterpart']; result: Scored }> = [];
    const onlyOwn = local ? {} : { node: this.#d.nodeHandle };
    switch (record.kind) {
      case 'request': {
        const sectors = requestSectors(record);
        if (sectors.length === 0) break;
        const eligible =
          record.request?.intent === 'reserved-contract'
            ? [...this.#d.declared.entries()].filter(([, d]) => d.bases.length > 0).map(([id]) => id)
            : undefined;
        const ids = this.#candidates(place, {
          sectors,
          ownSectors: record.sectors ?? [],
          language: primary(record.originalLanguage),
          ...onlyOwn,
          ...(eligible ? { onlyIds: eligible } : {}),
        });
        for (const initiative of await this.#initiatives(ids)) {
          const result = matchRequest(record, place, initiativeFacts(initiative, this.#d.catalog, this.#cityCentre(initiative)));
          if (result) scored.push({ counterpart: this.#initiativeRef(initiative), result });
        }
        break;
      }
      case 'offer': {
        const ids = this.#candidates(place, { needs: offeredNeeds(record.offer!), ...onlyOwn });
        for (const initiative of await this.#initiatives(ids)) {
          const result = matchOfferToInitiative(record, place, initiativeFacts(initiative, this.#d.catalog, this.#cityCentre(initiative)));
          if (result) scored.push({ counterpart: this.#initiativeRef(initiative), result });
        }
        for (const need of await this.#d.reads.openRecords('need', record.area.country, this.#d.now(), !local)) {
          if (await this.#ownerHidden(need)) continue;
          const result = matchNeedOffer(need.record, record, place, await this.placeOf(need.record.area));
          if (result) scored.push({ counterpart: this.#recordRef(need), result });
        }
        break;
      }
      case 'need': {
        for (const offer of await this.#d.reads.openRecords('offer', record.area.country, this.#d.now(), !local)) {
          const result = matchNeedOffer(record, offer.record, place, await this.placeOf(offer.record.area));
          if (result) scored.push({ counterpart: this.#recordRef(offer), result });
        }
        break;
      }
      case 'opening':
        // Openings are for people, not organisations: CRIPEL points people to them through the
        // board. Matching one to initiatives or offers would tell nobody anything useful (ADR 0036).
        break;
    }
    return scored
      .sort((a, b) => b.result.score - a.result.score || a.counterpart.iri.localeCompare(b.counterpart.iri))
      .slice(0, MAX_MATCHES)
      .map(({ counterpart, result }) => ({ recordIri, counterpart, score: result.score, reasons: result.reasons }));
  }

  /**
   * Whether a record is the need or opening of this node's initiative that is not public itself
   * (a draft, unpublished, deleted): like the public reads (PublicMarketRecords), matching leaves
   * it out, so no one is told of it.
   */
  async #ownerHidden(doc: StoredMarketRecord): Promise<boolean> {
    const owner = doc.record.owner.initiative;
    if (!owner || doc.origin.kind !== 'local') return false;
    return (await this.#d.initiatives.localHandlesNotPublished()).includes(owner);
  }

  /** A record's area with its centre: its own, or the city centre of the node whose city is its locality. */
  async placeOf(area: MarketRecord['area']): Promise<RecordPlace> {
    const centre =
      area.centre ?? (area.locality ? (await this.#localityCentres()).get(`${area.country}/${fold(area.locality)}`) : undefined);
    return { area, centre: centre ?? null, radiusKm: area.radiusKm ?? null };
  }

  #candidates(place: RecordPlace, q: Omit<CandidateQuery, 'country' | 'near' | 'deliverers'>): string[] {
    const reach = place.radiusKm ?? (place.area.locality ? LOCALITY_RADIUS_KM : null);
    const deliverers = new Set<string>();
    for (const [id, d] of this.#d.declared.entries()) if (d.deliveryArea) deliverers.add(id);
    return bestCandidates(
      this.#d.search.index,
      {
        ...q,
        country: place.area.country,
        deliverers,
        ...(place.centre && reach !== null ? { near: { centre: place.centre, reachKm: reach } } : {}),
      },
      CANDIDATES_READ,
    );
  }

  async #initiatives(ids: string[]): Promise<StoredInitiative[]> {
    return ids.length === 0 ? [] : this.#d.initiatives.findPublishedByIds(ids);
  }

  #cityCentre(doc: StoredInitiative): GeoPoint | undefined {
    return this.#d.search.cityCentre(doc.record.node);
  }

  #initiativeRef(doc: StoredInitiative): MarketMatch['counterpart'] {
    return { kind: 'initiative', iri: this.#d.iris.of('initiatives', doc), local: doc.origin.kind === 'local' };
  }

  #recordRef(doc: StoredMarketRecord): MarketMatch['counterpart'] {
    return { kind: 'marketRecord', iri: this.#d.iris.of('market', doc), local: doc.origin.kind === 'local' };
  }

  /** "country/folded locality" → city centre, from the city nodes this node knows (their own localities and names). */
  #localityCentres(): Promise<Map<string, GeoPoint>> {
    this.#centres ??= this.#d.nodes.findPublished({}).then((nodes) => {
      const centres = new Map<string, GeoPoint>();
      for (const node of nodes) {
        const { geo, country, locality, localityNames } = node.record;
        if (!geo) continue;
        for (const name of [locality, ...Object.values(localityNames ?? {})]) centres.set(`${country}/${fold(name)}`, geo);
      }
      return centres;
    });
    return this.#centres;
  }
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** The matches that were not there before, or whose score or reasons changed (what is told again). */
export function newOrChanged(before: StoredMatches | null, after: readonly MarketMatch[]): MarketMatch[] {
  const earlier = new Map((before?.matches ?? []).map((m) => [m.counterpart.iri, m]));
  return after.filter((m) => {
    const old = earlier.get(m.counterpart.iri);
    return !old || old.score !== m.score || JSON.stringify(old.reasons) !== JSON.stringify(m.reasons);
  });
}
