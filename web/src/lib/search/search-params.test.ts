import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  canonicalSearchHref,
  hasFilters,
  initiativeSearchHref,
  MAX_TRAIL,
  MAX_VALUES_PER_FILTER,
  nextPageHref,
  previousPageHref,
  readSearchParams,
  searchHref,
  toSearchParams,
  toSearchRequest,
  viewHref,
  withoutFiltersHref,
} from './search-params.ts';

const read = (query: string) => readSearchParams(new URLSearchParams(query));
const request = (query: string) => toSearchRequest(read(query));

describe('URL → SearchInput', () => {
  it('sends nothing for an empty URL: every listing, by relevance, first page of 20', () => {
    expect(request('')).toEqual({ input: {}, orderBy: 'RELEVANCE', first: 20, after: null, view: 'list', problems: [] });
  });

  it('maps the text and every list filter, repeated parameters combining', () => {
    const { input } = request(
      'q=+interpreting+&node=liege&node=milano&country=BE&sector=S1&practiceType=PT6&legalForm=BE-ASBL&legalForm=L2&languageOffered=ar&languageOffered=ps&need=N1',
    );
    expect(input).toEqual({
      text: 'interpreting',
      node: ['liege', 'milano'],
      country: ['BE'],
      sector: ['S1'],
      practiceType: ['PT6'],
      legalForm: ['BE-ASBL', 'L2'],
      languageOffered: ['ar', 'ps'],
      need: ['N1'],
    });
  });

  it('maps the reserved-contract filters (by article, by ground) and team size, and writes them back', () => {
    const query = 'reservedArticle=eu-art20&reservedBasis=be-insertion&reservedBasis=eu-art77&teamSize=5-9';
    expect(request(query).input).toEqual({
      reservedArticle: ['eu-art20'],
      reservedBasis: ['be-insertion', 'eu-art77'],
      teamSize: ['5-9'],
    });
    expect(toSearchParams(read(query)).toString()).toBe(query);
    expect(hasFilters(read('reservedArticle=eu-art77'))).toBe(true);
  });

  it('maps kinds and drops unknown ones, which GraphQL would refuse', () => {
    expect(request('kind=INITIATIVE&kind=PERSON&kind=GOOD_PRACTICE').input.kinds).toEqual(['INITIATIVE', 'GOOD_PRACTICE']);
    expect(request('kind=initiative').input.kinds).toBeUndefined();
  });

  it('maps migrantLed true and false, and ignores anything else', () => {
    expect(request('migrantLed=true').input.migrantLed).toBe(true);
    expect(request('migrantLed=false').input.migrantLed).toBe(false);
    expect(request('migrantLed=yes').input).not.toHaveProperty('migrantLed');
  });

  it('drops empty, duplicate and overlong values, and bounds the number of values', () => {
    const many = Array.from({ length: 50 }, (_, i) => `sector=S${i}`).join('&');
    expect(request(many).input.sector).toHaveLength(MAX_VALUES_PER_FILTER);
    expect(request(`sector=&sector=S1&sector=S1&sector=${'x'.repeat(101)}`).input.sector).toEqual(['S1']);
  });

  it('keeps a too long text whole so that the API can say what is wrong', () => {
    expect(request(`q=${'a'.repeat(250)}`).input.text).toHaveLength(250);
  });

  it('maps a place by node handle with its radius, 50 km when none is given', () => {
    expect(request('near=liege&radius=25').input.near).toEqual({ node: 'liege', radiusKm: 25 });
    expect(request('near=liege').input.near).toEqual({ node: 'liege', radiusKm: 50 });
  });

  it('maps coordinates, accepting a decimal comma', () => {
    expect(request('lat=50,63&lon=5.58&radius=12.5').input.near).toEqual({ latitude: 50.63, longitude: 5.58, radiusKm: 12.5 });
  });

  it('reports a radius or coordinates that are not numbers instead of sending them', () => {
    expect(request('near=liege&radius=far')).toMatchObject({ input: {}, problems: [{ field: 'radius', problem: 'radiusNotNumber' }] });
    expect(request('lat=north&lon=5&radius=10')).toMatchObject({
      input: {},
      problems: [{ field: 'lat', problem: 'coordinatesNotNumbers' }],
    });
    expect(request('lat=50')).toMatchObject({ input: {}, problems: [{ field: 'lat', problem: 'coordinatesIncomplete' }] });
  });

  it('passes out-of-range numbers on: the API judges them', () => {
    expect(request('near=liege&radius=0').input.near).toEqual({ node: 'liege', radiusKm: 0 });
    expect(request('near=liege&radius=-5').input.near).toEqual({ node: 'liege', radiusKm: -5 });
  });

  it('maps each sort and falls back to relevance for an unknown one', () => {
    expect(request('sort=updated').orderBy).toBe('RECENTLY_UPDATED');
    expect(request('sort=distance&near=liege').orderBy).toBe('DISTANCE');
    expect(request('sort=price').orderBy).toBe('RELEVANCE');
    expect(request('sort=__proto__').orderBy).toBe('RELEVANCE');
  });

  it('asks for the page after the cursor in the list, and 50 results from the start on the map', () => {
    expect(request('after=abc')).toMatchObject({ first: 20, after: 'abc' });
    expect(request('after=abc&view=map')).toMatchObject({ first: 50, after: null, view: 'map' });
  });

  it('ignores an overlong cursor', () => {
    expect(request(`after=${'c'.repeat(301)}`).after).toBeNull();
  });
});

