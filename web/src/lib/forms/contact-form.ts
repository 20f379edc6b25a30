// The contact relay form (an initiative's page, action ?/contact), without SvelteKit: reading
// the posted fields, the checks made before calling the registry (the same limits as the
// relay's: schemas/graphql/relay.graphql), and the registry's typed errors turned into
// messages next to the fields or above the form. RateLimited says how long to wait.
import type { MessageKey } from '../i18n/catalog.ts';

export const CONTACT_FIELDS = ['senderName', 'replyTo', 'subject', 'body'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The `id` and `name` of each field's input; the error summary links to `#<id>`. */
export const CONTACT_FIELD_IDS: Readonly<Record<ContactField, string>> = {
  senderName: 'contact-sender',
  replyTo: 'contact-reply-to',
  subject: 'contact-subject',
  body: 'contact-body',
};

export type ContactMessage = { readonly key: MessageKey; readonly values?: Readonly<Record<string, number | string>> } | { readonly text: string; readonly lang: 'en' };

export interface ContactProblems {
  fields: Partial<Record<ContactField, ContactMessage>>;
  general: ContactMessage[];
}

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
export interface SendMessageError {
  code: string;
  message: string;
  fields?: ReadonlyArray<{ field: string; code: string; message: string }> | null;
  retryAfterSeconds?: number | null;
}

const FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'replyTo/INVALID_EMAIL': 'contactErrorReplyTo',
  'senderName/TOO_LONG': 'contactErrorSenderTooLong',
  'subject/REQUIRED': 'contactErrorSubjectMissing',
  'subject/TOO_LONG': 'contactErrorSubjectTooLong',
  'body/TOO_SHORT': 'contactErrorBodyTooShort',
  'body/TOO_LONG': 'contactErrorBodyTooLong',
};

/** Where each problem of a sendMessage error goes, translated when we know it. */
export function problemsFromSendError(error: SendMessageError): ContactProblems {
  const problems: ContactProblems = { fields: {}, general: [] };
  if (error.code === 'RATE_LIMITED') {
    problems.general.push({ key: 'contactErrorRateLimited', values: { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) } });
  } else if (error.code === 'INVALID_STATE') {
    problems.general.push({ key: 'contactErrorNoRelay' });
  } else if (error.fields?.length) {
    for (const fieldError of error.fields) {
      const field = (CONTACT_FIELDS as readonly string[]).includes(fieldError.field) ? (fieldError.field as ContactField) : undefined;
      const key = FIELD_MESSAGES[`${fieldError.field}/${fieldError.code}`];
      const message: ContactMessage = key ? { key } : { text: `${fieldError.field}: ${fieldError.message}`, lang: 'en' };
      if (field && !problems.fields[field]) problems.fields[field] = message;
      else if (!field) problems.general.push(message);
    }
  } else {
    problems.general.push({ text: error.message, lang: 'en' });
  }
  return problems;
}

/** HTTP status of a refused message: 429 when rate-limited, else 400. */
export function statusForSendError(code: string): 400 | 429 {
  return code === 'RATE_LIMITED' ? 429 : 400;
}
