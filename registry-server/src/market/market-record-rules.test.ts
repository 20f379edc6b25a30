// The rules of a market record that depend on the day or on two fields at once (the JSON Schema
// checks the rest): the expiry is from today to a year ahead, dates come in order.
import { describe, expect, it } from 'vitest';
import { latestExpiry, marketRecordRules } from './market-record-rules.ts';
import type { MarketRecord } from './market-record.ts';

const base: MarketRecord = {
  handle: 'catering-sourcing',
  kind: 'request',
  title: { fr: 'Traiteur pour les réunions du conseil' },
  summary: { fr: 'La Ville cherche un traiteur pour ses réunions.' },
  originalLanguage: 'fr',
  owner: { organisation: 'Ville de Liège, service des marchés publics' },
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-03-31',
  request: { requestKind: 'sourcing', intent: 'reserved-contract', deadline: '2027-03-01' },
  node: 'liege',
};
const today = '2027-01-15';

describe('market record rules', () => {
  it('accepts an expiry from today to a year ahead', () => {
    expect(marketRecordRules({ ...base, expiresOn: today, request: { requestKind: 'quote', intent: 'none' } }, today)).toEqual([]);
    expect(marketRecordRules({ ...base, expiresOn: '2028-01-15', request: { requestKind: 'quote', intent: 'none' } }, today)).toEqual([]);
  });

  it('refuses an expiry in the past', () => {
    expect(marketRecordRules({ ...base, expiresOn: '2027-01-14', request: { requestKind: 'quote', intent: 'none' } }, today)).toEqual([
      expect.objectContaining({ field: 'expiresOn', code: 'IN_THE_PAST' }),
    ]);
  });

  it('refuses an expiry more than a year ahead, saying the latest day allowed', () => {
    const errors = marketRecordRules({ ...base, expiresOn: '2028-01-16', request: { requestKind: 'quote', intent: 'none' } }, today);
    expect(errors).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'TOO_FAR' })]);
    expect(errors[0]!.message).toContain('2028-01-15');
  });

  it('a year ahead of 29 February is 28 February', () => {
    expect(latestExpiry('2028-02-29')).toBe('2029-02-28');
  });

  it('refuses an end before the start, and a deadline after the expiry', () => {
    const errors = marketRecordRules(
      {
        ...base,
        period: { startDate: '2027-06-01', endDate: '2027-05-31' },
        request: { requestKind: 'tender', intent: 'social-clause', deadline: '2027-04-01' },
      },
      today,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['period.endDate', 'BEFORE_START'],
      ['request.deadline', 'AFTER_EXPIRY'],
    ]);
  });
});
