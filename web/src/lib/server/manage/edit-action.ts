// The common end of the signed-in forms' actions: send the mutation as the reader, and turn
// what comes back into the action's answer. A refusal keeps the reader on the form with the
// problems (and what they posted, so nothing typed is lost); a registry that cannot be reached
// is "a problem on our side, nothing was saved", logged for the operators.
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError, type GraphQLVariables } from '../graphql-request.ts';
import { signInPath, writeAs, type SessionEvent } from '../session.ts';
import { unavailableProblems, type ApiError, type Problems } from '../../forms/manage/form-problems.ts';
import { editProblems } from '../../forms/manage/edit-problems.ts';

const log = getLogger(['umn', 'web', 'manage']);

export interface Refused<TPosted> {
  problems: Problems;
  posted?: TPosted;
  /** Which form on the page was refused, when a page has several. */
  formId?: string;
}

/** HTTP status of a refused form: 409 for a conflict, 403/404 for access, else 400. */
export function statusForCode(code: string): 400 | 403 | 404 | 409 | 429 {
  if (code === 'VERSION_CONFLICT' || code === 'INVALID_STATE') return 409;
  if (code === 'NOT_AUTHORIZED' || code === 'CSRF_FAILED') return 403;
  if (code === 'NOT_FOUND') return 404;
  if (code === 'RATE_LIMITED') return 429;
  return 400;
}

/**
 * Runs a mutation whose answer is `{ result: { …, error } }` (every mutation of these pages is
 * aliased `result`). Returns the result on success, or the ActionFailure to return.
 */
export async function runMutation<TResult extends { error: ApiError | null }, TPosted = undefined>(
  event: SessionEvent,
  form: FormData,
  mutation: string,
  variables: GraphQLVariables,
  options: {
    fieldIds?: Readonly<Record<string, string>>;
    posted?: TPosted;
    formId?: string;
    /** The form's own reading of the registry's errors, when it has messages of its own for them. */
    problems?: (error: ApiError) => Problems;
  } = {},
): Promise<{ ok: true; result: TResult } | { ok: false; failure: ActionFailure<Refused<TPosted>> }> {
  let data: { result: TResult };
  try {
    data = await writeAs<{ result: TResult }>(event, form, mutation, variables);
  } catch (caught) {
    if (!(caught instanceof GraphQLRequestError)) throw caught;
    log.error('A signed-in form failed: {error}', { error: caught });
    return { ok: false, failure: fail(503, { problems: unavailableProblems(), posted: options.posted, formId: options.formId }) };
  }
  const error = data.result.error;
  if (!error) return { ok: true, result: data.result };
  if (error.code === 'SIGN_IN_REQUIRED') redirect(303, signInPath(event.url));
  return {
    ok: false,
    failure: fail(statusForCode(error.code), {
      problems: options.problems ? options.problems(error) : editProblems(error, options.fieldIds),
      posted: options.posted,
      formId: options.formId,
    }),
  };
}
