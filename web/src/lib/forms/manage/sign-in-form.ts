// The sign-in form (routes/sign-in), without SvelteKit: what was posted, the checks made
// before asking the registry, and its refusals in words that say what to do next.
import { minutesToWait, problemsFromApiError, type ApiError } from '../api-error-problems.ts';
import { textField, type Problems } from './form-problems.ts';

export const SIGN_IN_FIELDS = ['email', 'password'] as const;

export interface SignInInput {
  email: string;
  password: string;
  /** Where to go afterwards (checked by safeNextPath before use). */
  next: string;
}

export function readSignInForm(data: FormData): SignInInput {
  return { email: textField(data, 'email'), password: textField(data, 'password', false), next: textField(data, 'next') };
}

/** Both fields filled in; null when the form can be sent. */
export function checkSignInForm(input: SignInInput): Problems | null {
  const fields: Problems['fields'] = {};
  if (input.email === '') fields.email = { key: 'signInErrorEmailMissing' };
  if (input.password === '') fields.password = { key: 'signInErrorPasswordMissing' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/**
 * The registry's refusal in words. A wrong address or password is not said to be one or the
 * other (the registry does not tell either, so nobody can find out who has an account); too
 * many attempts says how many minutes to wait, rounded up.
 */
export function signInProblems(error: ApiError): Problems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'signInErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  return problemsFromApiError(error, { fields: {}, codeMessages: { INVALID_CREDENTIALS: 'signInErrorInvalid' } });
}

/** HTTP status of a refused sign-in: 429 for too many attempts, else 400. */
export function signInStatus(code: string): 400 | 429 {
  return code === 'RATE_LIMITED' ? 429 : 400;
}
