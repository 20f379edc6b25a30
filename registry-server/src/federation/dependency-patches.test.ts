// The two dependency patches of the delivery path (patches/, pnpm patchedDependencies; ADR 0008).
// These tests hold them in place (an upgrade or a lockfile change that drops one fails here) and
// check what each could break.
// - jsonld.js (under Fedify) clones active contexts shallowly: its deep clone of every term
//   definition was about 1 ms of a follower's CPU per received delivery. What a shallow clone
//   could break: a term redefined in a type-scoped context must apply to that node only, and
//   never leak back into the context it was cloned from.
// - Fedify keeps the private keys it imports from JWK: each outbox delivery imported its
//   sender's key again (about 0.18 ms for RSA).
import { exportJwk, generateCryptoKeyPair, importJwk } from '@fedify/fedify';
import { describe, expect, it } from 'vitest';

interface ActiveContext {
  mappings: Map<string, unknown>;
  clone(): ActiveContext;
}
interface JsonLd {
  processContext(active: ActiveContext | null, local: unknown, options?: Record<string, unknown>): Promise<ActiveContext>;
  expand(input: unknown, options?: Record<string, unknown>): Promise<unknown>;
}

// The very build Fedify loads (@fedify/vocab imports this path).
const specifier = 'jsonld/dist/jsonld.esm.js';
const jsonld = ((await import(specifier)) as { default: JsonLd }).default;

const context = {
  '@version': 1.1,
  name: 'https://a.example/name',
  child: 'https://a.example/child',
  Thing: { '@id': 'https://a.example/Thing', '@context': { name: 'https://b.example/name' } },
};

describe('the patched jsonld.js', () => {
  it('clones an active context without copying its term definitions', async () => {
    const initial = await jsonld.processContext(null, null);
    const active = await jsonld.processContext(initial, context);
    const child = active.clone();
    expect(child.mappings).not.toBe(active.mappings);
    expect(child.mappings.get('name')).toBe(active.mappings.get('name'));
  });

  it('applies a type-scoped redefinition to its node only, every time', async () => {
    const typed = { '@context': context, '@type': 'Thing', name: 'outer', child: { name: 'inner' } };
    const plain = { '@context': context, name: 'plain' };
    for (let round = 0; round < 3; round++) {
      expect(await jsonld.expand(typed)).toEqual([
        {
          '@type': ['https://a.example/Thing'],
          'https://b.example/name': [{ '@value': 'outer' }],
          'https://a.example/child': [{ 'https://a.example/name': [{ '@value': 'inner' }] }],
        },
      ]);
      expect(await jsonld.expand(plain)).toEqual([{ 'https://a.example/name': [{ '@value': 'plain' }] }]);
    }
  });
});

describe('the patched Fedify', () => {
  it('imports a private key once, and still imports each key and each public key as before', async () => {
    const [a, b] = [await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'), await generateCryptoKeyPair('Ed25519')];
    const [privateA, privateB, publicA] = [await exportJwk(a.privateKey), await exportJwk(b.privateKey), await exportJwk(a.publicKey)];
    const first = await importJwk(privateA, 'private');
    const again = await importJwk({ ...privateA }, 'private');
    expect(again).toBe(first);
    expect(first.usages).toEqual(['sign']);
    const other = await importJwk(privateB, 'private');
    expect(other).not.toBe(first);
    expect(other.algorithm.name).toBe('Ed25519');
    const publicKey = await importJwk(publicA, 'public');
    expect(publicKey.type).toBe('public');
    // The kept key still signs what the public key verifies.
    const data = new TextEncoder().encode('delivery');
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', first, data);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, data)).toBe(true);
  });
});
