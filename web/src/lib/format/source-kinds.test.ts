import { describe, expect, it } from 'vitest';
import { SOURCE_KIND_MESSAGES, sourceYear } from './source-kinds.ts';
import { messagesFor } from '#lib/i18n/catalog.ts';
import { UI_LANGUAGES } from '#lib/i18n/languages.ts';

describe('source kinds', () => {
  it('names every kind of source in every site language, each in its own words', () => {
    for (const lang of UI_LANGUAGES) {
      const catalog = messagesFor(lang);
      for (const key of Object.values(SOURCE_KIND_MESSAGES)) expect(catalog[key], `${lang} ${key}`).toEqual(expect.any(String));
    }
    expect(messagesFor('fr').sourceKindLeaflet).toBe('dépliant');
  });

  it('takes the year of a full, month or year date, and none of an undated source', () => {
    expect(sourceYear('2021-12-10')).toBe('2021');
    expect(sourceYear('2017')).toBe('2017');
    expect(sourceYear(null)).toBeNull();
  });
});
