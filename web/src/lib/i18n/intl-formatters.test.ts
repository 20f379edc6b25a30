import { describe, expect, it } from 'vitest';
import {
  collator,
  dateTimeFormat,
  displayNames,
  keptFormatters,
  listFormat,
  MAX_FORMATTERS,
  numberFormat,
  pluralRules,
} from './intl-formatters.ts';

describe('Intl formatters kept per process', () => {
  it('gives the same formatter for the same language and options, and another for other ones', () => {
    expect(numberFormat('fr')).toBe(numberFormat('fr'));
    expect(numberFormat('fr')).not.toBe(numberFormat('de'));
    expect(dateTimeFormat('fr', { year: 'numeric' })).toBe(dateTimeFormat('fr', { year: 'numeric' }));
    expect(dateTimeFormat('fr', { year: 'numeric' })).not.toBe(dateTimeFormat('fr', { year: 'numeric', month: 'long' }));
    expect(collator('sl')).toBe(collator('sl'));
  });

  it('formats exactly as a formatter built for the call', () => {
    const day = new Date(Date.UTC(2021, 11, 10));
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    for (const lang of ['fr', 'en', 'ar', 'bg', 'el']) {
      expect(dateTimeFormat(lang, options).format(day)).toBe(new Intl.DateTimeFormat(lang, options).format(day));
      expect(numberFormat(lang).format(1234567.5)).toBe(new Intl.NumberFormat(lang).format(1234567.5));
      expect(pluralRules(lang).select(2)).toBe(new Intl.PluralRules(lang).select(2));
      expect(displayNames(lang, { type: 'language' }).of('uk')).toBe(new Intl.DisplayNames([lang], { type: 'language' }).of('uk'));
      expect(listFormat(lang, { type: 'conjunction' }).format(['a', 'b', 'c'])).toBe(
        new Intl.ListFormat(lang, { type: 'conjunction' }).format(['a', 'b', 'c']),
      );
    }
    expect(['Škofja Loka', 'Celje', 'Zagorje'].sort(collator('sl').compare)).toEqual(['Celje', 'Škofja Loka', 'Zagorje']);
  });

  it('keeps a bounded number, whatever languages readers send', () => {
    // Valid tags, each distinct (a private-use subtag), as a stream of odd Accept-Language values would be.
    for (let i = 0; i < MAX_FORMATTERS + 100; i++) numberFormat(`en-x-t${i}`);
    expect(keptFormatters()).toBe(MAX_FORMATTERS);
    // The oldest were dropped, the newest kept.
    const newest = numberFormat(`en-x-t${MAX_FORMATTERS + 99}`);
    expect(numberFormat(`en-x-t${MAX_FORMATTERS + 99}`)).toBe(newest);
  });

  it('refuses a tag Intl refuses, as Intl does, and keeps nothing for it', () => {
    const before = keptFormatters();
    expect(() => numberFormat('not a tag!')).toThrow(RangeError);
    expect(keptFormatters()).toBe(before);
  });
});
