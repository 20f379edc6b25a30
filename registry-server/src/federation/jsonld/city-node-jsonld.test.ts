import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { LanguageString, Organization, Place } from '@fedify/vocab';
import { cityNodeFromJsonLd, cityNodeProfileJsonLd, cityNodeToJsonLd } from './city-node-jsonld.ts';
import { catalog, liege, overTheWire, seeds } from './jsonld-test-fixtures.ts';
import { compact } from './compact.ts';
import { withUmnContext } from './umn-context.ts';

const ID = 'https://liege.example/actors/node';

describe('city node JSON-LD', () => {
  it.each(seeds.nodes.map((n) => [n.record.handle, n.record] as const))('%s round-trips, valid', (handle, record) => {
    const result = cityNodeFromJsonLd(overTheWire(cityNodeToJsonLd(record, { id: ID, catalog })), { catalog, handle });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.record).toEqual(compact(record));
  });

  it("round-trips the organisation's contact (schema:email, schema:address)", () => {
    const record = { ...liege, contact: { email: 'contact@liege.example', address: 'Place du Marché 2, 4000 Liège' } };
    const json = cityNodeToJsonLd(record, { id: ID, catalog }) as Record<string, unknown>;
    expect(json.email).toBe('contact@liege.example');
    const result = cityNodeFromJsonLd(overTheWire(json), { catalog, handle: 'liege' });
    expect(result.valid).toBe(true);
    expect(result.record.contact).toEqual(record.contact);
  });

  it('merges into an actor document Fedify reads, with the city as an as:Place', async () => {
    const actor = withUmnContext({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: ID,
      type: 'Organization',
      preferredUsername: 'registry',
      name: 'UMN Liège',
      ...cityNodeProfileJsonLd(liege, catalog),
    });
    const org = await Organization.fromJsonLd(actor);
    expect(org.preferredUsername?.toString()).toBe('registry');
    const place = await org.getLocation();
    expect(place).toBeInstanceOf(Place);
    expect(place?.name?.toString()).toBe('Liège');
    expect((place as Place).latitude).toBe(50.6453);
    expect(place?.names.some((n) => n instanceof LanguageString && n.locale.baseName === 'nl' && n.toString() === 'Luik')).toBe(true);
  });

  it('names operators with role IRIs, the licence by its SPDX IRI and networks as essglobal:Network', () => {
    const json = cityNodeProfileJsonLd(liege, catalog) as Record<string, any>;
    expect(json.provider[0]).toEqual({
      type: 'schema:Organization',
      name: 'Ville de Liège',
      actorRole: 'https://umn-registry.org/ns/actor-role/city',
      url: 'https://www.liege.be/fr',
    });
    expect(json.license).toBe('http://spdx.org/licenses/CC-BY-4.0');
    expect(json.isPartOf).toEqual([{ type: 'essglobal:Network', name: 'Union Migrant Net' }]);
    expect(json).not.toHaveProperty('@context');
  });

  it('takes the handle from the id unless given, and reports bad input without throwing', () => {
    const json = overTheWire(cityNodeToJsonLd(liege, { id: 'https://liege.example/nodes/liege', catalog })) as Record<string, unknown>;
    expect(cityNodeFromJsonLd(json, { catalog }).record.handle).toBe('liege');
    expect(cityNodeFromJsonLd({ ...json, id: 'https://liege.example/' }, { catalog }).errors.map((e) => e.code)).toContain('INVALID_ID');
    for (const input of [null, 'liege', 42, [json]])
      expect(cityNodeFromJsonLd(input, { catalog, handle: 'x' })).toMatchObject({ valid: false, errors: [{ code: 'NOT_A_NODE' }] });
    const bad = cityNodeFromJsonLd(
      { ...json, inLanguage: 7, provider: [{ name: 'Guild', actorRole: 'https://umn-registry.org/ns/actor-role/guild' }] },
      { catalog },
    );
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'defaultLanguages.0:WRONG_TYPE',
      'operators.0.role:UNKNOWN_CONCEPT',
      'defaultLanguages:REQUIRED',
    ]);
  });

  it('Liège node wire format', async () => {
    const json = {
      ...cityNodeToJsonLd(liege, { id: ID, catalog }),
      '@context': ['https://www.w3.org/ns/activitystreams', 'schemas/jsonld/umn-registry-context.jsonld'],
    };
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/node-liege.jsonld');
  });
});
