// The synthetic generator: valid records, deterministic, every language and script of the
// network, and labelled synthetic everywhere.
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { scriptOf } from '../search/stemmers.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { SYNTHETIC_PREFIX, syntheticListings, syntheticNodes } from './synthetic-listings.ts';

const catalog = TaxonomyCatalog.load();
const validator = new RecordValidator(catalog);
const generate = (seed = 1) => [...syntheticListings(catalog, { listings: 600, nodes: 12, seed, now: new Date('2026-11-01T00:00:00Z') })];

describe('synthetic listings', () => {
  const listings = generate();

  it('are valid records, spread over the nodes, mostly initiatives', () => {
    for (const l of listings) expect(validator.validate(l.kind === 'initiative' ? 'initiative' : 'good-practice', l.record)).toEqual([]);
    for (const n of syntheticNodes(12, 1)) expect(validator.validate('city-node', n.record)).toEqual([]);
    expect(new Set(listings.map((l) => l.node.handle)).size).toBe(12);
    const practices = listings.filter((l) => l.kind === 'goodPractice').length;
    expect(practices).toBeGreaterThan(40);
    expect(practices).toBeLessThan(160);
  });

  it('are the same for the same seed, and differ for another', () => {
    expect(JSON.stringify(generate(1))).toBe(JSON.stringify(listings));
    expect(JSON.stringify(generate(2))).not.toBe(JSON.stringify(listings));
  });

  it('cover the nine languages and four scripts', () => {
    const languages = new Set(listings.map((l) => l.record.originalLanguage));
    expect([...languages].sort()).toEqual(['ar', 'bg', 'de', 'el', 'en', 'fr', 'it', 'nl', 'sl']);
    const scripts = new Set(
      listings.map((l) => scriptOf(Object.values(l.kind === 'initiative' ? l.record.summary : l.record.summary)[0]!)),
    );
    expect([...scripts].sort()).toEqual(['arabic', 'cyrillic', 'greek', 'latin']);
  });

  it('are labelled synthetic in their names and sources', () => {
    for (const l of listings) {
      const name = l.kind === 'initiative' ? l.record.name : l.record.title;
      expect(Object.values(name).every((n) => n.startsWith(SYNTHETIC_PREFIX))).toBe(true);
      expect(l.record.sources![0]!.title).toMatch(/^Synthetic/);
      expect(l.record.handle).toMatch(/^syn-/);
    }
    expect(syntheticNodes(40, 1).every((n) => n.handle.startsWith('syn-') && n.record.name.en!.startsWith(SYNTHETIC_PREFIX))).toBe(true);
    expect(new Set(syntheticNodes(40, 1).map((n) => n.handle)).size).toBe(40);
  });
});
