import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { Article, LanguageString, Organization } from '@fedify/vocab';
import { textDirection } from '../../records/language.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';
import { initiativeFromJsonLd, initiativeToJsonLd, publicInitiativeRecord } from './initiative-jsonld.ts';
import { catalog, initiativeOptions, overTheWire, seedInitiative } from './jsonld-test-fixtures.ts';
import { ConceptIris } from './concept-iris.ts';
import { handleFromIri, recordIrisBesides } from '../iri.ts';
import { languageMap, originalText } from './language-maps.ts';

describe('JSON-LD helpers', () => {
  it('maps every taxonomy code to its concept IRI and back', () => {
    const iris = new ConceptIris(catalog);
    for (const taxonomy of catalog.all()) {
      for (const concept of taxonomy.concepts) {
        const iri = iris.iri(taxonomy.id as never, concept.code);
        expect(iri).toBe(catalog.conceptUri(taxonomy.id as never, concept.code));
        expect(iris.code(taxonomy.id as never, iri)).toBe(concept.code);
      }
    }
    expect(iris.iri('legal-form', 'L4')).toBe('http://purl.org/essglobal/standard/legal-form/L4');
    expect(iris.iri('need', 'kitchen')).toBe('https://umn-registry.org/ns/need/kitchen');
    // An IRI of another taxonomy is not a code of this one.
    expect(iris.code('sector', 'http://purl.org/essglobal/standard/legal-form/L4')).toBeUndefined();
  });

  it('takes handles from IRIs and builds sibling IRIs', () => {
    expect(handleFromIri('https://liege.example/initiatives/univerbal')).toBe('univerbal');
    expect(handleFromIri('https://liege.example/initiatives/univerbal/')).toBe('univerbal');
    expect(handleFromIri('https://liege.example/')).toBeUndefined();
    expect(handleFromIri('https://liege.example/a/%E0%A4%A')).toBeUndefined();
    expect(handleFromIri('no iri')).toBeUndefined();
    expect(recordIrisBesides('https://liege.example/initiatives/univerbal')('practices', 'liege-pt7')).toBe(
      'https://liege.example/practices/liege-pt7',
    );
  });

  it('picks the original language for the plain AS value and copies maps', () => {
    expect(originalText({ en: 'Hello', fr: 'Bonjour' }, 'fr')).toBe('Bonjour');
    expect(originalText({ en: 'Hello' }, 'fr')).toBe('Hello');
    expect(languageMap({})).toBeUndefined();
  });
});

describe('right-to-left text', () => {
  const arabic = (): InitiativeRecord => ({
    ...seedInitiative('univerbal'),
    name: { ar: 'يونيفربال', fr: 'Univerbal' },
    summary: { ar: 'خدمة ترجمة شفوية في الوسط الاجتماعي في لييج.', fr: 'Service d’interprétation en milieu social à Liège.' },
    originalLanguage: 'ar',
  });

  it('sends Arabic as "ar" entries and as the plain name when it is the original language', async () => {
    const record = arabic();
    const json = initiativeToJsonLd(record, initiativeOptions(record));
    expect(json.name).toBe('يونيفربال');
    const org = await Organization.fromJsonLd(json);
    const ar = org.names.find((n) => n instanceof LanguageString && n.locale.language === 'ar');
    expect(ar?.toString()).toBe('يونيفربال');
    // Direction is not sent: readers derive it from the language tag, as our web does.
    expect(textDirection('ar')).toBe('rtl');
    expect(JSON.stringify(json)).not.toContain('@direction');
    const back = initiativeFromJsonLd(overTheWire(json), {
      catalog,
      nodeHandle: 'liege',
      cityCentre: initiativeOptions(record).cityCentre,
    });
    expect(back.record).toEqual(publicInitiativeRecord(record, initiativeOptions(record).cityCentre));
  });

  it('Fedify 2.3.6 drops @direction (why we do not send it; revisit if this starts failing)', async () => {
    const json = {
      '@context': ['https://www.w3.org/ns/activitystreams', { '@version': 1.1 }],
      id: 'https://liege.example/practices/x',
      type: 'Article',
      name: { '@value': 'مرحبا', '@language': 'ar', '@direction': 'rtl' },
    };
    const article = await Article.fromJsonLd(json);
    expect(article.name).toBeInstanceOf(LanguageString);
    expect((article.name as LanguageString).locale.baseName).toBe('ar');
    const compacted = await article.toJsonLd({ format: 'compact' });
    expect(JSON.stringify(compacted)).not.toContain('rtl');
  });
});
