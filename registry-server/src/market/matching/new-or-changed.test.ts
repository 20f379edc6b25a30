import { describe, expect, it } from 'vitest';
import type { MarketMatch } from './market-match.ts';
import { newOrChanged } from './market-matching.ts';

const match = (iri: string, score: number, km = 4): MarketMatch => ({
  recordIri: 'http://registry.test/market/r',
  counterpart: { kind: 'initiative', iri, local: true },
  score,
  reasons: [{ code: 'distance-km', params: { km } }],
});
const stored = (matches: MarketMatch[]) => ({
  _id: 'r',
  recordIri: 'http://registry.test/market/r',
  recordVersion: 3,
  computedAt: '',
  matches,
});

describe('what market.matched tells again after a change', () => {
  it('tells every match the first time', () => {
    expect(newOrChanged(null, [match('a', 5), match('b', 4)])).toHaveLength(2);
  });

  it('tells a new counterpart, and one whose score or reasons changed, and nothing else', () => {
    const before = stored([match('a', 5), match('b', 4), match('c', 3)]);
    const after = [match('a', 5), match('b', 4.5), match('c', 3, 9), match('d', 2)];
    expect(newOrChanged(before, after).map((m) => m.counterpart.iri)).toEqual(['b', 'c', 'd']);
    expect(newOrChanged(before, before.matches)).toEqual([]);
  });
});
