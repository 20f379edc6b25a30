// The logic of the invitation form (routes/invitations/[token]), without SvelteKit: reading the
// posted fields, the checks made before calling the registry (fields missing, the two passwords
// different), and turning the registry's typed errors into messages next to the fields or in
// the error summary. Messages are message keys, translated by the page; when there is no
// translation for an error, the registry's own (English) text is kept and marked as English.
import type { MessageKey } from '../i18n/catalog.ts';
import { problemsFromApiError, type ApiError, type ProblemMessage, type Problems } from './api-error-problems.ts';

/** The form's fields, in the order they appear (the error summary follows it). */
export const INVITATION_FIELDS = ['email', 'password', 'passwordAgain'] as const;

export type InvitationField = (typeof INVITATION_FIELDS)[number];

/** The `id` and `name` of each field's input; the summary links to `#<id>`. */
export const FIELD_IDS: Readonly<Record<InvitationField, string>> = {
  email: 'email',
  password: 'password',
  passwordAgain: 'password-again',
};

/** A message to show: one of ours (translated) or the registry's own text, which is English. */
export type FormMessage = ProblemMessage;

/** One message per field, next to the field and linked from the summary; the rest (the link expired …) in the summary only. */
export type FormProblems = Problems<InvitationField>;

/** What was posted. Only the e-mail address is ever sent back to the browser. */
export interface InvitationFormInput {
  email: string;
  password: string;
  passwordAgain: string;
}

/** A MutationError as the acceptInvitation mutation returns it (fields only for ValidationFailed). */
export type ApiMutationError = ApiError;

/** The posted values; anything that is not text (a file) counts as empty. Only the e-mail is trimmed. */
export function readInvitationForm(data: FormData): InvitationFormInput {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { email: text(FIELD_IDS.email).trim(), password: text(FIELD_IDS.password), passwordAgain: text(FIELD_IDS.passwordAgain) };
}

/**
 * The checks made before asking the registry: every field filled in, and the same password
 * twice. Whether the e-mail address and the password are acceptable is the registry's call.
 * Returns null when the form can be sent.
 */
export function checkInvitationForm(input: InvitationFormInput): FormProblems | null {
  const fields: FormProblems['fields'] = {};
  if (input.email === '') fields.email = { key: 'invitationErrorEmailMissing' };
  if (input.password === '') fields.password = { key: 'invitationErrorPasswordMissing' };
  if (input.passwordAgain === '') fields.passwordAgain = { key: 'invitationErrorPasswordAgainMissing' };
  else if (input.password !== '' && input.password !== input.passwordAgain)
    fields.passwordAgain = { key: 'invitationErrorPasswordsDiffer' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** The registry's field names (FieldError.field) that are fields of this form. */
const API_FIELDS: Readonly<Record<string, InvitationField>> = { email: 'email', password: 'password' };

/** Our messages for the registry's codes, by FieldError.code or MutationError.code. */
const MESSAGES_BY_CODE: Readonly<Record<string, MessageKey>> = {
  WEAK_PASSWORD: 'invitationErrorWeakPassword',
  INVALID_EMAIL: 'invitationErrorInvalidEmail',
  EMAIL_TAKEN: 'invitationErrorEmailTaken',
  INVITATION_USED: 'invitationErrorUsed',
  INVITATION_EXPIRED: 'invitationErrorExpired',
  INVITATION_INVALID: 'invitationErrorInvalid',
  INVITATION_WITHDRAWN: 'invitationErrorWithdrawn',
};

/**
 * Where each problem of an acceptInvitation error goes (api-error-problems.ts): field errors
 * for `email` and `password` next to those fields, everything else (an expired link …) in the
 * summary. Translated by code when we have a message for it, else the registry's message; a
 * lone field error's full sentence is the error's message ("The password must be …").
 */
export function invitationProblems(error: ApiMutationError): FormProblems {
  return problemsFromApiError(error, {
    fields: API_FIELDS,
    codeMessages: MESSAGES_BY_CODE,
    fieldMessages: MESSAGES_BY_CODE,
    fieldText: 'withPath',
    sentenceWhenAlone: true,
  });
}

/** The problem to show when the registry could not be asked at all (it is down, it failed). */
export function unavailableProblem(): FormProblems {
  return { fields: {}, general: [{ key: 'invitationErrorUnavailable' }] };
}

/** HTTP status of the answer to a refused form: 410 for a used, expired or withdrawn link, 404 for an unknown one, else 400. */
export function statusForError(code: string): 400 | 404 | 410 {
  if (code === 'INVITATION_USED' || code === 'INVITATION_EXPIRED' || code === 'INVITATION_WITHDRAWN') return 410;
  if (code === 'INVITATION_INVALID') return 404;
  return 400;
}

export interface SummaryItem {
  /** The field the item links to; none for a general problem. */
  field?: InvitationField;
  message: FormMessage;
}

/** The error summary's items: general problems first, then the fields in the order of the form. */
export function summaryItems(problems: FormProblems): SummaryItem[] {
  const items: SummaryItem[] = problems.general.map((message) => ({ message }));
  for (const field of INVITATION_FIELDS) {
    const message = problems.fields[field];
    if (message) items.push({ field, message });
  }
  return items;
}

/** The text of a message in the reader's language (ours) or as the registry wrote it. */
export function messageText(message: FormMessage, translate: (key: MessageKey) => string): string {
  return 'key' in message ? translate(message.key) : message.text;
}

/** The language to mark a message with: `en` for the registry's texts, none for ours. */
export function messageLang(message: FormMessage): 'en' | undefined {
  return 'key' in message ? undefined : message.lang;
}
