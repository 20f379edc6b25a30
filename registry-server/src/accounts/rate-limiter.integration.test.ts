// The rate limiter on the real embedded store: claims are atomic (taken before the slow work
// they guard), windows roll over, a success can give its claim back, an admin can lift a limit,
// and expired counters are swept away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import type { Store } from '../store/store.ts';
import { RateLimiter } from './rate-limiter.ts';

let store: Store;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'umn-limiter-'));
  store = await EmbeddedStore.open(dir);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const LIMIT = { max: 5, windowMs: 15 * 60_000 };

describe('rate limiter claims', () => {
  it('lets exactly max of many simultaneous claims through', async () => {
    const limiter = new RateLimiter(store, () => 1_000_000);
    const claims = await Promise.all(Array.from({ length: 40 }, () => limiter.claim('concurrent', LIMIT)));
    expect(claims.filter((c) => c.allowed)).toHaveLength(5);
    const refused = claims.filter((c) => !c.allowed);
    expect(refused).toHaveLength(35);
    expect(refused.every((c) => c.retryAfterSeconds > 0 && c.retryAfterSeconds <= 15 * 60)).toBe(true);
  });

  it('starts afresh in the next window and says how long to wait in this one', async () => {
    let now = 0;
    const limiter = new RateLimiter(store, () => now);
    for (let i = 0; i < 5; i++) expect((await limiter.claim('window', LIMIT)).allowed).toBe(true);
    now = 60_000;
    const refused = await limiter.claim('window', LIMIT);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 14 * 60 });
    now = LIMIT.windowMs;
    expect((await limiter.claim('window', LIMIT)).allowed).toBe(true);
  });

  it('gives a claim back, and lifts every window of a key when cleared', async () => {
    const limiter = new RateLimiter(store, () => 5_000_000);
    const claims = [];
    for (let i = 0; i < 5; i++) claims.push(await limiter.claim('released', LIMIT));
    await claims[0]!.release();
    expect((await limiter.claim('released', LIMIT)).allowed).toBe(true);
    expect((await limiter.claim('released', LIMIT)).allowed).toBe(false);
    expect(await limiter.clear('released')).toBeGreaterThan(0);
    expect((await limiter.claim('released', LIMIT)).allowed).toBe(true);
  });

  it('sweeps counters whose window has passed', async () => {
    let now = 10 * LIMIT.windowMs;
    const limiter = new RateLimiter(store, () => now);
    await limiter.claim('old', LIMIT);
    const counters = store.collection('rateLimits');
    expect(await counters.countDocuments({ key: 'old' })).toBe(1);
    now += 2 * LIMIT.windowMs;
    await limiter.sweep();
    expect(await counters.countDocuments({ key: 'old' })).toBe(0);
  });
});
