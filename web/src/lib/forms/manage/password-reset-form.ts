// The forgotten-password forms (routes/sign-in/forgot and /sign-in/reset/<token>), without
// SvelteKit: what was posted, the checks made before asking the registry, and its refusals in
// words that say what to do next.
import { minutesToWait, problemsFromApiError, type ApiError } from '../api-error-problems.ts';
import { textField, type Problems } from './form-problems.ts';

export const FORGOT_FIELDS = ['email'] as const;
export const RESET_FIELDS = ['new-password', 'password-again'] as const;

export function readForgotForm(data: FormData): { email: string } {
  return { email: textField(data, 'email') };
}

export function checkForgotForm(input: { email: string }): Problems | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) ? null : { fields: { email: { key: 'forgotErrorEmail' } }, general: [] };
}

export function forgotProblems(error: ApiError): Problems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'forgotErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  return problemsFromApiError(error, { fields: { email: 'email' }, fieldMessages: { INVALID_EMAIL: 'forgotErrorEmail' } });
}

export function readResetForm(data: FormData): { newPassword: string; passwordAgain: string } {
  return { newPassword: textField(data, 'newPassword', false), passwordAgain: textField(data, 'passwordAgain', false) };
}

/** Both passwords typed, and the same; the registry checks the rules themselves. */
export function checkResetForm(input: { newPassword: string; passwordAgain: string }): Problems | null {
  const fields: Problems['fields'] = {};
  if (input.newPassword === '') fields['new-password'] = { key: 'invitationErrorPasswordMissing' };
  if (input.passwordAgain === '') fields['password-again'] = { key: 'invitationErrorPasswordAgainMissing' };
  else if (input.newPassword !== '' && input.passwordAgain !== input.newPassword)
    fields['password-again'] = { key: 'invitationErrorPasswordsDiffer' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** The registry's refusal: a weak password at its field; an unusable link is answered by the page itself. */
export function resetProblems(error: ApiError): Problems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'forgotErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  return problemsFromApiError(error, {
    fields: { newPassword: 'new-password' },
    fieldMessages: { WEAK_PASSWORD: 'invitationErrorWeakPassword' },
    codeMessages: { LINK_INVALID: 'resetInvalid' },
  });
}
