// Proposes likely duplicates (ADR 0052) when an initiative is published or changed here, or
// received from a partner: between this node's listings and the partners' copies it holds (two
// of our own are one editorial question, two partners' are theirs). Candidates come from the
// search index (the listing's most telling name words, in its country) and from the same
// website; each is then compared in full (duplicate-likeness.ts). Runs after the event, one
// listing at a time, and never fails the action that emitted it.
import { logger } from '../config/logging.ts';
import type { DomainEvent, DomainEvents } from '../events/domain-events.ts';
import type { InitiativeRepository, StoredInitiative } from '../initiatives/initiative-repository.ts';
import { publicLocation } from '../initiatives/public-initiative.ts';
import type { SearchService } from '../search/search-service.ts';
import { likeness, nameWords, websiteKey, type LikenessInput } from './duplicate-likeness.ts';
import type { DuplicatePairRepository } from './duplicate-pair-repository.ts';

const log = logger('duplicates');

/** Name words searched per listing (the longest, which tell most), and hits kept per word. */
const WORDS_SEARCHED = 3;
const HITS_PER_WORD = 30;
/** Fields whose change may make or unmake a duplicate. */
const TELLING_FIELDS = ['name', 'alternateNames', 'website', 'location'];

export interface DuplicateFinderDependencies {
  initiatives: InitiativeRepository;
  pairs: DuplicatePairRepository;
  search: SearchService;
  events: DomainEvents;
  now: () => Date;
}

export class DuplicateFinder {
  readonly #deps: DuplicateFinderDependencies;
  #queue: Promise<void> = Promise.resolve();
  readonly #unsubscribe: () => void;

  constructor(deps: DuplicateFinderDependencies) {
    this.#deps = deps;
    this.#unsubscribe = deps.events.subscribe((event) => this.#onEvent(event));
  }

  stop(): void {
    this.#unsubscribe();
  }

  /** Resolves once every listing reported so far was compared. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.#queue;
      await last;
    } while (last !== this.#queue);
  }

  #onEvent(event: DomainEvent): void {
    const telling =
      (event.type === 'record.published' && event.kind === 'initiative') ||
      (event.type === 'record.updated' && event.kind === 'initiative' && event.fields.some((f) => TELLING_FIELDS.includes(f))) ||
      (event.type === 'listing.received' && event.kind === 'initiative');
    if (!telling) return;
    const id = event.id;
    this.#queue = this.#queue
      .then(() => this.proposeFor(id))
      .then(
        (count) => void (count && log.info('Proposed {count} likely duplicate(s) of {id}', { count, id })),
        (error: unknown) => log.error('Could not look for duplicates of {id}: {error}', { id, error }),
      );
  }

  /** Compares one listing with the listings of the other side; how many new proposals it made. */
  async proposeFor(id: string): Promise<number> {
    const doc = await this.#deps.initiatives.findPublishedById(id);
    if (!doc) return 0;
    const mine = likenessInput(doc);
    const isLocal = doc.origin.kind === 'local';
    let proposed = 0;
    for (const other of await this.#candidates(doc, mine)) {
      if (other._id === doc._id || (other.origin.kind === 'local') === isLocal) continue;
      const reasons = likeness(mine, likenessInput(other));
      if (reasons && (await this.#deps.pairs.propose(doc._id, other._id, reasons, this.#deps.now().toISOString()))) proposed++;
    }
    return proposed;
  }

  async #candidates(doc: StoredInitiative, mine: LikenessInput): Promise<StoredInitiative[]> {
    const ids = new Set<string>();
    const { search } = this.#deps;
    if (search.ready) {
      await search.settled();
      // A few names, and words of a real length (a partner may send anything as a name).
      const words = [...new Set(mine.names.slice(0, 12).flatMap(nameWords))]
        .filter((w) => w.length <= 40)
        .sort((a, b) => b.length - a.length)
        .slice(0, WORDS_SEARCHED);
      for (const word of words) {
        const result = search.search({
          text: word,
          filters: { kind: ['INITIATIVE'], country: [mine.country] },
          first: HITS_PER_WORD,
          facets: false,
        });
        for (const hit of result.hits) {
          ids.add(hit.id);
          for (const member of hit.sameAs ?? []) ids.add(member.id);
        }
      }
    }
    // A process without a search index (a delivery worker receiving a partner's catalogue) finds
    // by website only: reading every listing of a country per received listing would not scale.
    const byName = ids.size ? await this.#deps.initiatives.findPublishedByIds([...ids]) : [];
    const bySite = await this.#deps.initiatives.findPublishedByWebsites(websiteVariants(doc.record.website));
    const all = new Map<string, StoredInitiative>();
    for (const d of [...byName, ...bySite]) all.set(d._id, d);
    return [...all.values()];
  }
}

/** What likeness compares: every name, the website, the public place (at the precision the initiative chose). */
export function likenessInput(doc: StoredInitiative): LikenessInput {
  const record = doc.record;
  const place = publicLocation(record);
  return {
    names: [...Object.values(record.name), ...(record.alternateNames ?? [])].filter((n): n is string => Boolean(n)),
    website: record.website ?? null,
    locality: place.locality,
    country: place.country,
    geo: place.geo,
  };
}

/** The ways a website with this key may be written (scheme, www, trailing slash), to find it by equality. */
export function websiteVariants(website: string | null | undefined): string[] {
  const key = websiteKey(website);
  if (!key) return [];
  const out = new Set<string>([website!.trim()]);
  for (const scheme of ['https://', 'http://'])
    for (const www of ['', 'www.']) for (const slash of ['', '/']) out.add(`${scheme}${www}${key}${slash}`);
  return [...out];
}
