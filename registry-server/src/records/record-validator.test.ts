// The validation layer: field-level errors that say what to fix, for every write path.
import { describe, expect, it } from 'vitest';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { RecordValidator } from './record-validator.ts';

const validator = new RecordValidator(TaxonomyCatalog.load());

const valid = () => ({
  handle: 'kitchen-coop',
  name: { fr: 'Cuisine solidaire', ar: 'مطبخ تضامني' },
  summary: { fr: 'Des repas solidaires à emporter.' },
  originalLanguage: 'fr',
  legalForm: 'L1',
  primarySector: 'AM60',
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
  node: 'liege',
});

const fieldsOf = (errors: Array<{ field: string; code: string }>) => errors.map((e) => `${e.field}:${e.code}`);

describe('RecordValidator', () => {
  it('accepts a minimal valid initiative', () => {
    expect(validator.validate('initiative', valid())).toEqual([]);
  });

  it('reports every missing required field by name', () => {
    const errors = validator.validate('initiative', { handle: 'x' });
    expect(fieldsOf(errors)).toEqual(
      expect.arrayContaining(['name:REQUIRED', 'summary:REQUIRED', 'legalForm:REQUIRED', 'location:REQUIRED', 'node:REQUIRED']),
    );
    expect(errors.find((e) => e.field === 'name')?.message).toBe('is required.');
  });

  it('refuses oversized text with the limit in the message', () => {
    const record = { ...valid(), summary: { fr: 'x'.repeat(1_001) } };
    const [error] = validator.validate('initiative', record);
    expect(error).toEqual({ field: 'summary.fr', code: 'TOO_LONG', message: 'must be at most 1000 characters.' });
  });

  it('refuses invalid language tags in maps and lists', () => {
    const record = { ...valid(), name: { fr: 'ok', en_GB: 'x' }, languagesOffered: ['ar', 'klingon-language-x'] };
    const errors = validator.validate('initiative', record);
    expect(fieldsOf(errors)).toEqual(expect.arrayContaining(['name.en_GB:INVALID_LANGUAGE_TAG']));
    const onlyList = validator.validate('initiative', { ...valid(), languagesOffered: ['ar', 'zz-notreal-toolongsubtag'] });
    expect(fieldsOf(onlyList)).toEqual(expect.arrayContaining(['languagesOffered.1:INVALID_FORMAT']));
  });

  it('refuses unknown taxonomy codes and lists the valid ones', () => {
    const errors = validator.validate('initiative', { ...valid(), primarySector: 'AM999', needs: [{ type: 'rocket' }] });
    expect(fieldsOf(errors)).toEqual(['primarySector:UNKNOWN_CODE', 'needs.0.type:UNKNOWN_CODE']);
    expect(errors[0]!.message).toContain('AM10');
    expect(errors[1]!.message).toContain('kitchen');
  });

  it('refuses unknown fields, wrong types and unknown countries', () => {
    const errors = validator.validate('initiative', {
      ...valid(),
      members: ['a person'],
      status: 'thriving',
      location: { locality: 'Liège', country: 'XX', precision: 'city' },
    });
    expect(fieldsOf(errors)).toEqual(expect.arrayContaining(['members:UNKNOWN_FIELD', 'status:NOT_ALLOWED']));
    const country = validator.validate('initiative', { ...valid(), location: { locality: 'Liège', country: 'XX', precision: 'city' } });
    expect(fieldsOf(country)).toEqual(['location.country:UNKNOWN_COUNTRY']);
    const types = validator.validate('initiative', { ...valid(), name: 'Cuisine' });
    expect(fieldsOf(types)).toEqual(['name:WRONG_TYPE']);
  });

  it('refuses codes ICU names that are not countries (EU, UN, ZZ, pseudo-locales, withdrawn codes)', () => {
    for (const code of ['EU', 'EZ', 'UN', 'ZZ', 'XA', 'QO', 'SU', 'YU', 'be']) {
      const errors = validator.validate('initiative', { ...valid(), location: { locality: 'Liège', country: code, precision: 'city' } });
      expect(fieldsOf(errors), code).toEqual([code === 'be' ? 'location.country:INVALID_FORMAT' : 'location.country:UNKNOWN_COUNTRY']);
    }
    for (const code of ['BE', 'IT', 'XK', 'PS', 'SS'])
      expect(validator.validate('initiative', { ...valid(), location: { locality: 'x', country: code, precision: 'city' } }), code).toEqual(
        [],
      );
  });

  it('explains bad handles, e-mails and dates in words', () => {
    const errors = validator.validate('initiative', {
      ...valid(),
      handle: 'Cuisine Solidaire',
      startDate: '19/07/2019',
      contact: { email: 'not-an-address' },
    });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField.handle).toMatch(/lower-case letters/);
    expect(byField.startDate).toMatch(/2019-07-01/);
    expect(byField['contact.email']).toMatch(/e-mail address/);
  });

  it('refuses dates that do not exist on the calendar, in every date field, and keeps real ones', () => {
    // The pattern alone lets a 30 February or a 31 April through.
    const initiative = validator.validate('initiative', {
      ...valid(),
      startDate: '2021-02-30',
      sources: [{ title: 'Leaflet', date: '2023-04-31' }],
    });
    expect(fieldsOf(initiative)).toEqual(['startDate:INVALID_DATE', 'sources.0.date:INVALID_DATE']);
    expect(initiative[0]?.message).toMatch(/does not exist.*2021-02/);
    const practice = validator.validate('good-practice', {
      handle: 'p',
      practiceType: 'PT1',
      title: { fr: 't' },
      summary: { fr: 's' },
      originalLanguage: 'fr',
      location: { locality: 'Milano', country: 'IT' },
      node: 'milan',
      period: { startDate: '2023-02-29', endDate: '2024-02-29' },
    });
    expect(fieldsOf(practice)).toEqual(['period.startDate:INVALID_DATE']);
    for (const real of ['2017', '2018-02', '2024-02-29', '2019-07-31', '2000-02-29'])
      expect(validator.validate('initiative', { ...valid(), startDate: real })).toEqual([]);
    expect(fieldsOf(validator.validate('initiative', { ...valid(), startDate: '1900-02-29' }))).toEqual(['startDate:INVALID_DATE']);
  });

  it('validates good practices and city nodes with their own taxonomies', () => {
    const practice = {
      handle: 'p',
      practiceType: 'PT11',
      title: { fr: 't' },
      summary: { fr: 's' },
      originalLanguage: 'fr',
      location: { locality: 'Milano', country: 'IT' },
      node: 'milan',
      actors: [{ name: 'Comune', role: 'mayor' }],
    };
    expect(fieldsOf(validator.validate('good-practice', practice))).toEqual(['practiceType:UNKNOWN_CODE', 'actors.0.role:UNKNOWN_CODE']);
    const node = { handle: 'x', name: { it: 'x' }, locality: 'Trieste', country: 'IT', defaultLanguages: [] };
    expect(fieldsOf(validator.validate('city-node', node))).toEqual(['defaultLanguages:REQUIRED']);
  });
});
