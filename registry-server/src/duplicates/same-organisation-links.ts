// Links between listings of one organisation (issue 17 point 8, ADR 0052). A moderator confirms
// or rejects a proposed pair (a rejected pair is never proposed again) or undoes a link; a
// partner's listing that names one of ours (or another listing this node holds) in its `sameAs`
// links the pair here too, and withdrawing that `sameAs` undoes the link here, so both nodes
// agree. Every change is told as a `sameAs.changed` event (the search index regroups), and a
// change to what a local listing serves as a `record.updated` with a link stamp, which the
// federation bridge sends to partners as an Update on the usual path.
import { authorize } from '../accounts/authorization.ts';
import { ActionError } from '../accounts/action-error.ts';
import type { Actor } from '../accounts/actor.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import { logger } from '../config/logging.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { InitiativeRepository, StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { DuplicatePairRepository } from './duplicate-pair-repository.ts';
import type { DuplicatePair, DuplicatePairStatus } from './duplicate-pair.ts';

const log = logger('duplicates');

/** How many `sameAs` a received listing may claim: an organisation is rarely listed by more nodes. */
export const MAX_CLAIMS = 20;

export interface SameOrganisationDependencies {
  pairs: DuplicatePairRepository;
  initiatives: InitiativeRepository;
  iris: RecordIris;
  events: DomainEvents;
  audit: AuditLog;
  now: () => Date;
}

/** A pair with its two listings as this node holds them (null: no longer public here). */
export interface DuplicatePairView {
  pair: DuplicatePair;
  listings: [StoredInitiative | null, StoredInitiative | null];
}

export class SameOrganisationLinks {
  readonly #deps: SameOrganisationDependencies;

  constructor(deps: SameOrganisationDependencies) {
    this.#deps = deps;
  }

  ensureIndexes(): Promise<void> {
    return this.#deps.pairs.ensureIndexes();
  }

  /** The pairs with a status, each with both listings, for the moderators' page. */
  async list(actor: Actor, status: DuplicatePairStatus, limit = 200): Promise<DuplicatePairView[]> {
    authorize(actor, { do: 'duplicate.decide' });
    const pairs = await this.#deps.pairs.list(status, limit);
    const ids = [...new Set(pairs.flatMap((p) => p.ids))];
    const docs = new Map((await this.#deps.initiatives.findPublishedByIds(ids)).map((d) => [d._id, d]));
    return pairs.map((pair) => ({ pair, listings: [docs.get(pair.ids[0]) ?? null, docs.get(pair.ids[1]) ?? null] }));
  }

  /** A moderator says the two listings are one organisation: they are linked here and, through federation, on partners. */
  async confirm(actor: Actor, id: string): Promise<DuplicatePair> {
    authorize(actor, { do: 'duplicate.decide' });
    const pair = await this.#existing(id);
    const [a, b] = await Promise.all(pair.ids.map((x) => this.#deps.initiatives.findPublishedById(x)));
    if (!a || !b)
      throw new ActionError('INVALID_STATE', 'One of the two listings is no longer published here; it cannot be linked. Reload the page.');
    const decided = await this.#deps.pairs.decide(id, ['proposed'], 'confirmed', accountOf(actor), this.#now());
    if (!decided) throw new ActionError('INVALID_STATE', 'This pair was decided already (another moderator); reload the page.');
    await this.#audit(actor, 'duplicate.confirm', id);
    this.#changed([decided]);
    return decided;
  }

  /** A moderator says they are different organisations: the pair is never proposed again. */
  async reject(actor: Actor, id: string): Promise<DuplicatePair> {
    authorize(actor, { do: 'duplicate.decide' });
    await this.#existing(id);
    const decided = await this.#deps.pairs.decide(id, ['proposed'], 'rejected', accountOf(actor), this.#now());
    if (!decided) throw new ActionError('INVALID_STATE', 'This pair was decided already (another moderator); reload the page.');
    await this.#audit(actor, 'duplicate.reject', id);
    return decided;
  }

  /** A moderator undoes a link: partners hear the `sameAs` is gone and undo it too; the pair is not proposed again. */
  async unlink(actor: Actor, id: string): Promise<DuplicatePair> {
    authorize(actor, { do: 'duplicate.decide' });
    await this.#existing(id);
    const decided = await this.#deps.pairs.decide(id, ['confirmed'], 'rejected', accountOf(actor), this.#now(), []);
    if (!decided) throw new ActionError('INVALID_STATE', 'These listings are not linked (any more); reload the page.');
    await this.#audit(actor, 'duplicate.unlink', id);
    this.#changed([decided]);
    return decided;
  }

  /** The IRIs a listing is linked to, as it serves them in `sameAs` (sorted, so the served document is stable). */
  async sameAsOf(storeId: string): Promise<string[]> {
    const pairs = await this.#deps.pairs.involving(storeId);
    return pairs
      .filter((p) => p.status === 'confirmed')
      .map((p) => this.#iriOf(p.ids[0] === storeId ? p.ids[1] : p.ids[0]))
      .sort();
  }

  /** The groups of linked listings (store ids; an organisation listed by three nodes is one group of three). */
  async groups(): Promise<string[][]> {
    const parent = new Map<string, string>();
    const root = (x: string): string => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r) ?? (parent.set(r, r), r);
      parent.set(x, r);
      return r;
    };
    for (const pair of await this.#deps.pairs.confirmed()) {
      const [a, b] = pair.ids.map(root) as [string, string];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
    const groups = new Map<string, string[]>();
    for (const id of parent.keys()) {
      const r = root(id);
      groups.set(r, [...(groups.get(r) ?? []), id]);
    }
    return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
  }

  /**
   * A partner's listing (`storeId`, its IRI) was received with these `sameAs` IRIs: listings this
   * node holds are linked to it; a link it claimed before and no longer claims is undone.
   */
  async claimsReceived(storeId: string, claimed: readonly string[]): Promise<void> {
    const others = new Set(
      claimed
        .slice(0, MAX_CLAIMS)
        .map((iri) => this.#deps.iris.storeIdFor('initiatives', iri))
        .filter((id) => id !== storeId),
    );
    const changed: DuplicatePair[] = [];
    const now = this.#now();
    const held = others.size ? await this.#deps.initiatives.findPublishedByIds([...others]) : [];
    const existing = new Map((await this.#deps.pairs.involving(storeId)).map((p) => [p._id, p]));
    for (const other of held) {
      const before = [...existing.values()].find((p) => p.ids.includes(other._id));
      // Our moderators said these are different organisations: the partner's word does not undo that.
      if (before?.status === 'rejected' && before.decidedBy) continue;
      if (before?.status === 'confirmed' && before.claimedBy.includes(storeId)) continue;
      // With one of our listings, the partner's word links the pair (its moderators confirmed; ours
      // may undo it). Between two partners' listings, both origins must name each other.
      const local = other.origin.kind === 'local';
      const after = await this.#deps.pairs.claim(storeId, other._id, storeId, now, (claimedBy) => local || claimedBy.length >= 2);
      if (after?.status === 'confirmed' && before?.status !== 'confirmed') changed.push(after);
    }
    for (const pair of existing.values()) {
      const other = pair.ids[0] === storeId ? pair.ids[1] : pair.ids[0];
      if (!pair.claimedBy.includes(storeId) || others.has(other)) continue;
      if (pair.status === 'claimed') {
        await this.#deps.pairs.decide(
          pair._id,
          ['claimed'],
          'claimed',
          null,
          now,
          pair.claimedBy.filter((c) => c !== storeId),
        );
        continue;
      }
      if (pair.status !== 'confirmed') continue;
      // Withdrawn by its origin: the link is undone here too (both nodes agree), and not proposed again.
      const decided = await this.#deps.pairs.decide(pair._id, ['confirmed'], 'rejected', null, now, []);
      if (decided) changed.push(decided);
    }
    if (changed.length) {
      log.info('Links of {id} changed by its origin: {count}', { id: storeId, count: changed.length });
      this.#changed(changed);
    }
  }

  /** Listings a partner deleted: their pairs are forgotten, and the listings they were linked to regrouped. */
  async listingsRemoved(ids: readonly string[]): Promise<void> {
    const changed: DuplicatePair[] = [];
    for (const id of ids) {
      const pairs = await this.#deps.pairs.involving(id);
      if (!pairs.length) continue;
      await this.#deps.pairs.removeInvolving(id);
      changed.push(...pairs.filter((p) => p.status === 'confirmed'));
    }
    if (changed.length) this.#changed(changed);
  }

  #changed(pairs: DuplicatePair[]): void {
    const ids = [...new Set(pairs.flatMap((p) => p.ids))];
    this.#deps.events.emit({ type: 'sameAs.changed', ids });
    void this.#announce(ids.filter((id) => !this.#isReceived(id))).catch((error: unknown) =>
      log.error('Could not announce changed links: {error}', { error }),
    );
  }

  /** What our own listings serve changed (their `sameAs`): partners hear it as an Update. */
  async #announce(localIds: string[]): Promise<void> {
    const stamp = String(this.#deps.now().getTime());
    for (const id of localIds) {
      const doc = await this.#deps.initiatives.findPublishedById(id);
      if (!doc || doc.origin.kind !== 'local') continue;
      this.#deps.events.emit({
        type: 'record.updated',
        kind: 'initiative',
        id,
        version: doc.version,
        fields: ['sameAs'],
        linkStamp: stamp,
      });
    }
  }

  async #existing(id: string): Promise<DuplicatePair> {
    const pair = await this.#deps.pairs.findById(id);
    if (!pair) throw new ActionError('NOT_FOUND', 'No such pair of listings; it may have been removed with one of them. Reload the page.');
    return pair;
  }

  async #audit(actor: Actor, action: string, target: string): Promise<void> {
    if (actor.kind === 'account') await this.#deps.audit.record({ accountId: actor.accountId, role: actor.role, action, target });
  }

  #isReceived(storeId: string): boolean {
    return /^https?:\/\//.test(storeId);
  }

  #iriOf(storeId: string): string {
    return this.#isReceived(storeId) ? storeId : this.#deps.iris.local('initiatives', storeId);
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}

const accountOf = (actor: Actor): string | null => (actor.kind === 'account' ? actor.accountId : null);
