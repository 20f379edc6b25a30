import { describe, expect, it } from 'vitest';
import { FACETS, facetChoices, valueLabel, type Labeller } from './facets.ts';
import { readSearchParams } from './search-params.ts';
import type { Facet } from './search-types.ts';

const labeller: Labeller = {
  t: (key) => `«${key}»`,
  languageName: (tag) => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag,
};
const spec = (param: string) => FACETS.find((f) => f.param === param)!;
const facets: Facet[] = [
  {
    name: 'SECTOR',
    values: [
      { value: 'AM80', label: 'Health', count: 2, selected: true },
      { value: 'AM40', label: 'Education', count: 3, selected: false },
    ],
  },
  {
    name: 'LANGUAGE_OFFERED',
    values: [
      { value: 'apc', label: 'apc', count: 1, selected: false },
      { value: 'ar', label: 'Arabic', count: 1, selected: false },
    ],
  },
  { name: 'KIND', values: [{ value: 'INITIATIVE', label: 'INITIATIVE', count: 5, selected: false }] },
];

describe('facetChoices', () => {
  it('shows the API’s values with their counts, selected as the URL says', () => {
    const state = readSearchParams(new URLSearchParams('sector=AM80'));
    expect(facetChoices(spec('sector'), state, facets, labeller)).toEqual([
      { value: 'AM80', label: 'Health', count: 2, selected: true },
      { value: 'AM40', label: 'Education', count: 3, selected: false },
    ]);
  });

  it('keeps a selected value the API left out, so it can be unticked', () => {
    const state = readSearchParams(new URLSearchParams('sector=GONE'));
    expect(facetChoices(spec('sector'), state, facets, labeller).at(-1)).toEqual({
      value: 'GONE',
      label: 'GONE',
      count: 0,
      selected: true,
    });
  });

  it('shows the URL’s values without counts when the search could not run', () => {
    const state = readSearchParams(new URLSearchParams('kind=INITIATIVE&migrantLed=true'));
    expect(facetChoices(spec('kind'), state, null, labeller)).toEqual([
      { value: 'INITIATIVE', label: '«kindInitiative»', count: null, selected: true },
    ]);
    expect(facetChoices(spec('migrantLed'), state, null, labeller)).toEqual([
      { value: 'true', label: '«migrantLedYes»', count: null, selected: true },
    ]);
  });
});

describe('valueLabel', () => {
  it('names kinds ourselves and languages the registry has no label for through Intl', () => {
    expect(valueLabel('kind', 'INITIATIVE', facets, labeller)).toBe('«kindInitiative»');
    expect(valueLabel('languageOffered', 'apc', facets, labeller)).toBe(labeller.languageName('apc'));
    expect(valueLabel('languageOffered', 'ar', facets, labeller)).toBe('Arabic');
  });
});
