// Reads the seed data in seeds/: city nodes (seeds/nodes/*.json, an object or an array each)
// and, per node, its initiatives, good practices and market records (seeds/<node>/initiatives/*.json,
// seeds/<node>/practices/*.json, seeds/<node>/market/*.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CityNodeRecord, GoodPracticeRecord, InitiativeRecord, SourceReference } from '../records/record-types.ts';
import { SourceCatalogue } from '../sources/source-catalogue.ts';
import { readMarketSeeds, type MarketSeed } from './market-seeds.ts';

export interface SeedFile<R> {
  file: string;
  record: R;
}

export interface SeedSet {
  nodes: Array<SeedFile<CityNodeRecord>>;
  initiatives: Array<SeedFile<InitiativeRecord>>;
  practices: Array<SeedFile<GoodPracticeRecord>>;
  /** Needs and offers (seeds/<node>/market/*.json, ADR 0039); absent in hand-made sets. */
  market?: MarketSeed[];
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

/**
 * Reads every seed file; `withListingsOf` limits initiatives and practices to those nodes. Each
 * source a seed cites by file name gets the catalogue's title, publisher, kind and date
 * (seeds/sources.json), so that the stored records, and the copies partners receive, say what
 * each document is rather than carry only its file name.
 */
export function readSeeds(directory = seedsDirectory(), withListingsOf?: readonly string[]): SeedSet {
  const catalogue = existsSync(join(directory, 'sources.json')) ? SourceCatalogue.load(join(directory, 'sources.json')) : undefined;
  const withSources = <R>(record: R): R => {
    const sources = (record as { sources?: SourceReference[] }).sources;
    return catalogue && sources ? { ...record, sources: catalogue.completeAll(sources) } : record;
  };
  const nodes = jsonFiles(join(directory, 'nodes')).flatMap((file) => {
    const content = readJson(file);
    return (Array.isArray(content) ? content : [content]).map((record) => ({ file, record: withSources(record as CityNodeRecord) }));
  });
  const listingNodes = nodes.map((n) => n.record.handle).filter((h) => !withListingsOf || withListingsOf.includes(h));
  const read = <R>(kind: string) =>
    listingNodes.flatMap((node) =>
      jsonFiles(join(directory, node, kind)).map((file) => ({ file, record: withSources(readJson(file) as R) })),
    );
  return {
    nodes,
    initiatives: read<InitiativeRecord>('initiatives'),
    practices: read<GoodPracticeRecord>('practices'),
    market: readMarketSeeds(directory, listingNodes),
  };
}
