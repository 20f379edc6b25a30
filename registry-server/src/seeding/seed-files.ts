// Reads the seed data in seeds/: city nodes (seeds/nodes/*.json, an object or an array each)
// and, per node, its initiatives and good practices (seeds/<node>/initiatives/*.json,
// seeds/<node>/practices/*.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CityNodeRecord, GoodPracticeRecord, InitiativeRecord } from '../records/record-types.ts';

export interface SeedFile<R> {
  file: string;
  record: R;
}

export interface SeedSet {
  nodes: Array<SeedFile<CityNodeRecord>>;
  initiatives: Array<SeedFile<InitiativeRecord>>;
  practices: Array<SeedFile<GoodPracticeRecord>>;
}

export function seedsDirectory(): string {
  return dirname(fileURLToPath(import.meta.resolve('@umn/seeds/package.json')));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function jsonFiles(directory: string): string[] {
  return existsSync(directory)
    ? readdirSync(directory)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(directory, f))
    : [];
}

/** Reads every seed file; `withListingsOf` limits initiatives and practices to those nodes. */
export function readSeeds(directory = seedsDirectory(), withListingsOf?: readonly string[]): SeedSet {
  const nodes = jsonFiles(join(directory, 'nodes')).flatMap((file) => {
    const content = readJson(file);
    return (Array.isArray(content) ? content : [content]).map((record) => ({ file, record: record as CityNodeRecord }));
  });
  const listingNodes = nodes.map((n) => n.record.handle).filter((h) => !withListingsOf || withListingsOf.includes(h));
  const read = <R>(kind: string) =>
    listingNodes.flatMap((node) => jsonFiles(join(directory, node, kind)).map((file) => ({ file, record: readJson(file) as R })));
  return { nodes, initiatives: read<InitiativeRecord>('initiatives'), practices: read<GoodPracticeRecord>('practices') };
}
