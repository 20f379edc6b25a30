import { describe, expect, it } from 'vitest';
import { describePeriod } from './period.ts';

describe('describePeriod', () => {
  it('says "regular service", with its start when known', () => {
    expect(describePeriod({ startDate: '2017', endDate: null, regularService: true })).toEqual({
      key: 'periodRegularSince',
      dates: { start: '2017' },
    });
    expect(describePeriod({ startDate: null, endDate: null, regularService: true })).toEqual({ key: 'periodRegular', dates: {} });
  });

  it('gives the start and end of a time-bound practice, or the one it knows', () => {
    expect(describePeriod({ startDate: '2020', endDate: '2022', regularService: false })).toEqual({
      key: 'periodFromTo',
      dates: { start: '2020', end: '2022' },
    });
    expect(describePeriod({ startDate: '2021-09', endDate: null, regularService: false })).toEqual({
      key: 'periodSince',
      dates: { start: '2021-09' },
    });
    expect(describePeriod({ startDate: null, endDate: '2022', regularService: false })).toEqual({
      key: 'periodUntil',
      dates: { end: '2022' },
    });
  });

  it('is null when the record says nothing', () => {
    expect(describePeriod(null)).toBeNull();
    expect(describePeriod({ startDate: null, endDate: null, regularService: false })).toBeNull();
  });
});
