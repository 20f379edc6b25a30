// The problems of a refused form in the signed-in pages (sign-in, profile editing, reviews,
// invitations, partners), without SvelteKit: messages next to fields and in the error summary.
// A message is one of ours (a key, translated by the page, with values) or the registry's own
// English text, marked as English, when we have no translation for its code. The registry's
// errors become problems in api-error-problems.ts (editing forms: edit-problems.ts).
import type { ProblemMessage, Problems as FieldProblems } from '../api-error-problems.ts';

export { type ApiError, type ProblemMessage } from '../api-error-problems.ts';

/** A signed-in page's form problems, by the form field's id. */
export type Problems = FieldProblems<string>;

export function noProblems(): Problems {
  return { fields: {}, general: [] };
}

export function hasProblems(problems: Problems): boolean {
  return problems.general.length > 0 || Object.keys(problems.fields).length > 0;
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
