import { describe, expect, it } from 'vitest';
import { handleFromName, recordFromRequest, requestErrors, type ListingRequestInput } from './listing-request-input.ts';

const input: ListingRequestInput = {
  name: ' Cuisine des Deux Rives ',
  summary: ' Une cuisine coopérative tenue par des personnes arrivées à Liège. ',
  language: 'fr',
  city: ' Liège ',
  country: 'be',
  sector: 'AM60',
  languagesOffered: ['fr', ' ar ', 'fr', ''],
  website: ' https://deux-rives.example ',
  askerEmail: 'Person@Example.org',
  consentToList: true,
  migrantLed: 'migrant-led-not-shown',
  formToken: 'token',
};

describe('a listing request', () => {
  it('makes a draft with only the city published, no contact, and the migrant-led declaration as given', () => {
    expect(recordFromRequest(input, 'cuisine-des-deux-rives')).toEqual({
      handle: 'cuisine-des-deux-rives',
      name: { fr: 'Cuisine des Deux Rives' },
      summary: { fr: 'Une cuisine coopérative tenue par des personnes arrivées à Liège.' },
      originalLanguage: 'fr',
      legalForm: 'L1',
      primarySector: 'AM60',
      location: { locality: 'Liège', country: 'BE', precision: 'city' },
      languagesOffered: ['fr', 'ar'],
      website: 'https://deux-rives.example',
      migrantLed: { declared: true, consentToPublish: false },
    });
    expect(JSON.stringify(recordFromRequest(input, 'x'))).not.toMatch(/person@example\.org/i);
    expect(recordFromRequest({ ...input, migrantLed: 'unsaid' }, 'x').migrantLed).toBeUndefined();
    expect(requestErrors(input)).toEqual([]);
  });

  it('gets a handle from its name, in ASCII, or "initiative" when none is left', () => {
    expect(handleFromName('Cuisine des Deux Rives')).toBe('cuisine-des-deux-rives');
    expect(handleFromName('  Ça Marche !! Coop ')).toBe('ca-marche-coop');
    expect(handleFromName('مطبخ الضفتين')).toBe('initiative');
    expect(handleFromName('Κουζίνα')).toBe('initiative');
    expect(handleFromName('x'.repeat(80))).toHaveLength(50);
    expect(handleFromName(`${'a'.repeat(49)} b`)).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
  });
});
