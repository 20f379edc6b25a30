// The done-when of issue 17 points 2 and 3 (ADR 0048), end to end: a real node with the Liège
// seeds answers the site's own export and feed code (web/src/lib/server/open-data/, as the
// routes call it) through GraphQL, and every file validates — the CSV parses back to the same
// rows, the GeoJSON passes an RFC 7946 validator, the JSON-LD expands without dropping a term,
// the Atom has RFC 4287's required elements, the DCAT-AP its required properties — and none of
// them holds what the node does not publish: a location more precise than the initiative chose,
// a contact address behind the relay, a migrant-led declaration without consent, a draft, an
// unpublished record.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { createAccount, type Session } from '../registry-server/src/testing/graphql-client.ts';
import { postGraphQL } from '../web/src/lib/server/graphql-request.ts';
import { exportResponse, feedResponse, type ExportName, type FeedName } from '../web/src/lib/server/open-data/open-data-responses.ts';
import type { RegistryQuery } from '../web/src/lib/server/search-page.ts';

// The ActivityStreams context, offline, from Fedify's preloaded contexts (the node's own dependency).
const serverRequire = createRequire(fileURLToPath(new URL('../registry-server/package.json', import.meta.url)));
const vocabRequire = createRequire(serverRequire.resolve('@fedify/vocab'));
const { preloadedContexts } = (await import(
  pathToFileURL(join(dirname(vocabRequire.resolve('@fedify/vocab-runtime')), 'mod.js')).href
)) as {
  preloadedContexts: Record<string, unknown>;
};
const documentLoader = async (url: string) => {
  if (!preloadedContexts[url]) throw new Error(`offline test: no context ${url}`);
  return { contextUrl: null, documentUrl: url, document: preloadedContexts[url] };
};

const SECRET_STREET = '12 rue des Secrets';
const SECRET_EMAIL = 'personne@prive.test';
const SECRET_POINT = { lat: 50.61234, lon: 5.54321 };
const DRAFT_NAME = 'Brouillon jamais publié';

let node: TestNode;
let moderator: Session;
let query: RegistryQuery;
let unpublishedName: string;
let undisclosedGovernance: string;

async function approveIfWaiting(slug: string) {
  const { version } = (await moderator.gql(`{ editableInitiative(slug: "${slug}") { version } }`)).data.editableInitiative;
  await moderator.gql(`mutation { approve(id: "${slug}", version: ${version}) { error { code } } }`);
}

beforeAll(async () => {
  node = await startTestNode({ publicUrl: new URL('https://liege.example') });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  // The site's registry call, as lib/server/graphql.ts makes it, against this node.
  query = (text, variables) => postGraphQL(`${node.url}/graphql`, text, variables, { lang: variables.lang });
  // Parallax shows only its city: its street and exact point are stored, never published.
  // Its e-mail is private and messages go through the relay.
  const { version } = (await moderator.gql('{ editableInitiative(slug: "parallax") { version } }')).data.editableInitiative;
  const changed = await moderator.gql(
    `mutation($v: Int!, $geo: GeoPointInput!) { updateInitiative(id: "parallax", version: $v, changes: {
      location: { locality: "Seraing", country: "BE", streetAddress: "${SECRET_STREET}", postalCode: "4100", neighbourhood: "Ougrée", precision: CITY, geo: $geo },
      contact: { email: "${SECRET_EMAIL}", emailVisibility: PRIVATE, relay: true } }) { error { code message } } }`,
    { v: version, geo: SECRET_POINT },
  );
  expect(changed.data.updateInitiative.error).toBeNull();
  await approveIfWaiting('parallax');
  const draft =
    await moderator.gql(`mutation { createInitiative(input: { handle: "brouillon-export", originalLanguage: "fr", legalForm: "L4", primarySector: "AM60",
    name: [{ language: "fr", text: "${DRAFT_NAME}" }], summary: [{ language: "fr", text: "Pas public." }], location: { locality: "Liège", country: "BE" } }) { error { code message } } }`);
  expect(draft.data.createInitiative.error).toBeNull();
  const redemarts = (await moderator.gql('{ editableInitiative(slug: "redemarts") { version record } }')).data.editableInitiative;
  unpublishedName = redemarts.record.name.fr;
  expect(
    (await moderator.gql(`mutation { unpublish(id: "redemarts", version: ${redemarts.version}) { error { code } } }`)).data.unpublish.error,
  ).toBeNull();
  // Atemos declared itself migrant-led without consenting to publish it.
  const atemos = (await moderator.gql('{ editableInitiative(slug: "atemos") { record } }')).data.editableInitiative;
  expect(atemos.record.migrantLed).toMatchObject({ declared: true, consentToPublish: false });
  undisclosedGovernance = atemos.record.migrantLed.governance.fr;
});
afterAll(() => node?.close());

