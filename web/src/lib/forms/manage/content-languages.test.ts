import { describe, expect, it } from 'vitest';
import { isLanguageTag, languageTabs, postedInLanguage } from './content-languages.ts';

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

describe('postedInLanguage', () => {
  it('gives back what a refused form posted for the language shown, and nothing for another tab or no refusal', () => {
    const form = { problems: {}, posted: { lang: 'fr', summary: 'Texte tapé' } };
    expect(postedInLanguage(form, 'fr')).toEqual({ lang: 'fr', summary: 'Texte tapé' });
    expect(postedInLanguage(form, 'en')).toBeNull();
    expect(postedInLanguage({ saved: true }, 'fr')).toBeNull();
    expect(postedInLanguage(null, 'fr')).toBeNull();
    expect(postedInLanguage({ posted: undefined }, 'fr')).toBeNull();
  });
});