describe('SearchInput state → URL', () => {
  it('gives back the same state from its own URL (round trip)', () => {
    const query = 'q=cuisine&kind=INITIATIVE&node=liege&sector=S1&sector=S2&migrantLed=true&near=liege&radius=30&sort=distance&view=map';
    const state = read(query);
    expect(read(toSearchParams(state).toString())).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(searchHref(read('sort=relevance&view=list&radius=10'))).toBe('/search');
  });

  it('lists active filters, each with a link to the search without it, from the first page', () => {
    const state = read('q=x&sector=S1&sector=S2&migrantLed=false&near=liege&sort=distance&after=c2&trail=&trail=c1');
    const filters = activeFilters(state);
    expect(filters.map((f) => [f.param, f.value])).toEqual([
      ['sector', 'S1'],
      ['sector', 'S2'],
      ['migrantLed', 'false'],
      ['near', 'liege'],
    ]);
    expect(filters[0]?.removeHref).toBe('/search?q=x&sector=S2&migrantLed=false&near=liege&sort=distance');
    // Without a place, sorting by distance is impossible: the order goes back to relevance.
    expect(filters[3]?.removeHref).toBe('/search?q=x&sector=S1&sector=S2&migrantLed=false');
  });

  it('removes every filter but keeps the text', () => {
    expect(withoutFiltersHref(read('q=x&kind=INITIATIVE&need=N1&lat=1&lon=2'))).toBe('/search?q=x');
    expect(hasFilters(read('q=x&sort=updated'))).toBe(false);
    expect(hasFilters(read('need=N1'))).toBe(true);
  });

  it('pages forward and back with the cursors kept in the URL', () => {
    const first = read('q=x');
    expect(previousPageHref(first)).toBeNull();
    const secondHref = nextPageHref(first, 'c1');
    expect(secondHref).toBe('/search?q=x&trail=&after=c1');
    const second = read(secondHref.split('?')[1] ?? '');
    const third = read(nextPageHref(second, 'c2').split('?')[1] ?? '');
    expect(third.trail).toEqual(['', 'c1']);
    expect(previousPageHref(third)).toBe('/search?q=x&trail=&after=c1');
    expect(previousPageHref(second)).toBe('/search?q=x');
  });

  it('bounds the trail of earlier pages', () => {
    const trail = Array.from({ length: 40 }, (_, i) => `trail=c${i}`).join('&');
    expect(read(`${trail}&after=c40`).trail).toHaveLength(MAX_TRAIL);
  });

  it('switches view from the first page', () => {
    expect(viewHref(read('q=x&after=c1&trail='), 'map')).toBe('/search?q=x&view=map');
  });

  it('links to a search for initiatives only', () => {
    expect(initiativeSearchHref({ sector: ['S1'], node: ['liege'] })).toBe('/search?kind=INITIATIVE&node=liege&sector=S1');
  });
});

describe('canonicalSearchHref', () => {
  const canonical = (query: string) => canonicalSearchHref(new URLSearchParams(query));

  it('leaves a tidy address alone', () => {
    expect(canonical('')).toBeNull();
    expect(canonical('q=interpreting&kind=INITIATIVE&sector=AM80&near=liege&radius=30&sort=distance')).toBeNull();
    expect(canonical('q=x&trail=&after=c1')).toBeNull();
    expect(canonical('q=x&lang=ar')).toBeNull();
  });

  it('drops the empty and default fields a GET form sends', () => {
    expect(canonical('q=interpreting&kind=INITIATIVE&migrantLed=&near=&radius=&lat=&lon=&sort=relevance')).toBe(
      '/search?q=interpreting&kind=INITIATIVE',
    );
    expect(canonical('q=&sort=relevance')).toBe('/search');
  });

  it('drops what the page ignores and keeps the language choice', () => {
    expect(canonical('kind=PERSON&q=x&lang=ar&utm=1')).toBe('/search?q=x&lang=ar');
  });

  it('gives an address that is itself tidy (no redirect loop)', () => {
    for (const query of [
      'q=+a+&sector=S1&sector=S1&radius=5',
      `q=${'a'.repeat(1200)}`,
      'lat=50&lon=&near=&radius=far',
      'trail=a&trail=b&after=c&view=map',
    ]) {
      const href = canonical(query) ?? `/search?${query}`;
      expect(canonical(href.split('?')[1] ?? ''), query).toBeNull();
    }
  });
});
