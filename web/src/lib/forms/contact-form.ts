// The contact relay form (an initiative's page, action ?/contact), without SvelteKit: reading
// the posted fields, the checks made before calling the registry (the same limits as the
// relay's: schemas/graphql/relay.graphql), and the registry's typed errors turned into
// messages next to the fields or above the form. RateLimited says how long to wait.
import type { MessageKey } from '../i18n/catalog.ts';
import { minutesToWait, problemsFromApiError, type ApiError, type ProblemMessage, type Problems } from './api-error-problems.ts';

export const CONTACT_FIELDS = ['senderName', 'replyTo', 'subject', 'body'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The `id` and `name` of each field's input; the error summary links to `#<id>`. */
export const CONTACT_FIELD_IDS: Readonly<Record<ContactField, string>> = {
  senderName: 'contact-sender',
  replyTo: 'contact-reply-to',
  subject: 'contact-subject',
  body: 'contact-body',
};

export type ContactMessage = ProblemMessage;

export type ContactProblems = Problems<ContactField>;

export type ContactInput = Record<ContactField, string>;

export const LIMITS = { senderName: 200, subject: 200, bodyMin: 10, bodyMax: 5_000 } as const;

/** The posted values, each a string (a file counts as empty); the address and subject trimmed. */
export function readContactForm(data: FormData): ContactInput {
  const text = (field: ContactField) => {
    const value = data.get(CONTACT_FIELD_IDS[field]);
    return typeof value === 'string' ? value : '';
  };
  return { senderName: text('senderName').trim(), replyTo: text('replyTo').trim(), subject: text('subject').trim(), body: text('body') };
}

// Only the shape: whether the address works is for the initiative's answer to find out.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems found before sending; null when the message can go to the registry. */
export function checkContactForm(input: ContactInput): ContactProblems | null {
  const fields: ContactProblems['fields'] = {};
  if (input.senderName.length > LIMITS.senderName) fields.senderName = { key: 'contactErrorSenderTooLong' };
  if (!EMAIL.test(input.replyTo)) fields.replyTo = { key: 'contactErrorReplyTo' };
  if (input.subject === '') fields.subject = { key: 'contactErrorSubjectMissing' };
  else if (input.subject.length > LIMITS.subject) fields.subject = { key: 'contactErrorSubjectTooLong' };
  if (input.body.trim().length < LIMITS.bodyMin) fields.body = { key: 'contactErrorBodyTooShort' };
  else if (input.body.length > LIMITS.bodyMax) fields.body = { key: 'contactErrorBodyTooLong' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** A MutationError of sendMessage, with the fields of its subtypes. */
export type SendMessageError = ApiError;

const FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'replyTo/INVALID_EMAIL': 'contactErrorReplyTo',
  'senderName/TOO_LONG': 'contactErrorSenderTooLong',
  'subject/REQUIRED': 'contactErrorSubjectMissing',
  'subject/TOO_LONG': 'contactErrorSubjectTooLong',
  'body/TOO_SHORT': 'contactErrorBodyTooShort',
  'body/TOO_LONG': 'contactErrorBodyTooLong',
};

/** The registry's field names that are fields of this form (the same names). */
const API_FIELDS: Readonly<Record<string, ContactField>> = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, field]));

/** Where each problem of a sendMessage error goes (api-error-problems.ts), translated when we know it; RateLimited says how long to wait. */
export function problemsFromSendError(error: SendMessageError): ContactProblems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'contactErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  if (error.code === 'INVALID_STATE') return { fields: {}, general: [{ key: 'contactErrorNoRelay' }] };
  return problemsFromApiError(error, { fields: API_FIELDS, fieldMessages: FIELD_MESSAGES, fieldText: 'withPath' });
}

/** HTTP status of a refused message: 429 when rate-limited, else 400. */
export function statusForSendError(code: string): 400 | 429 {
  return code === 'RATE_LIMITED' ? 429 : 400;
}
