// The problems of a refused edit (an initiative's texts, needs, privacy; reviews, partners,
// accounts): the registry's error mapped by api-error-problems.ts, with the messages that mean
// the same on every signed-in form, and a version conflict told field by field.
import type { MessageKey } from '../../i18n/catalog.ts';
import { problemsFromApiError, type ApiError, type ProblemMessage } from '../api-error-problems.ts';
import { fieldNameKey } from './field-names.ts';
import type { Problems } from './form-problems.ts';

/** Our messages for the registry's error codes that mean the same on every form. */
const GENERAL_MESSAGES: Readonly<Record<string, MessageKey>> = {
  CSRF_FAILED: 'manageErrorCsrf',
  NOT_AUTHORIZED: 'manageErrorNotAuthorized',
  NOT_FOUND: 'manageErrorNotFound',
  INVALID_STATE: 'manageErrorInvalidState',
  SIGN_IN_REQUIRED: 'manageErrorSignInRequired',
};

/**
 * A version conflict: someone else saved the record since this page was opened. Nothing was
 * overwritten; the page says so, names each field that changed (in words when we can), and
 * shows the latest version, keeping what the reader typed so they can apply it again.
 */
export function conflictProblems(error: ApiError): Problems {
  const general: ProblemMessage[] = [{ key: 'editConflict' }];
  for (const changed of error.changedFields ?? []) {
    const fieldKey = fieldNameKey(changed.field);
    general.push(fieldKey ? { key: 'editConflictField', fieldKey } : { text: `${changed.field}: ${changed.message}`, lang: 'en' });
  }
  return { fields: {}, general };
}

/**
 * Where each problem of a registry error goes on an editing form (api-error-problems.ts):
 * `fieldIds` maps the registry's dotted field paths to this form's field ids. A version
 * conflict is told as such (conflictProblems). `fieldMessages`: a form's own words for field
 * errors, by code (api-error-problems.ts), instead of the registry's English.
 */
export function editProblems(
  error: ApiError,
  fieldIds: Readonly<Record<string, string>> = {},
  fieldMessages?: Readonly<Record<string, MessageKey>>,
): Problems {
  if (error.code === 'VERSION_CONFLICT') return conflictProblems(error);
  return problemsFromApiError(error, { fields: fieldIds, codeMessages: GENERAL_MESSAGES, ...(fieldMessages ? { fieldMessages } : {}) });
}
