// Checks the context against the documents we build: every member we write must be a term of
// ActivityStreams or of our context (AS has "@vocab": "_:", so a typo would not fail anywhere,
// it would just turn into a blank-node property that nobody can read), and the documents must
// expand, with a real JSON-LD processor, to the IRIs the README promises.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cityNodeToJsonLd } from './city-node-jsonld.ts';
import { goodPracticeToJsonLd } from './good-practice-jsonld.ts';
import { initiativeToJsonLd } from './initiative-jsonld.ts';
import { catalog, initiativeOptions, liege, practiceOptions, seedInitiative, seedPractice } from './jsonld-test-fixtures.ts';
import { AS_CONTEXT_URL, DOCUMENT_CONTEXT, UMN_CONTEXT, withUmnContext } from './umn-context.ts';

// Fedify's own JSON-LD processor and preloaded contexts (not a dependency of ours: tests only).
const fedifyRequire = createRequire(fileURLToPath(import.meta.resolve('@fedify/vocab')));
const runtimeDir = dirname(fedifyRequire.resolve('@fedify/vocab-runtime'));
const { default: jsonld } = await import(pathToFileURL(join(runtimeDir, 'jsonld.js')).href);
const { preloadedContexts } = (await import(pathToFileURL(join(runtimeDir, 'mod.js')).href)) as {
  preloadedContexts: Record<string, { '@context': Record<string, unknown> }>;
};

const offlineLoader = async (url: string) => {
  const document = preloadedContexts[url];
  if (!document) throw new Error(`offline test: no context ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};
const AS_TERMS = new Set(Object.keys(preloadedContexts[AS_CONTEXT_URL]!['@context']));
const OUR_TERMS = UMN_CONTEXT as Record<string, { '@container'?: string } | string>;

const documents = () => ({
  univerbal: initiativeToJsonLd(seedInitiative('univerbal'), initiativeOptions(seedInitiative('univerbal'))),
  atemos: initiativeToJsonLd(seedInitiative('atemos'), initiativeOptions(seedInitiative('atemos'))),
  pt6: goodPracticeToJsonLd(seedPractice('liege-pt6-public-procurement'), practiceOptions(seedPractice('liege-pt6-public-procurement'))),
  liege: cityNodeToJsonLd(liege, { id: 'https://liege.example/actors/node', catalog }),
});

/** Member names used anywhere in a document, except inside language maps and the context. */
function membersOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => membersOf(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') continue;
      found.add(key);
      const definition = OUR_TERMS[key];
      const isLanguageMap = key.endsWith('Map') || (typeof definition === 'object' && definition['@container'] === '@language');
      if (!isLanguageMap) membersOf(child, found);
    }
  }
  return found;
}

describe('our JSON-LD context', () => {
  it('is a JSON-LD 1.1 context with the prefixes of the vocabularies we use', () => {
    const file = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@umn/schemas/jsonld/umn-registry-context.jsonld')), 'utf8'));
    expect(file['@context']).toEqual(UMN_CONTEXT);
    expect(UMN_CONTEXT).toMatchObject({
      '@version': 1.1,
      as: 'https://www.w3.org/ns/activitystreams#',
      schema: 'https://schema.org/',
      essglobal: 'http://purl.org/essglobal/vocab/',
      dcterms: 'http://purl.org/dc/terms/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      umn: 'https://umn-registry.org/ns#',
    });
    expect(DOCUMENT_CONTEXT).toEqual([AS_CONTEXT_URL, UMN_CONTEXT]);
  });

  it('never redefines an ActivityStreams term (the shared prefixes as and xsd say the same)', () => {
    const asContext = preloadedContexts[AS_CONTEXT_URL]!['@context'];
    const redefined = Object.keys(UMN_CONTEXT).filter(
      (term) => AS_TERMS.has(term) && JSON.stringify(asContext[term]) !== JSON.stringify(OUR_TERMS[term]),
    );
    expect(redefined).toEqual([]);
  });

  it.each(Object.entries(documents()))('defines every member the %s document uses', (_name, json) => {
    const unknown = [...membersOf(json)].filter((key) => !key.startsWith('@') && !AS_TERMS.has(key) && !(key in OUR_TERMS));
    expect(unknown).toEqual([]);
  });

  it.each(Object.entries(documents()))('expands the %s document to public IRIs only', async (_name, json) => {
    const expanded = await jsonld.expand(json, { documentLoader: offlineLoader, safe: true });
    const text = JSON.stringify(expanded);
    // No property fell through to AS's "@vocab": "_:" …
    expect(text).not.toMatch(/"_:/);
    // … and the properties are in the vocabularies we meant.
    const properties = [...membersOf(expanded)].filter((key) => !key.startsWith('@'));
    for (const property of properties)
      expect(property).toMatch(
        /^(https:\/\/www\.w3\.org\/ns\/activitystreams#|https:\/\/schema\.org\/|http:\/\/purl\.org\/(essglobal\/vocab|dc\/terms)\/|http:\/\/www\.w3\.org\/(2004\/02\/skos\/core#|2000\/01\/rdf-schema#|ns\/regorg#)|https:\/\/umn-registry\.org\/ns#)/,
      );
  });

  it('expands taxonomy values to concept IRIs and language maps to tagged strings', async () => {
    const [node] = await jsonld.expand(documents().univerbal, { documentLoader: offlineLoader, safe: true });
    expect(node['http://purl.org/essglobal/vocab/legalForm']).toEqual([{ '@id': 'http://purl.org/essglobal/standard/legal-form/L4' }]);
    expect(node['https://umn-registry.org/ns#governancePrinciple']).toEqual([
      { '@id': 'https://umn-registry.org/ns/governance-principle/GP3' },
    ]);
    expect(node['@type']).toEqual([
      'https://www.w3.org/ns/activitystreams#Organization',
      'http://purl.org/essglobal/vocab/SSEInitiative',
      'https://schema.org/NGO',
    ]);
    expect(node['http://purl.org/essglobal/vocab/mission']).toContainEqual(expect.objectContaining({ '@language': 'en' }));
    expect(node['http://purl.org/dc/terms/isPartOf']).toEqual([{ '@id': 'https://liege.example/nodes/liege' }]);
  });

  it('expands sameAs (links to other nodes’ listings of the organisation, ADR 0052) to schema:sameAs IRIs', async () => {
    const record = seedInitiative('atemos');
    const json = initiativeToJsonLd(record, { ...initiativeOptions(record), sameAs: ['https://milano.example/initiatives/atemos'] });
    expect(json.sameAs).toEqual(['https://milano.example/initiatives/atemos']);
    const [node] = await jsonld.expand(json, { documentLoader: offlineLoader, safe: true });
    expect(node['https://schema.org/sameAs']).toEqual([{ '@id': 'https://milano.example/initiatives/atemos' }]);
    expect(node['http://www.w3.org/2002/07/owl#sameAs']).toBeUndefined();
    // Without links, no member at all (the documents partners already hold are unchanged).
    expect('sameAs' in initiativeToJsonLd(record, initiativeOptions(record))).toBe(false);
  });

  it('adds itself to a document Fedify built, once', () => {
    const actor = {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      id: 'https://liege.example/actors/node',
    };
    const merged = withUmnContext(withUmnContext(actor));
    expect(merged['@context']).toEqual(['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1', UMN_CONTEXT]);
    expect(actor['@context']).toHaveLength(2);
  });
});
