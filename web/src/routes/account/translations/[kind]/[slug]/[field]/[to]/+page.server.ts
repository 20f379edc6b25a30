// One text translated side by side with its source (ADR 0041): the source in its language, the
// translation as published when it is out of date, and a plain POST form for the translation,
// which the registry keeps for a moderator to approve. The page's address names the record, the
// field and the language; the registry decides whether the text needs translating.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { TRANSLATE_TEXT, TRANSLATION_TASK_QUERY } from '#lib/server/manage/translation-queries.ts';
import { KIND_OF_SEGMENT } from '#lib/format/translation-fields.ts';
import { problemsFromApiError } from '#lib/forms/api-error-problems.ts';
import { conflictProblems } from '#lib/forms/manage/edit-problems.ts';
import type { TranslateTextMutation, TranslationTaskQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

function kindOf(segment: string): (typeof KIND_OF_SEGMENT)[keyof typeof KIND_OF_SEGMENT] {
  const kind = KIND_OF_SEGMENT[segment as keyof typeof KIND_OF_SEGMENT];
  if (!kind) error(404);
  return kind;
}

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  if (account.role !== 'TRANSLATOR' && !account.canModerate) error(403, 'Only translators, moderators and admins can open this page.');
  const { kind: segment, slug, field, to } = event.params;
  const data = await loadAs<TranslationTaskQuery>(event, TRANSLATION_TASK_QUERY, { kind: kindOf(segment), id: slug, field, to });
  return { task: data.translationTask, to };
};

export const actions: Actions = {
  translate: async (event) => {
    const form = await event.request.formData();
    const { kind: segment, slug, field, to } = event.params;
    const text = String(form.get('text') ?? '');
    const version = Number(form.get('version'));
    if (!Number.isInteger(version) || version < 1) error(400, 'The form is incomplete: reload the page and try again.');
    const outcome = await runMutation<TranslateTextMutation['result'], { text: string }>(
      event,
      form,
      TRANSLATE_TEXT,
      { input: { kind: kindOf(segment), id: slug, version, field, language: to, text } },
      {
        posted: { text },
        problems: (apiError) =>
          apiError.code === 'VERSION_CONFLICT'
            ? conflictProblems(apiError)
            : problemsFromApiError(apiError, {
                fields: { text: 'text' },
                codeMessages: { INVALID_STATE: 'translErrorWaiting', NOT_AUTHORIZED: 'manageErrorNotAuthorized' },
                fieldMessages: { 'text/REQUIRED': 'translErrorTextRequired', 'text/TOO_LONG': 'translErrorTextTooLong' },
              }),
      },
    );
    if (!outcome.ok) return outcome.failure;
    return { sent: true as const, text: text.trim() };
  },
};
