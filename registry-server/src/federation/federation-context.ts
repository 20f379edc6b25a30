// What every dispatcher and inbox handler receives as Fedify context data.
import type { Registry } from '../registry.ts';
import type { ActorKeys } from './actor-keys.ts';
import type { MarketAnswersReceiver } from './market/market-answers-port.ts';
import type { FollowRepository } from './partners/follow-repository.ts';
import type { NoteRepository } from './notes/note-repository.ts';

/** Identifier of the node's own actor (initiative handles cannot start with "_"). */
export const NODE_ACTOR = '_node';

/**
 * The services and repositories dispatchers and inbox handlers use: never the store. Handlers
 * stay thin: they check the activity and call these.
 */
export type FederationServices = Pick<
  Registry,
  | 'config'
  | 'catalog'
  | 'iris'
  | 'events'
  | 'initiatives'
  | 'practices'
  | 'nodes'
  | 'reports'
  | 'reportDesk'
  | 'audit'
  | 'now'
  | 'marketRecords'
  | 'publicMarketRecords'
  // Adoption records federate beside listings (ADR 0040).
  | 'adoptionRecords'
  // Questions between cities travel node actor to node actor (ADR 0046).
  | 'cityQuestions'
  // Links between listings of one organisation, served and received as `sameAs` (ADR 0052).
  | 'sameOrganisation'
  | 'validator'
  // How the actors present themselves to Mastodon and the like (ADR 0051).
  | 'fediverseSettings'
>;

export interface FederationData {
  services: FederationServices;
  follows: FollowRepository;
  keys: ActorKeys;
  /** The Notes the node's actors posted for fediverse followers: their outboxes (ADR 0051). */
  notes: NoteRepository;
  /** Starts fetching a partner's whole catalogue, after it accepted our follow. */
  backfill(partnerActor: string): void;
  /** Takes the answers partners' editors send to this node's market records; absent until answers are installed. */
  marketAnswers?: MarketAnswersReceiver;
}
