// How errors leave the API: expected ones (bad arguments, bad cursors) keep their message and
// say which argument to fix; unexpected ones are logged with an id and answered without
// internals.
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { BadInputError } from '../records/bad-input-error.ts';
import { InvalidCursorError } from '../store/keyset-pagination.ts';
import { AuthorizationError } from '../accounts/authorization.ts';
import { ActionError } from '../accounts/action-error.ts';
import { logger } from '../config/logging.ts';

const log = logger('graphql');
const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY', 'TOO_MANY_ALIASES', 'INTROSPECTION_TOO_COSTLY']);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof BadInputError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT', argument: original.argument } };
  }
  if (original instanceof AuthorizationError || original instanceof ActionError) {
    return { ...formatted, message: original.message, extensions: { code: original.code } };
  }
  if (original instanceof InvalidCursorError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT', argument: 'after' } };
  }
  // Apollo labels every validation error GRAPHQL_VALIDATION_FAILED; our query limits carry a
  // more precise code (QUERY_TOO_DEEP …) that clients can act on.
  const limitCode = (error as { originalError?: { extensions?: { code?: unknown } } }).originalError?.extensions?.code;
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof limitCode === 'string' && LIMIT_CODES.has(limitCode)) {
    return { ...formatted, extensions: { code: limitCode } };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    const errorId = randomUUID();
    log.error('Unexpected error {errorId} at {path}: {error}', { errorId, path: formatted.path?.join('.'), error: original });
    return {
      message: `Internal error (${errorId}); it was logged. Try again later or report this id to the node's operators.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  }
  const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
