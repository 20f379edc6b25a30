// The other direction of matching (ADR 0055): when an initiative is published or changed (this
// node's own, or a partner's copy as it arrives), it is matched against every open request and
// offer the node holds, with the rules of match-rules.ts and the scope of ADR 0036 (a local
// record takes any listing; a partner's copy only this node's own initiatives). A new or changed
// match joins that record's stored matches (best first, at most MAX_MATCHES) and is emitted as
// `market.matched`, so answers tells the editors once; a match that no longer holds leaves the
// stored matches untold; an initiative that left the public leaves every stored match.
// One initiative costs two reads (the open records, the matches that list it) and one write per
// record whose matches change: no search index, no scan of initiatives.
import { logger } from '../../config/logging.ts';
import type { DomainEvents } from '../../events/domain-events.ts';
import type { InitiativeRepository } from '../../initiatives/initiative-repository.ts';
import type { RecordIris } from '../../records/record-iris.ts';
import type { GeoPoint } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { MarketRecord } from '../market-record.ts';
import type { StoredMarketRecord } from '../market-record-repository.ts';
import { initiativeFacts, type InitiativeFacts } from './initiative-facts.ts';
import { matchOfferToInitiative, matchRequest, requestSectors, type Scored } from './match-rules.ts';
import type { MarketMatch } from './market-match.ts';
import type { MarketMatchRepository, StoredMatches } from './market-match-repository.ts';
import type { MatchingReadsRepository } from './matching-reads-repository.ts';
import type { RecordPlace } from './place-fit.ts';

const log = logger('market', 'matching');

export interface InitiativeRematchingDependencies {
  matches: MarketMatchRepository;
  reads: MatchingReadsRepository;
  initiatives: InitiativeRepository;
  catalog: TaxonomyCatalog;
  events: DomainEvents;
  iris: RecordIris;
  cityCentre: (node: string) => GeoPoint | undefined;
  placeOf: (area: MarketRecord['area']) => Promise<RecordPlace>;
  maxMatches: number;
  now: () => Date;
}

/** What one re-matching did: matches told (new or changed) and matches removed. */
export interface RematchOutcome {
  told: number;
  removed: number;
}

export class InitiativeRematching {
  readonly #d: InitiativeRematchingDependencies;

  constructor(deps: InitiativeRematchingDependencies) {
    this.#d = deps;
  }

  /** Matches one initiative (by store id) against the open records; one no longer public leaves every stored match. */
  async rematch(id: string): Promise<RematchOutcome> {
    const doc = await this.#d.initiatives.findPublishedById(id);
    if (!doc) return { told: 0, removed: await this.forget([this.#iriOfId(id)]) };
    const iri = this.#d.iris.of('initiatives', doc);
    const local = doc.origin.kind === 'local';
    const now = this.#d.now();
    const facts = initiativeFacts(doc, this.#d.catalog, this.#d.cityCentre(doc.record.node));
    // A partner's initiative is matched only by this node's own records; a partner's copy of a record only matches our initiatives.
    const [open, listing] = await Promise.all([
      this.#d.reads.openRecordsOfKinds(['request', 'offer'], now, !local),
      this.#d.matches.withCounterparts([iri]),
    ]);
    const held = new Map(listing.map((m) => [m._id, m]));
    const outcome: RematchOutcome = { told: 0, removed: 0 };
    // Requests and offers belong to organisations (market-record.schema.json), never to an
    // initiative that could be hidden, so no owner is checked here (unlike needs in ADR 0036).
    for (const record of open) {
      const result = await this.#score(record, facts);
      const before = held.get(record._id) ?? null;
      held.delete(record._id);
      if (!result && !before) continue;
      const recordIri = this.#d.iris.of('market', record);
      const match: MarketMatch | null = result
        ? { recordIri, counterpart: { kind: 'initiative', iri, local }, score: result.score, reasons: result.reasons }
        : null;
      const stored = before ?? (match ? await this.#d.matches.find(record._id) : null);
      const change = placeMatch(stored?.matches ?? [], iri, match, this.#d.maxMatches);
      if (!change.changed) continue;
      await this.#d.matches.replace({
        _id: record._id,
        recordIri,
        recordVersion: stored?.recordVersion ?? record.version,
        computedAt: now.toISOString(),
        matches: change.matches,
      });
      if (change.told) {
        outcome.told++;
        this.#d.events.emit({
          type: 'market.matched',
          record: { iri: recordIri, handle: record.record.handle, kind: record.record.kind, local: record.origin.kind === 'local' },
          matches: [change.told],
        });
      } else outcome.removed++;
    }
    // Records that listed it but are no longer open (withdrawn, expired, out of scope): it leaves them too.
    for (const stale of held.values()) outcome.removed += await this.#drop(stale, [iri]);
    if (outcome.told || outcome.removed) log.debug('{id} re-matched: {told} told, {removed} removed', { id, ...outcome });
    return outcome;
  }

  /** Removes these initiatives (IRIs) from every stored match; returns how many records changed. */
  async forget(iris: readonly string[]): Promise<number> {
    let changed = 0;
    for (const stored of await this.#d.matches.withCounterparts(iris)) changed += await this.#drop(stored, iris);
    return changed;
  }

  async #drop(stored: StoredMatches, iris: readonly string[]): Promise<number> {
    const kept = stored.matches.filter((m) => !iris.includes(m.counterpart.iri));
    if (kept.length === stored.matches.length) return 0;
    await this.#d.matches.replace({ ...stored, matches: kept });
    return 1;
  }

  async #score(record: StoredMarketRecord, facts: InitiativeFacts): Promise<Scored | null> {
    const r = record.record;
    if (r.kind === 'request') return requestSectors(r).length === 0 ? null : matchRequest(r, await this.#d.placeOf(r.area), facts);
    if (r.kind === 'offer' && r.offer) return matchOfferToInitiative(r, await this.#d.placeOf(r.area), facts);
    return null;
  }

  /** The IRI of an initiative by store id, even once it is gone: a local one's is minted from its handle, a copy's is its id. */
  #iriOfId(id: string): string {
    return id.includes('://') ? id : this.#d.iris.local('initiatives', id);
  }
}

/** Matches ordered as matching orders them: best first, then by counterpart IRI. */
const byRank = (a: MarketMatch, b: MarketMatch) => b.score - a.score || a.counterpart.iri.localeCompare(b.counterpart.iri);

/**
 * A record's matches with one counterpart's match replaced (or removed when `match` is null),
 * still best first and at most `max`. `told` is the match when it is new or changed and kept.
 */
export function placeMatch(
  matches: readonly MarketMatch[],
  iri: string,
  match: MarketMatch | null,
  max: number,
): { changed: boolean; matches: MarketMatch[]; told: MarketMatch | null } {
  const old = matches.find((m) => m.counterpart.iri === iri);
  const others = matches.filter((m) => m.counterpart.iri !== iri);
  const next = (match ? [...others, match].sort(byRank) : others).slice(0, max);
  const kept = match !== null && next.includes(match);
  const same = old !== undefined && kept && old.score === match.score && JSON.stringify(old.reasons) === JSON.stringify(match.reasons);
  if (same || (!old && !kept)) return { changed: false, matches: [...matches], told: null };
  return { changed: true, matches: next, told: kept ? match : null };
}
