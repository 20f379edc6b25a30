import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, issuedCookie, issuedSession, SESSION_COOKIE, sessionHeaders } from './session-cookie.ts';

describe('sessionHeaders', () => {
  it('sends nothing for the anonymous public, so their requests stay cacheable', () => {
    expect(sessionHeaders(null)).toEqual({});
  });

  it('sends the session cookie, and the CSRF token only for writes', () => {
    expect(sessionHeaders({ token: 'abc+/=' })).toEqual({ cookie: `${SESSION_COOKIE}=abc%2B%2F%3D` });
    expect(sessionHeaders({ token: 'abc', csrfToken: 'xyz' })).toEqual({ cookie: `${SESSION_COOKIE}=abc`, 'x-csrf-token': 'xyz' });
  });
});

describe('issuedSession', () => {
  it('reads the session cookie the API set on signIn, with its expiry', () => {
    const session = issuedSession([
      'other=1; Path=/',
      `${SESSION_COOKIE}=t%2Bk; Path=/; HttpOnly; SameSite=Lax; Expires=Tue, 01 Dec 2026 10:00:00 GMT`,
    ]);
    expect(session).toEqual({ token: 't+k', expires: new Date('2026-12-01T10:00:00Z') });
  });

  it('reads the deletion the API sends on signOut as no expiry', () => {
    expect(issuedSession([`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`])).toEqual({ token: '', expires: null });
  });

  it('finds nothing when the API set no session cookie', () => {
    expect(issuedSession([])).toBeNull();
    expect(issuedSession(['lang=fr; Path=/'])).toBeNull();
  });
});

describe('issuedCookie', () => {
  it('finds the trusted-device cookie beside the session cookie', () => {
    const headers = [
      `${SESSION_COOKIE}=s; Path=/; HttpOnly`,
      `${DEVICE_COOKIE}=d%2Dev; Path=/; HttpOnly; SameSite=Lax; Expires=Mon, 06 Dec 2027 10:00:00 GMT`,
    ];
    expect(issuedCookie(headers, DEVICE_COOKIE)).toEqual({ token: 'd-ev', expires: new Date('2027-12-06T10:00:00Z') });
    expect(issuedCookie([`${SESSION_COOKIE}=s; Path=/`], DEVICE_COOKIE)).toBeNull();
  });
});
