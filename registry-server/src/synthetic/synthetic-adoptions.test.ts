// The synthetic demo adoption records (issue 16 point 6): valid by the schema, labelled as
// synthetic wherever a reader sees them, on node names no one can own, covering every stage;
// and the seeds invent no adoption.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { syntheticAdoptions } from './synthetic-adoptions.ts';

const validator = new RecordValidator(TaxonomyCatalog.load());
const practices = ['https://liege.example/practices/liege-pt4-one-stop-shop', 'https://liege.example/practices/liege-pt7-third-place'];

describe('the synthetic demo adoption records', () => {
  const demos = syntheticAdoptions(practices);

  it('are valid adoption records, covering every stage', () => {
    expect(demos.length).toBeGreaterThanOrEqual(4);
    for (const { record } of demos) expect(validator.validate('adoption-record', record), record.handle).toEqual([]);
    expect(new Set(demos.map((d) => d.record.stage))).toEqual(new Set(['adopting', 'adapting', 'reused', 'dropped']));
  });

  it('say they are synthetic in every title language, in their sources, and live on *.synthetic.invalid', () => {
    for (const { record, objectId, actor } of demos) {
      for (const title of Object.values(record.title)) expect(title).toMatch(/^\[synthetic\]/);
      expect(record.sources?.[0]?.title).toMatch(/not real/);
      expect(new URL(objectId).hostname).toMatch(/\.synthetic\.invalid$/);
      expect(new URL(actor).hostname).toBe(new URL(objectId).hostname);
    }
  });

  it('are none without a practice to adopt', () => {
    expect(syntheticAdoptions([])).toEqual([]);
  });
});

describe('the seeds', () => {
  it('invent no adoption: no seed file holds an adoption record', () => {
    const seeds = join(import.meta.dirname, '..', '..', '..', 'seeds');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.json')) files.push(path);
      }
    };
    walk(seeds);
    expect(files.length).toBeGreaterThan(10);
    expect(
      files.filter((f) => /adoption/i.test(f) || /"stage"\s*:\s*"(adopting|adapting|reused|dropped)"/.test(readFileSync(f, 'utf8'))),
    ).toEqual([]);
  });
});
