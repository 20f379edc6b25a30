// The contracts in schemas/: every GraphQL type and field is documented, and the taxonomies
// keep ESSGlobal's codes exactly, with labels in every language the registry serves.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../registry-server/src/graphql/graphql-schema.ts';
import { TaxonomyCatalog, TAXONOMY_IDS } from '../registry-server/src/taxonomies/taxonomy-catalog.ts';

const REQUIRED_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'];
const SCRIPTS: Record<string, RegExp> = { el: /\p{Script=Greek}/u, bg: /\p{Script=Cyrillic}/u, ar: /\p{Script=Arabic}/u };

describe('GraphQL SDL', () => {
  const schema = buildSchema(loadTypeDefs());

  it('documents every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});

describe('taxonomies', () => {
  const catalog = TaxonomyCatalog.load();

  it('has every taxonomy the records use', () => {
    expect(catalog.all().map((t) => t.id)).toEqual([...TAXONOMY_IDS]);
  });

  it('labels every concept in the nine registry languages, in the right script', () => {
    for (const taxonomy of catalog.all()) {
      for (const concept of taxonomy.concepts) {
        for (const lang of REQUIRED_LANGUAGES) expect(concept.labels[lang]?.trim(), `${taxonomy.id}/${concept.code}/${lang}`).toBeTruthy();
        for (const [lang, script] of Object.entries(SCRIPTS))
          expect(concept.labels[lang], `${taxonomy.id}/${concept.code}/${lang}`).toMatch(script);
        for (const lang of concept.translatedByUs) expect(Object.keys(concept.labels)).toContain(lang);
      }
    }
  });

  it('keeps the ESSGlobal concept codes exactly as the published SKOS files', () => {
    // The published SKOS files our taxonomies come from, kept in the repository for provenance.
    const vocabularies = join(import.meta.dirname, '..', 'schemas', 'taxonomies', 'sources', 'essglobal');
    const files: Record<string, string> = {
      sector: 'activities-modified.skos',
      activity: 'activities.skos',
      'legal-form': 'legal-form.skos',
      'organisational-structure': 'organisational-structure.skos',
      qualifier: 'qualifiers.skos',
      'base-membership-type': 'base-membership-type.skos',
    };
    const available = readdirSync(vocabularies);
    for (const [id, file] of Object.entries(files)) {
      expect(available).toContain(file);
      const skos = readFileSync(join(vocabularies, file), 'utf8');
      const codes = [...skos.matchAll(/<skos:Concept rdf:about="([^"]+)"/g)].map((m) => m[1]);
      expect(catalog.codes(id as never).sort(), id).toEqual(codes.sort());
    }
  });

  it('has the ten UMN practice types in the guide order', () => {
    expect(catalog.codes('practice-type')).toEqual(['PT1', 'PT2', 'PT3', 'PT4', 'PT5', 'PT6', 'PT7', 'PT8', 'PT9', 'PT10']);
    expect(catalog.concept('practice-type', 'PT6')?.definitions?.fr).toMatch(/marchés publics/);
  });
});
