import { describe, expect, it } from 'vitest';
import { languageHref } from './language-links.ts';

describe('languageHref', () => {
  it('sets lang on the current path and keeps the other query parameters', () => {
    expect(languageHref({ pathname: '/', search: '' }, 'ar')).toBe('/?lang=ar');
    expect(languageHref({ pathname: '/initiatives', search: '?sector=AM40&lang=fr' }, 'el')).toBe('/initiatives?sector=AM40&lang=el');
  });
});
