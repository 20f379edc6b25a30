// Questions between cities, for the node's staff (ADR 0046): those a partner city asked this
// node, each with a plain POST form to answer it with one of this city's practices of that type
// or a note (works without JavaScript), and those this city asked, with their answers.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { ANSWER_CITY_QUESTION, CITY_QUESTIONS_QUERY } from '#lib/server/manage/city-question-queries.ts';
import { problemsFromApiError } from '#lib/forms/api-error-problems.ts';
import { questionFormKey } from '#lib/format/city-question-form.ts';
import type { AnswerCityQuestionMutation, CityQuestionsQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  if (!account.canModerate) error(403, 'Only moderators and admins can open this page.');
  const data = await loadAs<CityQuestionsQuery>(event, CITY_QUESTIONS_QUERY, { lang: event.locals.lang });
  const practices = data.goodPractices.edges.map((e) => e.node).filter((p) => p.origin.isLocal);
  return { sent: data.sent, received: data.received, practices };
};

export const actions: Actions = {
  answer: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const practice = String(form.get('practice') ?? '');
    const note = String(form.get('note') ?? '');
    // Field ids are per question (several answer forms on one page): the question IRI's last segment.
    const key = questionFormKey(id);
    const outcome = await runMutation<AnswerCityQuestionMutation['result'], { practice: string; note: string }>(
      event,
      form,
      ANSWER_CITY_QUESTION,
      { input: { id, ...(practice ? { practice } : {}), ...(note.trim() ? { note } : {}) } },
      {
        posted: { practice, note },
        formId: id,
        problems: (apiError) =>
          problemsFromApiError(apiError, {
            fields: { practice: `practice-${key}`, note: `note-${key}` },
            codeMessages: { INVALID_STATE: 'askcErrorAnswered', NOT_AUTHORIZED: 'manageErrorNotAuthorized' },
            fieldMessages: {
              'note/REQUIRED': 'askcErrorAnswerRequired',
              'note/PERSONAL_CONTACT': 'askcErrorPersonalContact',
              'note/TOO_LONG': 'askcErrorTooLong',
              'practice/UNKNOWN_REFERENCE': 'askcErrorPractice',
            },
          }),
      },
    );
    if (!outcome.ok) return outcome.failure;
    return { answered: id };
  },
};
