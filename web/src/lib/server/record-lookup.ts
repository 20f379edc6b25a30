// A record looked up by the handle in its address (/initiatives/<slug>, /practices/<slug>).
// The registry answers null for a handle it does not know, and refuses one that cannot be a
// handle at all (longer than any, BAD_USER_INPUT on `slug`): both are "no such page", a 404,
// rather than a failed request (a 500). Any other failure is rethrown.
import { GraphQLRequestError } from './graphql-request.ts';

/** True when every error of a failed request is the registry refusing the `slug` argument. */
export function isRefusedSlug(error: unknown): boolean {
  return (
    error instanceof GraphQLRequestError &&
    error.code === 'GRAPHQL_ERRORS' &&
    error.errors.length > 0 &&
    error.errors.every((entry) => entry.extensions?.code === 'BAD_USER_INPUT' && entry.extensions.argument === 'slug')
  );
}

/** Runs a lookup; a refused handle gives null, like an unknown one. */
export async function lookUpBySlug<T>(request: () => Promise<T | null>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (isRefusedSlug(error)) return null;
    throw error;
  }
}
