// The first-admin setup form (routes/setup/<token>), without SvelteKit: what was posted, the
// checks made before asking the registry, and its refusals in words that say what to do.
import { problemsFromApiError, type ApiError } from '../api-error-problems.ts';
import { textField, type Problems } from './form-problems.ts';

export const FIRST_ADMIN_FIELDS = ['email', 'password', 'password-again'] as const;

export interface FirstAdminForm {
  email: string;
  password: string;
  passwordAgain: string;
}

export function readFirstAdminForm(data: FormData): FirstAdminForm {
  return {
    email: textField(data, 'email'),
    password: textField(data, 'password', false),
    passwordAgain: textField(data, 'passwordAgain', false),
  };
}

/** An address, and the same password twice; the registry checks the password rules. */
export function checkFirstAdminForm(input: FirstAdminForm): Problems | null {
  const fields: Problems['fields'] = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) fields.email = { key: 'forgotErrorEmail' };
  if (input.password === '') fields.password = { key: 'invitationErrorPasswordMissing' };
  if (input.passwordAgain === '') fields['password-again'] = { key: 'invitationErrorPasswordAgainMissing' };
  else if (input.password !== '' && input.passwordAgain !== input.password)
    fields['password-again'] = { key: 'invitationErrorPasswordsDiffer' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** The registry's refusal at its field; an unusable link is answered by the page itself. */
export function firstAdminProblems(error: ApiError): Problems {
  return problemsFromApiError(error, {
    fields: { email: 'email', password: 'password' },
    fieldMessages: {
      WEAK_PASSWORD: 'invitationErrorWeakPassword',
      INVALID_EMAIL: 'forgotErrorEmail',
      EMAIL_TAKEN: 'peopleAdminSetupEmailTaken',
    },
  });
}
