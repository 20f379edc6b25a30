// The node's open-data licence (admins, ADR 0048): which licence its exports and feeds name.
// Private: never cached nor indexed (admin layout).
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { setDataLicence } from '#lib/server/open-data/data-licence-action.ts';
import type { OpenDataSettingsQuery } from '#lib/generated/operation-types.ts';
import SETTINGS from '#lib/server/queries/open-data-settings.graphql?raw';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { openData } = await loadAs<OpenDataSettingsQuery>(event, SETTINGS);
  return { settings: openData };
};

export const actions: Actions = { default: setDataLicence };
