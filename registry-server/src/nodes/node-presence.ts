// Which cities are online, from what the network knows rather than from the seeds' text
// (ADR 0022): this node itself; a partner whose actor accepted our follow; a registry node whose
// follow of us was accepted; and a city whose own profile (or an Update of it) arrived in the
// last 30 days. A seeded "planned" status says nothing about whether a node runs: once Milan
// federates, every page that names it says so.
import type { FollowRepository } from '../federation/partners/follow-repository.ts';
import { handleFromIri } from '../federation/iri.ts';
import type { CityNodeRepository } from './city-node-repository.ts';

/** How long a received profile alone keeps a city shown as online. */
export const RECENTLY_MS = 30 * 24 * 3600 * 1000;

interface Deps {
  follows: FollowRepository;
  nodes: CityNodeRepository;
  nodeHandle: string;
  /** Identifier of the node's own actor, whose followers count. */
  nodeActor: string;
  now: () => Date;
}

export class NodePresence {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /**
   * The cities that federate with this node now, this node's own included, each with the origin
   * of its node when a follow names it (null for this node and for a profile alone).
   */
  async onlineHandles(): Promise<Map<string, string | null>> {
    const { follows, nodes, nodeHandle, nodeActor, now } = this.#deps;
    const [following, followers, received] = await Promise.all([
      follows.allFollowing(),
      follows.registryNodeFollowers(nodeActor),
      nodes.receivedProfiles(),
    ]);
    const since = new Date(now().getTime() - RECENTLY_MS).toISOString();
    const online = new Map<string, string | null>([[nodeHandle, null]]);
    const add = (iri: string) => {
      const handle = handleFromIri(iri);
      if (handle && handle !== nodeHandle && !online.get(handle)) online.set(handle, new URL(iri).origin);
    };
    for (const f of following) if (f.state === 'accepted') add(f._id);
    for (const f of followers) if (f.state === 'accepted') add(f.actor);
    for (const r of received) if (r.receivedAt >= since && !online.has(r.handle)) online.set(r.handle, null);
    return online;
  }

  /** Whether this node follows, or asked to follow, any partner (the first-run page's third step). */
  async followsAnyPartner(): Promise<boolean> {
    return (await this.#deps.follows.allFollowing()).some((f) => f.state !== 'rejected');
  }
}
