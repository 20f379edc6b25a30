import { describe, expect, it } from 'vitest';
import { keyFigureSource, SourceCatalogue } from './source-catalogue.ts';
import { readSeeds } from '../seeding/seed-files.ts';

const catalogue = SourceCatalogue.load();

describe('source catalogue', () => {
  it('catalogues every document a seed cites by file name, with a publisher and a kind', () => {
    const seeds = readSeeds();
    const records = [...seeds.nodes, ...seeds.initiatives, ...seeds.practices].map((s) => s.record);
    const cited = new Set(records.flatMap((r) => (r.sources ?? []).map((s) => s.file)).filter((f) => f !== undefined));
    expect(cited.size).toBeGreaterThan(0);
    for (const file of cited)
      expect(catalogue.byFile(file), file).toMatchObject({ publisher: expect.any(String), kind: expect.any(String) });
  });

  it('gives seeds the catalogue facts when read, so that stored and federated records carry them', () => {
    const univerbal = readSeeds(undefined, ['liege']).initiatives.find((s) => s.record.handle === 'univerbal')!.record;
    const leaflet = univerbal.sources!.find((s) => s.file === '003_9eddd849f567d703.txt')!;
    expect(leaflet).toMatchObject({
      title: 'Économie sociale et migrations : 3 pratiques innovantes',
      publisher: 'Le Monde des Possibles ASBL',
      kind: 'leaflet',
    });
    expect(leaflet.date).toBeUndefined();
  });

  it('completes a catalogued reference, keeps its note, and leaves other references as they are', () => {
    const completed = catalogue.complete({ title: 'old long title', file: '002_07ba032f4cd513c8.txt', note: 'p. 4' });
    expect(completed).toEqual({
      title: expect.stringContaining('Actes du workshop Union Migrant Net'),
      publisher: 'Ville de Liège, CEPAG ASBL, Le Monde des Possibles ASBL',
      kind: 'proceedings',
      date: '2021-12-10',
      file: '002_07ba032f4cd513c8.txt',
      note: 'p. 4',
    });
    const outside = { title: 'Annual report', url: 'https://example.org/report.pdf', date: '2024' };
    expect(catalogue.complete(outside)).toBe(outside);
  });

  it("finds a key figure's source by file or by title, and nothing for an unlisted one", () => {
    const sources = [{ title: 'Leaflet', file: 'a.txt' }, { title: 'Annual report 2024' }];
    expect(keyFigureSource({ value: 1, description: { en: 'x' }, source: 'a.txt' }, sources)).toBe(sources[0]);
    expect(keyFigureSource({ value: 1, description: { en: 'x' }, source: 'Annual report 2024' }, sources)).toBe(sources[1]);
    expect(keyFigureSource({ value: 1, description: { en: 'x' }, source: 'b.txt' }, sources)).toBeUndefined();
    expect(keyFigureSource({ value: 1, description: { en: 'x' } }, sources)).toBeUndefined();
  });
});
