// E-mail addresses as accounts and the contact relay accept them.

/**
 * One spelling per address, so every variant finds the same account and counts against the
 * same sign-in limit: surrounding spaces, case, and Unicode forms (an "é" typed as one
 * character or as "e" and a combining accent; full-width letters) are made alike.
 */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase().normalize('NFKC');
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
