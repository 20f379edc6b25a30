import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { LanguageString, Object as APObject, Organization } from '@fedify/vocab';
import { initiativeFromJsonLd, initiativeToJsonLd, publicInitiativeRecord } from './initiative-jsonld.ts';
import {
  catalog,
  cityCentreOf,
  initiativeOptions,
  NODE_ACTOR_ID,
  NODE_ID,
  overTheWire,
  PUBLISHED,
  seedInitiative,
  seeds,
  UPDATED,
} from './jsonld-test-fixtures.ts';
import { DOCUMENT_CONTEXT } from './umn-context.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';

const read = (json: unknown, record: InitiativeRecord) =>
  initiativeFromJsonLd(json, { catalog, nodeHandle: 'liege', cityCentre: cityCentreOf(record) });

describe('initiative JSON-LD round trip', () => {
  it.each(seeds.initiatives.map((s) => [s.record.handle, s.record] as const))(
    '%s comes back as its public projection, valid',
    (_handle, record) => {
      const json = initiativeToJsonLd(record, initiativeOptions(record));
      const result = read(overTheWire(json), record);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.record).toEqual(publicInitiativeRecord(record, cityCentreOf(record)));
    },
  );

  it.each(seeds.initiatives.map((s) => [s.record.handle, s.record] as const))('%s sends no private field', (_handle, record) => {
    // Without the context, which names every term (including "migrantLed").
    const text = JSON.stringify({ ...initiativeToJsonLd(record, initiativeOptions(record)), '@context': undefined });
    const visibility = record.contact?.visibility ?? {};
    if (record.contact?.email && visibility.email !== 'public') expect(text).not.toContain(record.contact.email);
    if (record.contact?.phone && visibility.phone !== 'public') expect(text).not.toContain(record.contact.phone);
    if (record.migrantLed && !record.migrantLed.consentToPublish) {
      expect(text).not.toContain('"migrantLed"');
      for (const governance of Object.values(record.migrantLed.governance ?? {})) expect(text).not.toContain(governance);
    }
    expect(text).not.toContain('consentToPublish');
    expect(text).not.toContain('visibility');
  });
});

describe('initiative privacy', () => {
  const secret = (): InitiativeRecord => ({
    ...seedInitiative('univerbal'),
    contact: {
      email: 'someone.private@example.org',
      phone: '+32 470 11 22 33',
      relay: true,
      visibility: { email: 'signed-in', phone: 'private' },
    },
    location: {
      locality: 'Liège',
      country: 'BE',
      neighbourhood: 'Secret-Quartier',
      streetAddress: 'Rue Secrète 12',
      postalCode: 'PC-4020X',
      precision: 'city',
      geo: { lat: 50.64123, lon: 5.58456 },
    },
    migrantLed: { declared: true, consentToPublish: false, governance: { fr: 'Gouvernance confidentielle' } },
  });

  it('leaves out signed-in and private contact, a street address at city precision and migrant-led without consent', () => {
    const record = secret();
    const text = JSON.stringify({
      ...initiativeToJsonLd(record, { ...initiativeOptions(record), cityCentre: undefined }),
      '@context': undefined,
    });
    for (const hidden of [
      'someone.private@example.org',
      '+32 470 11 22 33',
      'Secret-Quartier',
      'Rue Secrète',
      'PC-4020X',
      '50.64123',
      '5.58456',
      'Gouvernance confidentielle',
      '"migrantLed"',
    ]) {
      expect(text).not.toContain(hidden);
    }
    // The point is rounded to the city (one decimal) and the relay is offered instead.
    expect(text).toContain('"latitude":50.6');
    expect(text).toContain('"contactRelay":true');
  });

  it('never attaches a published migrant-led flag to a street address', () => {
    const record: InitiativeRecord = {
      ...secret(),
      location: { ...secret().location, precision: 'address' },
      migrantLed: { declared: true, consentToPublish: true },
    };
    const json = initiativeToJsonLd(record, initiativeOptions(record));
    const text = JSON.stringify(json);
    expect(json.migrantLed).toBe(true);
    expect(text).not.toContain('Rue Secrète');
    expect(text).toContain('"locationPrecision":"neighbourhood"');
  });

  it('keeps from a received document only what a public view would have', () => {
    const record = seedInitiative('univerbal');
    const json = initiativeToJsonLd(record, initiativeOptions(record)) as Record<string, any>;
    const tampered = {
      ...json,
      hasAddress: { ...json.hasAddress, streetAddress: 'Rue Reçue 1', postalCode: '4000' },
      migrantLed: undefined,
    };
    const { record: received, valid } = read(overTheWire(tampered), record);
    expect(valid).toBe(true);
    expect(received.location.streetAddress).toBeUndefined();
    expect(received.location.postalCode).toBeUndefined();
    // migrantLedGovernance was still there, but without the flag it is not copied.
    expect(received.migrantLed).toBeUndefined();
  });
});

