// What the admin's licence form (/admin/open-data) may send: one of the DataLicence enum values,
// or "none" for "not set", with the profile's version. Anything else is refused before the
// registry is asked (the registry refuses it too, as GraphQL would any unknown enum value).
import type { Problems } from '../forms/manage/form-problems.ts';

export const LICENCE_VALUES: ReadonlySet<string> = new Set(['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC0_1_0', 'ODBL_1_0', 'none']);

/** The field the form's problems link to: the first radio button of the group. */
export const LICENCE_FIELD_ID = 'licence-CC_BY_4_0';

export type LicenceForm = { ok: true; licence: string | null; profileVersion: number } | { ok: false; problems: Problems };

export function readLicenceForm(form: FormData): LicenceForm {
  const licence = form.get('licence');
  const version = Number(form.get('profileVersion'));
  if (typeof licence !== 'string' || !LICENCE_VALUES.has(licence) || !Number.isInteger(version))
    return { ok: false, problems: { fields: { [LICENCE_FIELD_ID]: { key: 'odxAdminUnknown' } }, general: [] } };
  return { ok: true, licence: licence === 'none' ? null : licence, profileVersion: version };
}
