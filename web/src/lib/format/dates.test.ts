import { describe, expect, it } from 'vitest';
import { formatDate, formatPartialDate, isPartialDate } from './dates.ts';

describe('formatPartialDate', () => {
  it('writes a year, a month or a day at the precision given', () => {
    expect(formatPartialDate('2017', 'fr')).toBe('2017');
    expect(formatPartialDate('2021-12', 'fr')).toBe('décembre 2021');
    expect(formatPartialDate('2021-12-10', 'fr')).toBe('10 décembre 2021');
    expect(formatPartialDate('2021-12-10', 'en')).toBe('December 10, 2021');
    expect(formatPartialDate('2021-12', 'de')).toBe('Dezember 2021');
  });

  it('never groups the digits of a year', () => {
    expect(formatPartialDate('2017', 'de')).toBe('2017');
    expect(formatPartialDate('2017', 'bg')).toBe('2017 г.');
  });

  it('gives back what is not a year, month or date', () => {
    expect(formatPartialDate('around 2015', 'fr')).toBe('around 2015');
    expect(formatPartialDate('2021-13', 'fr')).toBe('2021-13');
    expect(formatPartialDate('2021-02-30', 'fr')).toBe('2021-02-30');
  });
});

describe('formatDate', () => {
  it('writes the day of an instant in the reader’s language and the given time zone', () => {
    expect(formatDate('2026-11-22T21:23:08.404Z', 'fr', 'UTC')).toBe('22 novembre 2026');
    expect(formatDate('2026-11-22T23:30:00.000Z', 'de', 'Europe/Brussels')).toBe('23. November 2026');
  });

  it('gives back what is not an instant', () => {
    expect(formatDate('yesterday', 'en')).toBe('yesterday');
  });
});

describe('isPartialDate', () => {
  it('accepts years, months and dates only', () => {
    expect(['2017', '2021-12', '2021-12-10'].every(isPartialDate)).toBe(true);
    expect(['17', '2021-1', 'December 2021', ''].some(isPartialDate)).toBe(false);
  });
});
