import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query, in normal form', () => {
    expect(safeNextPath('/account/initiatives/univerbal?in=en')).toBe('/account/initiatives/univerbal?in=en');
    expect(safeNextPath('/admin/review')).toBe('/admin/review');
    expect(safeNextPath('/./admin/../account')).toBe('/account');
    expect(safeNextPath('/search?q=%2F%2Fevil')).toBe('/search?q=%2F%2Fevil');
    // Percent-encoded slashes stay one path segment of this site.
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeNextPath('/%5Cevil.example')).toBe('/%5Cevil.example');
    expect(safeNextPath('/initiatives/univerbal#contact')).toBe('/initiatives/univerbal');
    // A fullwidth solidus is not a slash to URL parsers: it stays an (encoded) path of this site.
    expect(safeNextPath('/\uff0fevil.example')).toBe('/%EF%BC%8Fevil.example');
    expect(safeNextPath('/account%0d%0aSet-Cookie:x=1')).toBe('/account%0d%0aSet-Cookie:x=1');
  });

  it('goes to the reader’s own page when no target is given', () => {
    for (const next of ['', null, undefined]) expect(safeNextPath(next)).toBe('/account');
  });

  // Each of these once either left the site or made SvelteKit's redirect() throw (a 500 after
  // a successful sign-in): a refused target is the home page.
  const refused = [
    'https://evil.example/',
    'http:evil.example',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example',
    '\\/evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    '/..//evil.example',
    '/a/../..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '\t/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    '/\u0000/evil.example',
    '/account\r\nSet-Cookie: umn_session=x',
    '/\u007f/evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '.',
    '?next=//evil.example',
    '#//evil.example',
    `/${'a'.repeat(3_000)}`,
    '/sign-out',
    '/sign-out?x=1',
    '/sign-in',
    '/sign-in?next=//evil.example',
    '/./sign-out',
    '/SIGN-OUT',
  ];
  it.each(refused.map((next) => [JSON.stringify(next).slice(0, 50), next]))('refuses %s and falls back to the home page', (_, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('never returns anything that a browser or SvelteKit would read as another origin', () => {
    const base = 'https://registry.example';
    for (const next of refused) {
      const target = safeNextPath(next);
      expect(new URL(target, base).origin).toBe(base);
      expect(target).toMatch(/^\/(?![/\\])/);
    }
  });
});
