// Which Murmurations profiles this node serves, and what each says now. A profile exists only
// while its record is public (a published local initiative; the node itself; a market record the
// public sees: published, unexpired, of a public initiative); otherwise its URL answers 404,
// which is how the Murmurations index learns it may drop it (ADR 0050). Records are read through
// the same public readers as every other output, never as stored documents.
import { createHash } from 'node:crypto';
import type { Registry } from '../registry.ts';
import { initiativeProfile, marketProfile, nodeProfile, type MurmurationsProfile } from './murmurations-profiles.ts';

export type ProfileKind = 'initiative' | 'node' | 'marketRecord';

/** A profile this node may serve, named by what it describes. */
export interface ProfileTarget {
  kind: ProfileKind;
  /** The record's handle (the node's own handle for the node). */
  handle: string;
}

/** The paths of the profiles; stable as long as the handles are (they never change, editorial-service.ts). */
export const PROFILE_PATHS = {
  node: '/murmurations/node.json',
  initiative: (handle: string) => `/murmurations/initiatives/${encodeURIComponent(handle)}.json`,
  marketRecord: (handle: string) => `/murmurations/market/${encodeURIComponent(handle)}.json`,
};

type Services = Pick<Registry, 'config' | 'initiatives' | 'nodes' | 'publicMarketRecords' | 'marketRecords' | 'catalog'>;

export class MurmurationsProfileReader {
  readonly #services: Services;

  constructor(services: Services) {
    this.#services = services;
  }

  /** The absolute URL of a profile: what is sent to the index as `profile_url`. */
  profileUrl(target: ProfileTarget): string {
    const path = target.kind === 'node' ? PROFILE_PATHS.node : PROFILE_PATHS[target.kind](target.handle);
    return new URL(path, this.#services.config.publicUrl).href;
  }

  /** What the profile says now, or null when it is not served (404). */
  profileOf(target: ProfileTarget): Promise<MurmurationsProfile | null> {
    if (target.kind === 'node') return this.node();
    if (target.kind === 'initiative') return this.initiative(target.handle);
    return this.marketRecord(target.handle);
  }

  async node(): Promise<MurmurationsProfile | null> {
    const { config, nodes } = this.#services;
    const node = await nodes.findById(config.nodeHandle);
    return node ? nodeProfile(node.record, { publicUrl: config.publicUrl.origin }) : null;
  }

  async initiative(handle: string): Promise<MurmurationsProfile | null> {
    const { config, initiatives, nodes, catalog } = this.#services;
    const doc = await initiatives.findPublishedById(handle);
    // Partners' listings are theirs to announce: only this node's own are served here.
    if (!doc || doc.origin.kind !== 'local') return null;
    const node = await nodes.findById(config.nodeHandle);
    const sameCity = node?.record.locality === doc.record.location.locality;
    return initiativeProfile(doc.record, {
      pageUrl: new URL(`/initiatives/${encodeURIComponent(handle)}`, config.publicUrl).href,
      catalog,
      ...(sameCity && node?.record.geo ? { cityCentre: node.record.geo } : {}),
    });
  }

  async marketRecord(handle: string): Promise<MurmurationsProfile | null> {
    const { config, publicMarketRecords, catalog } = this.#services;
    const found = await publicMarketRecords.findById(handle);
    if (!found || found.doc.origin.kind !== 'local') return null;
    return marketProfile(found.doc.record, {
      pageUrl: new URL(`/market/${encodeURIComponent(handle)}`, config.publicUrl).href,
      catalog,
      expiresAt: new Date(found.doc.derived.expiresAt),
    });
  }

  /** Every profile served now (the catch-up at start compares them with what the index was told). */
  async *allServed(): AsyncIterable<{ target: ProfileTarget; profile: MurmurationsProfile }> {
    const { config, initiatives, publicMarketRecords } = this.#services;
    const node = await this.node();
    if (node) yield { target: { kind: 'node', handle: config.nodeHandle }, profile: node };
    for (const doc of await initiatives.findPublishedLocal()) {
      const profile = await this.initiative(doc._id);
      if (profile) yield { target: { kind: 'initiative', handle: doc._id }, profile };
    }
    for (const doc of await publicMarketRecords.openLocal()) {
      const profile = await this.marketRecord(doc._id);
      if (profile) yield { target: { kind: 'marketRecord', handle: doc._id }, profile };
    }
  }

  /** Handles of an initiative's needs and openings: they are public only while it is (public-market-records.ts). */
  async marketRecordsOf(initiative: string): Promise<string[]> {
    return (await this.#services.marketRecords.listEditable(initiative)).map((doc) => doc._id);
  }
}

/** The index's `node_id` of a profile: the SHA-256 of its URL, in hex (Murmurations index API v2). */
export function nodeIdOf(profileUrl: string): string {
  return createHash('sha256').update(profileUrl).digest('hex');
}

/** A fingerprint of what a profile says, to tell whether the index must fetch it again. */
export function profileHash(profile: MurmurationsProfile): string {
  return createHash('sha256').update(JSON.stringify(profile)).digest('hex');
}
