import { describe, expect, it } from 'vitest';
import { byCode, mostRecent, otherInitiatives, practiceTypeCode } from './explore-lists.ts';
import type { RecentListing } from '../explore-types.ts';

const listing = (kind: RecentListing['kind'], slug: string, updatedAt: string): RecentListing => ({
  kind,
  slug,
  updatedAt,
  url: `https://liege.example/${kind}/${slug}`,
  origin: { isLocal: true },
  city: 'Liège',
  name: { text: slug, language: 'fr', direction: 'LTR', isFallback: false },
});

describe('mostRecent', () => {
  it('merges initiatives and practices, most recently updated first, up to the count', () => {
    const initiatives = [
      listing('initiatives', 'univerbal', '2026-11-20T10:00:00Z'),
      listing('initiatives', 'atemos', '2026-11-01T10:00:00Z'),
    ];
    const practices = [
      listing('practices', 'liege-pt6', '2026-11-21T09:00:00Z'),
      listing('practices', 'liege-pt8', '2026-10-01T09:00:00Z'),
    ];
    expect(mostRecent(initiatives, practices, 3).map((l) => l.slug)).toEqual(['liege-pt6', 'univerbal', 'atemos']);
    expect(mostRecent([], [], 3)).toEqual([]);
  });
});

const text = (value: string) => ({ text: value, language: 'fr', direction: 'LTR' as const, isFallback: false });

describe('otherInitiatives', () => {
  it('leaves out the initiatives a practice already lists, by id or by origin and handle', () => {
    const own = [
      {
        id: 'https://liege.example/initiatives/univerbal',
        slug: 'univerbal',
        url: 'https://liege.example/initiatives/univerbal',
        origin: { isLocal: true },
        name: text('Univerbal'),
      },
      { slug: 'casa', url: 'https://milano.example/initiatives/casa', origin: { isLocal: false }, name: text('Casa') },
    ];
    const sameType = [
      {
        id: 'https://liege.example/initiatives/univerbal',
        slug: 'univerbal',
        url: 'x',
        origin: { isLocal: true },
        name: text('Univerbal'),
      },
      { slug: 'casa', url: 'https://milano.example/initiatives/casa', origin: { isLocal: false }, name: text('Casa') },
      { slug: 'casa', url: 'https://athina.example/initiatives/casa', origin: { isLocal: false }, name: text('Casa (Athens)') },
      { id: 'https://liege.example/initiatives/atemos', slug: 'atemos', url: 'y', origin: { isLocal: true }, name: text('Atemos') },
    ];
    expect(otherInitiatives(own, sameType).map((i) => i.name.text)).toEqual(['Casa (Athens)', 'Atemos']);
  });
});

describe('byCode', () => {
  it('orders practice types as the guide numbers them', () => {
    expect(
      ['PT10', 'PT2', 'PT1']
        .map((code) => ({ code }))
        .sort(byCode)
        .map((c) => c.code),
    ).toEqual(['PT1', 'PT2', 'PT10']);
  });
});

describe('practiceTypeCode', () => {
  it('reads PT1 … PT10 in any case', () => {
    expect(practiceTypeCode('PT6')).toBe('PT6');
    expect(practiceTypeCode('pt10')).toBe('PT10');
    expect(practiceTypeCode('Pt06')).toBe('PT6');
  });

  it('refuses anything else', () => {
    for (const value of ['', 'PT', 'PT100', '6', 'PT6; DROP', 'practice']) expect(practiceTypeCode(value)).toBeNull();
  });
});
