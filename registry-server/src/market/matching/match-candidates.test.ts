import { describe, expect, it } from 'vitest';
import { indexOf, listing } from '../../search/search-test-fixtures.ts';
import { bestCandidates, candidateSet } from './match-candidates.ts';
import { count } from '../../search/bitset.ts';

const LIEGE = { lat: 50.6326, lon: 5.5797 };
const index = indexOf([
  listing('cuisine', { sector: ['AM60'], geo: { lat: 50.64, lon: 5.58 }, languageOffered: ['fr'] }),
  listing('cuisine-loin', { sector: ['AM60'], geo: { lat: 50.85, lon: 4.35 } }), // Brussels, ~85 km
  listing('cuisine-sans-lieu', { sector: ['AM60'] }),
  listing('ecole', { sector: ['AM40', 'AM60'], geo: { lat: 50.63, lon: 5.57 } }),
  listing('salle', { sector: ['AM30'], need: ['kitchen'], geo: LIEGE }),
  listing('cucina', { sector: ['AM60'], node: 'milano', geo: { lat: 50.65, lon: 5.6 } }),
  listing('lyon', { sector: ['AM60'], country: 'FR', geo: { lat: 45.76, lon: 4.84 } }),
  listing('pratique', { kind: 'goodPractice', sector: ['AM60'] }),
]);

describe('candidates from the search index', () => {
  it('keeps initiatives of the sectors in the country, never practices', () => {
    const set = candidateSet(index, { sectors: ['AM60'], country: 'BE' });
    expect(count(set)).toBe(5);
    expect(bestCandidates(index, { sectors: ['AM60'], country: 'BE' }, 10).sort()).toEqual(
      ['cucina', 'cuisine', 'cuisine-loin', 'cuisine-sans-lieu', 'ecole'].sort(),
    );
  });

  it('takes the initiatives that need what is offered, by the need facet', () => {
    expect(bestCandidates(index, { needs: ['kitchen'], country: 'BE' }, 10)).toEqual(['salle']);
    expect(bestCandidates(index, { country: 'BE' }, 10)).toEqual([]);
  });

  it("keeps only this node's initiatives for a partner's record, and only the given ids when asked", () => {
    expect(bestCandidates(index, { sectors: ['AM60'], country: 'BE', node: 'milano' }, 10)).toEqual(['cucina']);
    expect(bestCandidates(index, { sectors: ['AM60'], country: 'BE', onlyIds: ['ecole', 'lyon', 'unknown'] }, 10)).toEqual(['ecole']);
  });

  it('drops those out of reach (unless they deliver here), and ranks by nearness, shared sectors and language', () => {
    const near = { centre: LIEGE, reachKm: 15 };
    const best = bestCandidates(
      index,
      { sectors: ['AM60', 'AM40'], ownSectors: ['AM60', 'AM40'], language: 'fr', country: 'BE', near },
      10,
    );
    expect(best).toEqual(['ecole', 'cuisine', 'cucina']);
    const withDeliverer = bestCandidates(index, { sectors: ['AM60'], country: 'BE', near, deliverers: new Set(['cuisine-loin']) }, 10);
    expect(withDeliverer).toContain('cuisine-loin');
    expect(withDeliverer).not.toContain('cuisine-sans-lieu');
    expect(bestCandidates(index, { sectors: ['AM60'], country: 'BE', near }, 2)).toHaveLength(2);
  });
});
