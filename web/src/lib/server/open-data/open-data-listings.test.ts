import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, type GraphQLVariables } from '../graphql-request.ts';
import { readSearchParams } from '../../search/search-params.ts';
import type { OpenDataListingsQuery } from '../../generated/operation-types.ts';
import { initiative } from '../../open-data/open-data-fixtures.ts';
import { loadOpenDataListings, type ListingsRequest } from './open-data-listings.ts';

const node = { slug: 'liege', url: null, city: 'Liège', name: { text: 'Liège' }, country: { code: 'BE' }, defaultLanguages: [] };

/** A registry with `total` hits that always says there are more pages (a hostile or broken cursor). */
function endlessRegistry(total: number) {
  const calls: GraphQLVariables[] = [];
  const query = async <T>(_text: string, variables: GraphQLVariables & { lang: string }): Promise<T> => {
    calls.push(variables);
    const first = Number(variables.first);
    const answer: OpenDataListingsQuery = {
      search: {
        totalCount: total,
        pageInfo: { hasNextPage: true, endCursor: 'same-cursor' },
        edges: Array.from({ length: first }, (_, i) => ({ received: false, node: initiative(`i${calls.length}-${i}`) })),
      },
      ...(variables.withNode ? { thisNode: node, openData: { licence: null } } : {}),
    };
    return answer as T;
  };
  return { query, calls };
}

const request = (changes: Partial<ListingsRequest> = {}): ListingsRequest => ({
  state: readSearchParams(new URLSearchParams('q=cuisine')),
  kinds: ['INITIATIVE'],
  cap: 250,
  newestFirst: false,
  jsonLd: false,
  ...changes,
});

describe('loadOpenDataListings', () => {
  it('pages through the search 100 at a time and stops at its cap, saying the file is cut', async () => {
    const registry = endlessRegistry(100_000);
    const outcome = await loadOpenDataListings(request(), 'fr', registry.query);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.items).toHaveLength(250);
    expect(outcome.truncated).toBe(true);
    expect(outcome.totalCount).toBe(100_000);
    expect(registry.calls.map((c) => c.first)).toEqual([100, 100, 50]);
    // The node and licence are asked once, with the first page; the kind is the file's own.
    expect(registry.calls.map((c) => c.withNode)).toEqual([true, false, false]);
    expect(registry.calls[0]!.input).toEqual({ text: 'cuisine', kinds: ['INITIATIVE'] });
  });

  it('asks newest first for feeds, whatever order the search page had', async () => {
    const registry = endlessRegistry(10);
    await loadOpenDataListings(
      request({ state: readSearchParams(new URLSearchParams('sort=relevance')), newestFirst: true, cap: 5 }),
      'fr',
      registry.query,
    );
    expect(registry.calls[0]!.orderBy).toBe('RECENTLY_UPDATED');
  });

  it('reports a search the URL or the registry gets wrong, and a registry that does not answer', async () => {
    const registry = endlessRegistry(1);
    const local = await loadOpenDataListings(
      request({ state: readSearchParams(new URLSearchParams('near=liege&radius=abc')) }),
      'fr',
      registry.query,
    );
    expect(local.status).toBe('badInput');
    expect(registry.calls).toHaveLength(0);
    const refusing = async () => {
      throw new GraphQLRequestError('GRAPHQL_ERRORS', 'refused', {
        status: 200,
        errors: [{ message: 'text: at most 200 characters', extensions: { code: 'BAD_USER_INPUT', argument: 'input.text' } }],
      });
    };
    expect((await loadOpenDataListings(request(), 'fr', refusing)).status).toBe('badInput');
    const down = async () => {
      throw new GraphQLRequestError('UNREACHABLE', 'connection refused');
    };
    expect((await loadOpenDataListings(request(), 'fr', down)).status).toBe('unavailable');
  });
});
