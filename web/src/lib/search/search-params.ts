// The search page keeps every choice in its URL (/search?q=…&sector=…&near=liege&radius=50),
// so a search works without JavaScript, can be bookmarked and shared, and the back button
// works. This module turns those URL parameters into the API's SearchInput and back into
// links (remove one filter, next page, map view), without SvelteKit so it is tested alone.
//
// Values the API can judge (a too long text, a radius over 20,000 km) are passed on and its
// BAD_USER_INPUT answer is shown as a form error; only what GraphQL itself would refuse
// (an unknown enum value, a radius that is not a number) is dropped or reported here.

/** The list filters: URL parameter name = SearchInput field name. */
export const LIST_FILTERS = [
  'node',
  'country',
  'sector',
  'practiceType',
  'legalForm',
  'languageOffered',
  'need',
  // Eligible for reserved contracts, by EU article and by ground, and team size (ADR 0035).
  'reservedArticle',
  'reservedBasis',
  'teamSize',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const KINDS = ['INITIATIVE', 'GOOD_PRACTICE'] as const;
export type ListingKind = (typeof KINDS)[number];

/** `sort` in the URL and the API's SearchOrder. */
export const SORTS = { relevance: 'RELEVANCE', updated: 'RECENTLY_UPDATED', distance: 'DISTANCE' } as const;
export type SortName = keyof typeof SORTS;

export type SearchView = 'list' | 'map';

/** Bounds that keep a hand-made URL from growing a huge query. */
export const MAX_VALUES_PER_FILTER = 30;
export const MAX_VALUE_LENGTH = 100;
export const MAX_CURSOR_LENGTH = 300;
/** Pages remembered for "previous page" (the API's cursors only go forward). */
export const MAX_TRAIL = 30;
/** Radius used when a place is chosen without one. */
export const DEFAULT_RADIUS_KM = 50;
/** Results per page in the list; the map shows up to the API's maximum at once. */
export const LIST_PAGE_SIZE = 20;
export const MAP_PAGE_SIZE = 50;

/** Everything the URL says, as the form shows it back (numbers kept as typed). */
export interface SearchState {
  q: string;
  kind: ListingKind[];
  node: string[];
  country: string[];
  sector: string[];
  practiceType: string[];
  legalForm: string[];
  languageOffered: string[];
  need: string[];
  reservedArticle: string[];
  reservedBasis: string[];
  teamSize: string[];
  migrantLed: boolean | null;
  /** Handle of a city node at the centre of the circle. */
  near: string;
  lat: string;
  lon: string;
  radius: string;
  sort: SortName;
  view: SearchView;
  /** Cursor of the page shown (the API's `after`); empty on the first page. */
  after: string;
  /** The `after` of each earlier page, oldest first ("" for the first page). */
  trail: string[];
}

export interface NearInput {
  node?: string;
  latitude?: number;
  longitude?: number;
  radiusKm: number;
}

/** The API's SearchInput (schemas/graphql/search.graphql); absent fields mean no condition. */
export interface SearchInput {
  text?: string;
  kinds?: ListingKind[];
  node?: string[];
  country?: string[];
  sector?: string[];
  practiceType?: string[];
  legalForm?: string[];
  languageOffered?: string[];
  migrantLed?: boolean;
  need?: string[];
  reservedArticle?: string[];
  reservedBasis?: string[];
  teamSize?: string[];
  near?: NearInput;
}

/** A field of the form with a value we cannot send (the API's own checks come later). */
export type SearchParamProblem = 'radiusNotNumber' | 'coordinatesNotNumbers' | 'coordinatesIncomplete';

export interface SearchRequest {
  input: SearchInput;
  orderBy: (typeof SORTS)[SortName];
  first: number;
  after: string | null;
  /** The map asks for fewer fields of more results. */
  view: SearchView;
  /** Problems found before asking the API, by form field. */
  problems: { field: 'radius' | 'lat'; problem: SearchParamProblem }[];
}

function listValues(params: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (const raw of params.getAll(name)) {
    const value = raw.trim();
    if (value === '' || value.length > MAX_VALUE_LENGTH || values.includes(value)) continue;
    values.push(value);
    if (values.length === MAX_VALUES_PER_FILTER) break;
  }
  return values;
}

function single(params: URLSearchParams, name: string, maxLength = MAX_VALUE_LENGTH): string {
  const value = (params.get(name) ?? '').trim();
  return value.length > maxLength ? '' : value;
}

/** Reads the URL. Unknown kinds, sorts and views are dropped: the API would refuse them. */
export function readSearchParams(params: URLSearchParams): SearchState {
  const sortParam = params.get('sort') ?? '';
  const migrantLed = params.get('migrantLed');
  const trail = params.getAll('trail').filter((cursor) => cursor.length <= MAX_CURSOR_LENGTH);
  return {
    // q is kept whole, even when too long: the API says what is wrong and the form shows it back.
    q: (params.get('q') ?? '').trim().slice(0, 1000),
    kind: KINDS.filter((kind) => params.getAll('kind').includes(kind)),
    node: listValues(params, 'node'),
    country: listValues(params, 'country'),
    sector: listValues(params, 'sector'),
    practiceType: listValues(params, 'practiceType'),
    legalForm: listValues(params, 'legalForm'),
    languageOffered: listValues(params, 'languageOffered'),
    need: listValues(params, 'need'),
    reservedArticle: listValues(params, 'reservedArticle'),
    reservedBasis: listValues(params, 'reservedBasis'),
    teamSize: listValues(params, 'teamSize'),
    migrantLed: migrantLed === 'true' ? true : migrantLed === 'false' ? false : null,
    near: single(params, 'near'),
    lat: single(params, 'lat', 40),
    lon: single(params, 'lon', 40),
    radius: single(params, 'radius', 40),
    sort: Object.hasOwn(SORTS, sortParam) ? (sortParam as SortName) : 'relevance',
    view: params.get('view') === 'map' ? 'map' : 'list',
    after: single(params, 'after', MAX_CURSOR_LENGTH),
    trail: trail.slice(-MAX_TRAIL),
  };
}

/** A decimal number as people type it ("12,5" too); null when it is not one. */
function parseNumber(text: string): number | null {
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** The API request for a state: its SearchInput, order, page size and cursor. */
export function toSearchRequest(state: SearchState): SearchRequest {
  const input: SearchInput = {};
  const problems: SearchRequest['problems'] = [];
  if (state.q !== '') input.text = state.q;
  if (state.kind.length > 0) input.kinds = [...state.kind];
  for (const filter of LIST_FILTERS) if (state[filter].length > 0) input[filter] = [...state[filter]];
  if (state.migrantLed !== null) input.migrantLed = state.migrantLed;

  const hasPlace = state.near !== '' || state.lat !== '' || state.lon !== '';
  if (hasPlace) {
    const radiusKm = state.radius === '' ? DEFAULT_RADIUS_KM : parseNumber(state.radius);
    if (radiusKm === null) problems.push({ field: 'radius', problem: 'radiusNotNumber' });
    if (state.near !== '') {
      if (radiusKm !== null) input.near = { node: state.near, radiusKm };
    } else if (state.lat === '' || state.lon === '') {
      problems.push({ field: 'lat', problem: 'coordinatesIncomplete' });
    } else {
      const latitude = parseNumber(state.lat);
      const longitude = parseNumber(state.lon);
      if (latitude === null || longitude === null) problems.push({ field: 'lat', problem: 'coordinatesNotNumbers' });
      else if (radiusKm !== null) input.near = { latitude, longitude, radiusKm };
    }
  }
  return {
    input,
    orderBy: SORTS[state.sort],
    first: state.view === 'map' ? MAP_PAGE_SIZE : LIST_PAGE_SIZE,
    after: state.view === 'list' && state.after !== '' ? state.after : null,
    view: state.view,
    problems,
  };
}

/** Whether any filter (not the text, order or view) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return (
    state.kind.length > 0 ||
    LIST_FILTERS.some((f) => state[f].length > 0) ||
    state.migrantLed !== null ||
    state.near !== '' ||
    state.lat !== '' ||
    state.lon !== ''
  );
}

/** The URL parameters of a state, in a fixed order, without empty values or defaults. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  for (const kind of state.kind) params.append('kind', kind);
  for (const filter of LIST_FILTERS) for (const value of state[filter]) params.append(filter, value);
  if (state.migrantLed !== null) params.set('migrantLed', String(state.migrantLed));
  if (state.near !== '') params.set('near', state.near);
  if (state.lat !== '') params.set('lat', state.lat);
  if (state.lon !== '') params.set('lon', state.lon);
  if (state.radius !== '' && (state.near !== '' || state.lat !== '' || state.lon !== '')) params.set('radius', state.radius);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.view !== 'list') params.set('view', state.view);
  for (const cursor of state.trail) params.append('trail', cursor);
  if (state.after !== '') params.set('after', state.after);
  return params;
}

export function searchHref(state: SearchState): string {
  const query = toSearchParams(state).toString();
  return query === '' ? '/search' : `/search?${query}`;
}

/** A new search from the first page (any change of filter, text or order starts over). */
function firstPage(state: SearchState): SearchState {
  return { ...state, after: '', trail: [] };
}

/** One active filter, for the "your filters" list with a link that removes it. */
export interface ActiveFilter {
  /** URL parameter (and facet) it comes from. */
  param: ListFilter | 'kind' | 'migrantLed' | 'near';
  value: string;
  removeHref: string;
}

/** Every active filter, each with the link to the same search without it. */
export function activeFilters(state: SearchState): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  const base = firstPage(state);
  for (const kind of state.kind)
    filters.push({ param: 'kind', value: kind, removeHref: searchHref({ ...base, kind: state.kind.filter((k) => k !== kind) }) });
  for (const filter of LIST_FILTERS) {
    for (const value of state[filter])
      filters.push({ param: filter, value, removeHref: searchHref({ ...base, [filter]: state[filter].filter((v) => v !== value) }) });
  }
  if (state.migrantLed !== null)
    filters.push({ param: 'migrantLed', value: String(state.migrantLed), removeHref: searchHref({ ...base, migrantLed: null }) });
  if (state.near !== '' || state.lat !== '' || state.lon !== '') {
    const place = state.near !== '' ? state.near : `${state.lat}, ${state.lon}`;
    const withoutPlace: SearchState = {
      ...base,
      near: '',
      lat: '',
      lon: '',
      radius: '',
      sort: state.sort === 'distance' ? 'relevance' : state.sort,
    };
    filters.push({ param: 'near', value: place, removeHref: searchHref(withoutPlace) });
  }
  return filters;
}

/** The same search with no filter at all (the text stays). */
export function withoutFiltersHref(state: SearchState): string {
  return searchHref({
    ...firstPage(state),
    kind: [],
    node: [],
    country: [],
    sector: [],
    practiceType: [],
    legalForm: [],
    languageOffered: [],
    need: [],
    migrantLed: null,
    near: '',
    lat: '',
    lon: '',
    radius: '',
    sort: state.sort === 'distance' ? 'relevance' : state.sort,
  });
}

/** The page after this one: its `after` is this page's endCursor; this page joins the trail. */
export function nextPageHref(state: SearchState, endCursor: string): string {
  return searchHref({ ...state, view: 'list', trail: [...state.trail, state.after].slice(-MAX_TRAIL), after: endCursor });
}

/** The page before this one (the last page of the trail), or null on the first page. */
export function previousPageHref(state: SearchState): string | null {
  if (state.after === '') return null;
  const trail = state.trail.slice(0, -1);
  return searchHref({ ...state, view: 'list', trail, after: state.trail.at(-1) ?? '' });
}

/** The same search in the list or on the map (the map shows the first results at once). */
export function viewHref(state: SearchState, view: SearchView): string {
  return searchHref({ ...firstPage(state), view });
}

/** A search limited to initiatives with these filters (the shortlist's "find more" links). */
export function initiativeSearchHref(filters: Partial<Pick<SearchState, ListFilter | 'q'>>): string {
  return searchHref({ ...readSearchParams(new URLSearchParams()), ...filters, kind: ['INITIATIVE'] });
}

/**
 * The tidy address of a search when `params` is not already it, else null. A GET form sends
 * every field, empty or default (`near=&radius=&migrantLed=&sort=relevance`); the page
 * answers with a redirect to the same search without them, so the address people bookmark or
 * share says only what the search is. `lang` (the language switcher's) is kept.
 */
export function canonicalSearchHref(params: URLSearchParams): string | null {
  const canonical = toSearchParams(readSearchParams(params));
  const lang = params.get('lang');
  if (lang !== null) canonical.set('lang', lang);
  const withoutLang = new URLSearchParams(params);
  withoutLang.delete('lang');
  if (lang !== null) withoutLang.set('lang', lang);
  if (canonical.toString() === withoutLang.toString()) return null;
  const query = canonical.toString();
  return query === '' ? '/search' : `/search?${query}`;
}
