import { describe, expect, it } from 'vitest';
import {
  checkListingRequestForm,
  HONEYPOT_FIELD,
  migrantLedChoice,
  problemsFromRequestError,
  readListingRequestForm,
  statusForRequestError,
  TOKEN_FIELD,
} from './listing-request-form.ts';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const good = {
  'listing-name': ' Cuisine des Deux Rives ',
  'listing-summary': ' Une cuisine coopérative tenue par des personnes arrivées à Liège. ',
  'listing-city': ' Liège ',
  'listing-country': 'BE',
  'listing-sector': 'AM60',
  'listing-languages': ['fr', 'ar', 'fr'],
  'listing-website': '',
  'listing-email': ' person@example.org ',
  'listing-consent': 'yes',
  'listing-migrant-led': 'migrant-led-shown',
  [TOKEN_FIELD]: 'v1.token',
  [HONEYPOT_FIELD]: '',
};

describe('the list-your-initiative form', () => {
  it('reads and trims the fields, the languages once each, and passes the token and hidden field on', () => {
    expect(readListingRequestForm(form(good))).toEqual({
      name: 'Cuisine des Deux Rives',
      summary: 'Une cuisine coopérative tenue par des personnes arrivées à Liège.',
      city: 'Liège',
      country: 'BE',
      sector: 'AM60',
      languagesOffered: ['fr', 'ar'],
      website: '',
      askerEmail: 'person@example.org',
      consentToList: true,
      migrantLed: 'migrant-led-shown',
      formToken: 'v1.token',
      honeypot: '',
    });
    expect(checkListingRequestForm(readListingRequestForm(form(good)))).toBeNull();
  });

  it('refuses to send without consent to be listed, at that field', () => {
    const values = readListingRequestForm(form({ ...good, 'listing-consent': '' }));
    expect(checkListingRequestForm(values)?.fields).toEqual({ consentToList: { key: 'listRequestErrorConsent' } });
  });

  it('says what to fix at each field before asking the registry', () => {
    const values = readListingRequestForm(
      form({
        ...good,
        'listing-name': 'Go to https://spam.example',
        'listing-summary': 'short',
        'listing-city': '',
        'listing-country': 'Belgium',
        'listing-sector': '',
        'listing-website': 'javascript:alert(1)',
        'listing-email': 'nobody',
      }),
    );
    expect(Object.keys(checkListingRequestForm(values)?.fields ?? {}).sort()).toEqual(
      ['askerEmail', 'city', 'country', 'name', 'sector', 'summary', 'website'].sort(),
    );
  });

  it('an unknown migrant-led answer counts as unsaid', () => {
    expect(readListingRequestForm(form({ ...good, 'listing-migrant-led': 'yes-please' })).migrantLed).toBe('unsaid');
    expect(migrantLedChoice('migrant-led-not-shown')).toBe('MIGRANT_LED_NOT_SHOWN');
  });

  it("turns the registry's refusals into messages of ours", () => {
    expect(problemsFromRequestError({ code: 'REQUEST_REFUSED', message: 'x' }).general).toEqual([{ key: 'listRequestErrorRefused' }]);
    expect(problemsFromRequestError({ code: 'FORM_EXPIRED', message: 'x' }).general).toEqual([{ key: 'listRequestErrorExpired' }]);
    expect(problemsFromRequestError({ code: 'RATE_LIMITED', message: 'x', retryAfterSeconds: 125 }).general).toEqual([
      { key: 'listRequestErrorRateLimited', values: { minutes: 3 } },
    ]);
    const fields = problemsFromRequestError({
      code: 'VALIDATION_FAILED',
      message: 'x',
      fields: [
        { field: 'sector', code: 'UNKNOWN_CODE', message: 'no such sector' },
        { field: 'consentToList', code: 'CONSENT_REQUIRED', message: 'must be given' },
      ],
    }).fields;
    expect(fields).toEqual({ sector: { key: 'listRequestErrorSector' }, consentToList: { key: 'listRequestErrorConsent' } });
    expect(statusForRequestError('RATE_LIMITED')).toBe(429);
    expect(statusForRequestError('REQUEST_REFUSED')).toBe(400);
  });
});