describe('what Fedify (and so Mastodon-like consumers) read', () => {
  it('parses Univerbal as an Organization with its names, summary, url and author', async () => {
    const record = seedInitiative('univerbal');
    const json = initiativeToJsonLd(record, initiativeOptions(record));
    const org = await Organization.fromJsonLd(json);
    expect(org).toBeInstanceOf(Organization);
    expect(org.id?.href).toBe('https://liege.example/initiatives/univerbal');
    expect(org.name?.toString()).toBe('Univerbal');
    const locales = org.names.map((n) => (n instanceof LanguageString ? n.locale.baseName : 'plain'));
    expect(locales.sort()).toEqual(['en', 'fr', 'plain']);
    expect(org.summary?.toString()).toBe(record.summary.fr);
    expect(org.summaries.some((s) => s instanceof LanguageString && s.locale.baseName === 'en' && s.toString() === record.summary.en)).toBe(
      true,
    );
    expect(org.url).toBeInstanceOf(URL);
    expect((org.url as URL).href).toBe('https://liege.example/initiatives/univerbal');
    expect(org.attributionId?.href).toBe(NODE_ACTOR_ID);
    expect(org.published?.toString()).toBe(PUBLISHED);
    expect(org.updated?.toString()).toBe(UPDATED);
    expect(org.content?.toString()).toMatch(/^<p>Univerbal est un projet/);
  });

  it.each(seeds.initiatives.map((s) => [s.record.handle, s.record] as const))(
    'parses %s, also as a generic object, keeping our terms in the raw JSON',
    async (_handle, record) => {
      const json = initiativeToJsonLd(record, initiativeOptions(record));
      const object = await APObject.fromJsonLd(overTheWire(json));
      expect(object).toBeInstanceOf(Organization);
      // toJsonLd() without a format returns the document as received (brief §7): our terms survive.
      expect(await object.toJsonLd()).toEqual(overTheWire(json));
    },
  );
});

