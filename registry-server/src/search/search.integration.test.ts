// `search` through GraphQL on a seeded Liège node: multilingual matching on the seeds, facets in
// the reader's language, near a node or coordinates, cursors, freshness after a local edit,
// privacy, bad input (never a 5xx), and the operator's rebuild (mutation and command).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

const operator: Actor = { kind: 'account', accountId: 'operator', role: 'admin', initiatives: [], sessionId: 'test', via: 'cli' };

const SEARCH = `query($input: SearchInput, $first: Int, $after: String, $orderBy: SearchOrder, $lang: String) {
  search(input: $input, first: $first, after: $after, orderBy: $orderBy, lang: $lang) {
    totalCount terms
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score distanceKm nodeHandle received node { __typename ... on Initiative { slug name { text } summary { text language } } ... on GoodPractice { slug title { text } } } }
    facets { name values { value label count selected } }
  }
}`;

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(async () => {
  await node?.close();
});

const search = async (variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const response = await node.query(SEARCH, variables, headers);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data.search as {
    totalCount: number;
    terms: string[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      score: number;
      distanceKm: number | null;
      nodeHandle: string;
      received: boolean;
      node: { __typename: string; slug: string; name?: { text: string }; summary?: { text: string; language: string } };
    }>;
    facets: Array<{ name: string; values: Array<{ value: string; label: string; count: number; selected: boolean }> }>;
  };
};
const slugs = (result: Awaited<ReturnType<typeof search>>) => result.edges.map((e) => e.node.slug);

