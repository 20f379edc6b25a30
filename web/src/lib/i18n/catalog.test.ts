import { describe, expect, it } from 'vitest';
import { CATALOGS, format, languageName, placeholdersOf } from './catalog.ts';
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
