// The problems of a refused form in the signed-in pages (sign-in, profile editing, reviews,
// invitations, partners), without SvelteKit: messages next to fields and in the error summary.
// A message is one of ours (a key, translated by the page, with values) or the registry's own
// English text, marked as English, when we have no translation for its code.
import type { MessageKey } from '../../i18n/catalog.ts';
import { fieldNameKey } from './field-names.ts';

export type ProblemMessage =
  | {
      readonly key: MessageKey;
      readonly values?: Readonly<Record<string, string | number>>;
      /** A message key whose translation fills the `{field}` placeholder (a field's name in words). */
      readonly fieldKey?: MessageKey;
    }
  | { readonly text: string; readonly lang: 'en' };

export interface Problems {
  /** By the form field's id: shown next to the field, linked from the summary. */
  fields: Record<string, ProblemMessage>;
  /** Problems with no field of this form. */
  general: ProblemMessage[];
}

/** A MutationError as the registry returns it (selected with `...MutationErrorFields`). */
export interface ApiError {
  code: string;
  message: string;
  fields?: ReadonlyArray<{ field: string; code: string; message: string }> | null;
  changedFields?: ReadonlyArray<{ field: string; code: string; message: string }> | null;
  currentVersion?: number | null;
  retryAfterSeconds?: number | null;
}

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

export function noProblems(): Problems {
  return { fields: {}, general: [] };
}

export function hasProblems(problems: Problems): boolean {
  return problems.general.length > 0 || Object.keys(problems.fields).length > 0;
}

/**
 * Where each problem of a registry error goes. `fieldIds` maps the registry's dotted field
 * paths ("summary.fr", "contact.email") to this form's field ids; a path is matched by its
 * longest known prefix, so "services.0.name.fr" can point at the service's field. Field
 * errors this form has no field for go to the summary with their path, so none is lost.
 */
export function problemsFromApiError(error: ApiError, fieldIds: Readonly<Record<string, string>> = {}): Problems {
  const problems = noProblems();
  const fieldErrors = error.fields ?? [];
  for (const fieldError of fieldErrors) {
    const id = fieldIdFor(fieldError.field, fieldIds);
    const message: ProblemMessage = { text: `${fieldError.field}: ${fieldError.message}`, lang: 'en' };
    if (id && !problems.fields[id]) problems.fields[id] = { text: fieldError.message, lang: 'en' };
    else if (!id) problems.general.push(message);
  }
  if (error.code === 'VERSION_CONFLICT') return conflictProblems(error);
  if (fieldErrors.length === 0) {
    const key = GENERAL_MESSAGES[error.code];
    problems.general.push(key ? { key } : { text: error.message, lang: 'en' });
  }
  return problems;
}

function fieldIdFor(path: string, fieldIds: Readonly<Record<string, string>>): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const id = fieldIds[parts.slice(0, length).join('.')];
    if (id) return id;
  }
  return undefined;
}

/** The problem to show when the registry could not be asked at all (down, failed). */
export function unavailableProblems(): Problems {
  return { fields: {}, general: [{ key: 'manageErrorUnavailable' }] };
}

export interface SummaryEntry {
  /** `#id` of the field; none for a general problem. */
  href?: string;
  message: ProblemMessage;
}

/** The error summary: general problems first, then fields in the order the form shows them. */
export function summaryEntries(problems: Problems, fieldOrder: readonly string[]): SummaryEntry[] {
  const entries: SummaryEntry[] = problems.general.map((message) => ({ message }));
  const ordered = [...fieldOrder, ...Object.keys(problems.fields).filter((id) => !fieldOrder.includes(id))];
  for (const id of ordered) {
    const message = problems.fields[id];
    if (message) entries.push({ href: `#${id}`, message });
  }
  return entries;
}

/** A posted text field; a file or a missing field is empty. */
export function textField(data: FormData, name: string, trim = true): string {
  const value = data.get(name);
  if (typeof value !== 'string') return '';
  return trim ? value.trim() : value;
}
