// The environment variables the web package reads, validated when the handler starts
// (SvelteKit 3's explicit environment variables; read them from `$app/env/private`).
import { defineEnvVars } from '@sveltejs/kit/env';
import { building } from '$app/env';

export const variables = defineEnvVars({
  REGISTRY_GRAPHQL_URL: {
    description: 'GraphQL endpoint of the registry node the pages read, e.g. http://127.0.0.1:3000/graphql',
    schema: (value) => {
      const trimmed = value?.trim();
      // `vite build` runs the server code once to analyse it: the node's address is a
      // run-time setting, so a build need not know it. Anywhere else it must be set.
      if (!trimmed && building) return undefined;
      if (!trimmed) {
        throw new Error(
          'Set REGISTRY_GRAPHQL_URL to the GraphQL endpoint of the registry node, e.g. REGISTRY_GRAPHQL_URL=http://127.0.0.1:3000/graphql',
        );
      }
      let url: URL;
      try {
        url = new URL(trimmed);
      } catch {
        throw new Error(`"${trimmed}" is not an absolute URL. Set REGISTRY_GRAPHQL_URL to e.g. http://127.0.0.1:3000/graphql`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`"${trimmed}" is not an http(s) URL. Set REGISTRY_GRAPHQL_URL to e.g. http://127.0.0.1:3000/graphql`);
      }
      return url.href;
    },
  },
});
