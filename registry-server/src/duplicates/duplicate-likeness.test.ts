import { describe, expect, it } from 'vitest';
import { likeness, nameWords, namesClose, websiteKey, type LikenessInput } from './duplicate-likeness.ts';

const listing = (over: Partial<LikenessInput>): LikenessInput => ({
  names: ['Cuisine Solidaire'],
  website: null,
  locality: 'Bruxelles',
  country: 'BE',
  geo: { lat: 50.8467, lon: 4.3525 },
  ...over,
});

describe('website keys', () => {
  it('ignore the scheme, www, a trailing slash and case, and keep the path', () => {
    expect(websiteKey('https://www.Example.org/Bologna/')).toBe('example.org/bologna');
    expect(websiteKey('http://example.org/bologna')).toBe('example.org/bologna');
    expect(websiteKey('example.org')).toBe('example.org');
    expect(websiteKey('https://example.org/bruxelles')).not.toBe(websiteKey('https://example.org/bologna'));
  });

  it('are null for what is not a web address', () => {
    expect(websiteKey('mailto:a@example.org')).toBeNull();
    expect(websiteKey('javascript:alert(1)')).toBeNull();
    expect(websiteKey('')).toBeNull();
    expect(websiteKey(null)).toBeNull();
  });
});

describe('names', () => {
  it('lose accents, function words and legal-form words', () => {
    expect(nameWords('Café des Femmes a.s.b.l.')).toEqual(['cafe', 'femmes']);
    expect(nameWords('Cucina Migrante APS')).toEqual(['cucina', 'migrante']);
    expect(nameWords('Solidarität Küche e.V.')).toEqual(['solidaritat', 'kuche']);
    expect(nameWords('Κοινωνική Κουζίνα ΚοινΣΕπ')).toEqual(['κοινωνικη', 'κουζινα']);
  });

  it('are close despite accents, a legal suffix or a typo, and not when different', () => {
    expect(namesClose('Café des Femmes ASBL', 'Cafe des femmes')).toBe(true);
    expect(namesClose('Cucina Migrante Coop', 'Cucina Migrnte')).toBe(true);
    expect(namesClose('Atelier Vélo Solidaire', 'Vélo Solidaire Atelier')).toBe(true);
    expect(namesClose('Atelier Vélo Solidaire', 'Atelier Couture Solidaire')).toBe(false);
    expect(namesClose('Casa', 'Cosa')).toBe(false);
  });
});

describe('likeness', () => {
  it('proposes the same website in another city, with that reason', () => {
    const reasons = likeness(
      listing({ names: ['Cuisine Solidaire'], website: 'https://www.cuisine.example/' }),
      listing({
        names: ['Cucina Solidale'],
        website: 'http://cuisine.example',
        locality: 'Bologna',
        country: 'IT',
        geo: { lat: 44.49, lon: 11.34 },
      }),
    );
    expect(reasons).toEqual([{ code: 'SAME_WEBSITE', detail: 'cuisine.example' }]);
  });

  it('proposes a close name in the same city, and a close name a few km away', () => {
    expect(likeness(listing({}), listing({ names: ['Cuisine Solidaire ASBL'], geo: null }))?.map((r) => r.code)).toEqual([
      'SIMILAR_NAME',
      'SAME_CITY',
    ]);
    const near = likeness(
      listing({}),
      listing({ names: ['Cuisine solidaire'], locality: 'Saint-Gilles', geo: { lat: 50.8283, lon: 4.3455 } }),
    );
    expect(near?.map((r) => r.code)).toEqual(['SIMILAR_NAME', 'NEARBY']);
    expect(Number(near?.[1]?.detail)).toBeLessThan(5);
  });

  it('does not propose a namesake in another country or far away', () => {
    expect(likeness(listing({}), listing({ locality: 'Bruxelles', country: 'FR', geo: { lat: 48.85, lon: 2.35 } }))).toBeNull();
    expect(likeness(listing({}), listing({ locality: 'Liège', geo: { lat: 50.63, lon: 5.57 } }))).toBeNull();
  });

  it('does not propose different names in one city', () => {
    expect(likeness(listing({}), listing({ names: ['Atelier Couture'] }))).toBeNull();
  });

  it('stays quick on listings with hundreds of long alternate names, none close', () => {
    const names = (word: string) => Array.from({ length: 300 }, (_, i) => `${`${word} `.repeat(40)}${i}`);
    const started = performance.now();
    const reasons = likeness(listing({ names: names('Gemeinschaftsküche') }), listing({ names: names('Fahrradwerkstatt') }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(reasons).toBeNull();
  }, 5_000);
});
