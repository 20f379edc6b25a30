// The node's fediverse presence (admins; ADR 0051): whether Mastodon may suggest the node's
// actors in its directory and index their posts, which of the node's published practices are
// pinned to its profile, and its own pictures. A plain form post; the registry checks every
// value (fediverse-settings-service.ts). Private: never cached nor indexed (admin layout).
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { FEDIVERSE_SETTINGS_QUERY, UPDATE_FEDIVERSE_SETTINGS } from '#lib/server/manage/admin-queries.ts';
import { FEDIVERSE_FIELD_IDS, fediverseProblems, readFediverseForm, type FediverseForm } from '#lib/forms/manage/fediverse-form.ts';
import type { Actions, PageServerLoad } from './$types';
import type { FediverseSettingsPageQuery, UpdateFediverseSettingsMutation } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const data = await loadAs<FediverseSettingsPageQuery>(event, FEDIVERSE_SETTINGS_QUERY, { lang: event.locals.lang });
  const practices = data.goodPractices.edges
    .filter((e) => e.node.origin.isLocal)
    .map((e) => ({ slug: e.node.slug, title: e.node.title.text, language: e.node.title.language }));
  return { settings: data.fediverseSettings, practices, ids: FEDIVERSE_FIELD_IDS };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const posted: FediverseForm = readFediverseForm(form);
    const outcome = await runMutation<UpdateFediverseSettingsMutation['result'], FediverseForm>(
      event,
      form,
      UPDATE_FEDIVERSE_SETTINGS,
      { input: posted },
      { posted, problems: fediverseProblems },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true };
  },
};
