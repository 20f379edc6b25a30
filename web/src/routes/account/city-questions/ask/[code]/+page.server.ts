// Asking a partner city "how do you do this?" about one practice type (ADR 0046), from the
// practice type's comparison page. The partner cities offered are those whose practices of the
// type this node holds; the form is a plain POST (works without JavaScript), and the registry
// refuses it to accounts that are not the node's staff.
import { error, redirect } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { ASK_CITY, ASK_CITY_FORM_QUERY } from '#lib/server/manage/city-question-queries.ts';
import { practiceTypeCode } from '#lib/format/explore-lists.ts';
import { problemsFromApiError } from '#lib/forms/api-error-problems.ts';
import type { AskCityFormQuery, AskCityMutation } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  if (!account.canModerate) error(403, 'Only moderators and admins can ask partner cities.');
  const code = practiceTypeCode(event.params.code);
  if (!code) error(404);
  const data = await loadAs<AskCityFormQuery>(event, ASK_CITY_FORM_QUERY, { codes: [code], lang: event.locals.lang });
  const concept = data.taxonomy?.concepts.find((c) => c.code === code);
  if (!concept) error(404);
  const practices = data.goodPractices.edges.map((e) => e.node);
  const cities = new Map<string, { id: string; city: string }>();
  for (const p of practices) if (!p.origin.isLocal && p.node) cities.set(p.node.id, { id: p.node.id, city: p.node.city });
  return {
    code,
    label: concept.label,
    hasOwn: practices.some((p) => p.origin.isLocal),
    cities: [...cities.values()].sort((a, b) => a.city.localeCompare(b.city)),
  };
};

export const actions: Actions = {
  ask: async (event) => {
    const form = await event.request.formData();
    const code = practiceTypeCode(event.params.code);
    if (!code) error(404);
    const node = String(form.get('node') ?? '');
    const text = String(form.get('text') ?? '');
    const outcome = await runMutation<AskCityMutation['result'], { node: string; text: string }>(
      event,
      form,
      ASK_CITY,
      { input: { node, practiceType: code, text: [{ language: event.locals.lang, text }] } },
      {
        posted: { node, text },
        problems: (apiError) =>
          problemsFromApiError(apiError, {
            fields: { node: 'node', text: 'text' },
            codeMessages: { ALREADY_EXISTS: 'askcErrorAlreadyAsked', NOT_AUTHORIZED: 'manageErrorNotAuthorized' },
            // The text is sent in the reader's language, so its errors name "text.<lang>": matched by code.
            fieldMessages: {
              NOT_A_PARTNER: 'askcErrorNode',
              REQUIRED: 'askcErrorTextRequired',
              PERSONAL_CONTACT: 'askcErrorPersonalContact',
              TOO_LONG: 'askcErrorTooLong',
              'practiceType/ALREADY_ASKED': 'askcErrorAlreadyAsked',
            },
          }),
      },
    );
    if (!outcome.ok) return outcome.failure;
    redirect(303, '/account/city-questions?asked=1');
  },
};
