import { expect, it } from 'vitest';
import { siteClientHeaders } from './site-client-address.ts';

it('tells the API the browser’s address only with the secret its node gave the site', () => {
  expect(siteClientHeaders('203.0.113.7', { UMN_SITE_SECRET: 's3cret' })).toEqual({
    'x-umn-site-secret': 's3cret',
    'x-umn-client-address': '203.0.113.7',
  });
  expect(siteClientHeaders('203.0.113.7', {})).toEqual({});
  expect(siteClientHeaders(undefined, { UMN_SITE_SECRET: 's3cret' })).toEqual({});
});
