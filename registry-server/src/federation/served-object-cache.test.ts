import { describe, expect, it } from 'vitest';
import { ServedObjectCache } from './served-object-cache.ts';

describe('ServedObjectCache', () => {
  it('builds a key once, and concurrent callers share the build', async () => {
    const cache = new ServedObjectCache<string>();
    let builds = 0;
    const build = async () => `doc${++builds}`;
    const [a, b] = await Promise.all([cache.get('k', build), cache.get('k', build)]);
    expect([a, b, builds]).toEqual(['doc1', 'doc1', 1]);
    expect(await cache.get('other', build)).toBe('doc2');
  });

  it('forgets a failed build, so the next call tries again', async () => {
    const cache = new ServedObjectCache<string>();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('drops the least recently used key past its capacity', async () => {
    const cache = new ServedObjectCache<string>(2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'unused'); // a is now the most recent
    await cache.get('c', async () => 'c1');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'a2')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
  });
});
