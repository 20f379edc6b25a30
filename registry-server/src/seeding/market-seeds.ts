// Seeded market records (issue 15 point 7, ADR 0039): the needs the Liège third-place survey
// found, and what the City of Liège, the Forem and the CRIPEL said they offer, from the workshop
// proceedings (seeds/<node>/market/*.json). A seed file holds the record without its expiry, and
// the passages of the source document it rests on: the expiry is given at seeding time, because
// a date written in a file would be in the past on the day a new node starts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarketRecord } from '../market/market-record.ts';
import { marketRecordRules } from '../market/market-record-rules.ts';
import { RecordValidationError } from '../records/field-errors.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import type { SeedFile } from './seed-files.ts';

/** A market record as written in a seed file: everything but its expiry, which seeding gives. */
export type MarketSeedRecord = Omit<MarketRecord, 'expiresOn'>;

/** Where a seeded record comes from: a seed document and the passages it says, word for word. */
export interface MarketSeedSource {
  document: string;
  passages: string[];
}

export interface MarketSeed extends SeedFile<MarketSeedRecord> {
  source: MarketSeedSource;
}

/**
 * How long a seeded record stays public from the day it is seeded. The documents date from
 * December 2021: a need or an offer stated then may no longer hold, so it leaves on its own
 * after three months unless its initiative's editors or the node's staff renew it (saying it
 * still holds). A year, the longest any record may have, would keep a stale statement public.
 */
export const SEED_VALIDITY_DAYS = 90;

/** The expiry of a record seeded on `today` (YYYY-MM-DD, UTC). */
export function seedExpiry(today: string): string {
  const day = new Date(`${today}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + SEED_VALIDITY_DAYS);
  return day.toISOString().slice(0, 10);
}

/** The record as it is stored when seeded on `today`. */
export function withSeedExpiry(record: MarketSeedRecord, today: string): MarketRecord {
  return { ...record, expiresOn: seedExpiry(today) };
}

/** The market seeds of `nodes` (seeds/<node>/market/*.json), sorted by file name. */
export function readMarketSeeds(directory: string, nodes: readonly string[]): MarketSeed[] {
  return nodes.flatMap((node) => {
    const folder = join(directory, node, 'market');
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((name) => {
        const file = join(folder, name);
        let content: { source?: MarketSeedSource; record?: MarketSeedRecord };
        try {
          content = JSON.parse(readFileSync(file, 'utf8')) as typeof content;
        } catch (error) {
          throw new Error(`Seed file ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
        }
        if (!content.record || !content.source)
          throw new Error(`Seed file ${file} must hold { "source": { "document", "passages" }, "record": { … } }.`);
        return { file, record: content.record, source: content.source };
      });
  });
}

/**
 * The problems of `seeds` seeded on `today`, one line each: the record (with its expiry) must pass
 * the validation and the day's rules of every write, and its owner initiative must be seeded on
 * its node (`initiatives`: "node/handle").
 */
export function marketSeedProblems(
  validator: RecordValidator,
  seeds: readonly MarketSeed[],
  initiatives: ReadonlySet<string>,
  today: string,
): string[] {
  const problems: string[] = [];
  const handles = new Set<string>();
  for (const { file, record, source } of seeds) {
    const stored = withSeedExpiry(record, today);
    const errors = [...validator.validate('market-record', stored), ...marketRecordRules(stored, today)];
    if (errors.length) problems.push(`${file}: ${new RecordValidationError('market-record', errors).message}`);
    const owner = record.owner?.initiative;
    if (owner && !initiatives.has(`${record.node}/${owner}`)) problems.push(`${file}: owner.initiative: no initiative "${owner}"`);
    if (!source.document || source.passages.length === 0) problems.push(`${file}: source: name the document and quote its passages`);
    if (handles.has(`${record.node}/${record.handle}`)) problems.push(`${file}: handle "${record.handle}" is used twice`);
    handles.add(`${record.node}/${record.handle}`);
  }
  return problems;
}
