import { describe, expect, it } from 'vitest';
import { CATALOGS, format, formatDateTime, formatParts, languageName, placeholdersOf } from './catalog.ts';
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

      it('uses the same placeholders as the French catalogue', () => {
        const mismatched = referenceKeys.filter(
          (key) => placeholdersOf(messages[key as keyof typeof messages]).join() !== placeholdersOf(reference[key as keyof typeof reference]).join(),
        );
        expect(mismatched).toEqual([]);
      });
    });
  }
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{shown} of {total}', { shown: 3, total: 12 })).toBe('3 of 12');
    expect(format('{shown} of {total}', { shown: 3 })).toBe('3 of {total}');
  });
});

describe('languageName', () => {
  it('names a content language in the reader’s language', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('ar', 'fr')).toBe('arabe');
  });
});

describe('formatParts', () => {
  it('cuts a message at the placeholders that have values', () => {
    expect(formatParts('Sign in with {email}.', { email: 'a@b.org' })).toEqual([{ text: 'Sign in with ' }, { text: 'a@b.org', name: 'email' }, { text: '.' }]);
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
