// Session tokens and invitation tokens: random, shown once, stored only as SHA-256 hashes, so
// a copy of the database cannot be used to sign in or to accept an invitation.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
