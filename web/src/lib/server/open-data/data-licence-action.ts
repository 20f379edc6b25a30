// The admin's form on /admin/open-data: a plain POST (CSRF field, works without JavaScript) of
// one of the offered licences, or "none"; the registry authorises, checks the version and
// tells partners (ADR 0048).
import { fail } from '@sveltejs/kit';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { SetDataLicenceMutation } from '#lib/generated/operation-types.ts';
import type { SessionEvent } from '../session.ts';
import { runMutation } from '../manage/edit-action.ts';
import SET_DATA_LICENCE from '../queries/set-data-licence.graphql?raw';

/** The form's values: the enum values of DataLicence, and "none". */
export const LICENCE_VALUES = new Set(['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC0_1_0', 'ODBL_1_0', 'none']);

export async function setDataLicence(event: SessionEvent & { request: Request }) {
  const form = await event.request.formData();
  const licence = textField(form, 'licence');
  const version = Number(textField(form, 'profileVersion'));
  if (!LICENCE_VALUES.has(licence) || !Number.isInteger(version))
    return fail(400, { problems: { fields: { 'licence-CC_BY_4_0': { key: 'odxAdminUnknown' as const } }, general: [] } });
  const outcome = await runMutation<SetDataLicenceMutation['result']>(
    event,
    form,
    SET_DATA_LICENCE,
    {
      licence: licence === 'none' ? null : licence,
      profileVersion: version,
    },
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
