import { describe, expect, it } from 'vitest';
import { loadShortlist, shortlistQuery } from './shortlist-page.ts';
import type { RegistryQuery } from './search-page.ts';

describe('shortlistQuery', () => {
  it('asks for each id with its own variable and alias', () => {
    const query = shortlistQuery(2);
    expect(query).toContain('query Shortlist($lang: String!, $id0: ID!, $id1: ID!)');
    expect(query).toContain('i0: initiative(id: $id0, lang: $lang) { ...Entry }');
    expect(query).toContain('i1: initiative(id: $id1, lang: $lang) { ...Entry }');
    expect(query).not.toContain('$id2');
  });
});

describe('loadShortlist', () => {
  it('does not ask the registry for an empty list', async () => {
    const never: RegistryQuery = () => Promise.reject(new Error('asked'));
    expect(await loadShortlist([], 'fr', never)).toEqual({ entries: [], missing: [] });
  });

  it('keeps the order of the cookie and reports ids no longer published', async () => {
    let variables: Record<string, unknown> = {};
    const stub: RegistryQuery = async <T>(_query: string, vars: Record<string, unknown>) => {
      variables = vars;
      return { i0: { id: 'b' }, i1: null, i2: { id: 'a' } } as T;
    };
    const loaded = await loadShortlist(
      ['https://x.example/initiatives/b', 'https://x.example/initiatives/gone', 'https://x.example/initiatives/a'],
      'de',
      stub,
    );
    expect(loaded.entries.map((e) => e.id)).toEqual(['b', 'a']);
    expect(loaded.missing).toEqual(['https://x.example/initiatives/gone']);
    expect(variables).toEqual({
      lang: 'de',
      id0: 'https://x.example/initiatives/b',
      id1: 'https://x.example/initiatives/gone',
      id2: 'https://x.example/initiatives/a',
    });
  });
});
