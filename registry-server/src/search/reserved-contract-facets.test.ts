// The "eligible for reserved contracts" filter and facets (issue 15 point 3, ADR 0035): by EU
// article (a national status counts under the article it implements), by ground, and team size;
// filters combine with the others, and each facet's counts ignore its own filter.
import { describe, expect, it } from 'vitest';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { initiativeDocument } from './search-document.ts';
import { find, ids, indexOf, listing } from './search-test-fixtures.ts';

const catalog = TaxonomyCatalog.load();
const articleOf = (basis: string) => catalog.concept('reserved-contract-basis', basis)?.implements;

const record: InitiativeRecord = {
  handle: 'kitchen-coop',
  name: { fr: 'Cuisine solidaire' },
  summary: { fr: 'Des repas.' },
  originalLanguage: 'fr',
  legalForm: 'L2',
  primarySector: 'AM10',
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
  node: 'liege',
  eligibility: [
    { basis: 'be-insertion', evidenceDate: '2025-01-01' },
    { basis: 'eu-art20', evidenceDate: '2016-01-01' },
    { basis: 'eu-art77', evidenceDate: '2025-01-01' },
  ],
  teamSize: '10-19',
  pastContracts: [{ buyer: 'Ville de Liège', year: 2024, title: { fr: 'Repas des crèches municipales' } }],
};
const stored = (r: InitiativeRecord) =>
  ({ _id: r.handle, record: r, version: 1, updatedAt: '2026-01-01T00:00:00Z' }) as unknown as StoredInitiative;

describe('the search document of an eligible initiative', () => {
  it('holds each article once, each ground, and the team size band; a stale proof still counts', () => {
    const doc = initiativeDocument(stored(record), () => undefined, articleOf);
    expect(doc.reservedArticle.sort()).toEqual(['eu-art20', 'eu-art77']);
    expect(doc.reservedBasis.sort()).toEqual(['be-insertion', 'eu-art20', 'eu-art77']);
    expect(doc.teamSize).toEqual(['10-19']);
    // What past contracts delivered can be found by its words.
    expect(find(indexOf([doc]), { text: 'crèches' }).total).toBe(1);
  });

  it('holds nothing for an initiative that declared nothing, and ignores a ground no taxonomy knows (a newer partner)', () => {
    const bare = initiativeDocument(stored({ ...record, eligibility: undefined, teamSize: undefined }), () => undefined, articleOf);
    expect([bare.reservedArticle, bare.reservedBasis, bare.teamSize]).toEqual([[], [], []]);
    const newer = initiativeDocument(
      stored({ ...record, eligibility: [{ basis: 'fr-siae', evidenceDate: '2025-01-01' }] }),
      () => undefined,
      articleOf,
    );
    expect(newer.reservedArticle).toEqual([]);
    expect(newer.reservedBasis).toEqual(['fr-siae']);
  });
});

describe('filtering and counting by reserved-contract eligibility', () => {
  const index = indexOf([
    listing('coop-b', { country: 'IT', reservedArticle: ['eu-art20'], reservedBasis: ['it-cooperativa-sociale-b'], teamSize: ['20-49'] }),
    listing('insertion', { country: 'BE', reservedArticle: ['eu-art20'], reservedBasis: ['be-insertion'], teamSize: ['5-9'] }),
    listing('mission', { country: 'BE', reservedArticle: ['eu-art77'], reservedBasis: ['eu-art77'], teamSize: ['5-9'] }),
    listing('both', { country: 'BE', reservedArticle: ['eu-art20', 'eu-art77'], reservedBasis: ['be-eta', 'eu-art77'] }),
    listing('none', { country: 'BE', teamSize: ['1-4'] }),
    listing('practice', { kind: 'goodPractice', country: 'BE' }),
  ]);

  it('keeps, by article, the initiatives with the article itself or a national status implementing it', () => {
    expect(ids(find(index, { filters: { reservedArticle: ['eu-art20'] } }))).toEqual(['both', 'coop-b', 'insertion']);
    expect(ids(find(index, { filters: { reservedArticle: ['eu-art77'] } }))).toEqual(['both', 'mission']);
    expect(ids(find(index, { filters: { reservedArticle: ['eu-art20', 'eu-art77'] } }))).toEqual([
      'both',
      'coop-b',
      'insertion',
      'mission',
    ]);
  });

  it('keeps, by ground, only that ground, and combines with other filters', () => {
    expect(ids(find(index, { filters: { reservedBasis: ['be-insertion'] } }))).toEqual(['insertion']);
    expect(ids(find(index, { filters: { reservedArticle: ['eu-art20'], country: ['BE'] } }))).toEqual(['both', 'insertion']);
    expect(ids(find(index, { filters: { reservedArticle: ['eu-art20'], teamSize: ['5-9'] } }))).toEqual(['insertion']);
    expect(find(index, { filters: { reservedArticle: ['eu-art99'] } }).total).toBe(0);
  });

  it('counts each article and band over the other filters, ignoring its own', () => {
    const result = find(index, { filters: { reservedArticle: ['eu-art77'], country: ['BE'] } });
    const counts = (name: string) =>
      Object.fromEntries((result.facets.find((f) => f.name === name)?.values ?? []).map((v) => [v.value, v.count]));
    expect(counts('reservedArticle')).toEqual({ 'eu-art20': 2, 'eu-art77': 2 });
    expect(counts('reservedBasis')).toEqual({ 'eu-art77': 2, 'be-eta': 1 });
    expect(counts('teamSize')).toEqual({ '5-9': 1 });
  });
});
