import { describe, expect, it } from 'vitest';
import {
  CATALOGS,
  format,
  formatDateTime,
  formatParts,
  languageName,
  parseMessage,
  placeholdersOf,
  pluralBranchesOf,
  pluralCategories,
} from './catalog.ts';
import { AREA_MESSAGES, AREAS } from './messages/areas.ts';
import { UI_LANGUAGES } from './languages.ts';

const reference = CATALOGS.fr;
const referenceKeys = Object.keys(reference).sort();

describe('message catalogues', () => {
  it('exist for every interface language', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  for (const lang of UI_LANGUAGES) {
    describe(lang, () => {
      const messages = CATALOGS[lang];

      it('has exactly the keys of the French catalogue', () => {
        expect(Object.keys(messages).sort()).toEqual(referenceKeys);
      });

      it('has no empty message', () => {
        const empty = Object.entries(messages).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
        expect(empty).toEqual([]);
      });

      it('has only messages of valid syntax ({name} or {name, plural, …} with an "other" form)', () => {
        const invalid = Object.entries(messages).flatMap(([key, text]) => {
          try {
            parseMessage(text);
            return [];
          } catch (error) {
            return [`${key}: ${(error as Error).message}`];
          }
        });
        expect(invalid).toEqual([]);
      });

      it(`writes every plural with exactly the forms ${lang} has (${pluralCategories(lang).join(', ')}), and "=N" forms only besides them`, () => {
        const categories = pluralCategories(lang).sort();
        const wrong = Object.entries(messages).flatMap(([key, text]) =>
          pluralBranchesOf(text)
            .filter(
              ({ selectors }) =>
                selectors
                  .filter((selector) => !selector.startsWith('='))
                  .sort()
                  .join() !== categories.join(),
            )
            .map(({ name, selectors }) => `${key} {${name}}: ${selectors.join(', ')}`),
        );
        expect(wrong).toEqual([]);
      });

      it('uses the same placeholders as the French catalogue', () => {
        const mismatched = referenceKeys.filter(
          (key) =>
            placeholdersOf(messages[key as keyof typeof messages]).join() !==
            placeholdersOf(reference[key as keyof typeof reference]).join(),
        );
        expect(mismatched).toEqual([]);
      });
    });
  }
});

describe('message areas', () => {
  it('give each key to one area only, so a key has one translation per language', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const area of AREAS) {
      for (const key of Object.keys(AREA_MESSAGES[area].fr)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  for (const area of AREAS) {
    it(`${area}: every language has exactly the keys of the French file`, () => {
      const reference = Object.keys(AREA_MESSAGES[area].fr).sort();
      for (const lang of UI_LANGUAGES)
        expect({ lang, keys: Object.keys(AREA_MESSAGES[area][lang]).sort() }).toEqual({ lang, keys: reference });
    });
  }
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{shown} of {total}', { shown: 3, total: 12 })).toBe('3 of 12');
    expect(format('{shown} of {total}', { shown: 3 })).toBe('3 of {total}');
  });

  it('keeps apostrophes and other text as they are', () => {
    expect(format("l'initiative de {city}", { city: 'Liège' })).toBe("l'initiative de Liège");
  });
});

describe('plural messages', () => {
  const sl = CATALOGS.sl.searchResultsCount;
  const ar = CATALOGS.ar.shortlistCount;

  it('choose the Slovenian forms by CLDR rules: one, two (the dual), few, other', () => {
    expect([1, 2, 3, 5, 101, 102].map((count) => format(sl, { count }, 'sl'))).toEqual([
      '1 rezultat',
      '2 rezultata',
      '3 rezultati',
      '5 rezultatov',
      '101 rezultat',
      '102 rezultata',
    ]);
  });

  it('choose the Arabic forms by CLDR rules: zero, one, two, few, many, other', () => {
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect([0, 1, 2, 3, 11, 100].map((count) => format(ar, { count }, 'ar'))).toEqual([
      'لا مبادرات',
      'مبادرة واحدة',
      'مبادرتان',
      `${n(3)} مبادرات`,
      `${n(11)} مبادرة`,
      `${n(100)} مبادرة`,
    ]);
  });

  it('write the number the reader’s way and prefer an exact "=N" form', () => {
    expect(format('{count, plural, =0 {none} one {# item} other {# items}}', { count: 0 }, 'en')).toBe('none');
    expect(format('{count, plural, one {# item} other {# items}}', { count: 1234 }, 'de')).toBe('1.234 items');
    expect(format('{count, plural, one {# résultat} many {# de résultats} other {# résultats}}', { count: 1_000_000 }, 'fr')).toBe(
      '1\u202f000\u202f000 de résultats',
    );
  });

  it('fill other placeholders inside a form, and leave a plural without a number visible', () => {
    expect(format('{city}: {count, plural, one {# result in {city}} other {# results}}', { city: 'Liège', count: 1 }, 'en')).toBe(
      'Liège: 1 result in Liège',
    );
    expect(format('{count, plural, one {# item} other {# items}}', {}, 'en')).toBe('{count}');
  });

  it('refuse malformed messages, saying what to fix', () => {
    expect(() => parseMessage('{count, plural, one {# item}}')).toThrow(/no "other" form/);
    expect(() => parseMessage('{count, plural, one {# item} other {# items}')).toThrow();
    expect(() => parseMessage('{count, plural, single {# item} other {# items}}')).toThrow(/expected zero, one, two, few, many, other/);
    expect(() => parseMessage('a } b')).toThrow(/Unexpected "}"/);
    expect(() => parseMessage('{count, select, a {x} other {y}}')).toThrow(/neither/);
  });

  it('count their number among the placeholders, for the same-placeholders check', () => {
    expect(placeholdersOf('{city}: {count, plural, one {# result} other {# results}}')).toEqual(['city', 'count']);
  });
});

describe('languageName', () => {
  it('names a content language in the reader’s language', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('ar', 'fr')).toBe('arabe');
  });

  it('gives the same name again from memory, per reader’s language, and the tag itself for one ICU refuses', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('fr', 'de')).toBe('Französisch');
    expect(languageName('not a tag!', 'en')).toBe('not a tag!');
    expect(languageName('not a tag!', 'en')).toBe('not a tag!');
    // Far more tags than the memory keeps (any tag a partner's record carries): still right.
    for (let i = 0; i < 3000; i++) languageName(`x-t${i}`, 'en');
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(languageName('uk', 'it')).toBe('ucraino');
  });
});

describe('formatParts', () => {
  it('cuts a message at the placeholders that have values', () => {
    expect(formatParts('Sign in with {email}.', { email: 'a@b.org' })).toEqual([
      { text: 'Sign in with ' },
      { text: 'a@b.org', name: 'email' },
      { text: '.' },
    ]);
    expect(formatParts('{email}', { email: 'a@b.org' })).toEqual([{ text: 'a@b.org', name: 'email' }]);
  });

  it('leaves a placeholder without a value as text', () => {
    expect(formatParts('{a} and {b}', { a: 'x' })).toEqual([{ text: 'x', name: 'a' }, { text: ' and {b}' }]);
  });
});

describe('formatDateTime', () => {
  it('writes an instant the reader’s way, with its time zone', () => {
    expect(formatDateTime('2026-06-10T14:05:00.000Z', 'fr', 'UTC')).toBe('10 juin 2026 à 14:05 UTC');
    expect(formatDateTime('2026-06-10T14:05:00.000Z', 'de', 'Europe/Berlin')).toBe('10. Juni 2026 um 16:05 MESZ');
  });

  it('gives back what is not a date', () => {
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
});
