// The registry refuses a filter on a practice type it does not have (PT11: BAD_USER_INPUT on
// `filter.practiceType`, with the list of valid codes). For the comparison page that is "no such
// page", a 404, not a failed request (a 500).
import { GraphQLRequestError } from './graphql-request.ts';

/** True when every error of a failed request is the registry refusing the practice-type filter. */
export function isRefusedPracticeType(error: unknown): boolean {
  return (
    error instanceof GraphQLRequestError &&
    error.code === 'GRAPHQL_ERRORS' &&
    error.errors.length > 0 &&
    error.errors.every(
      (entry) => entry.extensions?.code === 'BAD_USER_INPUT' && String(entry.extensions.argument ?? '').endsWith('practiceType'),
    )
  );
}
