import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken, MINIMUM_FILL_SECONDS } from './form-token.ts';

const key = randomBytes(32);
const loaded = new Date('2026-12-06T10:00:00Z');
const after = (seconds: number) => new Date(loaded.getTime() + seconds * 1000);

describe('form token', () => {
  it('is accepted once a person could have filled the form, and until a day after', () => {
    const token = issueFormToken(key, loaded);
    expect(checkFormToken(key, token, after(MINIMUM_FILL_SECONDS)).ok).toBe(true);
    expect(checkFormToken(key, token, after(23 * 3600)).ok).toBe(true);
  });

  it('is refused when sent back sooner than a person fills the form', () => {
    expect(checkFormToken(key, issueFormToken(key, loaded), after(0))).toEqual({ ok: false, why: 'too-fresh' });
    expect(checkFormToken(key, issueFormToken(key, loaded), after(MINIMUM_FILL_SECONDS - 0.5))).toEqual({ ok: false, why: 'too-fresh' });
  });

  it('is refused a day later', () => {
    expect(checkFormToken(key, issueFormToken(key, loaded), after(25 * 3600))).toEqual({ ok: false, why: 'expired' });
  });

  it('is refused when made with another key, or with its time changed to look older', () => {
    expect(checkFormToken(key, issueFormToken(randomBytes(32), loaded), after(60))).toEqual({ ok: false, why: 'forged' });
    const [prefix, , nonce, signature] = issueFormToken(key, after(60)).split('.');
    const backdated = [prefix, loaded.getTime().toString(36), nonce, signature].join('.');
    expect(checkFormToken(key, backdated, after(61))).toEqual({ ok: false, why: 'forged' });
  });

  it('is refused when it is not a token at all', () => {
    for (const token of ['', 'x', 'v1.a.b', 'v2.a.b.c', 'v1.a.b.c.d', 'v1.'.repeat(100)])
      expect(checkFormToken(key, token, after(60)).ok).toBe(false);
  });
});
