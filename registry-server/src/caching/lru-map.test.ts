import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map.ts';

describe('LruMap', () => {
  it('keeps at most its capacity, dropping the least recently used (a read counts as a use)', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('b')).toBe(false);
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    map.set('c', 4).set('d', 5);
    expect(map.has('a')).toBe(false);
    expect([map.get('c'), map.get('d'), map.size]).toEqual([4, 5, 2]);
    expect(map.delete('c')).toBe(true);
    expect(map.get('c')).toBeUndefined();
  });

  it('keeps a stored undefined apart from a missing key', () => {
    const map = new LruMap<string, number | undefined>(1);
    map.set('a', undefined);
    expect(map.has('a')).toBe(true);
    map.clear();
    expect(map.size).toBe(0);
  });
});
