// Who is making a request: a bearer token (API clients) or the session cookie (the web), else
// the anonymous public. Unknown, expired or forged credentials make the request anonymous, so
// they can change nothing. Cookie-authenticated writes need the session's CSRF token in the
// x-csrf-token header and, when the browser sends one, an Origin equal to the node's.
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Actor } from '../accounts/actor.ts';
import type { Registry } from '../registry.ts';
import { readCookie, SESSION_COOKIE } from '../accounts/session-cookie.ts';
import { siteClientAddress } from '../accounts/site-client-address.ts';

export interface RequestActor {
  actor: Actor;
  /** False for a cookie session without a matching CSRF token or with a foreign Origin. */
  csrfValid: boolean;
  csrfToken: string | null;
}

export async function requestActor(
  registry: Pick<Registry, 'sessions' | 'config'>,
  req: Pick<IncomingMessage, 'headers'>,
): Promise<RequestActor> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const resolved = match ? await registry.sessions.resolve(match[1]!, 'bearer') : null;
    return resolved ? { actor: resolved.actor, csrfValid: true, csrfToken: null } : { actor: ANONYMOUS, csrfValid: true, csrfToken: null };
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return { actor: ANONYMOUS, csrfValid: true, csrfToken: null };
  const resolved = await registry.sessions.resolve(cookie, 'cookie');
  if (!resolved) return { actor: ANONYMOUS, csrfValid: true, csrfToken: null };
  const header = req.headers['x-csrf-token'];
  const origin = req.headers.origin;
  const sameOrigin = origin === undefined || origin === registry.config.publicUrl.origin;
  const csrfValid = sameOrigin && typeof header === 'string' && header === resolved.session.csrfToken;
  return { actor: resolved.actor, csrfValid, csrfToken: resolved.session.csrfToken };
}

/**
 * The client address, for rate limits: the browser's, when the node's own site asks for it
 * (accounts/site-client-address.ts). The limits count an IPv6 address by its /64 (accounts/address-bucket.ts).
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers'>, remoteAddress: string | undefined): string {
  return siteClientAddress(req) ?? remoteAddress ?? 'unknown';
}
