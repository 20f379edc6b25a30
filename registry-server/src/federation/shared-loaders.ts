// Fedify 2.3.6 builds a new document loader and a new context loader for every context it
// creates: each received request, each outgoing delivery (three), each createContext of ours.
// Each build is a kvCache() that compiles a catch-all URLPattern (the polyfill's parser): in the
// federation bench that was about 10% of the publisher's CPU. The loaders hold no per-context
// state (the KV store, the fetch options, the metrics), so one per distinct option set is shared.
//
// The factories are fields of Fedify's FederationImpl, not of its public interface: Fedify offers
// documentLoaderFactory / contextLoaderFactory options, but refuses them together with
// allowPrivateAddress and userAgent, which the registry needs (and whose effect on lookups and
// deliveries a custom factory cannot reproduce). Fedify is pinned exactly (STACK.md); if the
// fields are missing, this throws at start rather than silently doing nothing.
import type { Federation } from '@fedify/fedify';

type Factory = (options?: unknown) => unknown;
const FACTORIES = ['documentLoaderFactory', 'contextLoaderFactory'] as const;
/** Distinct option sets kept per factory (in practice one: this node's user agent and address policy). */
const MAX_SHARED = 16;

export function shareLoaders<T>(federation: Federation<T>): void {
  const target = federation as unknown as Record<(typeof FACTORIES)[number], Factory | undefined>;
  for (const name of FACTORIES) {
    const build = target[name];
    if (typeof build !== 'function')
      throw new TypeError(`Fedify no longer has FederationImpl.${name}: review src/federation/shared-loaders.ts for this Fedify version.`);
    const shared = new Map<string, unknown>();
    target[name] = (options?: unknown) => {
      const key = JSON.stringify(options ?? null);
      let loader = shared.get(key);
      if (loader === undefined) {
        loader = build.call(federation, options);
        if (shared.size < MAX_SHARED) shared.set(key, loader);
      }
      return loader;
    };
  }
}
