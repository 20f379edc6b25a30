import { describe, expect, it } from 'vitest';
import {
  defaultExpiry,
  emptyValues,
  localProblems,
  marketInput,
  readMarketForm,
  valuesFromRecord,
  yearAhead,
  type StoredMarketForm,
} from './market-record-form.ts';

const stored: StoredMarketForm = {
  handle: 'atemos-workshop-premises',
  kind: 'need',
  title: { fr: 'Un local', en: 'Premises' },
  summary: { fr: 'Un lieu chauffé', en: 'A heated place' },
  originalLanguage: 'fr',
  owner: { initiative: 'atemos' },
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-03-07',
  need: { needKinds: ['space', 'kitchen'], frequency: { fr: 'Deux fois par semaine' } },
};

describe('the market record form', () => {
  it('edits the texts of the language written in and keeps the translations already there', () => {
    const values = { ...valuesFromRecord(stored), title: 'Un local chauffé', frequency: '' };
    const input = marketInput(values, 'need', { initiative: 'atemos' }, stored);
    expect(input.title).toEqual([
      { language: 'en', text: 'Premises' },
      { language: 'fr', text: 'Un local chauffé' },
    ]);
    // An emptied text inside the details is left out (the details are replaced as a whole).
    expect(input.need).toEqual({ needKinds: ['space', 'kitchen'] });
    // A field the record has not got is not sent as null (the registry would read it as a value).
    expect('description' in input).toBe(false);
    expect(input.owner).toEqual({ initiative: 'atemos' });
    // Kind and handle are given at creation only.
    expect(input.kind).toBeUndefined();
    expect(input.handle).toBeUndefined();
  });

  it('makes a handle from the title on creation, and one from the kind when the title has no latin letters', () => {
    const base = emptyValues({ language: 'fr', country: 'BE', locality: 'Liège', expiresOn: '2027-03-07' });
    expect(marketInput({ ...base, title: 'Salle de réunion, à titre précaire !' }, 'offer', {}).handle).toBe(
      'salle-de-reunion-a-titre-precaire',
    );
    expect(marketInput({ ...base, language: 'ar', title: 'قاعة اجتماعات' }, 'offer', {}).handle).toBe('offer');
    const created = marketInput({ ...base, title: 'x' }, 'offer', {});
    expect(created.kind).toBe('OFFER');
    // Nothing empty is sent on creation: no null anywhere.
    expect(JSON.stringify(created)).not.toContain('null');
    expect(created.area).toEqual({ country: 'BE', locality: 'Liège' });
  });

  it('reads a posted form, splitting CPV codes, and refuses itself only what GraphQL would refuse whole', () => {
    const data = new FormData();
    for (const [name, value] of [
      ['title', ' Traiteur '],
      ['cpvCodes', '55520000-1, 15000000-8;;'],
      ['requestKind', 'BRIBE'],
      ['intent', 'SOCIAL_CLAUSE'],
      ['places', '3 or 4'],
      ['sector', 'AM60'],
      ['sector', ''],
    ])
      data.append(name!, value!);
    const values = readMarketForm(data);
    expect(values.title).toBe('Traiteur');
    expect(values.sectors).toEqual(['AM60']);
    expect((marketInput(values, 'request', {}).request as { cpvCodes: string[] }).cpvCodes).toEqual(['55520000-1', '15000000-8']);
    expect(localProblems(values, 'request')).toEqual({ 'mkt-request-kind': 'mktChooseFromList' });
    expect(localProblems(values, 'opening')).toEqual({ 'mkt-places': 'mktPlacesProblem' });
    expect(localProblems({ ...values, places: '12' }, 'opening')).toEqual({});
  });

  it('starts a new record three months ahead and renews it a year ahead (28 February after a leap day)', () => {
    expect(defaultExpiry('2026-12-07')).toBe('2027-03-07');
    expect(yearAhead('2026-12-07')).toBe('2027-12-07');
    expect(yearAhead('2028-02-29')).toBe('2029-02-28');
  });
});
