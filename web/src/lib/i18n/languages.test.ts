import { describe, expect, it } from 'vitest';
import { isForeign, textDirection } from './languages.ts';

describe('isForeign', () => {
  it('compares the base language, whatever the case and region', () => {
    expect(isForeign('fr', 'fr')).toBe(false);
    expect(isForeign('FR-be', 'fr')).toBe(false);
    expect(isForeign('en', 'fr')).toBe(true);
    expect(isForeign('ar-SY', 'ar')).toBe(false);
  });
});

describe('textDirection', () => {
  it('maps the registry’s directions to dir values', () => {
    expect(textDirection('RTL')).toBe('rtl');
    expect(textDirection('LTR')).toBe('ltr');
  });
});
