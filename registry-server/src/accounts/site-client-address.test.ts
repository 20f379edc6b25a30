import type { IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, issueSiteSecret, SITE_SECRET_HEADER, siteClientAddress } from './site-client-address.ts';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

it('takes the browser’s address from the site only with this process’s secret', () => {
  const env: NodeJS.ProcessEnv = {};
  const secret = issueSiteSecret(env);
  expect(secret.length).toBeGreaterThanOrEqual(40);
  expect(siteClientAddress(request({ [SITE_SECRET_HEADER]: secret, [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }), env)).toBe('203.0.113.7');
  // Anyone else's header is ignored, so an attacker cannot pick the address their attempts count against.
  expect(siteClientAddress(request({ [SITE_SECRET_HEADER]: 'guess', [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }), env)).toBeUndefined();
  expect(siteClientAddress(request({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }), env)).toBeUndefined();
  // Not an address at all: ignored too.
  expect(siteClientAddress(request({ [SITE_SECRET_HEADER]: secret, [CLIENT_ADDRESS_HEADER]: 'everyone' }), env)).toBeUndefined();
});

it('ignores the header when no site was loaded in this process', () => {
  expect(siteClientAddress(request({ [SITE_SECRET_HEADER]: '', [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }), {})).toBeUndefined();
});
