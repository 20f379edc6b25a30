import { describe, expect, it } from 'vitest';
import { fieldOfHeader, mappingProblems, proposeMapping } from './column-mapping.ts';

describe('the proposed column mapping', () => {
  it('knows the fields by their names in the languages of the site, with accents, case and separators as written', () => {
    const cases: Array<[string, string]> = [
      ['Nom', 'name'],
      ['NOME', 'name'],
      ['Όνομα', 'name'],
      ['Име', 'name'],
      ['الاسم', 'name'],
      ['Naam', 'name'],
      ['Résumé', 'summary'],
      ['Ville', 'locality'],
      ['Città', 'locality'],
      ['Πόλη', 'locality'],
      ['Pays', 'country'],
      ['country_iso_3166', 'country'],
      ['Site web', 'website'],
      ['primary_url', 'website'],
      ['E-mail', 'email'],
      ['Forme juridique', 'legalForm'],
      ['Secteur', 'primarySector'],
      ['Langues', 'languagesOffered'],
      ['Lat', 'latitude'],
      ['lng', 'longitude'],
      ['Date de création', 'startDate'],
    ];
    for (const [header, field] of cases) expect(fieldOfHeader(header)?.field, header).toBe(field);
    expect(fieldOfHeader('Favourite colour')).toBeNull();
  });

  it('reads a language after a text field, and only after a text field', () => {
    expect(fieldOfHeader('name (fr)')).toEqual({ field: 'name', language: 'fr' });
    expect(fieldOfHeader('Summary_EN')).toEqual({ field: 'summary', language: 'en' });
    expect(fieldOfHeader('description [ar]')).toEqual({ field: 'description', language: 'ar' });
    expect(fieldOfHeader('nom - nl')).toEqual({ field: 'name', language: 'nl' });
    // "Postal code" is not a "postal" text in the language "code".
    expect(fieldOfHeader('Postal code')).toEqual({ field: 'postalCode' });
  });

  it('proposes each field once: the first column wins', () => {
    expect(proposeMapping(['Name', 'Nom', 'Name (en)', 'Other']).map((c) => c.field)).toEqual(['name', null, 'name', null]);
  });

  it('finds the problems of a mapping sent back', () => {
    const problems = mappingProblems(
      [
        { column: 0, field: 'name' },
        { column: 1, field: 'name' },
        { column: 2, field: 'country', language: 'fr' },
        { column: 7, field: 'website' },
        { column: 3, field: 'summary', language: 'not a tag!' },
      ],
      4,
    );
    expect(problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'mapping.1 CHOSEN_TWICE',
      'mapping.2 INVALID_LANGUAGE_TAG',
      'mapping.7 UNKNOWN_COLUMN',
      'mapping.3 INVALID_LANGUAGE_TAG',
    ]);
  });
});