describe('initiativeFromJsonLd on bad input', () => {
  const good = () =>
    overTheWire(initiativeToJsonLd(seedInitiative('univerbal'), initiativeOptions(seedInitiative('univerbal')))) as Record<string, any>;
  const readBad = (json: unknown) => initiativeFromJsonLd(json, { catalog, nodeHandle: 'liege' });
  const codes = (json: unknown) => readBad(json).errors.map((e) => `${e.field}:${e.code}`);

  it.each([null, undefined, 42, 'text', [], [1, 2], { type: 'Article', id: 'https://x.example/a' }])(
    'refuses %j without throwing',
    (input) => {
      const result = readBad(input);
      expect(result.valid).toBe(false);
      expect(result.errors.map((e) => e.code)).toEqual(['NOT_AN_INITIATIVE']);
    },
  );

  it('reports a missing name', () => {
    const { name: _name, nameMap: _nameMap, ...json } = good();
    const result = readBad(json);
    expect(result.valid).toBe(false);
    expect(codes(json)).toContain('name:REQUIRED');
  });

  it('reports values of the wrong type and reads the rest', () => {
    const json = {
      ...good(),
      nameMap: 'Univerbal',
      legalForm: 42,
      knowsLanguage: { ar: true },
      hasAddress: 'Liège',
      keyFigure: [{ value: 'many' }],
      migrantLed: 'yes',
      summaryMap: { fr: 12 },
    };
    const result = readBad(json);
    expect(result.valid).toBe(false);
    expect(codes(json)).toEqual(
      expect.arrayContaining([
        'name:WRONG_TYPE',
        'legalForm:WRONG_TYPE',
        'languagesOffered.0:WRONG_TYPE',
        'location:WRONG_TYPE',
        'keyFigures.0.value:WRONG_TYPE',
        'migrantLed:WRONG_TYPE',
        'summary.fr:WRONG_TYPE',
        'legalForm:REQUIRED',
      ]),
    );
  });

  it('reports a 2 MB string as too long, and strips 2 MB of "<" quickly', () => {
    const huge = 'x'.repeat(2_000_000);
    expect(codes({ ...good(), nameMap: { fr: huge } })).toContain('name.fr:TOO_LONG');
    const started = performance.now();
    const result = readBad({ ...good(), contentMap: { fr: '<'.repeat(2_000_000) }, content: undefined });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toContain('description.fr:TOO_LONG');
  });

  it('keeps a "__proto__" language key as data, for the validator to refuse', () => {
    const result = readBad({ ...good(), nameMap: JSON.parse('{"__proto__": "x", "fr": "Univerbal"}') });
    expect(Object.getPrototypeOf(result.record.name)).toBe(Object.prototype);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.field)).toContain('name.__proto__');
  });

  it('drops an unknown taxonomy IRI with an error entry and keeps the record valid', () => {
    const json = good();
    json.additionalSectors = [...json.additionalSectors, 'http://purl.org/essglobal/standard/activities-modified/AM999'];
    json.qualifier = [...json.qualifier, 'https://other.example/qualifiers/new'];
    const result = readBad(json);
    expect(result.valid).toBe(true);
    expect(result.record.additionalSectors).toEqual(['AM40']);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'additionalSectors.1:UNKNOWN_CONCEPT',
      'qualifiers.3:UNKNOWN_CONCEPT',
    ]);
  });

  it('ignores unknown terms from a newer node', () => {
    const record = seedInitiative('univerbal');
    const json = {
      ...good(),
      '@context': [...DOCUMENT_CONTEXT, { future: 'https://umn-registry.org/ns#future' }],
      future: { deeply: ['nested'] },
      'umn:other': 1,
    };
    const result = read(json, record);
    expect(result.errors).toEqual([]);
    expect(result.record).toEqual(publicInitiativeRecord(record, cityCentreOf(record)));
  });

  it('refuses an id with no path segment, and references to records of other nodes', () => {
    expect(codes({ ...good(), id: 'https://liege.example/' })).toContain('handle:INVALID_ID');
    expect(readBad({ ...good(), id: 'not an iri' }).valid).toBe(false);
    const foreign = readBad({
      ...good(),
      isReferencedBy: ['https://elsewhere.example/practices/x', 'https://liege.example/practices/liege-pt7-third-place'],
    });
    expect(foreign.record.practices).toEqual(['liege-pt7-third-place']);
    expect(foreign.errors.map((e) => e.code)).toEqual(['FOREIGN_REFERENCE']);
  });
});

describe('initiative wire format', () => {
  it.each(['univerbal', 'atemos'])('%s', async (handle) => {
    const record = seedInitiative(handle);
    const json = initiativeToJsonLd(record, initiativeOptions(record));
    expect(json['@context']).toEqual(DOCUMENT_CONTEXT);
    expect(json.isPartOf).toBe(NODE_ID);
    // The context is pinned by schemas/jsonld/umn-registry-context.jsonld itself.
    const pinned = { ...json, '@context': ['https://www.w3.org/ns/activitystreams', 'schemas/jsonld/umn-registry-context.jsonld'] };
    await expect(`${JSON.stringify(pinned, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/initiative-${handle}.jsonld`);
  });
});
