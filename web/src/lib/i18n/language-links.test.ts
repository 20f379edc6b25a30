import { describe, expect, it } from 'vitest';
import { languageAlternates, languageHref } from './language-links.ts';
import { UI_LANGUAGES } from './languages.ts';

describe('languageHref', () => {
  it('sets lang on the current path and keeps the other query parameters', () => {
    expect(languageHref({ pathname: '/', search: '' }, 'ar')).toBe('/?lang=ar');
    expect(languageHref({ pathname: '/initiatives', search: '?sector=AM40&lang=fr' }, 'el')).toBe('/initiatives?sector=AM40&lang=el');
  });
});

describe('languageAlternates', () => {
  // What Lighthouse's hreflang audit checks (lighthouse/core/audits/seo/hreflang.js): a valid
  // language code and a fully qualified href; and what search engines ask besides: x-default,
  // and the page's own version among the alternates.
  const BCP47 = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

  it('lists every interface language and x-default, each with an absolute URL on the public origin', () => {
    const alternates = languageAlternates(new URL('https://registry.example/search?q=caf%C3%A9&lang=ar&sector=AM40'));
    expect(alternates.map((a) => a.hreflang)).toEqual([...UI_LANGUAGES, 'x-default']);
    for (const { hreflang, href } of alternates) {
      if (hreflang !== 'x-default') expect(hreflang).toMatch(BCP47);
      expect(Intl.getCanonicalLocales(hreflang === 'x-default' ? 'und' : hreflang)).toHaveLength(1);
      const url = new URL(href);
      expect(href.startsWith('https://registry.example/search?'), href).toBe(true);
      expect(url.searchParams.get('q')).toBe('café');
      expect(url.searchParams.get('sector')).toBe('AM40');
      expect(url.searchParams.getAll('lang')).toEqual(hreflang === 'x-default' ? [] : [hreflang]);
    }
    expect(alternates.find((a) => a.hreflang === 'ar')?.href).toBe('https://registry.example/search?q=caf%C3%A9&sector=AM40&lang=ar');
    expect(alternates.find((a) => a.hreflang === 'x-default')?.href).toBe('https://registry.example/search?q=caf%C3%A9&sector=AM40');
  });

  it('gives the home page an x-default without a query', () => {
    const alternates = languageAlternates(new URL('http://127.0.0.1:8080/?lang=fr'));
    expect(alternates.find((a) => a.hreflang === 'x-default')?.href).toBe('http://127.0.0.1:8080/');
    expect(alternates.find((a) => a.hreflang === 'fr')?.href).toBe('http://127.0.0.1:8080/?lang=fr');
  });
});
