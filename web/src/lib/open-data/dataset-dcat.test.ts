import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { datasetDcat, newestOf, type DistributionLink } from './dataset-dcat.ts';
import { meta } from './open-data-fixtures.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const distributions: DistributionLink[] = [
  { url: 'https://liege.example/export/initiatives.csv', mediaType: 'text/csv', format: 'CSV', title: 'Initiatives (CSV)' },
  {
    url: 'https://liege.example/export/initiatives.geojson',
    mediaType: 'application/geo+json',
    format: 'GEOJSON',
    title: 'Initiatives (GeoJSON)',
  },
];
const texts = {
  title: 'Liège : initiatives',
  description: 'Les fiches publiques',
  landingPage: 'https://liege.example/search',
  lang: 'fr',
};

type Expanded = Record<string, Array<Record<string, unknown>>>;
const expand = async (doc: object) => (await jsonld.expand(doc)) as unknown as Expanded[];
const ids = (node: Expanded, property: string) => (node[property] ?? []).map((v) => v['@id']);

describe('the DCAT-AP dataset description', () => {
  it('has the properties DCAT-AP requires of a dataset, its distributions and its publisher', async () => {
    const [dataset, ...rest] = await expand(
      datasetDcat(meta({ self: 'https://liege.example/export/dataset.jsonld' }), texts, distributions, '2026-12-01T10:00:00.000Z'),
    );
    expect(rest).toHaveLength(0);
    expect(dataset!['@type']).toEqual([`${DCAT}Dataset`]);
    // Mandatory (DCAT-AP 3): title and description of the dataset.
    expect(dataset![`${DCT}title`]).toEqual([{ '@value': 'Liège : initiatives', '@language': 'fr' }]);
    expect(dataset![`${DCT}description`]?.[0]?.['@value']).toBeTruthy();
    // The publisher is an agent with a name (mandatory for foaf:Agent).
    const publisher = dataset![`${DCT}publisher`]![0] as Expanded;
    expect(publisher[`${FOAF}name`]).toEqual([{ '@value': 'Registre de Liège' }]);
    // One distribution per format, each with its access URL (mandatory) and the licence.
    const distribution = dataset![`${DCAT}distribution`] as unknown as Expanded[];
    expect(distribution).toHaveLength(2);
    for (const d of distribution) {
      expect(d['@type']).toEqual([`${DCAT}Distribution`]);
      expect(ids(d, `${DCAT}accessURL`)).toHaveLength(1);
      expect(ids(d, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
      expect(ids(d, `${DCT}format`)[0]).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\//);
    }
    expect(ids(dataset!, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    expect(ids(dataset!, `${DCT}language`)).toEqual([
      'http://publications.europa.eu/resource/authority/language/FRA',
      'http://publications.europa.eu/resource/authority/language/NLD',
    ]);
    expect(ids(dataset!, `${DCT}spatial`)).toEqual(['http://publications.europa.eu/resource/authority/country/BEL']);
    expect(dataset![`${DCT}modified`]).toEqual([
      { '@value': '2026-12-01T10:00:00.000Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
    ]);
  });

  it('names no licence when the node has not chosen one', async () => {
    const [dataset] = await expand(datasetDcat(meta({ licence: null }), texts, distributions, '2026-12-01T10:00:00.000Z'));
    expect(dataset).not.toHaveProperty(`${DCT}license`);
    expect(JSON.stringify(dataset)).not.toContain('creativecommons');
  });

  it('dates the data by its newest listing', () => {
    expect(newestOf(['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z'], 'x')).toBe('2026-03-01T00:00:00Z');
    expect(newestOf([], '2026-12-07T00:00:00Z')).toBe('2026-12-07T00:00:00Z');
  });
});
