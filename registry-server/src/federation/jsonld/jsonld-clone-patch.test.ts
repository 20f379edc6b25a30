// jsonld.js (under Fedify) is patched to clone active contexts shallowly
// (patches/jsonld@9.0.0.patch, ADR 0008): its deep clone of every term definition was about 1 ms
// of a follower's CPU per received delivery. These tests hold the patch in place (an upgrade or a
// lockfile change that drops it fails here) and check the one behaviour a shallow clone could
// break: a term redefined in a type-scoped context applies to that node only, and never leaks
// back into the context it was cloned from.
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
