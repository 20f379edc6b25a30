// The public form's token: when the form was loaded, signed with the node's key (HMAC-SHA256), so
// a request can be refused when it was not loaded from this node, when it comes back sooner than
// a person could fill the form (a bot filling every field at once), or a day later. No third
// party, no cookie, no JavaScript: the token is a hidden field of the form.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Seconds a person takes at least to fill the form: sooner is a bot. */
export const MINIMUM_FILL_SECONDS = 3;
/** How long a loaded form may be sent. */
export const FORM_TOKEN_HOURS = 24;

export type TokenCheck = { ok: true; nonce: string } | { ok: false; why: 'malformed' | 'forged' | 'too-fresh' | 'expired' };

const PREFIX = 'v1';
const MAX_LENGTH = 200;

/** A token for a form loaded at `now`. */
export function issueFormToken(key: Buffer, now: Date): string {
  const body = `${PREFIX}.${now.getTime().toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(key, body)}`;
}

/** Whether `token` is one of ours, loaded long enough ago and not too long ago. */
export function checkFormToken(key: Buffer, token: string, now: Date): TokenCheck {
  if (token.length > MAX_LENGTH) return { ok: false, why: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, why: 'malformed' };
  const [prefix, issued, nonce, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(key, `${prefix}.${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'forged' };
  const issuedAt = parseInt(issued, 36);
  if (!Number.isSafeInteger(issuedAt)) return { ok: false, why: 'malformed' };
  const age = now.getTime() - issuedAt;
  if (age < MINIMUM_FILL_SECONDS * 1000) return { ok: false, why: 'too-fresh' };
  if (age > FORM_TOKEN_HOURS * 3_600_000) return { ok: false, why: 'expired' };
  return { ok: true, nonce };
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
