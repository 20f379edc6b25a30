import { describe, expect, it } from 'vitest';
import { compareRecords } from './record-comparison.ts';
import { diffRecords } from './record-diff.ts';

const base = {
  handle: 'univerbal',
  node: 'liege',
  name: { fr: 'Univerbal', en: 'Univerbal' },
  summary: { fr: 'Interprétariat social.', en: 'Social interpreting.' },
  additionalSectors: ['AM40'],
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
  contact: { phone: '04/232 02 92', relay: true, visibility: { phone: 'public' } },
  needs: [{ type: 'funding', description: { fr: 'Un financement.', en: 'Funding.' } }, { type: 'space' }],
};

describe('compareRecords: what changed, value by value', () => {
  it('lists nothing for the same record written differently (key order, defaults, empty lists and maps)', () => {
    const same = {
      contact: { visibility: { email: 'private', phone: 'public' }, relay: true, phone: '04/232 02 92' },
      needs: [
        { type: 'funding', description: { en: 'Funding.', fr: 'Un financement.' } },
        { type: 'space', description: {} },
      ],
      location: { country: 'BE', locality: 'Liège', precision: 'city' },
      summary: { en: 'Social interpreting.', fr: 'Interprétariat social.' },
      name: { en: 'Univerbal', fr: 'Univerbal' },
      additionalSectors: ['AM40'],
      activities: [],
      alternateNames: [],
      description: {},
      migrantLed: { declared: false, consentToPublish: false },
      node: 'liege',
      handle: 'univerbal',
    };
    expect(compareRecords(base, same, 'initiative')).toEqual([]);
    expect(diffRecords(base, same, 'initiative')).toEqual([]);
  });

  it('gives one entry per language of a text, with its stable path', () => {
    const after = { ...base, summary: { fr: 'Interprétariat social autogéré.', en: 'Social interpreting.', de: 'Sozialdolmetschen.' } };
    expect(compareRecords(base, after, 'initiative')).toEqual([
      {
        path: 'summary.fr',
        field: 'summary',
        language: 'fr',
        kind: 'changed',
        before: 'Interprétariat social.',
        after: 'Interprétariat social autogéré.',
        words: null,
        codes: null,
        item: null,
      },
      {
        path: 'summary.de',
        field: 'summary',
        language: 'de',
        kind: 'added',
        before: null,
        after: 'Sozialdolmetschen.',
        words: null,
        codes: null,
        item: null,
      },
    ]);
  });

  it('names the changed part of a structured field, and not the defaults the form wrote beside it', () => {
    // The privacy form sends the whole contact with every default spelled out.
    const after = { ...base, contact: { phone: '04/232 02 92', relay: true, visibility: { email: 'private', phone: 'signed-in' } } };
    expect(compareRecords(base, after, 'initiative')).toEqual([
      {
        path: 'contact.visibility.phone',
        field: 'contact',
        language: null,
        kind: 'changed',
        before: 'public',
        after: 'signed-in',
        words: null,
        codes: null,
        item: null,
      },
    ]);
    expect(diffRecords(base, after, 'initiative').map((c) => c.field)).toEqual(['contact']);
  });

  it('identifies needs by their type, so removing one does not shift the others', () => {
    const after = { ...base, needs: [{ type: 'space' }, { type: 'kitchen' }] };
    expect(compareRecords(base, after, 'initiative').map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ['needs.funding.type', 'removed', 'funding', null],
      ['needs.funding.description.fr', 'removed', 'Un financement.', null],
      ['needs.funding.description.en', 'removed', 'Funding.', null],
      ['needs.kitchen.type', 'added', null, 'kitchen'],
    ]);
  });

  it('says what codes name: taxonomy concepts, languages, countries, and the need an item is', () => {
    const after = {
      ...base,
      location: { ...base.location, country: 'IT' },
      languagesOffered: ['fr', 'ar'],
      needs: [{ type: 'funding', description: { fr: 'Un financement structurel.', en: 'Funding.' } }, { type: 'space' }],
      services: [{ name: { fr: 'Interprétariat' }, languages: ['fa'] }],
    };
    expect(compareRecords(base, after, 'initiative').map((c) => [c.path, c.codes, c.item])).toEqual([
      ['languagesOffered', 'language', null],
      ['location.country', 'country', null],
      ['services.0.name.fr', null, null],
      ['services.0.languages', 'language', null],
      ['needs.funding.description.fr', null, { code: 'funding', codes: 'need' }],
    ]);
    const kitchen = compareRecords(base, { ...base, needs: [{ type: 'kitchen' }] }, 'initiative').find(
      (c) => c.path === 'needs.kitchen.type',
    );
    expect(kitchen).toMatchObject({ codes: 'need', item: { code: 'kitchen', codes: 'need' } });
    expect(compareRecords({ practiceType: 'PT1' }, { practiceType: 'PT6' }, 'goodPractice')[0]?.codes).toBe('practice-type');
  });

  it('compares lists of codes as one value', () => {
    const after = { ...base, additionalSectors: ['AM40', 'AM50'] };
    expect(compareRecords(base, after, 'initiative')).toEqual([
      {
        path: 'additionalSectors',
        field: 'additionalSectors',
        language: null,
        kind: 'changed',
        before: 'AM40',
        after: 'AM40, AM50',
        words: null,
        codes: 'sector',
        item: null,
      },
    ]);
  });

  it('marks words added and removed in long texts, keeping every character', () => {
    const before = 'Social interpreting service run by interpreters of migrant origin in Liège, in 33 languages.';
    const after = 'Social interpreting service self-managed by interpreters of migrant origin in Liège, in 35 languages.';
    const [change] = compareRecords({ ...base, summary: { en: before } }, { ...base, summary: { en: after } }, 'initiative');
    expect(change?.path).toBe('summary.en');
    const words = change?.words ?? [];
    expect(
      words
        .filter((w) => w.kind !== 'added')
        .map((w) => w.text)
        .join(''),
    ).toBe(before);
    expect(
      words
        .filter((w) => w.kind !== 'removed')
        .map((w) => w.text)
        .join(''),
    ).toBe(after);
    expect(words.filter((w) => w.kind === 'removed').map((w) => w.text.trim())).toEqual(['run', '33']);
    expect(words.filter((w) => w.kind === 'added').map((w) => w.text.trim())).toEqual(['self-managed', '35']);
  });

  it('keeps word marks bounded on texts that share nothing: whole texts removed and added', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const started = Date.now();
    const [change] = compareRecords({ ...base, description: { en: a } }, { ...base, description: { en: b } }, 'initiative');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(
      change?.words
        ?.filter((w) => w.kind !== 'added')
        .map((w) => w.text)
        .join(''),
    ).toBe(a);
    expect(
      change?.words
        ?.filter((w) => w.kind !== 'removed')
        .map((w) => w.text)
        .join(''),
    ).toBe(b);
  });

  it('lists every value of a new record as added, and of a removed field as removed', () => {
    const added = compareRecords({}, { handle: 'x', name: { fr: 'X' } }, 'initiative');
    expect(added.map((c) => [c.path, c.kind])).toEqual([
      ['handle', 'added'],
      ['name.fr', 'added'],
    ]);
    const { contact: _contact, ...withoutContact } = base;
    expect(compareRecords(base, withoutContact, 'initiative').map((c) => [c.path, c.kind, c.before])).toEqual([
      ['contact.phone', 'removed', '04/232 02 92'],
      ['contact.visibility.phone', 'removed', 'public'],
    ]);
  });

  it('compares good practices with their own text fields', () => {
    const before = { handle: 'p', title: { fr: 'A' }, period: { regularService: true } };
    const after = { handle: 'p', title: { fr: 'B' }, period: { regularService: false } };
    expect(compareRecords(before, after, 'goodPractice').map((c) => [c.path, c.language, c.before, c.after])).toEqual([
      ['title.fr', 'fr', 'A', 'B'],
      ['period.regularService', null, 'true', 'false'],
    ]);
  });
});
