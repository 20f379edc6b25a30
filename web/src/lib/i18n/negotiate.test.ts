import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage } from './negotiate.ts';
import { directionOf } from './languages.ts';

describe('negotiateLanguage', () => {
  it('prefers the ?lang= query parameter over everything else', () => {
    expect(negotiateLanguage({ query: 'it', cookie: 'de', acceptLanguage: 'el' })).toEqual({ lang: 'it', source: 'query' });
  });

  it('uses the lang cookie when there is no usable query parameter', () => {
    expect(negotiateLanguage({ query: 'xx', cookie: 'bg', acceptLanguage: 'el' })).toEqual({ lang: 'bg', source: 'cookie' });
    expect(negotiateLanguage({ query: null, cookie: 'sl' })).toEqual({ lang: 'sl', source: 'cookie' });
  });

  it('falls back to Accept-Language, by quality, matching regional tags to their base language', () => {
    expect(negotiateLanguage({ acceptLanguage: 'ar-SY,ar;q=0.9,en;q=0.5' })).toEqual({ lang: 'ar', source: 'accept-language' });
    expect(negotiateLanguage({ acceptLanguage: 'ja;q=0.9, de;q=0.3, nl-BE;q=0.8' })).toEqual({ lang: 'nl', source: 'accept-language' });
    expect(negotiateLanguage({ cookie: 'klingon', acceptLanguage: 'EN-gb' })).toEqual({ lang: 'en', source: 'accept-language' });
  });

  it('ignores languages refused with q=0', () => {
    expect(negotiateLanguage({ acceptLanguage: 'it;q=0, el;q=0.2' }).lang).toBe('el');
  });

  it('defaults to French', () => {
    expect(negotiateLanguage({})).toEqual({ lang: 'fr', source: 'default' });
    expect(negotiateLanguage({ acceptLanguage: 'ja, zh;q=0.8, *;q=0.1' })).toEqual({ lang: 'fr', source: 'default' });
    expect(negotiateLanguage({ query: '', cookie: '', acceptLanguage: '' })).toEqual({ lang: 'fr', source: 'default' });
  });

  it('accepts case and spacing differences in the query and cookie', () => {
    expect(negotiateLanguage({ query: ' AR ' }).lang).toBe('ar');
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by quality then position and drops malformed entries', () => {
    expect(parseAcceptLanguage('fr-BE, en;q=0.8, <script>, de;q=0.9, *')).toEqual(['fr-BE', 'de', 'en']);
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic, including regional tags, and ltr for the others', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-SY')).toBe('rtl');
    for (const lang of ['fr', 'en', 'it', 'el', 'bg', 'sl', 'nl', 'de']) expect(directionOf(lang)).toBe('ltr');
  });
});
