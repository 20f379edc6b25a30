import { describe, expect, it } from 'vitest';
import { chooseText, countryName, isLanguageTag, languageName, parseAcceptLanguage, textDirection } from './language.ts';

describe('chooseText', () => {
  const map = { fr: 'Interprétariat social', en: 'Social interpreting', ar: 'الترجمة الاجتماعية' };
  it('picks the first preferred language, matching base languages both ways', () => {
    expect(chooseText(map, ['it', 'en'], 'fr')).toEqual({ text: 'Social interpreting', language: 'en', isFallback: false });
    expect(chooseText(map, ['fr-BE'], 'fr')?.language).toBe('fr');
    expect(chooseText({ 'pt-BR': 'x' }, ['pt'])?.language).toBe('pt-BR');
  });
  it('falls back to the original language and says so', () => {
    expect(chooseText(map, ['sl'], 'fr')).toEqual({ text: 'Interprétariat social', language: 'fr', isFallback: true });
    expect(chooseText({}, ['fr'])).toBeNull();
  });
});

describe('language helpers', () => {
  it('validates BCP 47 tags', () => {
    expect(isLanguageTag('ckb')).toBe(true);
    expect(isLanguageTag('en-GB')).toBe(true);
    expect(isLanguageTag('und')).toBe(true);
    expect(isLanguageTag('en_US')).toBe(false);
    expect(isLanguageTag('not a tag')).toBe(false);
  });
  it('gives the same answer when asked again, also after many other tags (its memory is bounded)', () => {
    for (let i = 0; i < 1_200; i++) isLanguageTag(i % 2 ? `x-${i}` : `bad tag ${i}`);
    expect(isLanguageTag('en_US')).toBe(false);
    expect(isLanguageTag('en_US')).toBe(false);
    expect(isLanguageTag('ckb')).toBe(true);
    expect(isLanguageTag('ckb')).toBe(true);
  });
  it('knows right-to-left languages', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ps')).toBe('rtl');
    expect(textDirection('bg')).toBe('ltr');
  });
  it('gives the same direction when asked again, also after many other tags (its memory is bounded)', () => {
    expect([textDirection('ar'), textDirection('ar'), textDirection('ur-PK'), textDirection('fr')]).toEqual(['rtl', 'rtl', 'rtl', 'ltr']);
    for (let i = 0; i < 1_200; i++) textDirection(`x-tag${i}`);
    expect([textDirection('ar'), textDirection('he'), textDirection('sl'), textDirection('not a tag')]).toEqual([
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
  });
  it('reads Accept-Language by quality and drops junk', () => {
    expect(parseAcceptLanguage('it;q=0.5, el, en;q=0.8, *;q=0.1, x_y')).toEqual(['el', 'en', 'it']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
  it('names languages and countries in the reader language', () => {
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(countryName('BE', 'it')).toBe('Belgio');
    expect(countryName('XX', 'en')).toBeUndefined();
  });
  it('keeps each reader language apart when it names again, and falls back on a malformed tag', () => {
    for (let round = 0; round < 2; round++) {
      expect(countryName('BE', 'fr')).toBe('Belgique');
      expect(countryName('BE', 'el')).toBe('Βέλγιο');
      expect(languageName('it', 'en')).toBe('Italian');
      expect(languageName('it', 'bg')).toBe('италиански');
    }
    expect(countryName('BE', 'not a tag!')).toBeUndefined();
    expect(languageName('ar', 'not a tag!')).toBe('ar');
  });
});
