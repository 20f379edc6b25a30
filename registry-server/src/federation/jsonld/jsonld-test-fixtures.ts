// Fixed inputs of the JSON-LD tests: the Liège seeds, the taxonomy catalog, and ids and dates
// that never change, so snapshots only move when the wire format does.
import { readSeeds } from '../../seeding/seed-files.ts';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { CityNodeRecord, GeoPoint, GoodPracticeRecord, InitiativeRecord } from '../../records/record-types.ts';

export const ORIGIN = 'https://liege.example';
export const NODE_ACTOR_ID = `${ORIGIN}/actors/node`;
export const NODE_ID = `${ORIGIN}/nodes/liege`;
export const PUBLISHED = '2024-01-15T09:00:00Z';
export const UPDATED = '2026-11-20T10:30:00Z';

export const catalog = TaxonomyCatalog.load();
export const seeds = readSeeds(undefined, ['liege']);
export const liege: CityNodeRecord = seeds.nodes.find((n) => n.record.handle === 'liege')!.record;

export function seedInitiative(handle: string): InitiativeRecord {
  return structuredClone(seeds.initiatives.find((s) => s.record.handle === handle)!.record);
}

export function seedPractice(handle: string): GoodPracticeRecord {
  return structuredClone(seeds.practices.find((s) => s.record.handle === handle)!.record);
}

/** The node's city point when the initiative is in the node's city, as the GraphQL resolver does. */
export function cityCentreOf(record: InitiativeRecord): GeoPoint | undefined {
  return record.location.locality === liege.locality ? liege.geo : undefined;
}

export function initiativeOptions(record: InitiativeRecord) {
  const id = `${ORIGIN}/initiatives/${record.handle}`;
  return {
    id,
    url: id,
    nodeActorId: NODE_ACTOR_ID,
    nodeId: NODE_ID,
    catalog,
    published: PUBLISHED,
    updatedAt: UPDATED,
    cityCentre: cityCentreOf(record),
  };
}

export function practiceOptions(record: GoodPracticeRecord) {
  const id = `${ORIGIN}/practices/${record.handle}`;
  return { id, url: id, nodeActorId: NODE_ACTOR_ID, nodeId: NODE_ID, catalog, published: PUBLISHED, updatedAt: UPDATED };
}

/** What travels: the document serialized and parsed again, as a receiver gets it. */
export function overTheWire<T>(json: T): unknown {
  return JSON.parse(JSON.stringify(json));
}
