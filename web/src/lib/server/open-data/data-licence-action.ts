// The admin's form on /admin/open-data: a plain POST (CSRF field, works without JavaScript) of
// one of the offered licences, or "none" (data-licence-form.ts); the registry authorises,
// checks the version and tells partners (ADR 0048).
import { fail } from '@sveltejs/kit';
import type { SetDataLicenceMutation } from '#lib/generated/operation-types.ts';
import { readLicenceForm } from '#lib/open-data/data-licence-form.ts';
import type { SessionEvent } from '../session.ts';
import { runMutation } from '../manage/edit-action.ts';
import SET_DATA_LICENCE from '../queries/set-data-licence.graphql?raw';

export async function setDataLicence(event: SessionEvent & { request: Request }) {
  const form = await event.request.formData();
  const read = readLicenceForm(form);
  if (!read.ok) return fail(400, { problems: read.problems });
  const outcome = await runMutation<SetDataLicenceMutation['result']>(
    event,
    form,
    SET_DATA_LICENCE,
    { licence: read.licence, profileVersion: read.profileVersion },
    {
      problems: (error) => ({
        fields: {},
        general: [{ key: error.code === 'VERSION_CONFLICT' ? ('odxAdminConflict' as const) : ('odxAdminFailed' as const) }],
      }),
    },
  );
  if (!outcome.ok) return outcome.failure;
  return { saved: true };
}