const at = (path: string) => new URL(path, 'https://liege.example');
const exported = (name: ExportName, search = '', lang: 'fr' | 'en' = 'fr') =>
  exportResponse(name, { url: at(`/export/${name}${search}`), lang, query });
const feed = (name: FeedName, search = '') => feedResponse(name, { url: at(`/feeds/${name}.atom${search}`), lang: 'fr', query });

async function initiativesCount(): Promise<number> {
  return (await node.query('{ search(input: { kinds: [INITIATIVE] }, first: 1) { totalCount } }')).body.data.search.totalCount;
}

function expectNothingPrivate(text: string) {
  expect(text).not.toContain(SECRET_STREET);
  expect(text).not.toContain('4100');
  expect(text).not.toContain('Ougrée');
  expect(text).not.toContain(SECRET_EMAIL);
  expect(text).not.toContain(String(SECRET_POINT.lat));
  expect(text).not.toContain(String(SECRET_POINT.lon));
  expect(text).not.toContain(DRAFT_NAME);
  expect(text).not.toContain('brouillon-export');
  // The unpublished record is gone (its name may still be read in another record's text).
  expect(text).not.toContain('/initiatives/redemarts');
  expect(text).not.toMatch(new RegExp(`(<title[^>]*>|"name":"|^)${unpublishedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  expect(text).not.toContain(undisclosedGovernance.slice(0, 40));
}

describe('the exports of the whole catalogue', () => {
  it('CSV: parses back with a CSV library to one row per published initiative, in the reader’s format', async () => {
    const response = await exported('initiatives.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(response.headers.get('x-umn-export-cap')).toBe('10000');
    const text = await response.text();
    const rows = parseCsv(text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.length - 1).toBe(await initiativesCount());
    expect(rows.slice(1).map((row) => row[0])).toContain('Univerbal');
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expectNothingPrivate(text);
    const english = parseCsv(await (await exported('initiatives.csv', '', 'en')).text(), { bom: true, delimiter: ',' }) as string[][];
    expect(english.slice(1)).toHaveLength(rows.length - 1);
  });

  it('GeoJSON: valid RFC 7946, and a city-only initiative has its city’s point or none', async () => {
    const response = await exported('initiatives.geojson');
    expect(response.headers.get('content-type')).toBe('application/geo+json');
    const text = await response.text();
    const collection = check(text) as unknown as {
      features: Array<{ id: string; geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }>;
    };
    expect(collection.features).toHaveLength(await initiativesCount());
    const parallax = collection.features.find((f) => f.id === 'https://liege.example/initiatives/parallax')!;
    expect(parallax.properties.precision).toBe('city');
    expect(parallax.geometry).toBeNull();
    for (const feature of collection.features.filter((f) => f.properties.precision === 'city' && f.geometry))
      expect(feature.properties.locality).toBe('Liège');
    expectNothingPrivate(text);
  });

  it('JSON-LD: the context and a @graph of the partner objects, expanding without dropping a term', async () => {
    const response = await exported('initiatives.jsonld');
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    const text = await response.text();
    const document = JSON.parse(text) as { '@context': unknown; '@graph': Array<Record<string, unknown>> };
    expect(document['@graph']).toHaveLength(await initiativesCount());
    const served = (await (
      await fetch(`${node.url}/initiatives/univerbal`, { headers: { accept: 'application/activity+json' } })
    ).json()) as Record<string, unknown>;
    const univerbal = document['@graph'].find((o) => o.id === served.id)!;
    for (const [key, value] of Object.entries(univerbal)) expect(served[key], key).toEqual(value);
    const expanded = (await jsonld.expand(document, { documentLoader })) as Array<Record<string, unknown>>;
    expect(expanded).toHaveLength(document['@graph'].length);
    for (const object of document['@graph']) {
      const node = expanded.find((e) => e['@id'] === object.id)!;
      // Every compact member is a term of the context: each comes back as one IRI (or @id, @type).
      const compactKeys = Object.keys(object).filter((key) => !key.endsWith('Map') || !Object.keys(object).includes(key.slice(0, -3)));
      expect(Object.keys(node).length, String(object.id)).toBeGreaterThanOrEqual(compactKeys.length);
      expect(Object.keys(node).every((key) => key.startsWith('@') || /^https?:\/\//.test(key))).toBe(true);
    }
    expectNothingPrivate(text);
    // The consent-less declaration is not in the document, nor the relayed address.
    const atemos = document['@graph'].find((o) => o.id === 'https://liege.example/initiatives/atemos')!;
    expect(atemos).not.toHaveProperty('migrantLed');
  });

  it('JSON-LD of practices: each good practice as served at its IRI, expanding to IRIs only', async () => {
    const text = await (await exported('practices.jsonld')).text();
    const document = JSON.parse(text) as { '@context': unknown; '@graph': Array<Record<string, unknown>> };
    const count = (await node.query('{ search(input: { kinds: [GOOD_PRACTICE] }, first: 1) { totalCount } }')).body.data.search.totalCount;
    expect(document['@graph']).toHaveLength(count);
    const served = (await (
      await fetch(`${node.url}/practices/liege-pt6-public-procurement`, { headers: { accept: 'application/activity+json' } })
    ).json()) as Record<string, unknown>;
    const pt6 = document['@graph'].find((o) => o.id === served.id)!;
    expect(pt6).toBeTruthy();
    for (const [key, value] of Object.entries(pt6)) expect(served[key], key).toEqual(value);
    const expanded = (await jsonld.expand(document, { documentLoader })) as Array<Record<string, unknown>>;
    expect(expanded).toHaveLength(count);
    for (const object of expanded) expect(Object.keys(object).every((key) => key.startsWith('@') || /^https?:\/\//.test(key))).toBe(true);
    expectNothingPrivate(text);
  });

  it('DCAT-AP: the dataset with its required properties, its distributions and the node’s licence', async () => {
    const response = await exported('dataset.jsonld', '?sector=AM60');
    const dataset = JSON.parse(await response.text());
    const [expanded] = (await jsonld.expand(dataset)) as Array<Record<string, Array<Record<string, unknown>>>>;
    const DCT = 'http://purl.org/dc/terms/';
    expect(expanded!['@type']).toEqual(['http://www.w3.org/ns/dcat#Dataset']);
    expect(expanded![`${DCT}title`]).toHaveLength(1);
    expect(expanded![`${DCT}description`]).toHaveLength(1);
    expect(expanded![`${DCT}license`]).toEqual([{ '@id': 'https://creativecommons.org/licenses/by/4.0/' }]);
    expect(expanded![`${DCT}publisher`]![0]!['http://xmlns.com/foaf/0.1/name']).toBeTruthy();
    const distributions = expanded!['http://www.w3.org/ns/dcat#distribution']!;
    expect(distributions.length).toBeGreaterThanOrEqual(5);
    for (const d of distributions) expect(d['http://www.w3.org/ns/dcat#accessURL']).toHaveLength(1);
    expect(JSON.stringify(dataset)).toContain('https://liege.example/export/initiatives.csv?sector=AM60');
  });

  it('practices: CSV and GeoJSON of the published good practices', async () => {
    const count = (await node.query('{ search(input: { kinds: [GOOD_PRACTICE] }, first: 1) { totalCount } }')).body.data.search.totalCount;
    expect(count).toBeGreaterThan(0);
    const rows = parseCsv(await (await exported('practices.csv')).text(), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.length - 1).toBe(count);
    const collection = check(await (await exported('practices.geojson')).text()) as unknown as { features: unknown[] };
    expect(collection.features).toHaveLength(count);
  });
});

describe('the exports of a search result', () => {
  it('hold exactly the hits of the same search as /search', async () => {
    const search = (
      await node.query(
        '{ search(input: { kinds: [INITIATIVE], text: "interprétariat" }, first: 100) { totalCount edges { node { ... on Initiative { id } } } } }',
      )
    ).body.data.search;
    expect(search.totalCount).toBeGreaterThan(0);
    const collection = JSON.parse(await (await exported('initiatives.geojson', '?q=interpr%C3%A9tariat')).text()) as {
      features: Array<{ id: string }>;
    };
    expect(collection.features.map((f) => f.id).sort()).toEqual(search.edges.map((e: { node: { id: string } }) => e.node.id).sort());
  });

  it('refuse a search the registry refuses, saying what to do, and never answer an empty file', async () => {
    const response = await exported('initiatives.csv', `?q=${'a'.repeat(300)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/recherche/);
    const radius = await exported('initiatives.geojson', '?near=liege&radius=abc');
    expect(radius.status).toBe(400);
  });
});

describe('the Atom feeds', () => {
  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml)
      .feed;

  it.each([
    ['initiatives', ''],
    ['practices', '?practiceType=PT6'],
    ['search', '?q=cuisine'],
    ['initiatives', '?node=liege'],
  ] as const)('%s%s has the elements RFC 4287 requires, newest first, nothing private', async (name, search) => {
    const response = await feed(name, search);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const atom = parse(xml);
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const element of ['id', 'title', 'updated']) expect(atom[element], element).toBeTruthy();
    expect(atom.author?.name).toBeTruthy();
    expect(atom.entry?.length ?? 0).toBeGreaterThan(0);
    const updated = atom.entry.map((e: { updated: string }) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const entry of atom.entry) {
      for (const element of ['id', 'title', 'updated']) expect(entry[element], element).toBeTruthy();
      expect(entry.link[0]['@href']).toMatch(/^https:\/\/liege\.example\//);
    }
    if (name === 'practices') for (const entry of atom.entry) expect(entry.category['@term']).toBe('PT6');
    expectNothingPrivate(xml);
  });
});
