// What every mutation resolver shares: the CSRF check for cookie sessions, and turning expected
// failures into the typed errors of the schema (ValidationFailed, VersionConflict, RateLimited,
// ActionFailed). Unexpected errors still throw, and are logged with an id.
import { ActionError } from '../../accounts/action-error.ts';
import { AuthorizationError } from '../../accounts/authorization.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

export type MutationErrorView =
  | { __typename: 'ActionFailed'; code: string; message: string }
  | { __typename: 'ValidationFailed'; code: string; message: string; fields: Array<{ field: string; code: string; message: string }> }
  | {
      __typename: 'VersionConflict';
      code: string;
      message: string;
      currentVersion: number;
      changedFields: Array<{ field: string; code: string; message: string }>;
    }
  | { __typename: 'RateLimited'; code: string; message: string; retryAfterSeconds: number };

const FIELD_CODES = new Set(['VALIDATION_FAILED', 'WEAK_PASSWORD', 'INVALID_EMAIL', 'EMAIL_TAKEN', 'ALREADY_EXISTS']);

export function toMutationError(error: unknown): MutationErrorView | null {
  if (error instanceof ActionError) {
    if (error.code === 'VERSION_CONFLICT')
      return {
        __typename: 'VersionConflict',
        code: error.code,
        message: error.message,
        currentVersion: error.currentVersion ?? 0,
        changedFields: error.fields,
      };
    if (error.code === 'RATE_LIMITED')
      return { __typename: 'RateLimited', code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds ?? 60 };
    if (FIELD_CODES.has(error.code) || error.fields.length)
      return { __typename: 'ValidationFailed', code: error.code, message: error.message, fields: error.fields };
    return { __typename: 'ActionFailed', code: error.code, message: error.message };
  }
  if (error instanceof AuthorizationError) return { __typename: 'ActionFailed', code: error.code, message: error.message };
  if (error instanceof BadInputError)
    return {
      __typename: 'ValidationFailed',
      code: 'VALIDATION_FAILED',
      message: error.message,
      fields: [{ field: error.argument, code: 'INVALID', message: error.message.slice(error.argument.length + 2) }],
    };
  return null;
}

/**
 * Wraps a mutation resolver: refuses cookie-authenticated writes without the CSRF token, and
 * returns `{ ...failure, error }` for expected failures.
 */
export function mutation<A, R extends object, F extends object = object>(
  run: (args: A, ctx: GraphQLContext) => Promise<R>,
  failure: F = {} as F,
  options: { csrf?: boolean } = {},
) {
  return async (_parent: unknown, args: A, ctx: GraphQLContext): Promise<R | (F & { error: MutationErrorView })> => {
    if ((options.csrf ?? true) && ctx.actor.kind === 'account' && ctx.actor.via === 'cookie' && !ctx.csrfValid) {
      return {
        ...failure,
        error: {
          __typename: 'ActionFailed',
          code: 'CSRF_FAILED',
          message:
            "This write came from a cookie session without its CSRF token. Send the token from `me { csrfToken }` in the x-csrf-token header, from the node's own origin.",
        },
      };
    }
    try {
      return await run(args, ctx);
    } catch (error) {
      const mapped = toMutationError(error);
      if (!mapped) throw error;
      return { ...failure, error: mapped };
    }
  };
}

export const mutationErrorResolvers: Resolvers = {
  MutationError: {
    __resolveType: (error: MutationErrorView) => error.__typename,
  },
};
