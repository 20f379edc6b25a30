// The seed data: valid through the registry's own validation, faithful to the source
// documents, and at organisation level only (no people, no personal contacts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeeds, seedsDirectory } from '../registry-server/src/seeding/seed-files.ts';
import { RecordValidator } from '../registry-server/src/records/record-validator.ts';
import { TaxonomyCatalog } from '../registry-server/src/taxonomies/taxonomy-catalog.ts';
import { checkSeeds } from '../registry-server/src/seeding/load-seeds.ts';
import type { Registry } from '../registry-server/src/registry.ts';

const seeds = readSeeds();
const all = [...seeds.nodes, ...seeds.initiatives, ...seeds.practices];
const text = all.map((s) => JSON.stringify(s.record)).join('\n');

describe('seed data', () => {
  it('passes the same validation and reference checks as every write', () => {
    const catalog = TaxonomyCatalog.load();
    expect(() => checkSeeds({ validator: new RecordValidator(catalog), catalog } as unknown as Registry, seeds)).not.toThrow();
  });

  it('holds the Liège node, the six partner cities, every initiative of the documents and the ten practices', () => {
    expect(seeds.nodes.map((n) => n.record.handle).sort()).toEqual([
      'athens',
      'liege',
      'ljubljana',
      'milan',
      'pordenone',
      'sofia',
      'trieste',
    ]);
    const handles = seeds.initiatives.map((i) => i.record.handle);
    for (const h of [
      'univerbal',
      '100pap-liege',
      'migrations-libres-plats-solidaires',
      'atemos',
      'sirius-hub',
      'siriuschool',
      'siriuscoop',
      'parallax',
      'redemarts',
    ])
      expect(handles).toContain(h);
    expect(seeds.practices.map((p) => p.record.practiceType).sort()).toEqual([
      'PT1',
      'PT10',
      'PT2',
      'PT3',
      'PT4',
      'PT5',
      'PT6',
      'PT7',
      'PT8',
      'PT9',
    ]);
    // Partner cities are profiles only: no initiatives or practices are invented for them.
    expect(new Set([...seeds.initiatives, ...seeds.practices].map((s) => s.record.node))).toEqual(new Set(['liege']));
  });

  it('gives every initiative and practice its texts in French and English', () => {
    for (const { file, record } of seeds.initiatives) {
      for (const field of ['name', 'summary', 'description'] as const)
        expect(Object.keys(record[field] ?? {}), `${file} ${field}`).toEqual(expect.arrayContaining(['fr', 'en']));
    }
    for (const { file, record } of seeds.practices) {
      for (const field of ['title', 'summary', 'context', 'howItWorks'] as const)
        expect(Object.keys(record[field] ?? {}), `${file} ${field}`).toEqual(expect.arrayContaining(['fr', 'en']));
    }
  });

  it('keeps the figures the documents give', () => {
    const univerbal = seeds.initiatives.find((i) => i.record.handle === 'univerbal')!.record;
    const figures = (univerbal.keyFigures ?? []).map((f) => `${f.value}@${f.year ?? ''}`);
    expect(figures).toEqual(expect.arrayContaining(['70@2017', '3000@2021', '45@2021', '33@2021']));
    const meals = seeds.initiatives.find((i) => i.record.handle === 'migrations-libres-plats-solidaires')!.record;
    expect((meals.needs ?? []).map((n) => n.type)).toEqual(expect.arrayContaining(['kitchen']));
    const atemos = seeds.initiatives.find((i) => i.record.handle === 'atemos')!.record;
    expect((atemos.needs ?? []).map((n) => n.type)).toEqual(expect.arrayContaining(['space', 'storage']));
  });

  it('names no person and no personal e-mail address of the source documents', () => {
    // People named in the documents (speakers, contacts, learners, a founder): none may appear.
    const people = [
      'Stangherlin',
      'Pauline',
      'Mallet',
      'Van der Meeren',
      'Sprumont',
      'Pletschette',
      'Judith',
      'Espino',
      'Noudofinin',
      'Halleux',
      'Wynants',
      'Vanderbyse',
      'Ovono',
      'Teheux',
      'Dosseray',
      'Marquet',
      'Van Harten',
      'Henchich',
    ];
    for (const name of people) expect(text, name).not.toContain(name);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it('keeps informal groups and undisclosed migrant-led initiatives at city level', () => {
    for (const { record } of seeds.initiatives) {
      if (record.legalForm === 'L1') expect(record.location.precision, record.handle).toBe('city');
      if (record.migrantLed?.declared && !record.migrantLed.consentToPublish) {
        expect(record.location.precision, record.handle).toBe('city');
        expect(record.location.streetAddress, record.handle).toBeUndefined();
      }
    }
  });

  it('documents where every seed comes from', () => {
    const readme = readFileSync(join(seedsDirectory(), 'README.md'), 'utf8');
    for (const file of ['000_bd848de1ef2cb090', '002_07ba032f4cd513c8', '003_9eddd849f567d703']) expect(readme).toContain(file);
    for (const { file, record } of [...seeds.initiatives, ...seeds.practices]) expect(record.sources?.length, file).toBeGreaterThan(0);
  });
});
