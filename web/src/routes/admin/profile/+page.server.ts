// The node's own profile (admins): its name and description in one language at a time (?in=<tag>,
// one tab per language: the site's nine and the node's own), and the organisation's contact, the
// city-centre point, the node's languages and the organisations that run it. One form post sends
// the whole profile (the other languages' texts as stored) with the version it was opened at.
import { error } from '@sveltejs/kit';
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { NODE_PROFILE_QUERY, UPDATE_NODE_PROFILE } from '#lib/server/manage/admin-queries.ts';
import {
  checkProfileForm,
  operatorRows,
  profileInput,
  profileProblems,
  readProfileForm,
  type ProfileForm,
} from '#lib/forms/manage/node-profile-form.ts';
import { UI_LANGUAGES } from '#lib/i18n/languages.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { NodeProfileQuery, UpdateNodeProfileMutation } from '#lib/generated/operation-types.ts';

const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const asked = event.url.searchParams.get('in');
  const lang = asked && TAG.test(asked) ? asked : event.locals.lang;
  const data = await loadAs<NodeProfileQuery>(event, NODE_PROFILE_QUERY, { lang: event.locals.lang });
  const node = data.thisNode;
  const texts = node.editableTexts ?? [];
  const tags = [...new Set([...node.defaultLanguages.map((l) => l.code), ...UI_LANGUAGES, ...texts.map((t) => t.language), lang])];
  return {
    lang,
    node,
    roles: data.taxonomy.concepts,
    tabs: tags.map((tag) => ({ tag, written: texts.some((t) => t.language === tag && (t.name || t.summary)) })),
    languageChoices: [...new Set([...node.defaultLanguages.map((l) => l.code), ...UI_LANGUAGES])],
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = String(form.get('in') ?? '');
    if (!TAG.test(lang)) error(400, 'The form is incomplete: reload the page and try again.');
    // The rest of the profile as stored now; its version goes with the change, so the registry
    // refuses it if someone saved in between.
    const { thisNode } = await loadAs<NodeProfileQuery>(event, NODE_PROFILE_QUERY, { lang: event.locals.lang });
    const posted: ProfileForm = readProfileForm(form, lang, operatorRows(thisNode.operators.length));
    const local = checkProfileForm(posted);
    if (local) return fail(400, { problems: local, posted });
    const outcome = await runMutation<UpdateNodeProfileMutation['result'], ProfileForm>(
      event,
      form,
      UPDATE_NODE_PROFILE,
      { input: profileInput(thisNode, posted) },
      { posted, problems: (apiError) => profileProblems(apiError, posted) },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true };
  },
};
