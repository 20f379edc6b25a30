// The search page's loader against stubbed GraphQL answers, through the real request code
// (postGraphQL with a fake fetch), so error parsing is the one the site runs.
import { describe, expect, it } from 'vitest';
import { postGraphQL, type GraphQLVariables } from './graphql-request.ts';
import { loadSearchPage, loadSearchPlaces, type RegistryQuery } from './search-page.ts';
import { readSearchParams, toSearchRequest } from '../search/search-params.ts';
import { badInputProblems, localProblems } from '../search/search-problems.ts';

/** The registry answers `body` with `status`; `places`, when given, answers the city nodes' query alone. */
function stub(
  status: number,
  body: unknown,
  seen: { query?: string; variables?: GraphQLVariables }[] = [],
  places?: { status: number; body: unknown },
): RegistryQuery {
  const fetch = (async (_url: string, init: RequestInit) => {
    const sent = JSON.parse(String(init.body)) as { query: string; variables: GraphQLVariables };
    seen.push(sent);
    const answer = places && sent.query.includes('query SearchPlaces') ? places : { status, body };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return <T>(query: string, variables: GraphQLVariables & { lang: string }) =>
    postGraphQL<T>('http://registry.test/graphql', query, variables, { lang: variables.lang, fetch });
}

const request = (query: string) => toSearchRequest(readSearchParams(new URLSearchParams(query)));

const cityNodes = [
  { slug: 'sofia', city: 'Sofia' },
  { slug: 'athens', city: 'Athènes' },
];
const sortedPlaces = [cityNodes[1], cityNodes[0]];
const placesAlone = { status: 200, body: { data: { cityNodes } } };

const results = {
  totalCount: 1,
  terms: ['interpret'],
  pageInfo: { hasNextPage: false, endCursor: 'c1' },
  facets: [{ name: 'SECTOR', values: [{ value: 'S1', label: 'Services', count: 1, selected: true }] }],
  edges: [],
};

describe('loadSearchPage', () => {
  it('sends the SearchInput, page, order and language as variables and returns the results and the places, in one request', async () => {
    const seen: { query?: string; variables?: GraphQLVariables }[] = [];
    const page = await loadSearchPage(
      request('q=interpreting&sector=S1&sort=updated'),
      'fr',
      stub(200, { data: { search: results, cityNodes } }, seen),
    );
    expect(page.outcome).toEqual({ status: 'ok', results });
    expect(page.places).toEqual(sortedPlaces);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.query).toMatch(/cityNodes\(lang: \$lang\)/);
    expect(seen[0]?.variables).toEqual({
      input: { text: 'interpreting', sector: ['S1'] },
      first: 20,
      after: null,
      orderBy: 'RECENTLY_UPDATED',
      lang: 'fr',
      list: true,
    });
  });

  it('asks the map view for more results at once, without the fields only the list shows', async () => {
    const seen: { variables?: GraphQLVariables }[] = [];
    await loadSearchPage(request('q=interpreting&view=map'), 'fr', stub(200, { data: { search: results, cityNodes } }, seen));
    expect(seen[0]?.variables).toMatchObject({ first: 50, list: false });
  });

  it('turns BAD_USER_INPUT answers into form problems by field, never an error page, and still gives the form its places', async () => {
    const answer = {
      errors: [
        { message: 'text is longer than 200 characters.', extensions: { code: 'BAD_USER_INPUT', argument: 'input.text' } },
        { message: 'radiusKm must be more than 0.', extensions: { code: 'BAD_USER_INPUT', argument: 'input.near.radiusKm' } },
      ],
    };
    const page = await loadSearchPage(request(`q=${'a'.repeat(201)}&near=liege&radius=0`), 'fr', stub(400, answer, [], placesAlone));
    expect(page.outcome).toEqual({
      status: 'badInput',
      problems: [
        { field: 'q', message: { key: 'searchErrorTextTooLong' } },
        { field: 'radius', message: { key: 'searchErrorRadiusRange' } },
      ],
    });
    expect(page.places).toEqual(sortedPlaces);
  });

  it('answers unavailable when the registry cannot search (yet) or is down', async () => {
    const notYet = {
      errors: [{ message: 'Cannot query field "search" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    };
    expect(await loadSearchPage(request(''), 'en', stub(400, notYet, [], placesAlone))).toEqual({
      outcome: { status: 'unavailable' },
      places: sortedPlaces,
    });
    expect(await loadSearchPage(request(''), 'en', stub(502, 'Bad gateway'))).toEqual({ outcome: { status: 'unavailable' }, places: [] });
  });

  it('sends no search when the URL itself is wrong, and gives the form its places', async () => {
    const seen: { query?: string }[] = [];
    const problems = localProblems(request('near=liege&radius=far').problems);
    const page = await loadSearchPage(request('near=liege&radius=far'), 'fr', stub(500, {}, seen, placesAlone), problems);
    expect(page).toEqual({ outcome: { status: 'badInput', problems }, places: sortedPlaces });
    expect(seen.map((sent) => sent.query?.includes('query SearchPlaces'))).toEqual([true]);
  });

  it('rethrows what is not a registry error (a bug)', async () => {
    const broken: RegistryQuery = () => Promise.reject(new TypeError('bug'));
    await expect(loadSearchPage(request(''), 'en', broken)).rejects.toThrow('bug');
  });
});

describe('search problems', () => {
  it('keeps the API message, marked English, when we have no translation for it', () => {
    expect(badInputProblems([{ message: 'Something new.', extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }])).toEqual([
      { message: { text: 'Something new.', lang: 'en' } },
    ]);
  });

  it('translates an unknown place, a distance order without a place, coordinates and a stale cursor', () => {
    const problems = badInputProblems([
      { message: 'm', extensions: { code: 'BAD_USER_INPUT', argument: 'input.near.node' } },
      { message: 'm', extensions: { code: 'BAD_USER_INPUT', argument: 'orderBy' } },
      { message: 'm', extensions: { code: 'BAD_USER_INPUT', argument: 'input.near.latitude' } },
      { message: 'm', extensions: { code: 'BAD_USER_INPUT', argument: 'after' } },
    ]);
    expect(problems).toEqual([
      { field: 'near', message: { key: 'searchErrorPlaceUnknown' } },
      { field: 'sort', message: { key: 'searchErrorDistanceNeedsPlace' } },
      { field: 'lat', message: { key: 'searchErrorCoordinatesRange' } },
      { message: { key: 'searchErrorStalePage' } },
    ]);
  });

  it('is not a form problem when any error is something else', () => {
    expect(badInputProblems([{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])).toBeNull();
    expect(badInputProblems([])).toBeNull();
  });

  it('names the values that are not numbers', () => {
    expect(localProblems(request('near=liege&radius=far').problems)).toEqual([
      { field: 'radius', message: { key: 'searchErrorRadiusNumber' } },
    ]);
  });
});

describe('loadSearchPlaces', () => {
  it('sorts the city nodes by name in the reader’s language', async () => {
    const places = await loadSearchPlaces(
      'fr',
      stub(200, {
        data: {
          cityNodes: [
            { slug: 'sofia', city: 'Sofia' },
            { slug: 'athens', city: 'Athènes' },
            { slug: 'liege', city: 'Liège' },
          ],
        },
      }),
    );
    expect(places.map((p) => p.slug)).toEqual(['athens', 'liege', 'sofia']);
  });

  it('gives an empty list when the registry cannot say', async () => {
    expect(await loadSearchPlaces('fr', stub(500, { errors: [{ message: 'down' }] }))).toEqual([]);
  });
});
