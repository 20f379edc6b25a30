import { createFederation, MemoryKvStore } from '@fedify/fedify';
import { describe, expect, it } from 'vitest';
import { shareLoaders } from './shared-loaders.ts';

describe('shareLoaders', () => {
  const federation = () =>
    createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true, userAgent: { software: 'umn-registry/test' } });

  it('gives every context of the same origin the same loaders, which still load', async () => {
    const shared = federation();
    shareLoaders(shared);
    const a = shared.createContext(new URL('https://node.example/'));
    const b = shared.createContext(new Request('https://node.example/inbox', { method: 'POST' }));
    expect(a.documentLoader).toBe(b.documentLoader);
    expect(a.contextLoader).toBe(b.contextLoader);
    expect(a.documentLoader).not.toBe(a.contextLoader);
    const loaded = await a.contextLoader('https://www.w3.org/ns/activitystreams');
    expect(loaded.document).toHaveProperty('@context');
  });

  it('leaves Fedify building new loaders per context without it (what it works around)', () => {
    const plain = federation();
    const a = plain.createContext(new URL('https://node.example/'));
    const b = plain.createContext(new URL('https://node.example/'));
    expect(a.documentLoader).not.toBe(b.documentLoader);
  });

  it('refuses a federation without the factories it wraps (a Fedify upgrade that moved them)', () => {
    expect(() => shareLoaders({} as never)).toThrow(/shared-loaders\.ts/);
  });
});
