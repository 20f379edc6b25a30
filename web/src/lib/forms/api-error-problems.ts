// The one place that turns the registry's typed errors (MutationError and its subtypes) into the
// problems a form shows: a message next to each field the form has, the rest in the error
// summary. A message is one of ours (a key, translated by the page) when we have one for the
// error's code, else the registry's own English text, marked as English so screen readers read
// it as such. Every form (editing, invitations, the contact relay) maps its errors here; what
// differs between forms is data (which fields it has, which codes it translates), given as a
// mapping.
import type { MessageKey } from '../i18n/catalog.ts';

/** One field's error as the registry returns it (ValidationFailed.fields, VersionConflict.changedFields). */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** A MutationError as the registry returns it (each mutation's .graphql file selects these fields). */
export interface ApiError {
  code: string;
  message: string;
  fields?: ReadonlyArray<ApiFieldError> | null;
  changedFields?: ReadonlyArray<ApiFieldError> | null;
  currentVersion?: number | null;
  retryAfterSeconds?: number | null;
}

export type ProblemMessage =
  | {
      readonly key: MessageKey;
      readonly values?: Readonly<Record<string, string | number>>;
      /** A message key whose translation fills the `{field}` placeholder (a field's name in words). */
      readonly fieldKey?: MessageKey;
    }
  | { readonly text: string; readonly lang: 'en' };

export interface Problems<Field extends string = string> {
  /** By the form's field: shown next to the field, linked from the summary. */
  fields: Partial<Record<Field, ProblemMessage>>;
  /** Problems with no field of this form. */
  general: ProblemMessage[];
}

/** How one form reads the registry's errors. */
export interface ApiErrorMapping<Field extends string> {
  /**
   * The registry's dotted field paths ("summary.fr", "contact.email") → this form's fields. A
   * path is matched by its longest known prefix, so "services.0.name.fr" can point at the
   * service's field. Field errors the form has no field for go to the summary with their path,
   * so none is lost.
   */
  fields: Readonly<Record<string, Field>>;
  /** Our messages for an error without field errors, by its code (NOT_FOUND …). */
  codeMessages?: Readonly<Record<string, MessageKey>>;
  /**
   * Our messages for field errors, by their code (WEAK_PASSWORD) or by "field/CODE" for one field
   * only ("practices/CODE" also for the items "practices.0", "practices.1" …).
   */
  fieldMessages?: Readonly<Record<string, MessageKey>>;
  /**
   * The registry's text shown next to a field when we have no message for it: its own words
   * ("must be at most 1000 characters.", the default), or prefixed with its path
   * ("email: must be …"); `sentenceWhenAlone` shows the error's whole message when it has one
   * field error only ("The password must not contain the e-mail address.").
   */
  fieldText?: 'own' | 'withPath';
  sentenceWhenAlone?: boolean;
}

export function problemsFromApiError<Field extends string>(error: ApiError, mapping: ApiErrorMapping<Field>): Problems<Field> {
  const problems: Problems<Field> = { fields: {}, general: [] };
  const fieldErrors = error.fields ?? [];
  const ours = mapping.fieldMessages ?? {};
  for (const fieldError of fieldErrors) {
    const field = fieldFor(fieldError.field, mapping.fields);
    // "field/CODE" also names the field's list items ("practices/UNKNOWN_REFERENCE" for "practices.2").
    // A message for a code alone ("Too long: shorten this text.") says nothing of where: it is
    // used beside a field only; a problem with no field of this form keeps its path.
    const listField = fieldError.field.replace(/\.\d+(?=\.|$)/g, '');
    const key =
      ours[`${fieldError.field}/${fieldError.code}`] ??
      ours[`${listField}/${fieldError.code}`] ??
      (field !== undefined ? ours[fieldError.code] : undefined);
    const withPath = mapping.sentenceWhenAlone && fieldErrors.length === 1 ? error.message : `${fieldError.field}: ${fieldError.message}`;
    const atField =
      mapping.fieldText === 'withPath'
        ? withPath
        : mapping.sentenceWhenAlone && fieldErrors.length === 1
          ? error.message
          : fieldError.message;
    if (field !== undefined && !problems.fields[field]) problems.fields[field] = key ? { key } : { text: atField, lang: 'en' };
    else if (field === undefined) problems.general.push(key ? { key } : { text: withPath, lang: 'en' });
  }
  if (fieldErrors.length === 0) {
    const key = mapping.codeMessages?.[error.code];
    problems.general.push(key ? { key } : { text: error.message, lang: 'en' });
  }
  return problems;
}

function fieldFor<Field extends string>(path: string, fields: Readonly<Record<string, Field>>): Field | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const field = fields[parts.slice(0, length).join('.')];
    if (field !== undefined) return field;
  }
  return undefined;
}

/** The registry's minutes to wait, rounded up, at least one (RateLimited.retryAfterSeconds). */
export function minutesToWait(error: Pick<ApiError, 'retryAfterSeconds'>): number {
  return Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
}
