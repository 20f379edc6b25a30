import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { Article, LanguageString } from '@fedify/vocab';
import { goodPracticeFromJsonLd, goodPracticeToJsonLd } from './good-practice-jsonld.ts';
import { catalog, NODE_ACTOR_ID, overTheWire, practiceOptions, seedPractice, seeds } from './jsonld-test-fixtures.ts';
import { compact } from './compact.ts';

const read = (json: unknown) => goodPracticeFromJsonLd(json, { catalog, nodeHandle: 'liege' });
const pt6 = () => seedPractice('liege-pt6-public-procurement');
const pt6Json = () => overTheWire(goodPracticeToJsonLd(pt6(), practiceOptions(pt6()))) as Record<string, any>;

describe('good practice JSON-LD', () => {
  it.each(seeds.practices.map((s) => [s.record.handle, s.record] as const))('%s round-trips, valid', (_handle, record) => {
    const result = read(overTheWire(goodPracticeToJsonLd(record, practiceOptions(record))));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.record).toEqual(compact(record));
  });

  it.each(seeds.practices.map((s) => [s.record.handle, s.record] as const))(
    '%s parses with Fedify as an Article',
    async (_handle, record) => {
      const article = await Article.fromJsonLd(goodPracticeToJsonLd(record, practiceOptions(record)));
      expect(article).toBeInstanceOf(Article);
      expect(article.name?.toString()).toBe(record.title[record.originalLanguage]);
    },
  );

  it('gives Mastodon-like readers the title, summary, link and author of PT6', async () => {
    const record = pt6();
    const article = await Article.fromJsonLd(goodPracticeToJsonLd(record, practiceOptions(record)));
    expect(article.name?.toString()).toBe(record.title.fr);
    expect(
      article.names
        .filter((n) => n instanceof LanguageString)
        .map((n) => (n as LanguageString).locale.baseName)
        .sort(),
    ).toEqual(['en', 'fr']);
    expect(article.summary?.toString()).toBe(record.summary.fr);
    expect((article.url as URL).href).toBe('https://liege.example/practices/liege-pt6-public-procurement');
    expect(article.attributionId?.href).toBe(NODE_ACTOR_ID);
  });

  it('names linked initiatives and actor roles by IRI', () => {
    const json = pt6Json();
    expect(json.references).toEqual([
      'https://liege.example/initiatives/univerbal',
      'https://liege.example/initiatives/sirius-hub',
      'https://liege.example/initiatives/siriuscoop',
    ]);
    expect(json.involvedActor[0].actorRole).toBe('https://umn-registry.org/ns/actor-role/city');
    expect(json.practiceType).toBe('https://umn-registry.org/ns/practice-type/PT6');
    const custom = goodPracticeToJsonLd(pt6(), {
      ...practiceOptions(pt6()),
      recordIri: (kind, handle) => `https://other.example/${kind}/x-${handle}`,
    });
    expect(custom.references).toContain('https://other.example/initiatives/x-univerbal');
  });

  it('reports bad input without throwing', () => {
    for (const input of [null, 'text', 3, [pt6Json()], { ...pt6Json(), type: 'Note' }]) {
      expect(read(input)).toMatchObject({ valid: false, errors: [{ code: 'NOT_A_PRACTICE' }] });
    }
    const { nameMap: _n, name: _m, ...untitled } = pt6Json();
    expect(read(untitled).errors.map((e) => `${e.field}:${e.code}`)).toContain('title:REQUIRED');
    expect(read({ ...pt6Json(), id: 'https://liege.example' }).errors.map((e) => e.code)).toContain('INVALID_ID');
    expect(read({ ...pt6Json(), summaryMap: { fr: 'y'.repeat(2_000_000) } }).errors.map((e) => `${e.field}:${e.code}`)).toContain(
      'summary.fr:TOO_LONG',
    );
    const wrong = read({ ...pt6Json(), startDate: 2021, regularService: 'often', involvedActor: 'the city', location: 7 });
    expect(wrong.valid).toBe(false);
    expect(wrong.errors.map((e) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining([
        'period.startDate:WRONG_TYPE',
        'period.regularService:WRONG_TYPE',
        'actors.0:WRONG_TYPE',
        'location:WRONG_TYPE',
        'location.locality:REQUIRED',
        'location.country:REQUIRED',
      ]),
    );
  });

  it('drops an unknown practice type (then the record is invalid) and an actor of unknown role', () => {
    const result = read({
      ...pt6Json(),
      practiceType: 'https://umn-registry.org/ns/practice-type/PT11',
      involvedActor: [{ ...pt6Json().involvedActor[0], actorRole: 'https://umn-registry.org/ns/actor-role/guild' }],
    });
    expect(result.valid).toBe(false);
    expect(result.record.actors).toBeUndefined();
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining(['practiceType:UNKNOWN_CONCEPT', 'actors.0.role:UNKNOWN_CONCEPT', 'practiceType:REQUIRED']),
    );
  });

  it('PT6 wire format', async () => {
    const json = {
      ...goodPracticeToJsonLd(pt6(), practiceOptions(pt6())),
      '@context': ['https://www.w3.org/ns/activitystreams', 'schemas/jsonld/umn-registry-context.jsonld'],
    };
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/practice-liege-pt6-public-procurement.jsonld');
  });
});
