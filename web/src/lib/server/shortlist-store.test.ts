import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { readShortlist, writeShortlist } from './shortlist-store.ts';
import { SHORTLIST_MAX_AGE_SECONDS } from '../shortlist/shortlist-cookie.ts';

/** The part of SvelteKit's Cookies the store uses, recording what it is asked to do. */
function cookieJar(initial: Record<string, string> = {}) {
  const calls: { op: 'set' | 'delete'; name: string; value?: string; options: unknown }[] = [];
  const cookies: Pick<Cookies, 'get' | 'set' | 'delete'> = {
    get: (name) => initial[name],
    set: (name, value, options) => void calls.push({ op: 'set', name, value, options }),
    delete: (name, options) => void calls.push({ op: 'delete', name, options }),
  };
  return { cookies, calls };
}

const univerbal = 'https://liege.example/initiatives/univerbal';

describe('shortlist cookie in a request', () => {
  it('reads the ids, dropping forged entries', () => {
    const { cookies } = cookieJar({ shortlist: `${univerbal} <script>` });
    expect(readShortlist(cookies)).toEqual([univerbal]);
  });

  it('stores the list for six months, httpOnly and SameSite=Lax, Secure over https only', () => {
    const https = cookieJar();
    writeShortlist(https.cookies, [univerbal], new URL('https://liege.example/shortlist'));
    expect(https.calls).toEqual([
      {
        op: 'set',
        name: 'shortlist',
        value: univerbal,
        options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, maxAge: SHORTLIST_MAX_AGE_SECONDS },
      },
    ]);
    const http = cookieJar();
    writeShortlist(http.cookies, [univerbal], new URL('http://localhost:3000/shortlist'));
    expect(http.calls[0]?.options).toMatchObject({ secure: false });
  });

  it('deletes the cookie when the list is empty', () => {
    const { cookies, calls } = cookieJar({ shortlist: univerbal });
    writeShortlist(cookies, [], new URL('https://liege.example/shortlist'));
    expect(calls).toEqual([{ op: 'delete', name: 'shortlist', options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true } }]);
  });
});
