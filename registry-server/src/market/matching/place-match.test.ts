// How one initiative's match joins a record's stored matches when the initiative changes (ADR
// 0055): in rank order, within the cap, told only when new or changed, removed untold.
import { describe, expect, it } from 'vitest';
import type { MarketMatch } from './market-match.ts';
import { placeMatch } from './initiative-rematching.ts';

const match = (iri: string, score: number, km = 4): MarketMatch => ({
  recordIri: 'http://registry.test/market/r',
  counterpart: { kind: 'initiative', iri, local: true },
  score,
  reasons: [{ code: 'distance-km', params: { km } }],
});
const iris = (matches: MarketMatch[]) => matches.map((m) => m.counterpart.iri);

describe('placing a changed initiative among a record’s matches', () => {
  const held = [match('a', 5), match('c', 3), match('d', 3)];

  it('inserts a new match at its rank (best first, then by IRI) and tells it', () => {
    const change = placeMatch(held, 'b', match('b', 3), 50);
    expect(iris(change.matches)).toEqual(['a', 'b', 'c', 'd']);
    expect(change).toMatchObject({ changed: true, told: match('b', 3) });
  });

  it('tells a changed score or reason again, and nothing when it is the same', () => {
    expect(placeMatch(held, 'c', match('c', 6), 50)).toMatchObject({ changed: true, told: match('c', 6) });
    expect(iris(placeMatch(held, 'c', match('c', 6), 50).matches)).toEqual(['c', 'a', 'd']);
    expect(placeMatch(held, 'c', match('c', 3, 9), 50).told).toEqual(match('c', 3, 9));
    expect(placeMatch(held, 'c', match('c', 3), 50)).toEqual({ changed: false, matches: held, told: null });
  });

  it('removes a match that no longer holds, untold, and ignores one that was never there', () => {
    expect(placeMatch(held, 'c', null, 50)).toEqual({ changed: true, matches: [match('a', 5), match('d', 3)], told: null });
    expect(placeMatch(held, 'z', null, 50).changed).toBe(false);
  });

  it('keeps the cap: a match below the last one of a full list is neither kept nor told, and a better one pushes the last out', () => {
    expect(placeMatch(held, 'e', match('e', 1), 3)).toEqual({ changed: false, matches: held, told: null });
    const better = placeMatch(held, 'e', match('e', 4), 3);
    expect(iris(better.matches)).toEqual(['a', 'e', 'c']);
    expect(better.told).toEqual(match('e', 4));
    // A held match that falls below the cap after its change leaves, untold.
    expect(placeMatch([match('a', 5), match('b', 4)], 'b', match('b', 0), 1)).toEqual({
      changed: true,
      matches: [match('a', 5)],
      told: null,
    });
  });
});
