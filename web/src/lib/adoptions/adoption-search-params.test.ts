import { describe, expect, it } from 'vitest';
import { adoptionSearchHref, readAdoptionSearchParams } from './adoption-search-params.ts';

const read = (query: string) => readAdoptionSearchParams(new URLSearchParams(query));

describe('the adoption search page’s address', () => {
  it('reads words, stages, practice types, cities and the page', () => {
    expect(read('q=+sportello+&stage=ADAPTING&stage=REUSED&practiceType=PT4&city=milan&page=2')).toEqual({
      q: 'sportello',
      stage: ['ADAPTING', 'REUSED'],
      practiceType: ['PT4'],
      city: ['milan'],
      page: 2,
    });
  });

  it('leaves out what cannot be a value, and keeps words to 200 characters', () => {
    const params = read(
      `q=${'a'.repeat(300)}&stage=MAYBE&stage=ADOPTING&stage=ADOPTING&practiceType=PT11&practiceType=pt4&city=Mi%20lan&page=-3`,
    );
    expect(params.q).toHaveLength(200);
    expect(params.stage).toEqual(['ADOPTING']);
    expect(params.practiceType).toEqual([]);
    expect(params.city).toEqual([]);
    expect(params.page).toBe(1);
    expect(read('page=999999').page).toBe(1);
  });

  it('writes the same search back, with a change', () => {
    const params = read('q=kitchen&stage=ADOPTING&city=liege');
    expect(adoptionSearchHref(params)).toBe('/adoptions?q=kitchen&stage=ADOPTING&city=liege');
    expect(adoptionSearchHref(params, { page: 3 })).toBe('/adoptions?q=kitchen&stage=ADOPTING&city=liege&page=3');
    expect(adoptionSearchHref(read(''))).toBe('/adoptions');
  });
});
