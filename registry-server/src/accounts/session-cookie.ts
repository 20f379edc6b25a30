// The web session cookie: httpOnly (scripts cannot read it), SameSite=Lax (not sent on
// cross-site POSTs), Secure when the node is served over https.
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'umn_session';
/** The trusted-device cookie (accounts/trusted-devices.ts): long-lived, httpOnly, like the session's. */
export const DEVICE_COOKIE = 'umn_device';

export function readCookie(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: string | null, secure: boolean, name = SESSION_COOKIE): string {
  const parts = [`${name}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (expiresAt) parts.push(`Expires=${new Date(expiresAt).toUTCString()}`);
  else parts.push('Max-Age=0');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
