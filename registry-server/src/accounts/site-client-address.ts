// The site (web/) renders pages in this process and calls /graphql over an internal connection,
// so without help every sign-in made on the web would come from the node's own address, and
// the per-address sign-in limit (30 attempts in 15 minutes) would be shared by everyone using
// the site. The site therefore sends the browser's address in x-umn-client-address, with a
// secret that only this process knows (made at boot, handed to the site through the process
// environment, never logged or sent anywhere else). Without the secret, the header is ignored:
// an outside client cannot choose the address its attempts are counted against.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The variable through which the site reads the secret (web/src/lib/server/site-client-address.ts). */
export const SITE_SECRET_VARIABLE = 'UMN_SITE_SECRET';
export const SITE_SECRET_HEADER = 'x-umn-site-secret';
export const CLIENT_ADDRESS_HEADER = 'x-umn-client-address';

/** Makes this process's secret and hands it to the site, before the site is loaded. */
export function issueSiteSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = randomBytes(32).toString('base64url');
  env[SITE_SECRET_VARIABLE] = secret;
  return secret;
}

/** The browser's address the site vouches for, or undefined when the request is not the site's. */
export function siteClientAddress(req: Pick<IncomingMessage, 'headers'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const expected = env[SITE_SECRET_VARIABLE];
  const given = req.headers[SITE_SECRET_HEADER];
  const address = req.headers[CLIENT_ADDRESS_HEADER];
  if (!expected || typeof given !== 'string' || typeof address !== 'string') return undefined;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return isIP(address) ? address : undefined;
}
