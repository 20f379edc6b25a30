import { describe, expect, it } from 'vitest';
import { recordCanonical, searchCanonical, selfCanonical } from './canonical.ts';

const url = (s: string) => new URL(s);

describe('recordCanonical', () => {
  it("points the origin's own page to itself, keeping only a known ?lang=", () => {
    expect(recordCanonical(url('https://liege.example/initiatives/atemos?utm_source=x&lang=it'), { isLocal: true, url: 'ignored' })).toBe(
      'https://liege.example/initiatives/atemos?lang=it',
    );
    expect(selfCanonical(url('https://liege.example/initiatives/atemos?lang=xx&after=1'))).toBe('https://liege.example/initiatives/atemos');
  });

  it("points a partner's copy to its page on the origin node", () => {
    expect(
      recordCanonical(url('https://liege.example/network/initiatives?id=https%3A%2F%2Fbologna.example%2Finitiatives%2Fx'), {
        isLocal: false,
        url: 'https://bologna.example/initiatives/x',
      }),
    ).toBe('https://bologna.example/initiatives/x');
  });

  it('gives no canonical rather than a javascript: or data: address from a partner', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'not a url'])
      expect(recordCanonical(url('https://liege.example/network/initiatives?id=x'), { isLocal: false, url: bad })).toBeNull();
  });
});

describe('searchCanonical', () => {
  it('drops the paging, empty fields and unknown parameters, and keeps the search and its language', () => {
    expect(searchCanonical(url('https://liege.example/search?q=couture&after=c2&trail=&trail=c1&near=&utm=1&lang=ar'))).toBe(
      'https://liege.example/search?q=couture&lang=ar',
    );
    expect(searchCanonical(url('https://liege.example/search?kind=INITIATIVE&sector=AM80&sort=updated&after=c9'))).toBe(
      'https://liege.example/search?kind=INITIATIVE&sector=AM80&sort=updated',
    );
    expect(searchCanonical(url('https://liege.example/search'))).toBe('https://liege.example/search');
  });
});
