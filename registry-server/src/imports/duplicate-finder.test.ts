import { describe, expect, it } from 'vitest';
import { closeNames, DuplicateIndex, nameKey, websiteKey } from './duplicate-finder.ts';

const listing = (name: string, locality: string, website?: string) => ({
  name: { fr: name },
  originalLanguage: 'fr',
  node: 'liege',
  location: { locality, country: 'BE', precision: 'city' as const },
  ...(website ? { website } : {}),
});

describe('possible duplicates', () => {
  it('compares web sites by host, and pages on shared platforms', () => {
    expect(websiteKey('https://www.Atemos.be/about')).toBe('atemos.be');
    expect(websiteKey('https://www.facebook.com/Atemos-ASBL-1/')).toBe('facebook.com/atemos-asbl-1');
    expect(websiteKey('https://facebook.com/')).toBeNull();
    expect(websiteKey('not a url')).toBeNull();
  });

  it('compares names without accents, case, punctuation or legal-form words', () => {
    expect(nameKey('Atemos ASBL')).toBe(nameKey('ATEMOS'));
    expect(nameKey('Le Monde des Possibles a.s.b.l.')).toContain('monde des possibles');
    expect(closeNames(nameKey('Parallax'), nameKey('Parallaxe'))).toBe(true);
    expect(closeNames(nameKey('Sirius Hub'), nameKey('Sirius Coop'))).toBe(false);
    expect(closeNames('abc', 'abd')).toBe(false);
  });

  it('flags the same web site anywhere, and a close name in the same city only', () => {
    const index = new DuplicateIndex();
    index.add('atemos', listing('Atemos', 'Liège', 'https://atemos.be'));
    index.add('parallax', listing('Parallax', 'Liège'));
    index.add('parallax-gent', listing('Parallax', 'Gent'));
    expect(index.find(listing('Other name', 'Namur', 'http://www.atemos.be/x'), new Set())).toEqual([
      { id: 'atemos', name: 'Atemos', node: 'liege', reason: 'SAME_WEBSITE' },
    ]);
    expect(index.find(listing('Parallaxe ASBL', 'LIEGE'), new Set()).map((d) => d.id)).toEqual(['parallax']);
    expect(index.find(listing('Parallaxe ASBL', 'Liège'), new Set(['parallax']))).toEqual([]);
  });
});
