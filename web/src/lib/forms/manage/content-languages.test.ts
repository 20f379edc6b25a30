import { describe, expect, it } from 'vitest';
import { isLanguageTag, languageTabs } from './content-languages.ts';

describe('languageTabs', () => {
  const record = { originalLanguage: 'fr', name: { fr: 'Cuisine', ps: 'پخلی' } };

  it('edits the language asked for, and shows a tab for it even when nothing is written in it', () => {
    const { lang, tabs } = languageTabs(record, 'ti', 'en', (tag) => tag in record.name);
    expect(lang).toBe('ti');
    expect(tabs.at(-1)).toEqual({ tag: 'ti', written: false });
    expect(tabs).toContainEqual({ tag: 'ps', written: true });
    expect(tabs).toContainEqual({ tag: 'fr', written: true });
    expect(tabs).toContainEqual({ tag: 'en', written: false });
  });

  it("falls back to the record's original language when the language asked for is not a tag", () => {
    const { lang, tabs } = languageTabs(record, 'fr"><script>', 'en', () => false);
    expect(lang).toBe('fr');
    expect(tabs.filter((tab) => tab.tag === 'fr')).toHaveLength(1);
  });
});

describe('isLanguageTag', () => {
  it('accepts language tags and refuses anything else', () => {
    expect(isLanguageTag('fr')).toBe(true);
    expect(isLanguageTag('sr-Latn')).toBe(true);
    expect(isLanguageTag('')).toBe(false);
    expect(isLanguageTag('fr;drop')).toBe(false);
  });
});
