// What the public sees of a location: the precision chosen, capped where a rule protects people
// (a published migrant-led declaration; an informal group), and the point rounded to it.
import { describe, expect, it } from 'vitest';
import type { InitiativeRecord } from '../records/record-types.ts';
import { publicLocation } from './public-initiative.ts';

const at = (legalForm: string, precision: InitiativeRecord['location']['precision']): InitiativeRecord => ({
  handle: 'corner-kitchen',
  name: { fr: 'Cuisine du coin' },
  summary: { fr: 'Repas partagés.' },
  originalLanguage: 'fr',
  legalForm,
  primarySector: 'AM10',
  location: {
    locality: 'Liège',
    country: 'BE',
    neighbourhood: 'Outremeuse',
    streetAddress: '12 rue Grimacer',
    postalCode: '4020',
    precision,
    geo: { lat: 50.6401234, lon: 5.5801234 },
  },
  node: 'liege',
});

describe('publicLocation', () => {
  it('publishes the street address and a point to about a metre at ADDRESS precision', () => {
    expect(publicLocation(at('L2', 'address'))).toMatchObject({
      precision: 'address',
      streetAddress: '12 rue Grimacer',
      postalCode: '4020',
      neighbourhood: 'Outremeuse',
      geo: { lat: 50.64012, lon: 5.58012 },
    });
  });

  it('keeps only the neighbourhood and a point to about a kilometre at NEIGHBOURHOOD precision', () => {
    expect(publicLocation(at('L2', 'neighbourhood'))).toMatchObject({
      precision: 'neighbourhood',
      streetAddress: null,
      postalCode: null,
      neighbourhood: 'Outremeuse',
      geo: { lat: 50.64, lon: 5.58 },
    });
  });

  it.each(['address', 'neighbourhood', 'city'] as const)(
    'publishes an informal group (legal form L1) at city level only, even when %s was chosen',
    (precision) => {
      const location = publicLocation(at('L1', precision), { lat: 50.63, lon: 5.57 });
      expect(location).toMatchObject({ precision: 'city', streetAddress: null, postalCode: null, neighbourhood: null });
      expect(location.geo).toEqual({ lat: 50.63, lon: 5.57 });
      expect(publicLocation(at('L1', precision)).geo).toEqual({ lat: 50.6, lon: 5.6 });
    },
  );
});