describe('search on the seeds', () => {
  it('finds Univerbal by "interprétariat", "interpreting" or "διερμηνεία", first', async () => {
    for (const text of ['interprétariat', 'interpreting', 'διερμηνεία', 'INTERPRETARIAT', 'interpretting']) {
      const result = await search({ input: { text } });
      expect(slugs(result)[0], text).toBe('univerbal');
      expect(result.edges[0]).toMatchObject({ nodeHandle: 'liege', received: false, node: { __typename: 'Initiative' } });
    }
  });

  it("finds initiatives and good practices together, and shows them in the reader's language", async () => {
    const result = await search({ input: { text: 'Univerbal' }, lang: 'en' });
    const types = new Set(result.edges.map((e) => e.node.__typename));
    expect(types).toEqual(new Set(['Initiative', 'GoodPractice']));
    expect(result.edges.find((e) => e.node.slug === 'univerbal')!.node.summary!.language).toBe('en');
    const french = await search({ input: { text: 'Univerbal' } }, { 'accept-language': 'fr' });
    expect(french.edges.find((e) => e.node.slug === 'univerbal')!.node.summary!.language).toBe('fr');
  });

  it("counts facets with labels in the reader's language", async () => {
    const result = await search({ input: { kinds: ['INITIATIVE'] }, lang: 'it' });
    expect(result.totalCount).toBe(10);
    const facet = (name: string) => result.facets.find((f) => f.name === name)!;
    expect(facet('NODE').values).toEqual([{ value: 'liege', label: 'Liegi', count: 10, selected: false }]);
    expect(facet('COUNTRY').values[0]!.label).toBe('Belgio');
    expect(facet('KIND').values).toContainEqual({ value: 'INITIATIVE', label: 'Iniziativa', count: 10, selected: true });
    expect(facet('KIND').values).toContainEqual({ value: 'GOOD_PRACTICE', label: 'Buona pratica', count: 10, selected: false });
    expect(facet('SECTOR').values.find((v) => v.value === 'AM80')!.label).toBe('Salute, assistenza sociale e benessere');
    expect(facet('MIGRANT_LED').values.find((v) => v.value === 'true')!.label).toBe('Guidata da migranti');
    expect(facet('LANGUAGE_OFFERED').values.find((v) => v.value === 'ar')!.label).toBe('arabo');
    expect(result.facets.map((f) => f.name)).toEqual([
      'NODE',
      'COUNTRY',
      'SECTOR',
      'PRACTICE_TYPE',
      'LEGAL_FORM',
      'LANGUAGE_OFFERED',
      'MIGRANT_LED',
      'NEED',
      'KIND',
      'RESERVED_ARTICLE',
      'RESERVED_BASIS',
      'TEAM_SIZE',
    ]);
  });

  it('filters by practice type across both kinds, and by migrant-led', async () => {
    const pt6 = await search({ input: { practiceType: ['PT6'] }, first: 50 });
    expect(slugs(pt6)).toContain('liege-pt6-public-procurement');
    expect(slugs(pt6)).toContain('univerbal');
    const led = await search({ input: { migrantLed: true }, first: 50 });
    expect(led.edges.every((e) => e.node.__typename === 'Initiative')).toBe(true);
    expect(slugs(led)).toContain('univerbal');
    // Declared without consent: never shown as migrant-led.
    expect(slugs(led)).not.toContain('migrations-libres-plats-solidaires');
  });

  it('finds listings near a node or coordinates, nearest first', async () => {
    const near = await search({ input: { near: { node: 'liege', radiusKm: 25 } }, orderBy: 'DISTANCE', first: 50 });
    expect(near.totalCount).toBe(20);
    expect(near.edges.every((e) => e.distanceKm !== null && e.distanceKm <= 25)).toBe(true);
    const distances = near.edges.map((e) => e.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const sofia = await search({ input: { near: { node: 'sofia', radiusKm: 200 } } });
    expect(sofia.totalCount).toBe(0);
    const brussels = await search({ input: { near: { latitude: 50.85, longitude: 4.35, radiusKm: 100 } }, orderBy: 'DISTANCE' });
    expect(brussels.totalCount).toBe(20);
    expect(brussels.edges[0]!.distanceKm).toBeGreaterThan(80);
  });

  it('pages through every result with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof search>> = await search({ input: { text: 'Liège' }, first: 6, after });
      total = result.totalCount;
      seen.push(...slugs(result));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(6);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe('kept current', () => {
  it('finds a local edit within a second', async () => {
    const doc = (await node.registry.initiatives.findById('atemos'))!;
    await node.registry.initiativeEditorial.update(operator, 'atemos', doc.version, {
      summary: { ...doc.record.summary, en: 'Sewing and quiltmaking workshops in Liège.' },
    });
    const started = Date.now();
    let found = false;
    while (!found && Date.now() - started < 1_000) {
      found = slugs(await search({ input: { text: 'quiltmaking' } })).includes('atemos');
    }
    expect(found).toBe(true);
  });

  it('forgets an unpublished listing and finds a newly published one', async () => {
    const doc = (await node.registry.initiatives.findById('redemarts'))!;
    await node.registry.initiativeEditorial.unpublish(operator, 'redemarts', doc.version);
    await node.registry.search.settled();
    expect(slugs(await search({ input: { text: "Redém'arts" } }))).not.toContain('redemarts');
    const created = await node.registry.initiativeEditorial.create(operator, {
      handle: 'test-bakery',
      name: { en: 'Neighbourhood flatbread bakery (test data)' },
      summary: { en: 'Test data.' },
      originalLanguage: 'en',
      legalForm: 'L1',
      primarySector: 'AM10',
      location: { locality: 'Liège', country: 'BE', precision: 'city' },
    } as never);
    await node.registry.search.settled();
    expect(slugs(await search({ input: { text: 'flatbread' } }))).toEqual([]);
    await node.registry.initiativeEditorial.approve(operator, 'test-bakery', created.version);
    await node.registry.search.settled();
    expect(slugs(await search({ input: { text: 'flatbread' } }))).toEqual(['test-bakery']);
  });

  it('never finds a private value', async () => {
    const created = await node.registry.initiativeEditorial.create(operator, {
      handle: 'test-private',
      name: { en: 'Discreet supper club (test data)' },
      summary: { en: 'Test data.' },
      originalLanguage: 'en',
      legalForm: 'L1',
      primarySector: 'AM10',
      migrantLed: { declared: true, consentToPublish: false, governance: { en: 'Led by quorvex people.' } },
      location: {
        locality: 'Liège',
        country: 'BE',
        precision: 'neighbourhood',
        neighbourhood: 'Sainte-Marguerite',
        streetAddress: '7 rue Vexilloire',
      },
      contact: { email: 'hidden-mailbox@example.org', visibility: { email: 'private' } },
    } as never);
    await node.registry.initiativeEditorial.approve(operator, 'test-private', created.version);
    await node.registry.search.settled();
    expect(slugs(await search({ input: { text: 'supper' } }))).toEqual(['test-private']);
    for (const text of ['quorvex', 'Vexilloire', 'hidden-mailbox', 'hidden mailbox'])
      expect((await search({ input: { text } })).totalCount, text).toBe(0);
    expect(slugs(await search({ input: { text: 'supper', migrantLed: true } }))).toEqual([]);
  });
});

describe('rebuilds and other writers', () => {
  it('keeps a change made while a rebuild runs', async () => {
    const rebuilding = node.registry.search.rebuild();
    const doc = (await node.registry.initiatives.findById('siriuschool'))!;
    await node.registry.initiativeEditorial.update(operator, 'siriuschool', doc.version, {
      summary: { ...doc.record.summary, en: 'Free coding school with a xylograph workshop.' },
    });
    await rebuilding;
    await node.registry.search.settled();
    expect(slugs(await search({ input: { text: 'xylograph' } }))).toEqual(['siriuschool']);
    // A compaction keeps the dictionary (no word stemmed twice) and finds the same.
    const before = await search({ input: { text: 'coopérative' }, first: 50 });
    await node.registry.search.rebuild({ fresh: false });
    const after = await search({ input: { text: 'coopérative' }, first: 50 });
    expect(after.totalCount).toBe(before.totalCount);
    expect(new Set(slugs(after))).toEqual(new Set(slugs(before)));
    expect(after.facets).toEqual(before.facets);
  });

  it('catches up with writes made behind its back (other processes on MongoDB) when it compares itself with the store', async () => {
    const template = (await node.registry.initiatives.findById('atemos'))!.record;
    await node.registry.initiatives.insert(
      { ...template, handle: 'test-behind', name: { en: 'Zeppelin repair collective (test data)' }, practices: [] },
      { origin: { kind: 'local' }, state: 'published', now: new Date().toISOString() },
    );
    expect(slugs(await search({ input: { text: 'zeppelin' } }))).toEqual([]);
    expect(await node.registry.search.reconcile()).toBe(1);
    expect(slugs(await search({ input: { text: 'zeppelin' } }))).toEqual(['test-behind']);
    await node.registry.store.collection('initiatives').deleteOne({ _id: 'test-behind' });
    expect(await node.registry.search.reconcile()).toBe(1);
    expect(slugs(await search({ input: { text: 'zeppelin' } }))).toEqual([]);
  });
});

describe('bad input', () => {
  const answer = async (variables: Record<string, unknown>, query = SEARCH) => {
    const response = await node.query(query, variables);
    expect(response.status).toBeLessThan(500);
    return response.body;
  };
  const argumentOf = async (variables: Record<string, unknown>) => {
    const body = await answer(variables);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return body.errors![0]!.extensions!.argument;
  };

  it('answers a typed error naming the argument, never a 5xx', async () => {
    expect(await argumentOf({ input: { text: 'x'.repeat(10_000) } })).toBe('input.text');
    expect(await argumentOf({ first: 1_000_000 })).toBe('first');
    expect(await argumentOf({ first: -3 })).toBe('first');
    expect(await argumentOf({ input: { near: { latitude: 95, longitude: 10, radiusKm: 10 } } })).toBe('input.near.latitude');
    expect(await argumentOf({ input: { near: { latitude: 45, longitude: 10, radiusKm: 1e9 } } })).toBe('input.near.radiusKm');
    expect(await argumentOf({ input: { near: { latitude: 45, longitude: 10, radiusKm: 0 } } })).toBe('input.near.radiusKm');
    expect(await argumentOf({ input: { near: { node: 'atlantis', radiusKm: 10 } } })).toBe('input.near.node');
    expect(await argumentOf({ orderBy: 'DISTANCE' })).toBe('orderBy');
    expect(await argumentOf({ after: 'garbage' })).toBe('after');
    expect(await argumentOf({ lang: 'not a language!' })).toBe('lang');
    const literal = await answer({}, '{ search(first: 99999999999) { totalCount } }');
    expect(literal.errors?.length).toBeGreaterThan(0);
  });

  it('answers empty, symbol-only and unknown-value searches with results, not errors', async () => {
    const empty = await search({ input: { text: '' } });
    expect(empty.totalCount).toBe(await node.registry.search.index.liveCount);
    const symbols = await search({ input: { text: '%%% *** !!! ؟ « »' } });
    expect(symbols.terms).toEqual([]);
    expect(symbols.totalCount).toBe(empty.totalCount);
    const unknown = await search({ input: { sector: ['NOT-A-SECTOR'], country: ['ZZ'], node: ['atlantis'] } });
    expect(unknown.totalCount).toBe(0);
    expect(unknown.facets.find((f) => f.name === 'SECTOR')!.values).toEqual([
      { value: 'NOT-A-SECTOR', label: 'NOT-A-SECTOR', count: 0, selected: true },
    ]);
    const emoji = await search({ input: { text: '🍲🍲🍲 😀' } });
    expect(emoji.totalCount).toBe(0);
  });
});

describe('rebuilding the index', () => {
  it('lets only an admin rebuild it through the API', async () => {
    const anonymous = await node.query('mutation { rebuildSearchIndex { listings error { code message } } }');
    expect(anonymous.body.data.rebuildSearchIndex.listings).toBeNull();
    expect(anonymous.body.data.rebuildSearchIndex.error.message).toMatch(/Sign in|admin/);
  });

  it('rebuilds a running node from the operator command', async () => {
    const admin = await node.registry.accountService.createAccount({
      email: 'admin@search.test',
      password: 'a long test password 1',
      role: 'admin',
      initiatives: [],
      createdBy: null,
    });
    const { token } = await node.registry.accountService.signIn({
      email: admin.email,
      password: 'a long test password 1',
      via: 'bearer',
      address: 'cli-test',
    });
    const cli = join(import.meta.dirname, '..', 'cli', 'main.ts');
    const run = (args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [cli, ...args],
          { env: { ...process.env, UMN_TOKEN: token }, timeout: 20_000 },
          (error, stdout, stderr) => resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const done = await run(['search', 'reindex', '--url', node.url]);
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(/Search index rebuilt: \d+ listing\(s\)/);
    expect(slugs(await search({ input: { text: 'quiltmaking' } }))).toEqual(['atemos']);
    const unknown = await run(['search', 'reindex', '--url', 'http://127.0.0.1:9']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/builds its search index from the store when it starts/);
  });
});
